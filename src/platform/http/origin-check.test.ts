import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { isForeignRequest, type OriginFacts } from './origin-check.ts';
import { buildTestServer } from '../testing/test-server.ts';
import type { HttpServer } from './server.ts';

const facts = (overrides: Partial<OriginFacts>): OriginFacts => ({
  method: 'POST', origin: undefined, fetchSite: undefined, hosts: ['usher.example'], allowedOrigins: [], ...overrides,
});

describe('isForeignRequest', () => {
  it.each([
    ['Origin: null', { origin: 'null' }],
    ['another site', { origin: 'https://evil.example' }],
    ['a sibling subdomain', { origin: 'https://evil.usher.example' }],
    ['the same host on another port', { origin: 'https://usher.example:8443' }],
    ['an origin that is not a URL', { origin: 'usher.example' }],
    ['a non-web scheme', { origin: 'file:///home/me/form.html' }],
    ['no Origin but a browser saying cross-site', { fetchSite: 'cross-site' }],
    ['a DELETE from another site', { method: 'DELETE', origin: 'https://evil.example' }],
  ])('refuses a state change from %s', (_name, overrides) => {
    expect(isForeignRequest(facts(overrides))).toBe(true);
  });

  it.each([
    ['its own pages', { origin: 'https://usher.example' }],
    ['its own pages, the Host naming the default port', { origin: 'https://usher.example', hosts: ['usher.example:443'] }],
    ['its own pages in another case', { origin: 'https://Usher.Example' }],
    ['the public URL', { origin: 'https://help.example.com', allowedOrigins: ['https://help.example.com'] }],
    ['the forwarded host of a trusted proxy', { origin: 'https://help.example.com', hosts: ['usher:3000', 'help.example.com'] }],
    ['a client without Origin (curl, the CLI)', {}],
    ['a browser on this site without Origin', { fetchSite: 'same-origin' }],
    ['a GET with Origin: null', { method: 'GET', origin: 'null' }],
    ['a HEAD or OPTIONS from another site', { method: 'OPTIONS', origin: 'https://evil.example' }],
  ])('lets through a request from %s', (_name, overrides) => {
    expect(isForeignRequest(facts(overrides))).toBe(false);
  });
});

describe('the origin check on every state-changing route', () => {
  let database: Database;
  const servers: HttpServer[] = [];
  let handled = 0;
  const routes: FastifyPluginAsyncZod = async (app) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'] as const) {
      app.route({ method, url: '/things', handler: async () => ({ handled: ++handled }) });
    }
  };
  const serve = async (env: Record<string, string> = {}) => {
    const server = await buildTestServer({ database, routes: [routes], env, webDist: '/nonexistent' });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database.close();
  });

  it('answers 403 in the error shape to Origin: null and to another site, before the handler runs', async () => {
    const server = await serve();
    const before = handled;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const origin of ['null', 'https://evil.example']) {
        const answer = await server.inject({ method, url: '/things', headers: { host: 'localhost:3000', origin }, payload: { a: 1 } });
        expect(answer.statusCode, `${method} from ${origin}`).toBe(403);
        expect(answer.json()).toEqual({ error: { code: 'CROSS_ORIGIN_FORBIDDEN', message: expect.stringContaining('this site') } });
      }
    }
    // A form post refused as well (the server-rendered pages' forms), and one to a path nobody serves.
    const form = await server.inject({ method: 'POST', url: '/things', headers: { host: 'localhost:3000', origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(form.statusCode).toBe(403);
    expect((await server.inject({ method: 'POST', url: '/nothing-here', headers: { origin: 'null' } })).statusCode).toBe(403);
    expect(handled).toBe(before);
  });

  it('serves its own pages, clients without Origin, reads from anywhere, and the public URL', async () => {
    const server = await serve({ USHER_PUBLIC_URL: 'https://watch.example.com/' });
    const own = await server.inject({ method: 'POST', url: '/things', headers: { host: 'localhost:3000', origin: 'http://localhost:3000' } });
    expect(own.statusCode).toBe(200);
    expect((await server.inject({ method: 'DELETE', url: '/things' })).statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/things', headers: { origin: 'null' } })).statusCode).toBe(200);
    const publicUrl = await server.inject({ method: 'PATCH', url: '/things', headers: { host: '10.0.0.5:3000', origin: 'https://watch.example.com' } });
    expect(publicUrl.statusCode).toBe(200);
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    const headers = { host: 'usher-internal:3000', 'x-forwarded-host': 'help.example.com', 'x-forwarded-proto': 'https', origin: 'https://help.example.com' };
    expect((await (await serve()).inject({ method: 'POST', url: '/things', headers })).statusCode).toBe(403);
    expect((await (await serve({ USHER_TRUST_PROXY: 'true' })).inject({ method: 'POST', url: '/things', headers })).statusCode).toBe(200);
  });
});
