import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { handleError, handleNotFound } from './error-handler.ts';
import { refuseForeignOrigins } from './origin-check.ts';
import { cspHeader, DOCS_CSP, registerSecurityHeaders } from './security-headers.ts';
import { registerWebApp } from './web-app.ts';
import type { HomeLink } from './home-page.ts';
import { createMetricsRegistry, observeRequests } from './http-metrics.ts';
import { platformRoutes } from './platform.routes.ts';
import { recordRoutes } from './route-catalog.ts';
import { refuseBadText } from './text-guard.ts';

export type { HomeLink } from './home-page.ts';

export type HttpServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Route plugins declare zod schemas; modules export one of these. */
export type RoutesPlugin = FastifyPluginAsyncZod;

export type BuildHttpServerOptions = {
  config: Config;
  logger: Logger;
  database: Database;
  clock: Clock;
  routes: RoutesPlugin[];
  homeLinks: HomeLink[];
  /** The built members' app (default web/dist). */
  webDist?: string;
};

/** Fastify takes a number of hops only as a function (the runtime does, its types do not). */
function trustProxyOption(trust: Config['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildHttpServer(options: BuildHttpServerOptions): Promise<HttpServer> {
  // Widened to Fastify's logger type so route plugins need not know it is pino.
  const loggerInstance: FastifyBaseLogger = options.logger;
  // Behind a reverse proxy, request.ip (rate limits per address, device locations) and request.protocol (Secure cookies) come from X-Forwarded-*.
  const app = Fastify({ loggerInstance, trustProxy: trustProxyOption(options.config.trustProxy) }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  recordRoutes(app);
  // Once, for every route: NUL characters and lone surrogates are a 400 naming the field, never a 500 from the database.
  app.addHook('preValidation', refuseBadText);

  const { registry, requestDuration } = createMetricsRegistry();
  observeRequests(app, requestDuration);
  // Before any route: helmet's per-route CSP is read when routes are added; the origin check covers them all.
  await registerSecurityHeaders(app);
  refuseForeignOrigins(app, { allowedOrigins: options.config.publicUrl === undefined ? [] : [options.config.publicUrl] });

  // Awaited so swagger's onRoute hook sees every route registered after it.
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Usher API',
        version: '0.1.0',
        description: 'Customer service for a subscription video-streaming service.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: cspHeader(DOCS_CSP) });

  await app.register(platformRoutes({
    database: options.database,
    clock: options.clock,
    registry,
    homeLinks: options.homeLinks,
    demoMode: options.config.demoMode,
  }));
  for (const routes of options.routes) await app.register(routes);
  await registerWebApp(app, options.webDist);
  return app;
}
