import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCsrf } from '../../identity/index.ts';
import { requireAgent } from './agent-auth.service.ts';
import type { DeskContext } from './desk-context.ts';
import { caseIdParams } from './desk-http.ts';
import { restoreGiftBalance } from './gift-balance.service.ts';

/** The supervisor's gift-balance restore on a verified case (issue 12 point 3). */
export function giftBalanceRoutes(ctx: DeskContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', async (request) => checkCsrf(request));

    app.post('/api/desk/cases/:id/actions/restore-gift-balance', {
      schema: {
        tags: ['desk'], summary: 'Restore (part of) the verified member\'s gift balance, with a reason; supervisors only; audited; idempotent by key', params: caseIdParams,
        body: z.object({
          amount: z.number().int().positive().max(10_000_000),
          reason: z.string().trim().min(10, 'says why, in a sentence').max(1000),
          idempotency_key: z.string().trim().min(8).max(100),
        }),
        response: {
          200: z.object({
            membership_id: z.string(), amount: z.number().int(), currency: z.string(), balance: z.number().int(), reason: z.string(),
            restored_by: z.string(), at: z.string(), repeated: z.boolean(),
          }),
        },
      },
    }, async (request) => restoreGiftBalance(ctx, await requireAgent(ctx, request), {
      caseId: request.params.id, amount: request.body.amount, reason: request.body.reason, idempotencyKey: request.body.idempotency_key,
    }));
  };
}
