/**
 * A task a module repeats in the background while the server runs (a sweep,
 * overdue steps): started once, never keeping the process alive, stopped on
 * close. An interval of 0 or less never starts it (tests drive the task).
 */
export function repeatingTask(intervalMs: number, tick: () => void): { start(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      if (intervalMs > 0 && !timer) {
        timer = setInterval(tick, intervalMs);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
