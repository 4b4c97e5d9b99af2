import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** A Content-Security-Policy as directive → sources, kebab-case as it is sent. */
export type CspDirectives = Record<string, string[]>;

/**
 * The policy of every response. No script but the server's own files: no
 * inline script, no `eval`, no inline event handler (`script-src-attr 'none'`).
 * `connect-src 'self'` covers the chat's same-origin WebSocket (CSP 3 lets
 * 'self' match ws:/wss: of the page's host). Nothing may frame a page (the
 * agent desk included): `frame-ancestors 'none'`. Forms post only here.
 *
 * Styles: the server-rendered pages (home, /plans, /help, flows, the contact
 * page, the demo pages, the outbox) carry their stylesheet in a `<style>`
 * element and a few `style` attributes, so this default still allows inline
 * style. The React app needs none (`APP_CSP`), Swagger UI one hashed style (`DOCS_CSP`).
 * Inline style cannot run code, and with `img-src`/`font-src` limited to this
 * site an injected style cannot send what it reads elsewhere.
 */
export const PAGE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * The members' app and the agent desk: styles from files only.
 * React sets `style` props through the CSSOM, which CSP does not govern.
 */
export const APP_CSP: CspDirectives = { ...PAGE_CSP, 'style-src': ["'self'"] };

/**
 * Swagger UI at /docs: the app's policy, plus the hash of the one `<style>`
 * its bundle writes, inside the top bar's SVG logo
 * (`.logo_small_svg__cls-2{fill:#fff}…`). A Swagger UI upgrade that changes
 * it shows as a violation in the browser check of every page.
 */
export const DOCS_CSP: CspDirectives = { ...APP_CSP, 'style-src': ["'self'", "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"] };

/** The header's value, e.g. for a plugin that sets its own (Swagger UI's `staticCSP`). */
export function cspHeader(directives: CspDirectives): string {
  return Object.entries(directives).map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Helmet's option for a route that needs another policy than `PAGE_CSP`. */
export function cspOption(directives: CspDirectives) {
  return { contentSecurityPolicy: { useDefaults: false, directives } };
}

/** One year; subdomains of the host that answered too (not its siblings). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (HTML, JSON, static files, errors), from
 * @fastify/helmet: CSP, `X-Content-Type-Options: nosniff`, `X-Frame-Options:
 * DENY` (for browsers without frame-ancestors), `Referrer-Policy`,
 * `Cross-Origin-Opener-Policy`/`-Resource-Policy`, and no `X-Powered-By`.
 *
 * `Referrer-Policy: same-origin`, not helmet's `no-referrer`: under
 * `no-referrer` browsers send `Origin: null` on the site's own form posts and
 * fetches (Fetch standard, "append a request Origin header"), which the
 * origin check refuses. `same-origin` still sends nothing to other sites.
 *
 * HSTS only when the request came over https (`request.protocol`, which
 * believes `X-Forwarded-Proto` when `USHER_TRUST_PROXY` says so): sent over
 * plain http it would be ignored, and on the demo's http://localhost or LAN
 * address it must never pin https.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    ...cspOption(PAGE_CSP),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
