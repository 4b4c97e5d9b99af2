import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INTENTS } from './intents.ts';
import { MAX_TEXT_LENGTH, type Triage } from './triage.ts';

const intentSchema = z.enum(INTENTS);
const resultSchema = z.object({
  intent: intentSchema,
  confidence: z.number(),
  alternatives: z.array(z.object({ intent: intentSchema, confidence: z.number() })),
  entities: z.object({
    error_code: z.string().optional(),
    amount: z.string().optional(),
    date: z.string().optional(),
    card_last4: z.string().optional(),
    device: z.enum(['tv', 'phone', 'tablet', 'computer', 'streaming stick', 'game console']).optional(),
    billing_partner: z.enum(['mobile carrier', 'cable provider', 'internet provider', 'app store', 'bundle']).optional(),
  }),
  /** ISO 639-1, an extra beside the contract's fields. */
  language: z.string(),
});

/** POST /api/triage: the same answer as `usher triage` (contracts/cli.md). */
export function triageRoutes(options: { triage: Triage }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/triage', {
      schema: {
        tags: ['triage'],
        summary: 'Intent (contracts/intents.md), calibrated confidence, alternatives and entities of a member\'s message',
        body: z.object({ text: z.string().min(1).max(MAX_TEXT_LENGTH) }),
        response: { 200: resultSchema },
      },
    }, async (request) => options.triage(request.body.text));
  };
}
