import { newId } from '../../platform/ids.ts';
import { RateLimitedError } from './identity.errors.ts';
import type { IdentityContext } from './identity-context.ts';
import { decideLimit, windowStart, type AttemptPolicy } from './rate-limit.rules.ts';
import { sha256 } from './secrets.ts';
import { clearFailures, deleteFailures, insertFailure, listFailures, lockAttemptSubjects } from './tokens.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Subjects (logins, addresses) are stored hashed: the counters hold no personal data. */
const subjectKey = (subject: string): string => sha256(subject.toLowerCase());

export type AttemptCount = { policy: AttemptPolicy; subject: string };
/** The attempts counted for one request, to give back when it turns out right. */
export type CountedAttempts = { ids: string[] };

/**
 * Counts one attempt against every limit given, before the password or code
 * is checked: the check and the count happen together under a lock per
 * counter (every process shares it), so requests sent all at once see each
 * other and no more than the limit get checked. Over any limit, nothing is
 * counted and 429 RATE_LIMITED is thrown. A wrong answer leaves the attempts
 * counted (they are the failures); a right one gives them back.
 */
export async function countAttempt(ctx: IdentityContext, counts: readonly AttemptCount[]): Promise<CountedAttempts> {
  const now = ctx.clock.now();
  const rows = counts.map((count) => ({ id: newId('att'), scope: count.policy.scope, subject: subjectKey(count.subject), at: now, policy: count.policy }));
  return ctx.db.transaction().execute(async (trx) => {
    await lockAttemptSubjects(trx, rows);
    let retryAfter: number | null = null;
    for (const row of rows) {
      const decision = decideLimit(row.policy, await listFailures(trx, row.scope, row.subject, windowStart(row.policy, now)), now);
      if (decision.limited) retryAfter = Math.max(retryAfter ?? 0, decision.retryAfterSeconds);
    }
    if (retryAfter !== null) throw new RateLimitedError(retryAfter);
    for (const row of rows) await insertFailure(trx, { id: row.id, scope: row.scope, subject: row.subject, at: row.at }, new Date(now.getTime() - DAY_MS));
    return { ids: rows.map((row) => row.id) };
  });
}

/** The attempt was right: it no longer counts against its limits. */
export async function giveBackAttempt(ctx: IdentityContext, counted: CountedAttempts): Promise<void> {
  await deleteFailures(ctx.db, counted.ids);
}

/** A right password clears the login's earlier failures too. */
export async function forgetFailures(ctx: IdentityContext, policy: AttemptPolicy, subject: string): Promise<void> {
  await clearFailures(ctx.db, policy.scope, subjectKey(subject));
}
