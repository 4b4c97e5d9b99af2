import { Writable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { buildHttpServer, type HttpServer } from './server.ts';

const logLines: string[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/probe/plans', {
    schema: {
      body: z.object({ plan: z.enum(['basic', 'standard', 'premium']), months: z.number().int().optional() }),
      response: { 200: z.object({ plan: z.string() }) },
    },
  }, async (request) => ({ plan: request.body.plan }));
  app.get('/probe/refusal', { schema: {} }, async () => {
    throw new AppError({ code: 'BILLING_PAUSE_LIMIT', message: 'A membership can be paused twice a year.' });
  });
  app.get('/probe/missing', { schema: {} }, async () => {
    throw new AppError({ code: 'NOT_FOUND', message: 'No such case.' });
  });
  app.get('/probe/crash', { schema: {} }, async () => {
    throw new Error('connection to 10.0.0.5 refused: password authentication failed for user "billing"');
  });
  app.get('/probe/bad-response', { schema: { response: { 200: z.object({ total: z.number() }) } } }, async () =>
    // Deliberately breaks its own response schema, as a bug in a handler would.
    JSON.parse('{"total":"lots"}') as { total: number });
};

describe('the error handler', () => {
  let database: Database;
  let server: HttpServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    server = await buildHttpServer({
      config: loadConfig({}),
      logger: createLogger({ level: 'info', destination: logDestination }),
      database,
      clock: fixedClock('2025-01-15T10:00:00Z'),
      routes: [probeRoutes],
      homeLinks: [],
    });
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('answers a body that breaks the schema with 400 VALIDATION_FAILED and the field', async () => {
    const response = await server.inject({ method: 'POST', url: '/probe/plans', payload: { plan: 'platinum' } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; field: string; message: string } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.field).toBe('body.plan');
    expect(body.error.message).toContain('body.plan');
  });

  it('names a nested or missing field by its path', async () => {
    const response = await server.inject({ method: 'POST', url: '/probe/plans', payload: { plan: 'basic', months: 1.5 } });
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'body.months' } });
    const missing = await server.inject({ method: 'POST', url: '/probe/plans', payload: {} });
    expect(missing.json()).toMatchObject({ error: { field: 'body.plan' } });
  });

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const response = await server.inject({ method: 'POST', url: '/probe/plans', headers: { 'content-type': 'application/json' }, payload: '{"plan": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' } });
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const response = await server.inject({ method: 'GET', url: '/no/such/page?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'There is nothing at GET /no/such/page.' } });
  });

  it('answers a business refusal with 422 and its stable code', async () => {
    const response = await server.inject({ method: 'GET', url: '/probe/refusal' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ error: { code: 'BILLING_PAUSE_LIMIT', message: 'A membership can be paused twice a year.' } });
  });

  it('answers a thrown NOT_FOUND with 404', async () => {
    const response = await server.inject({ method: 'GET', url: '/probe/missing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such case.' } });
  });

  it('answers an unexpected error with 500 INTERNAL, no internals, and logs the stack', async () => {
    logLines.length = 0;
    const response = await server.inject({ method: 'GET', url: '/probe/crash' });
    expect(response.statusCode).toBe(500);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('INTERNAL');
    expect(response.body).not.toMatch(/10\.0\.0\.5|password|at .*\.ts|stack/);
    expect(logLines.join('')).toContain('password authentication failed');
    expect(logLines.join('')).toContain('"stack"');
  });

  it('treats a response that breaks its own schema as a server fault', async () => {
    const response = await server.inject({ method: 'GET', url: '/probe/bad-response' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
