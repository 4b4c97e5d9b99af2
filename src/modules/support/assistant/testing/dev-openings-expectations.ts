import type { Expectation } from './dev-openings-harness.ts';

/**
 * What every opening of development batches 5 to 10 shares: the answer must
 * never ask for a secret nor say no charge was found, and for a member with
 * security findings (Karim) whatever else he asks must be answered, never
 * swapped for the takeover. Batches 1 to 4 keep their own, narrower checks.
 */

export const NOT_FOUND = /(No Reelhouse charge .*was found|couldn[’']t find a Reelhouse charge)/i;
export const TAKEOVER = /lock your account down/i;
export const ASK_SECRET = /(tell|send|give|share|type) (me )?(your|the) (password|code|full card)/i;
export const CHARGE = ['charge_explanation'];
export const PASSWORD = { says: [/change (that|your|it)|change (it|your password) now/i], button: 'link:/account/security' };
export const OWNER = /owner/i;

/** The expectation plus: never asks for a secret, never says no charge was found. */
export const answeredSafely = (e: Expectation): Expectation => ({ ...e, never: [...(e.never ?? []), ASK_SECRET, NOT_FOUND] });
/** answeredSafely plus: not swapped for the takeover answer. */
export const answeredSafelyWithoutTakeover = (e: Expectation): Expectation => answeredSafely({ ...e, never: [...(e.never ?? []), TAKEOVER] });
