/**
 * Runs tasks one after another per key, in the order they arrive: two
 * messages a member sends quickly are answered turn by turn, never at once
 * (in this process; the state's last_seq guards across processes).
 */
export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones behind it.
    const result = previous.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
