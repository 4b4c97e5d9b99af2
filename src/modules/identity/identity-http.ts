import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { handleError } from '../../platform/http/error-handler.ts';
import { RateLimitedError } from './identity.errors.ts';

export const memberSummarySchema = z.object({
  account_id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.string(),
  language: z.string(),
  role: z.enum(['owner', 'extra_member']),
  owner_account_id: z.string().optional(),
});

export const deviceTypeSchema = z.enum(['tv', 'phone', 'tablet', 'computer', 'console']);

/**
 * A refusal for too many attempts carries when to come back, in the body
 * (`retry_after_seconds`) and in `Retry-After`; the platform's handler knows
 * only code, message and field, so this plugin answers those itself.
 */
export function answerRateLimits(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof RateLimitedError) {
      request.log.info({ errorCode: error.code }, 'request refused');
      return reply.status(429).header('retry-after', String(error.retryAfterSeconds))
        .send({ error: { code: error.code, message: error.message, retry_after_seconds: error.retryAfterSeconds } });
    }
    return handleError(error as Parameters<typeof handleError>[0], request, reply);
  });
}
