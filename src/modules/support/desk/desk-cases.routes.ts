import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCsrf } from '../../identity/index.ts';
import { requireAgent } from './agent-auth.service.ts';
import { cancelDuplicate, refundCharge, removeExtraMember, signOutAllDevices } from './case-actions.service.ts';
import { messageView } from './case-view.ts';
import { addNote, escalateCase, resolveCase, sendMessage, transferCase, verifyMember } from './case-workflow.service.ts';
import type { DeskContext } from './desk-context.ts';
import { askForServiceCode } from './service-code-request.service.ts';
import { caseIdParams, messageSchema, noteSchema, outcomeSchema, queueSchema, reasonSchema } from './desk-http.ts';

const TAGS = ['desk'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is a date such as 2026-03-10');
const idempotencyKey = z.string().trim().min(8).max(100);

/** What an agent does on a case: verify, talk, note, transfer, escalate, resolve, and the account actions. */
export function deskCaseRoutes(ctx: DeskContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Before body validation: a forged request learns nothing, not even which field is wrong.
    app.addHook('onRequest', async (request) => checkCsrf(request));

    app.post('/api/desk/cases/:id/verify', {
      schema: {
        tags: TAGS, summary: 'Verify the member with the service code they read out', params: caseIdParams,
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'is the 6-digit service code') }),
        response: { 200: z.object({ verified: z.literal(true), account_id: z.string(), verified_at: z.string() }) },
      },
    }, async (request) => verifyMember(ctx, await requireAgent(ctx, request), { caseId: request.params.id, code: request.body.code, address: request.ip }));

    app.post('/api/desk/cases/:id/ask-service-code', {
      schema: {
        tags: TAGS, summary: 'Ask the member for their service code: their chat opens a secure field the server checks (only the case\'s own agent)', params: caseIdParams,
        body: z.object({}).optional(), response: { 200: z.object({ asked_at: z.string() }) },
      },
    }, async (request) => askForServiceCode(ctx, await requireAgent(ctx, request), { caseId: request.params.id }));

    app.post('/api/desk/cases/:id/messages', {
      schema: {
        tags: TAGS, summary: 'Send the member a message (refused with CREDENTIAL_REQUEST_BLOCKED when it asks for a password or code)', params: caseIdParams,
        body: z.object({ body: z.string().trim().min(1).max(4000), client_id: z.string().max(100).optional() }),
        response: { 201: z.object({ message: messageSchema }) },
      },
    }, async (request, reply) => {
      const agent = await requireAgent(ctx, request);
      const message = await sendMessage(ctx, agent, {
        caseId: request.params.id, body: request.body.body, ...(request.body.client_id === undefined ? {} : { clientId: request.body.client_id }),
      });
      return reply.status(201).send({ message: messageView(message) });
    });

    app.post('/api/desk/cases/:id/notes', {
      schema: {
        tags: TAGS, summary: 'An internal note (stored redacted; never shown to the member)', params: caseIdParams,
        body: z.object({ body: z.string().trim().min(1).max(4000) }), response: { 201: z.object({ note: noteSchema }) },
      },
    }, async (request, reply) => {
      const note = await addNote(ctx, await requireAgent(ctx, request), { caseId: request.params.id, body: request.body.body });
      return reply.status(201).send({ note });
    });

    app.post('/api/desk/cases/:id/transfer', {
      schema: {
        tags: TAGS, summary: 'Move the case to another queue; it waits there for an agent with that skill', params: caseIdParams,
        body: z.object({ queue: queueSchema, reason: reasonSchema }),
        response: { 200: z.object({ id: z.string(), queue: queueSchema, status: z.enum(['queued', 'escalated']) }) },
      },
    }, async (request) => transferCase(ctx, await requireAgent(ctx, request), { caseId: request.params.id, ...request.body }));

    app.post('/api/desk/cases/:id/escalate', {
      schema: {
        tags: TAGS, summary: 'Hand the case to a supervisor, one escalation level up', params: caseIdParams,
        body: z.object({ reason: reasonSchema }),
        response: { 200: z.object({ id: z.string(), status: z.literal('escalated'), escalation_level: z.number().int() }) },
      },
    }, async (request) => escalateCase(ctx, await requireAgent(ctx, request), { caseId: request.params.id, reason: request.body.reason }));

    app.post('/api/desk/cases/:id/resolve', {
      schema: {
        tags: TAGS, summary: 'Close the case with its outcome and a summary the member keeps', params: caseIdParams,
        body: z.object({ outcome: outcomeSchema, summary: z.string().trim().min(10).max(4000) }),
        response: { 200: z.object({ id: z.string(), status: z.literal('resolved'), outcome: outcomeSchema, summary: z.string(), resolved_at: z.string() }) },
      },
    }, async (request) => resolveCase(ctx, await requireAgent(ctx, request), { caseId: request.params.id, ...request.body }));

    app.post('/api/desk/cases/:id/actions/refund', {
      schema: {
        tags: TAGS, summary: 'Refund (part of) a charge within the agent\'s or supervisor\'s limit; idempotent by key', params: caseIdParams,
        body: z.object({
          membership_id: z.string().max(64).optional(), charge_id: z.string().max(64).optional(), charge_date: isoDate.optional(),
          amount: z.number().int().positive(), reason: reasonSchema, idempotency_key: idempotencyKey,
        }).refine((body) => body.charge_id !== undefined || body.charge_date !== undefined, { message: 'Name the charge: charge_id or charge_date.', path: ['charge_id'] }),
        response: {
          200: z.object({
            membership_id: z.string(), charge_id: z.string(), charge_date: z.string(), amount: z.number().int(), currency: z.string(), repeated: z.boolean(),
          }),
        },
      },
    }, async (request) => {
      const body = request.body;
      return refundCharge(ctx, await requireAgent(ctx, request), {
        caseId: request.params.id, amount: body.amount, reason: body.reason, idempotencyKey: body.idempotency_key,
        ...(body.membership_id === undefined ? {} : { membershipId: body.membership_id }),
        ...(body.charge_id === undefined ? {} : { chargeId: body.charge_id }),
        ...(body.charge_date === undefined ? {} : { chargeDate: body.charge_date }),
      });
    });

    app.post('/api/desk/cases/:id/actions/cancel-duplicate', {
      schema: {
        tags: TAGS, summary: 'Cancel a second membership paid with the same card as the verified account', params: caseIdParams,
        body: z.object({ membership_id: z.string().min(1).max(64) }),
        response: { 200: z.object({ membership_id: z.string(), status: z.string(), access_until: z.string().nullable() }) },
      },
    }, async (request) => cancelDuplicate(ctx, await requireAgent(ctx, request), { caseId: request.params.id, membershipId: request.body.membership_id }));

    app.post('/api/desk/cases/:id/actions/remove-extra-member', {
      schema: {
        tags: TAGS, summary: 'Remove an extra member from the verified owner\'s account', params: caseIdParams,
        body: z.object({ member_account_id: z.string().min(1).max(64) }),
        response: { 200: z.object({ member_account_id: z.string(), access_until: z.string() }) },
      },
    }, async (request) => removeExtraMember(ctx, await requireAgent(ctx, request), { caseId: request.params.id, memberAccountId: request.body.member_account_id }));

    app.post('/api/desk/cases/:id/actions/sign-out-devices', {
      schema: {
        tags: TAGS, summary: 'Sign out every device of the verified account', params: caseIdParams,
        body: z.object({}).optional(), response: { 200: z.object({ signed_out: z.number().int() }) },
      },
    }, async (request) => signOutAllDevices(ctx, await requireAgent(ctx, request), { caseId: request.params.id }));
  };
}
