import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { sha256 } from '../secrets.ts';

/**
 * At most `limit` requests per `windowSeconds` for one subject in one scope
 * (`billing.simulate`, `helpcenter.search`…). `message` is what the client
 * reads when refused, before "Try again in N seconds."
 */
export type RateLimitPolicy = { scope: string; limit: number; windowSeconds: number; message?: string };

export type RateLimitDecision = { allowed: boolean; retryAfterSeconds: number };

export type RateLimiterOptions = {
  db: Db;
  /** Milliseconds since the epoch. The process's own time: the app clock stands still in tests. */
  now?: () => number;
  /** Expired counters are deleted once every this many requests counted by this process. */
  sweepEvery?: number;
};

type Counts = { current: number; previous: number };

/**
 * Request limits that hold across server processes: the counters live in
 * PostgreSQL (platform_rate_limits), like every other piece of coordination
 * between instances.
 *
 * Each request is counted first, in one atomic upsert, and judged on the
 * count it got back: concurrent requests queue on the counter row and each
 * sees a different count, so a burst sent all at once lets exactly `limit`
 * through. The window slides: the previous fixed window's count weighs in
 * proportion to how much of it still overlaps, so a client cannot send
 * `limit` at the end of one window and `limit` again at the start of the
 * next. A refused request counts too, so a client that keeps knocking waits
 * longer. Subjects (client addresses) are stored as SHA-256 hashes.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const now = options.now ?? Date.now;
  const sweepEvery = options.sweepEvery ?? 1000;
  let sinceSweep = 0;

  async function count(policy: RateLimitPolicy, subject: string, at: number): Promise<Counts> {
    const windowMs = policy.windowSeconds * 1000;
    const start = Math.floor(at / windowMs) * windowMs;
    const iso = (ms: number) => new Date(ms).toISOString();
    const result = await sql<{ current: number; previous: number }>`
      with counted as (
        insert into platform_rate_limits (scope, subject, window_start, count, expires_at)
        values (${policy.scope}, ${subject}, ${iso(start)}::timestamptz, 1, ${iso(start + 2 * windowMs)}::timestamptz)
        on conflict (scope, subject, window_start) do update set count = platform_rate_limits.count + 1
        returning count
      )
      select (select count from counted) as current,
        coalesce((select count from platform_rate_limits
                  where scope = ${policy.scope} and subject = ${subject} and window_start = ${iso(start - windowMs)}::timestamptz), 0) as previous`
      .execute(options.db);
    const row = result.rows[0];
    return { current: Number(row.current), previous: Number(row.previous) };
  }

  async function sweep(): Promise<number> {
    const result = await sql`delete from platform_rate_limits where expires_at < ${new Date(now()).toISOString()}::timestamptz`.execute(options.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Counts one request of `subject` and says whether it is within the limit. */
  async function take(policy: RateLimitPolicy, subject: string): Promise<RateLimitDecision> {
    if (++sinceSweep >= sweepEvery) {
      sinceSweep = 0;
      await sweep();
    }
    const at = now();
    const windowMs = policy.windowSeconds * 1000;
    const elapsed = (at % windowMs) / windowMs;
    const counts = await count(policy, sha256(subject), at);
    const allowed = counts.previous * (1 - elapsed) + counts.current <= policy.limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : secondsUntilRoom(counts, elapsed, policy) };
  }

  return { take, sweep };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * When one more request would pass if nothing else were counted meanwhile:
 * later in this window as the previous one's weight fades, or in the next,
 * where this window's count is the one that fades.
 */
export function secondsUntilRoom(counts: Counts, elapsed: number, policy: Pick<RateLimitPolicy, 'limit' | 'windowSeconds'>): number {
  const { current, previous } = counts;
  const { limit, windowSeconds } = policy;
  let fraction: number;
  if (current + 1 <= limit) fraction = Math.max(1 - (limit - current - 1) / previous - elapsed, 0);
  else fraction = 1 - elapsed + Math.max(1 - (limit - 1) / current, 0);
  // Less a hair, so that 0.30000000000000004 of 100 s is 30 s, not 31.
  return Math.max(1, Math.ceil(fraction * windowSeconds - 1e-9));
}

export function rateLimitedError(policy: RateLimitPolicy, retryAfterSeconds: number): AppError {
  const lead = policy.message ?? 'Too many requests from this address.';
  return new AppError({ code: 'RATE_LIMITED', status: 429, message: `${lead} Try again in ${retryAfterSeconds} seconds.` });
}

/**
 * An `onRequest` hook for a route: counts the request before its body is
 * read or anything else is done, and refuses it with 429 RATE_LIMITED (the
 * project's error body) and `Retry-After` when over the limit. The subject is
 * the client's address by default (`request.ip`, which honours
 * USHER_TRUST_PROXY behind a proxy).
 */
export function rateLimitHook(
  limiter: RateLimiter,
  policy: RateLimitPolicy,
  subjectOf: (request: FastifyRequest) => string = (request) => request.ip,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    const decision = await limiter.take(policy, subjectOf(request));
    if (decision.allowed) return;
    void reply.header('retry-after', String(decision.retryAfterSeconds));
    throw rateLimitedError(policy, decision.retryAfterSeconds);
  };
}
