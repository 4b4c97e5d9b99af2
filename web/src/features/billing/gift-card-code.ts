/**
 * The code a member types, as the server compares it, and the one place the
 * browser keeps a code while a visitor signs in or joins. A gift card code is
 * a secret until redeemed: it is kept in this tab's sessionStorage, never in a
 * URL the server sees (and so never in a request log).
 */

const PENDING_KEY = 'reelhouse.redeem.pending-code';

/** Capitals, spaces and dashes (any kind, as phones and copied receipts produce them) do not matter. */
export function normalizeGiftCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .replace(/[\s\u2010-\u2015_.\-]/g, '')
    .toUpperCase();
}

/** `#code=…` from a gift email's link: the fragment never reaches the server. */
export function codeFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  return code && code.trim() ? code.trim() : null;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): Store | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off (private modes, policies): the member types the code again after signing in.
    return null;
  }
}

/** Long enough to sign in, reset a password or join; short enough that a shared computer's next user does not find it. */
export const PENDING_CODE_MINUTES = 30;

export function keepPendingCode(code: string, into: Store | null = store(), now: number = Date.now()): void {
  const trimmed = code.trim();
  try {
    if (trimmed) into?.setItem(PENDING_KEY, JSON.stringify({ code: trimmed, at: now }));
    else into?.removeItem(PENDING_KEY);
  } catch {
    // A full or blocked storage only costs retyping the code.
  }
}

export function pendingCode(from: Store | null = store(), now: number = Date.now()): string | null {
  try {
    const kept = JSON.parse(from?.getItem(PENDING_KEY) ?? 'null') as { code?: unknown; at?: unknown } | null;
    if (!kept || typeof kept.code !== 'string' || typeof kept.at !== 'number') return null;
    if (now - kept.at > PENDING_CODE_MINUTES * 60_000 || now < kept.at) {
      from?.removeItem(PENDING_KEY);
      return null;
    }
    return kept.code;
  } catch {
    return null;
  }
}

export function forgetPendingCode(from: Store | null = store()): void {
  try {
    from?.removeItem(PENDING_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
