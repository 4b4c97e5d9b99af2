import { newId } from '../../platform/ids.ts';
import { listDevices } from './accounts.repository.ts';
import { countAttempt, giveBackAttempt } from './attempt-limits.ts';
import type { IdentityContext } from './identity-context.ts';
import { expiresAt, SERVICE_CODE_TTL_MS } from './identity.rules.ts';
import { profileSignalsFor } from './profiles.service.ts';
import { POLICIES } from './rate-limit.rules.ts';
import { codeHash, newCode } from './secrets.ts';
import { REVIEW_WINDOW_MS, reviewSecurity, type FailedSignIn, type Signal } from './security-review.rules.ts';
import { findLiveServiceCodes, insertServiceCode, insertServiceCodeCheck, listSecurityEvents, replaceServiceCodes } from './tokens.repository.ts';

/** The takeover signals of an account: its security events, its profiles and viewing, and its membership's history; and its failed sign-ins. */
export async function securityReview(ctx: IdentityContext, accountId: string, ownerAccountId: string): Promise<{ signals: Signal[]; steps: string[]; failed_sign_ins: FailedSignIn[] }> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - REVIEW_WINDOW_MS);
  const [events, profileEvents, devices, membership] = await Promise.all([
    listSecurityEvents(ctx.db, accountId, since),
    profileSignalsFor(ctx, accountId, since),
    listDevices(ctx.db, accountId, { includeRemoved: true }),
    ctx.billing.findByAccount(ownerAccountId),
  ]);
  return reviewSecurity({
    events: [...events.map((event) => ({ kind: event.kind, at: new Date(event.at), summary: event.summary, details: event.details })), ...profileEvents],
    billing: membership?.events ?? [],
    removedDeviceIds: new Set(devices.filter((device) => device.removed_at !== null).map((device) => device.id)),
    now,
  });
}

/** Service codes are looked up by their hash alone: an agent has only the digits. */
const serviceCodeHash = (code: string): string => codeHash('service', code);

/** A new 6-digit code for 10 minutes; the account's earlier ones stop working. No two live codes share digits. */
export async function issueServiceCode(ctx: IdentityContext, accountId: string): Promise<{ code: string; expires_at: string }> {
  const now = ctx.clock.now();
  const expires = expiresAt(now, SERVICE_CODE_TTL_MS);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const code = newCode();
    const issued = await ctx.db.transaction().execute(async (trx) => {
      if ((await findLiveServiceCodes(trx, serviceCodeHash(code), now)).length > 0) return false;
      await replaceServiceCodes(trx, accountId, now);
      await insertServiceCode(trx, { id: newId('svc'), account_id: accountId, code_hash: serviceCodeHash(code), created_at: now, expires_at: expires });
      return true;
    });
    if (issued) return { code, expires_at: expires.toISOString() };
  }
  throw new Error('Could not find a free service code');
}

/** An agent checks the code a caller reads out. Every check is audited; wrong guesses are limited per address. */
export async function verifyServiceCode(ctx: IdentityContext, code: string, address: string): Promise<{ valid: boolean; account_id?: string }> {
  // Counted before the check, given back when the code is right: codes sent all at once get no more than the limit checked.
  const counted = await countAttempt(ctx, [{ policy: POLICIES.serviceCode, subject: address }]);
  const now = ctx.clock.now();
  const live = await findLiveServiceCodes(ctx.db, serviceCodeHash(code), now);
  const accountId = live.length === 1 ? live[0]?.account_id : undefined;
  await insertServiceCodeCheck(ctx.db, { id: newId('chk'), at: now, valid: accountId !== undefined, account_id: accountId ?? null, address });
  if (accountId === undefined) return { valid: false };
  await giveBackAttempt(ctx, counted);
  ctx.logger?.info({ accountId }, 'service code verified');
  return { valid: true, account_id: accountId };
}
