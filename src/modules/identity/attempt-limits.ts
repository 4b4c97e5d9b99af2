import { newId } from '../../platform/ids.ts';
import { RateLimitedError } from './identity.errors.ts';
import type { IdentityContext } from './identity-context.ts';
import { decideLimit, windowStart, type AttemptPolicy } from './rate-limit.rules.ts';
import { sha256 } from './secrets.ts';
import { clearFailures, insertFailure, listFailures } from './tokens.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Subjects (logins, addresses) are stored hashed: the counters hold no personal data. */
const subjectKey = (subject: string): string => sha256(subject.toLowerCase());

/** Throws 429 RATE_LIMITED when the subject already failed too often in the window. */
export async function assertNotLimited(ctx: IdentityContext, policy: AttemptPolicy, subject: string): Promise<void> {
  const now = ctx.clock.now();
  const failures = await listFailures(ctx.db, policy.scope, subjectKey(subject), windowStart(policy, now));
  const decision = decideLimit(policy, failures, now);
  if (decision.limited) throw new RateLimitedError(decision.retryAfterSeconds);
}

export async function recordFailure(ctx: IdentityContext, policy: AttemptPolicy, subject: string): Promise<void> {
  const now = ctx.clock.now();
  await insertFailure(ctx.db, { id: newId('att'), scope: policy.scope, subject: subjectKey(subject), at: now }, new Date(now.getTime() - DAY_MS));
}

export async function forgetFailures(ctx: IdentityContext, policy: AttemptPolicy, subject: string): Promise<void> {
  await clearFailures(ctx.db, policy.scope, subjectKey(subject));
}
