/**
 * The public simulator in a process of its own, for tests of requests that
 * once ran until memory ran out: a synchronous loop cannot be stopped by a
 * test timeout in the test's own process, a child can be killed.
 * `node --import tsx simulate-route.fixture.ts '<scenario JSON>'` prints
 * `{"status": …, "body": …, "ms": …}`. No database: the rate limiter lets
 * everything through (its own tests cover it).
 */
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { handleError } from '../../../platform/http/error-handler.ts';
import type { RateLimiter } from '../../../platform/http/rate-limit.ts';
import { billingRoutes } from '../billing.routes.ts';
import { loadCatalog } from '../index.ts';

const limiter: RateLimiter = { take: async () => ({ allowed: true, retryAfterSeconds: 0 }), sweep: async () => 0 };
const app = Fastify();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.setErrorHandler(handleError);
await app.register(billingRoutes({ catalog: loadCatalog('config/catalog.json'), limiter }));
const started = performance.now();
const response = await app.inject({ method: 'POST', url: '/api/billing/simulate', headers: { 'content-type': 'application/json' }, payload: process.argv[2] });
process.stdout.write(`${JSON.stringify({ status: response.statusCode, body: response.json(), ms: Math.round(performance.now() - started) })}\n`);
await app.close();
