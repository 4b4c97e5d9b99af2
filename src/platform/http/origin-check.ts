import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type OriginCheckOptions = {
  /** Origins besides the request's own host, e.g. `USHER_PUBLIC_URL`'s (`https://help.example.com`). */
  allowedOrigins?: readonly string[];
};

export type OriginFacts = {
  method: string;
  /** The `Origin` header as sent (`null` is a string too). */
  origin: string | undefined;
  /** `Sec-Fetch-Site`, sent by current browsers on every request. */
  fetchSite: string | undefined;
  /** The hosts this request was addressed to: the Host header, and X-Forwarded-Host when the proxy is trusted. */
  hosts: readonly string[];
  allowedOrigins: readonly string[];
};

/** `example.com:443` and `example.com` name the same site for an https Origin, which never carries a default port. */
function withoutDefaultPort(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

/**
 * Whether a state-changing request comes from somewhere else than this site's
 * own pages. A browser always sends `Origin` on a POST/PUT/PATCH/DELETE;
 * `null` comes from a sandboxed frame, a `data:`/`file:` page or a
 * cross-site redirect, never from our pages, so it is foreign. No `Origin` at
 * all is a non-browser client (curl, the CLI, tests): allowed, unless
 * `Sec-Fetch-Site` says a browser sent it from another site.
 */
export function isForeignRequest(facts: OriginFacts): boolean {
  if (!STATE_CHANGING.has(facts.method.toUpperCase())) return false;
  if (facts.origin === undefined) return facts.fetchSite === 'cross-site';
  let url: URL;
  try {
    url = new URL(facts.origin);
  } catch {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
  if (facts.allowedOrigins.includes(url.origin)) return false;
  const host = withoutDefaultPort(url.host);
  return !facts.hosts.some((candidate) => withoutDefaultPort(candidate) === host);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function originFacts(request: FastifyRequest, allowedOrigins: readonly string[]): OriginFacts {
  const hosts = [header(request, 'host'), request.host].filter((host): host is string => typeof host === 'string' && host !== '');
  return { method: request.method, origin: header(request, 'origin'), fetchSite: header(request, 'sec-fetch-site'), hosts, allowedOrigins };
}

/**
 * One check for every state-changing route, the members' API and the
 * server-rendered forms alike (which cannot send the CSRF header): a request
 * from another site, or with `Origin: null`, is refused with 403 before its
 * body is read. Routes that need a session still check CSRF on top.
 */
export function refuseForeignOrigins(app: FastifyInstance, options: OriginCheckOptions = {}): void {
  const allowedOrigins = (options.allowedOrigins ?? []).map((origin) => new URL(origin).origin);
  app.addHook('onRequest', async (request) => {
    if (isForeignRequest(originFacts(request, allowedOrigins))) {
      throw new AppError({ code: 'CROSS_ORIGIN_FORBIDDEN', message: 'This can only be sent from this site\'s own pages.' });
    }
  });
}
