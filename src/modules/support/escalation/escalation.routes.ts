import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Agent } from '../desk/agents.repository.ts';
import {
  addEscalationStep, escalationForDesk, escalationOfMember, escalationsForDesk, escalationsOfMember, fileEscalation, type EscalationContext,
} from './escalation.service.ts';
import {
  deskDetailSchema, deskDetailView, deskSummarySchema, deskSummaryView, memberEscalationSchema, memberEscalationView, type DisputeRoutesFor,
} from './escalation-view.ts';
import { DESK_STEP_KINDS, ESCALATION_KINDS, ESCALATION_OUTCOMES, ESCALATION_TOPICS } from './escalation.rules.ts';

export type EscalationRouteDeps = {
  ctx: EscalationContext;
  disputeRoutes: DisputeRoutesFor;
  requireMember(request: FastifyRequest): Promise<{ accountId: string }>;
  requireAgent(request: FastifyRequest): Promise<Agent>;
};

// Any short string: a malformed reference is answered like an unknown one (404), after the sign-in check.
const referenceParams = z.object({ reference: z.string().trim().min(1).max(20) });
const idParams = z.object({ id: z.string().trim().min(1).max(64) });

export const fileBodySchema = z.object({
  kind: z.enum(ESCALATION_KINDS),
  topic: z.enum(ESCALATION_TOPICS),
  description: z.string().trim().min(10, 'Tell us in a sentence or two what is wrong (10 characters at least).').max(4000),
  conversation_id: z.string().trim().min(1).max(64).optional(),
});

const stepBodySchema = z.object({
  kind: z.enum(DESK_STEP_KINDS),
  // Optional for an acknowledgement or an assignment (a standard sentence is written); required for the rest.
  summary: z.string().trim().min(3).max(4000).optional(),
  outcome: z.enum(ESCALATION_OUTCOMES).optional(),
  assignee_id: z.string().trim().min(1).max(64).optional(),
});

/** The member's complaints and specialist requests, and the desk's list, view and steps (docs/escalation.md). */
export function escalationRoutes(deps: EscalationRouteDeps): FastifyPluginAsyncZod {
  const { ctx, disputeRoutes } = deps;
  return async (app) => {
    app.get('/api/me/support/escalations', {
      schema: { tags: ['support'], summary: 'The signed-in member\'s complaints and specialist requests, with the steps meant for them', response: { 200: z.object({ escalations: z.array(memberEscalationSchema) }) } },
    }, async (request) => {
      const member = await deps.requireMember(request);
      const now = ctx.clock.now();
      return { escalations: (await escalationsOfMember(ctx, member.accountId)).map(({ escalation, steps }) => memberEscalationView(escalation, steps, now, disputeRoutes)) };
    });

    app.get('/api/me/support/escalations/:reference', {
      schema: { tags: ['support'], summary: 'One of the member\'s escalations by its reference (404 for anyone else\'s)', params: referenceParams, response: { 200: z.object({ escalation: memberEscalationSchema }) } },
    }, async (request) => {
      const member = await deps.requireMember(request);
      const { escalation, steps } = await escalationOfMember(ctx, member.accountId, request.params.reference);
      return { escalation: memberEscalationView(escalation, steps, ctx.clock.now(), disputeRoutes) };
    });

    app.post('/api/me/support/escalations', {
      schema: {
        tags: ['support'], summary: 'Make a formal complaint or ask for a specialist; answers the reference and the dates we answer by',
        body: fileBodySchema, response: { 201: z.object({ escalation: memberEscalationSchema, repeated: z.boolean() }) },
      },
    }, async (request, reply) => {
      const member = await deps.requireMember(request);
      const body = request.body;
      const { escalation, repeated } = await fileEscalation(ctx, {
        accountId: member.accountId, kind: body.kind, topic: body.topic, description: body.description,
        source: body.conversation_id ? 'chat' : 'support_page', conversationId: body.conversation_id ?? null,
      });
      const { steps } = await escalationOfMember(ctx, member.accountId, escalation.reference);
      return reply.status(201).send({ escalation: memberEscalationView(escalation, steps, ctx.clock.now(), disputeRoutes), repeated });
    });

    app.get('/api/desk/escalations', {
      schema: {
        tags: ['desk'], summary: 'Complaints and specialist requests: a supervisor sees all, an agent those assigned to them; overdue first',
        querystring: z.object({ state: z.enum(['open', 'resolved']).default('open') }),
        response: { 200: z.object({ escalations: z.array(deskSummarySchema) }) },
      },
    }, async (request) => {
      const agent = await deps.requireAgent(request);
      const now = ctx.clock.now();
      return { escalations: (await escalationsForDesk(ctx, agent, request.query.state)).map((escalation) => deskSummaryView(escalation, now)) };
    });

    app.get('/api/desk/escalations/:id', {
      schema: { tags: ['desk'], summary: 'An escalation (id or reference) with every step, internal notes included', params: idParams, response: { 200: deskDetailSchema } },
    }, async (request) => {
      const agent = await deps.requireAgent(request);
      const { escalation, steps } = await escalationForDesk(ctx, agent, request.params.id);
      return deskDetailView(escalation, steps, ctx.clock.now(), disputeRoutes);
    });

    app.post('/api/desk/escalations/:id/steps', {
      schema: {
        tags: ['desk'], summary: 'Add a step: acknowledge, assign (supervisors), a note to the member, an internal note, a proposal, the final answer',
        params: idParams, body: stepBodySchema, response: { 201: deskDetailSchema },
      },
    }, async (request, reply) => {
      const agent = await deps.requireAgent(request);
      const body = request.body;
      const result = await addEscalationStep(ctx, agent, {
        escalationId: request.params.id, kind: body.kind,
        ...(body.summary === undefined ? {} : { summary: body.summary }),
        ...(body.outcome === undefined ? {} : { outcome: body.outcome }),
        ...(body.assignee_id === undefined ? {} : { assigneeId: body.assignee_id }),
      });
      return reply.status(201).send(deskDetailView(result.escalation, result.steps, ctx.clock.now(), disputeRoutes));
    });
  };
}
