import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { renderHomePage, type HomeLink } from './home-page.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  time: z.string().describe('The server clock, ISO 8601'),
});

export type PlatformRoutesOptions = {
  database: Database;
  clock: Clock;
  registry: Registry;
  homeLinks: HomeLink[];
  demoMode: boolean;
};

export function platformRoutes(options: PlatformRoutesOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', {
      schema: {
        summary: 'Home page',
        description: 'What Usher is, with links to its features and operator pages (HTML).',
        tags: ['platform'],
        produces: ['text/html'],
        response: { 200: z.string().describe('An HTML page') },
      },
    }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderHomePage({ links: options.homeLinks, demoMode: options.demoMode })));

    app.get('/healthz', {
      schema: {
        summary: 'Health check',
        description: 'Answers 200 when the database answers a query, 503 otherwise.',
        tags: ['platform'],
        response: { 200: healthSchema, 503: healthSchema },
      },
    }, async (request, reply) => {
      const time = options.clock.now().toISOString();
      try {
        await sql`select 1`.execute(options.database.db);
        return reply.status(200).send({ status: 'ok', database: options.database.kind, time });
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unavailable');
        return reply.status(503).send({ status: 'unavailable', database: options.database.kind, time });
      }
    });

    app.get('/metrics', {
      schema: {
        summary: 'Prometheus metrics',
        description: 'Prometheus text exposition format.',
        tags: ['platform'],
        produces: ['text/plain'],
        response: { 200: z.string().describe('Prometheus text format') },
      },
    }, async (_request, reply) => reply.type(options.registry.contentType).send(await options.registry.metrics()));
  };
}
