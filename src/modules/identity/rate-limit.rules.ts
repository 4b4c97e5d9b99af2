/**
 * Sliding-window limits on failed attempts. The counters live in the
 * database (several server processes share them); the decision is here.
 */
export type AttemptPolicy = { scope: string; maxFailures: number; windowMs: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const POLICIES = {
  /** Wrong passwords for one login (account, or the login string when no account has it). */
  signInLogin: { scope: 'sign_in:login', maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  /** Wrong passwords from one address, whatever the login: several people may share it. */
  signInAddress: { scope: 'sign_in:address', maxFailures: 20, windowMs: FIFTEEN_MINUTES },
  /** Wrong reset codes for one login: a 6-digit code must not be guessable. */
  resetCode: { scope: 'reset:login', maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  resetAddress: { scope: 'reset:address', maxFailures: 20, windowMs: FIFTEEN_MINUTES },
  /** Reset and find-account requests per address (each sends a message). */
  helpRequests: { scope: 'help:address', maxFailures: 10, windowMs: FIFTEEN_MINUTES },
  /** Reset requests for one login (account, or the login string when no account has it), from any address: no mailbox flooded. */
  helpRequestsLogin: { scope: 'help:login', maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  /** Find-account emails to one account: beyond this the lookup stays silent (the answer never changes). */
  findAccountEmails: { scope: 'find_account:account', maxFailures: 3, windowMs: FIFTEEN_MINUTES },
  /** Wrong current passwords when changing email, phone or password. */
  currentPassword: { scope: 'current_password:account', maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  /** Unknown service codes from one address (an agent console). */
  serviceCode: { scope: 'service_code:address', maxFailures: 10, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, AttemptPolicy>;

export type LimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

/** `failures` are the times of recent failures, any order; older ones than the window are ignored. */
export function decideLimit(policy: AttemptPolicy, failures: readonly Date[], now: Date): LimitDecision {
  const since = now.getTime() - policy.windowMs;
  const recent = failures.map((at) => at.getTime()).filter((at) => at > since).sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return { limited: false };
  // Free again when the failure that filled the window leaves it.
  const filling = recent[policy.maxFailures - 1] ?? now.getTime();
  const retryAfterMs = filling + policy.windowMs - now.getTime();
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

export function windowStart(policy: AttemptPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.windowMs);
}

const inMinutes = (retryAfterSeconds: number): string => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

export function retryMessage(retryAfterSeconds: number): string {
  return `Too many attempts. Try again in ${inMinutes(retryAfterSeconds)}.`;
}

/**
 * A sign-in refused by the limits says how to get in now: someone else's
 * wrong guesses can hold the password, never login help. A reset link or
 * code is not held by the sign-in limits, signs the member in, and lifts
 * the lock. The same words for every login, known or not.
 */
export function signInLockedMessage(retryAfterSeconds: number): string {
  return `Too many sign-in attempts. Try again in ${inMinutes(retryAfterSeconds)}, or choose “Forgot your password?”: the reset link or code we send you signs you in at once.`;
}
