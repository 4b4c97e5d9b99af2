import type { DeviceType } from './household.ports.ts';

/** A household update code must be entered within this time. */
export const UPDATE_CODE_TTL_MS = 15 * 60 * 1000;
/** Wrong guesses after which a code stops working (a 6-digit code must not be guessable). */
export const UPDATE_CODE_MAX_ATTEMPTS = 5;

/** Devices that stream on the big screen and are held to the primary connection at every start. */
const FIXED_SCREENS: ReadonlySet<DeviceType> = new Set(['tv', 'console']);

export type HouseholdDeviceFacts = {
  type: DeviceType;
  /** The network the device last connected from. */
  networkId: string | null;
  /** The device has connected from the current primary network at least once. */
  seenOnPrimary: boolean;
};

/**
 * TVs (and consoles) belong to the household while they are on the primary
 * connection; phones, tablets and computers travel, so once they have joined
 * the home connection they stay recognised.
 */
export function isInHousehold(device: HouseholdDeviceFacts, primaryNetworkId: string | null): boolean {
  if (primaryNetworkId === null) return false;
  if (FIXED_SCREENS.has(device.type)) return device.networkId === primaryNetworkId;
  return device.seenOnPrimary || device.networkId === primaryNetworkId;
}

export const IN_HOUSEHOLD_MESSAGE = 'This TV is part of your household. Enjoy watching.';

export const NOT_IN_HOUSEHOLD_MESSAGE = [
  "This TV isn't part of your household.",
  'It is connected to a different internet connection than the one your household uses.',
  'This usually happens after moving home, getting a new router or internet provider, watching at a second residence, or while travelling.',
  'If this TV is at the place where you watch, choose Update household on this TV: we will send a code to the account owner by email or text message, to enter within 15 minutes.',
].join(' ');

export function tvStartMessage(inHousehold: boolean): string {
  return inHousehold ? IN_HOUSEHOLD_MESSAGE : NOT_IN_HOUSEHOLD_MESSAGE;
}

export type UpdateCodeFacts = {
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
  failedAttempts: number;
};

export type UpdateCodeVerdict = { ok: true } | { ok: false; reason: 'expired' | 'used' | 'superseded' | 'wrong' | 'too_many_attempts' };

export function updateCodeExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + UPDATE_CODE_TTL_MS);
}

/**
 * Judges a code that matched what the member typed (`null` when none did).
 * Only the newest code works, once, for 15 minutes.
 */
export function judgeUpdateCode(code: UpdateCodeFacts | null, now: Date): UpdateCodeVerdict {
  if (code === null) return { ok: false, reason: 'wrong' };
  if (code.usedAt !== null) return { ok: false, reason: 'used' };
  if (code.supersededAt !== null) return { ok: false, reason: 'superseded' };
  if (code.failedAttempts >= UPDATE_CODE_MAX_ATTEMPTS) return { ok: false, reason: 'too_many_attempts' };
  if (now.getTime() >= code.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
}

export const UPDATE_CODE_REFUSALS: Record<Exclude<UpdateCodeVerdict, { ok: true }>['reason'], string> = {
  wrong: 'That code is not right. Check the latest message we sent and try again.',
  expired: 'That code has expired (codes last 15 minutes). Ask for a new one from the TV.',
  used: 'That code has already been used. Ask for a new one from the TV if you need to update again.',
  superseded: 'A newer code was sent; only the most recent one works. Use the latest message.',
  too_many_attempts: 'Too many wrong codes were entered, so this code no longer works. Ask for a new one from the TV.',
};
