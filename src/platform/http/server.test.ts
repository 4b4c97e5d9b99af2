import { Writable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { buildHttpServer, type HomeLink, type HttpServer } from './server.ts';

const greetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/whoami', async (request) => ({ ip: request.ip, protocol: request.protocol }));
  app.get('/greetings/:name', {
    schema: { params: z.object({ name: z.string() }), response: { 200: z.object({ greeting: z.string() }) } },
  }, async (request) => ({ greeting: `Hello ${request.params.name}` }));
};

async function serve(database: Database, homeLinks: HomeLink[] = [], logger = createLogger({ level: 'silent' }), env: Record<string, string> = {}): Promise<HttpServer> {
  return buildHttpServer({
    config: loadConfig(env),
    logger,
    database,
    clock: fixedClock('2025-01-15T10:00:00Z'),
    routes: [greetingRoutes],
    homeLinks,
  });
}

describeEachDatabase('the HTTP server', (open, kind) => {
  it('reports healthy when the database answers', async () => {
    const server = await serve(await open());
    const response = await server.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind, time: '2025-01-15T10:00:00.000Z' });
    await server.close();
  });

  it('reports 503 when the database is gone', async () => {
    const database = await open();
    const server = await serve(database);
    await database.close();
    const response = await server.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unavailable', database: kind });
    await server.close();
  });

  it('counts requests by route pattern, not by raw URL, in /metrics', async () => {
    const server = await serve(await open());
    await server.inject({ method: 'GET', url: '/greetings/ada' });
    await server.inject({ method: 'GET', url: '/greetings/grace' });
    const response = await server.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('http_request_duration_seconds_count{method="GET",route="/greetings/:name",status="200"} 2');
    expect(response.body).toContain('process_cpu_user_seconds_total');
    expect(response.body).not.toContain('ada');
    await server.close();
  });

  it('documents every route in the OpenAPI document at /docs/json', async () => {
    const server = await serve(await open());
    const response = await server.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/', '/healthz', '/metrics', '/greetings/{name}']));
    const ui = await server.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBeLessThan(400);
    await server.close();
  });

  it('serves a home page that explains Usher and links to features and operator pages', async () => {
    const server = await serve(await open(), [{ title: 'Help <Center>', href: '/help', description: 'Articles & flows' }]);
    const response = await server.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('reelhouse.example');
    expect(html).toContain('Help &lt;Center&gt;');
    expect(html).toContain('Articles &amp; flows');
    for (const href of ['/help', '/docs', '/healthz', '/metrics']) expect(html).toContain(`href="${href}"`);
    await server.close();
  });

  it('never writes reset, undo or invitation secrets of a request URL to the request log', async () => {
    let written = '';
    const destination = new Writable({ write(chunk: Buffer, _encoding, done) { written += chunk.toString(); done(); } });
    const server = await serve(await open(), [], createLogger({ level: 'info', destination }));
    await server.inject({ method: 'GET', url: '/reset?token=reset-secret-123&lang=de' });
    await server.inject({ method: 'GET', url: '/security/undo?token=undo-secret-456' });
    await server.inject({ method: 'GET', url: '/invitations/invite-secret-789' });
    await server.inject({ method: 'GET', url: '/greetings/ada?code=654321' });
    await server.close();
    const urls = written.trim().split('\n').map((line) => JSON.parse(line) as { req?: { url?: string } }).flatMap((line) => (line.req?.url ? [line.req.url] : []));
    expect(urls).toEqual(expect.arrayContaining(['/reset?token=[Redacted]&lang=de', '/security/undo?token=[Redacted]', '/invitations/[Redacted]', '/greetings/ada?code=[Redacted]']));
    for (const secret of ['reset-secret-123', 'undo-secret-456', 'invite-secret-789', '654321']) expect(written).not.toContain(secret);
  });

  it('takes the client address and protocol from X-Forwarded-* only when told to trust the proxy', async () => {
    const database = await open();
    const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
    const direct = await serve(database);
    expect((await direct.inject({ method: 'GET', url: '/whoami', remoteAddress: '10.0.0.2', headers: forwarded })).json()).toEqual({ ip: '10.0.0.2', protocol: 'http' });
    await direct.close();
    const proxied = await serve(database, [], createLogger({ level: 'silent' }), { USHER_TRUST_PROXY: '1' });
    expect((await proxied.inject({ method: 'GET', url: '/whoami', remoteAddress: '10.0.0.2', headers: forwarded })).json()).toEqual({ ip: '203.0.113.7', protocol: 'https' });
    await proxied.close();
  });
});
