import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { buildTestServer } from '../testing/test-server.ts';
import type { HttpServer } from './server.ts';

/** The policy as a map: directive → its sources. */
function csp(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', ...sources] = part.split(/\s+/);
    return [name, sources];
  }));
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/things', async () => ({ things: [] }));
  app.get('/a-server-page', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><style>p{color:red}</style><p>Hi</p>'));
};

describe('security headers', () => {
  let database: Database;
  const servers: HttpServer[] = [];
  const dist = mkdtempSync(path.join(tmpdir(), 'usher-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');

  const serve = async (env: Record<string, string> = {}) => {
    const server = await buildTestServer({ database, routes: [routes], env, webDist: dist });
    servers.push(server);
    return server;
  };
  let server: HttpServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    server = await serve();
  });
  afterAll(async () => {
    for (const each of servers) await each.close();
    await database.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => server.inject({ method: 'GET', url, headers });

  it('sends the same protections on HTML, JSON, errors and static files', async () => {
    const answers = {
      home: await get('/'),
      serverPage: await get('/a-server-page'),
      app: await get('/desk'),
      json: await get('/api/things'),
      notFound: await get('/api/nothing'),
      refused: await server.inject({ method: 'POST', url: '/api/things', headers: { origin: 'null' } }),
      asset: await get('/assets/app-1a2b.js'),
      docs: await get('/docs/'),
      docsScript: await get('/docs/static/swagger-initializer.js'),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['referrer-policy'], name).toBe('same-origin');
      expect(answer.headers['x-frame-options'], name).toBe('DENY');
      expect(answer.headers['x-powered-by'], name).toBeUndefined();
      const policy = csp(answer);
      expect(policy.get('frame-ancestors'), name).toEqual(["'none'"]);
      expect(policy.get('script-src'), name).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), name).toEqual(["'none'"]);
      expect(policy.get('object-src'), name).toEqual(["'none'"]);
      expect(policy.get('base-uri'), name).toEqual(["'self'"]);
      expect(policy.get('form-action'), name).toEqual(["'self'"]);
      expect(policy.get('connect-src'), name).toEqual(["'self'"]);
      // Served over http: no HSTS, and no upgrade of the demo's http://localhost requests.
      expect(answer.headers['strict-transport-security'], name).toBeUndefined();
      expect(policy.has('upgrade-insecure-requests'), name).toBe(false);
    }
    expect(answers.json.headers['content-type']).toContain('application/json');
    expect(answers.refused.statusCode).toBe(403);
  });

  it('allows inline style only on the server-rendered pages; the app and Swagger UI style from files', async () => {
    expect(csp(await get('/')).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp(await get('/a-server-page')).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    for (const url of ['/desk', '/desk/sign-in', '/account', '/chat', '/tv', '/join']) {
      expect(csp(await get(url)).get('style-src'), url).toEqual(["'self'"]);
    }
    // Swagger UI: one hashed style, its logo's.
    expect(csp(await get('/docs/')).get('style-src')).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
  });

  it('keeps script out of the HTML it sends: the home page, the app and Swagger UI load scripts from files', async () => {
    for (const url of ['/', '/desk', '/docs/']) {
      const body = (await get(url)).body;
      for (const tag of body.match(/<script\b[^>]*>/g) ?? []) expect(tag, url).toMatch(/\ssrc=/);
      expect(body, url).not.toMatch(/\son[a-z]+\s*=/i);
      expect(body, url).not.toMatch(/javascript:/i);
    }
  });

  it('sends HSTS only over https, believing X-Forwarded-Proto only from a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect((await get('/', forwarded)).headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await serve({ USHER_TRUST_PROXY: '1' });
    for (const url of ['/', '/api/things', '/desk', '/assets/app-1a2b.js']) {
      const answer = await behindProxy.inject({ method: 'GET', url, headers: forwarded });
      expect(answer.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
    expect((await behindProxy.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBeUndefined();
  });
});
