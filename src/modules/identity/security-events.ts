import type { FastifyRequest } from 'fastify';
import { newId } from '../../platform/ids.ts';
import { approximateLocation, coarseAddress, describeUserAgent } from './device.rules.ts';
import type { IdentityContext } from './identity-context.ts';
import { userAgentOf } from './session-cookies.ts';
import { insertSecurityEvent, insertSecurityEventUnlessRecent } from './tokens.repository.ts';

export async function recordSecurityEvent(ctx: IdentityContext, options: { accountId: string; kind: string; summary: string; details?: Record<string, unknown>; at?: Date }): Promise<void> {
  await insertSecurityEvent(ctx.db, {
    id: newId('sev'),
    account_id: options.accountId,
    kind: options.kind,
    summary: options.summary,
    details: options.details ?? {},
    at: options.at ?? ctx.clock.now(),
  });
}

/** A flood of refused sign-ins from one address is one line of the review a minute. */
const LOCK_RECORD_EVERY_MS = 60 * 1000;

export type GuessedSecret = 'reset_code' | 'current_password';

const GUESSED: Record<GuessedSecret, string> = {
  reset_code: 'Password reset codes were refused after too many wrong tries',
  current_password: 'A change to the account was refused after too many wrong current passwords',
};

/**
 * Guesses refused by the limits (429) at a reset code or at the current
 * password asked before a change, for the member's security review: once a
 * minute per address at most, after the answer. `ip` is null for a check
 * made inside a signed-in session (the current password).
 */
export function noteRefusedGuesses(ctx: IdentityContext, options: { accountId: string; what: GuessedSecret; ip: string | null; retryAfterSeconds: number }): void {
  const at = ctx.clock.now();
  const place = options.ip === null
    ? { location: 'a signed-in session', address: 'session' }
    : { location: approximateLocation(options.ip).label, address: coarseAddress(options.ip) };
  ctx.afterAnswer.run('record refused guesses', async () => {
    await insertSecurityEventUnlessRecent(ctx.db, {
      id: newId('sev'), account_id: options.accountId, kind: `${options.what}_locked`, at,
      summary: `${GUESSED[options.what]} (from ${place.location}).`,
      details: { ...place, retry_after_seconds: options.retryAfterSeconds },
    }, new Date(at.getTime() - LOCK_RECORD_EVERY_MS));
  });
}

/**
 * A wrong password for a known account, or a sign-in refused by the limits
 * (`lockedForSeconds`), for the member's security review: when, the
 * made-up place and the coarse address (as sessions show them) and the
 * browser. Never the password, nor the login typed. Recorded after the
 * answer, so an unknown login's answer (nothing to record) is no faster.
 */
export function noteFailedSignIn(ctx: IdentityContext, options: { accountId: string; request: FastifyRequest; lockedForSeconds?: number }): void {
  const at = ctx.clock.now();
  const place = {
    location: approximateLocation(options.request.ip).label,
    address: coarseAddress(options.request.ip),
    device: describeUserAgent(userAgentOf(options.request)).name,
  };
  const locked = options.lockedForSeconds;
  ctx.afterAnswer.run('record a failed sign-in', async () => {
    if (locked === undefined) {
      await recordSecurityEvent(ctx, { accountId: options.accountId, kind: 'sign_in_failed', summary: `A wrong password was entered from ${place.location}.`, details: place, at });
      return;
    }
    await insertSecurityEventUnlessRecent(ctx.db, {
      id: newId('sev'), account_id: options.accountId, kind: 'sign_in_locked', at,
      summary: `A sign-in from ${place.location} was refused after too many wrong passwords.`,
      details: { ...place, retry_after_seconds: locked },
    }, new Date(at.getTime() - LOCK_RECORD_EVERY_MS));
  });
}
