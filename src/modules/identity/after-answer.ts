import type { Logger } from '../../platform/logger.ts';

/**
 * Work done after the answer has gone: what only a known login causes (a
 * reset message, a find-account email, a failed sign-in's record) must not
 * make its answer slower than an unknown login's, or the time would tell
 * which logins exist. A failure is logged, never thrown (the answer is
 * already sent). `settle()` waits for everything started so far: tests that
 * read the outbox, the demo outbox's routes and the module's `stop` use it.
 */
export type AfterAnswer = {
  run(what: string, work: () => Promise<unknown>): void;
  settle(): Promise<void>;
};

export function createAfterAnswer(logger?: Logger): AfterAnswer {
  const pending = new Set<Promise<void>>();
  return {
    run(what, work) {
      // setImmediate: the reply is written first, then the work starts.
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(() => undefined, (error: unknown) => logger?.error({ err: error, what }, 'work after the answer failed'))
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
