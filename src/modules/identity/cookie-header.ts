import { badTextIn } from '../../platform/http/text-guard.ts';

/**
 * A tiny Cookie / Set-Cookie codec. @fastify/cookie's parse and serialize
 * only work after its plugin is registered, and a plugin registered inside a
 * module's encapsulated routes would not reach other modules' routes, which
 * call `requireMember` too. Usher's cookies are its own base64url tokens, so
 * no quoting or escaping is needed beyond URI decoding.
 */
/** Longer than any token Usher sets: a value past it was not set by Usher. */
const MAX_COOKIE_VALUE = 1024;

export function parseCookieHeader(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    // The first cookie of a name wins, as browsers send the most specific path first.
    if (name in cookies) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // Not percent-encoding any browser or Usher wrote: no cookie of ours.
      continue;
    }
    // A forged cookie holding a NUL or half a character (platform/http/text-guard.ts) reached SQL with a 500: it is no cookie of ours.
    if (decoded.length > MAX_COOKIE_VALUE || badTextIn(decoded) !== null) continue;
    cookies[name] = decoded;
  }
  return cookies;
}

export type SetCookieOptions = { httpOnly: boolean; secure: boolean; sameSite: 'Lax' | 'Strict'; path: string; maxAgeSeconds: number };

export function serializeSetCookie(name: string, value: string, options: SetCookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, `SameSite=${options.sameSite}`];
  if (options.maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
