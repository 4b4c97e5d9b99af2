/** How long things live. Pure values and decisions: no clock, no database. */
export const SESSION_IDLE_LIMIT_MS = 30 * 24 * 60 * 60 * 1000;
export const LOGIN_HELP_TTL_MS = 15 * 60 * 1000;
export const UNDO_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const SERVICE_CODE_TTL_MS = 10 * 60 * 1000;
/** A session's last use is written at most this often: a page load makes several requests. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

export function expiresAt(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs);
}

/** A one-time token works once, before it expires, and only while no newer one was issued. */
export function tokenUsable(token: { expires_at: Date; used_at: Date | null; superseded_at?: Date | null }, now: Date): boolean {
  return token.used_at === null && (token.superseded_at ?? null) === null && now.getTime() < token.expires_at.getTime();
}

export function sessionAlive(session: { last_used_at: Date; ended_at: Date | null }, now: Date): boolean {
  return session.ended_at === null && now.getTime() - session.last_used_at.getTime() < SESSION_IDLE_LIMIT_MS;
}

export function shouldTouchSession(lastUsedAt: Date, now: Date): boolean {
  return now.getTime() - lastUsedAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}

export type Login = { kind: 'email'; email: string } | { kind: 'phone'; phone: string };

/** `+44 7700 900-123` → `+447700900123`; anything with an `@` is an email. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function parseLogin(login: string): Login {
  return login.includes('@') ? { kind: 'email', email: normalizeEmail(login) } : { kind: 'phone', phone: normalizePhone(login) };
}

/** The account's login shown in a "here is your login" email: `k***@demo.reelhouse.example`. */
export function loginHint(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

export function sameName(a: string, b: string): boolean {
  const clean = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return clean(a) === clean(b);
}
