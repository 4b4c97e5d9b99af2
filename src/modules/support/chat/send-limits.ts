import { AppError } from '../../../platform/errors.ts';

export type RateLimit = { count: number; windowMs: number };

/** Messages one sender may post in one conversation, over all their sockets and the HTTP route together. */
export const SEND_LIMIT: RateLimit = { count: 30, windowMs: 10_000 };
/** Conversations one member or visitor may start: each one wakes the assistant. */
export const START_LIMIT: RateLimit = { count: 10, windowMs: 10 * 60_000 };

const LONGEST_WINDOW_MS = Math.max(SEND_LIMIT.windowMs, START_LIMIT.windowMs);
const SWEEP_ABOVE = 10_000;

export const sendingTooFast = (): AppError =>
  new AppError({ code: 'RATE_LIMITED', message: 'You are sending messages very fast; wait a few seconds.', status: 429 });
export const startingTooMany = (): AppError =>
  new AppError({ code: 'RATE_LIMITED', message: 'You have started several conversations in the last few minutes. Carry on in one of them, or try again a little later.', status: 429 });

/**
 * Sliding windows kept in this process's memory. A limit per connection let
 * a client open a second socket, or post over HTTP, to go on flooding; this
 * one is keyed by who sends where, whatever the path. Windows run on the
 * process's own time (`now`), not the app clock, which tests hold still.
 */
export function createSendLimiter(now: () => number = Date.now) {
  const recent = new Map<string, number[]>();
  const sweep = (at: number) => {
    for (const [key, times] of recent) if ((times.at(-1) ?? 0) <= at - LONGEST_WINDOW_MS) recent.delete(key);
  };
  return {
    /** Counts the attempt and says whether it is within the limit (a refused one is not counted). */
    take(key: string, limit: RateLimit): boolean {
      const at = now();
      const kept = (recent.get(key) ?? []).filter((time) => at - time < limit.windowMs);
      const allowed = kept.length < limit.count;
      if (allowed) kept.push(at);
      recent.set(key, kept);
      if (recent.size > SWEEP_ABOVE) sweep(at);
      return allowed;
    },
  };
}

export type SendLimiter = ReturnType<typeof createSendLimiter>;
