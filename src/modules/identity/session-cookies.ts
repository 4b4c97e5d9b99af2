import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookieHeader, serializeSetCookie } from './cookie-header.ts';
import { csrfFailed } from './identity.errors.ts';
import { newToken, sameSecret } from './secrets.ts';
import { SESSION_IDLE_LIMIT_MS } from './identity.rules.ts';

/**
 * Cookies are read from the Cookie header and written as Set-Cookie headers
 * here (cookie-header.ts), not through @fastify/cookie: `requireMember` must
 * work in any module's encapsulated routes, so nothing needs wiring in the server.
 */
export const SESSION_COOKIE = 'usher_session';
export const CSRF_COOKIE = 'usher_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Remembers the browser as a device across sign-ins, so one laptop stays one device. */
export const DEVICE_COOKIE = 'usher_device';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function readCookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  return header ? parseCookieHeader(header) : {};
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const value = readCookies(request)[name];
  return value === undefined || value === '' ? undefined : value;
}

/** This machine, or an address of a private network (a demo opened from a phone on the same Wi-Fi). */
function isLocalOrPrivateHost(hostname: string): boolean {
  if (LOCAL_HOSTS.has(hostname) || hostname.endsWith('.local')) return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
  if (!octets) return false;
  const [a, b] = [Number(octets[1]), Number(octets[2])];
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * `Secure` everywhere except plain http on this machine or a private
 * network: browsers drop Secure cookies sent over http, so the demo on
 * localhost or a LAN address could not sign in. A public name over plain http
 * still gets `Secure` and fails closed: production belongs behind https.
 */
export function secureFor(request: Pick<FastifyRequest, 'hostname' | 'protocol'>): boolean {
  const hostname = request.hostname.replace(/:\d+$/, '').toLowerCase();
  return !(request.protocol === 'http' && isLocalOrPrivateHost(hostname));
}

function setCookie(reply: FastifyReply, request: FastifyRequest, name: string, value: string, options: { httpOnly: boolean; maxAgeSeconds: number }): void {
  reply.header('set-cookie', serializeSetCookie(name, value, {
    httpOnly: options.httpOnly,
    sameSite: 'Lax',
    path: '/',
    secure: secureFor(request),
    maxAgeSeconds: options.maxAgeSeconds,
  }));
}

const SESSION_MAX_AGE = Math.floor(SESSION_IDLE_LIMIT_MS / 1000);
const DEVICE_MAX_AGE = 400 * 24 * 60 * 60;

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  setCookie(reply, request, SESSION_COOKIE, token, { httpOnly: true, maxAgeSeconds: SESSION_MAX_AGE });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  setCookie(reply, request, SESSION_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 });
}

export function setDeviceCookie(reply: FastifyReply, request: FastifyRequest, deviceId: string): void {
  setCookie(reply, request, DEVICE_COOKIE, deviceId, { httpOnly: true, maxAgeSeconds: DEVICE_MAX_AGE });
}

/** The CSRF token of this browser, set when missing; readable by the page (not HttpOnly). */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing !== undefined) return existing;
  const token = newToken();
  setCookie(reply, request, CSRF_COOKIE, token, { httpOnly: false, maxAgeSeconds: SESSION_MAX_AGE });
  return token;
}

/**
 * Double submit: a state-changing request must echo the `usher_csrf` cookie in
 * the `x-csrf-token` header. Another site can make the browser send the
 * cookie, but cannot read it to copy it into a header.
 */
export function checkCsrf(request: FastifyRequest): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const cookie = readCookie(request, CSRF_COOKIE);
  const header = request.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (cookie === undefined || sent === undefined || !sameSecret(cookie, sent)) throw csrfFailed();
}

export function clientAddress(request: FastifyRequest): string {
  return request.ip;
}

export function userAgentOf(request: FastifyRequest): string | undefined {
  const header = request.headers['user-agent'];
  return header === undefined ? undefined : header.slice(0, 300);
}
