import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sameSecret } from '../../../platform/secrets.ts';
import { checkCsrf, ensureCsrfCookie } from '../../identity/index.ts';
import { addAgent, currentAgent, requireAgent, signInAgent, signOutAgent, unlockAgentSignIn } from './agent-auth.service.ts';
import { assignWaiting } from './assignment.service.ts';
import { auditTrail, caseDetail, listCases, memberCases, queuesView } from './case-queries.service.ts';
import { agentView } from './case-view.ts';
import { audit, type DeskContext } from './desk-context.ts';
import { adminKeyNeeded } from './desk.errors.ts';
import { AGENT_ROLES } from './desk.tables.ts';
import { agentSchema, auditSchema, caseDetailSchema, caseIdParams, caseSummarySchema, memberCasesSchema, queueSchema, queuesSchema } from './desk-http.ts';

export type MemberAuth = { requireMember(request: FastifyRequest): Promise<{ accountId: string }> };

const TAGS = ['desk'];

/** Signing in and out, the queues, the case lists and views, the audit log; and the member's own cases. */
export function deskRoutes(ctx: DeskContext, options: { memberAuth: MemberAuth; adminKey: string | null }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/desk/session', {
      schema: { tags: TAGS, summary: 'The signed-in agent, if any, and the CSRF token (sets the usher_csrf cookie)', response: { 200: z.object({ csrf_token: z.string(), agent: agentSchema.nullable() }) } },
    }, async (request, reply) => {
      const csrf = ensureCsrfCookie(request, reply);
      const agent = await currentAgent(ctx, request);
      return { csrf_token: csrf, agent: agent ? agentView(agent) : null };
    });

    app.post('/api/desk/sign-in', {
      schema: {
        tags: TAGS, summary: 'Agent sign-in; sets the usher_agent_session cookie (HttpOnly, SameSite=Strict)',
        body: z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ agent: agentSchema }) },
      },
    }, async (request, reply) => {
      checkCsrf(request);
      const agent = await signInAgent(ctx, { ...request.body, request, reply });
      // An agent coming on duty may take waiting cases at once.
      await assignWaiting(ctx);
      return { agent: agentView(agent) };
    });

    app.post('/api/desk/sign-out', { schema: { tags: TAGS, summary: 'Agent sign-out (this browser)' } }, async (request, reply) => {
      checkCsrf(request);
      await signOutAgent(ctx, request, reply);
      return reply.status(204).send();
    });

    app.post('/api/desk/agents/:id/unlock-sign-in', {
      schema: {
        tags: TAGS, summary: 'Supervisors: lift an agent\'s sign-in lock after wrong passwords from many addresses (audited)',
        params: z.object({ id: z.string().min(1).max(64) }), response: { 200: z.object({ agent_id: z.string(), cleared: z.number().int() }) },
      },
    }, async (request) => unlockAgentSignIn(ctx, await requireAgent(ctx, request), request.params.id));

    app.get('/api/desk/me', {
      schema: { tags: TAGS, summary: 'The signed-in agent (401 when signed out)', response: { 200: z.object({ agent: agentSchema }) } },
    }, async (request) => ({ agent: agentView(await requireAgent(ctx, request)) }));

    app.get('/api/desk/queues', {
      schema: { tags: TAGS, summary: 'Waiting cases per queue with waiting times; agents\' loads for supervisors', response: { 200: queuesSchema } },
    }, async (request) => queuesView(ctx, await requireAgent(ctx, request)));

    app.get('/api/desk/cases', {
      schema: {
        tags: TAGS, summary: 'My cases (open by default); scope=all for a supervisor',
        querystring: z.object({ state: z.enum(['open', 'resolved']).default('open'), scope: z.enum(['mine', 'all']).default('mine') }),
        response: { 200: z.object({ cases: z.array(caseSummarySchema) }) },
      },
    }, async (request) => listCases(ctx, await requireAgent(ctx, request), request.query));

    app.get('/api/desk/cases/:id', {
      schema: { tags: TAGS, summary: 'One case: case file, conversation, notes, steps, audit, SLA timers; the account once verified', params: caseIdParams, response: { 200: caseDetailSchema } },
    }, async (request) => caseDetail(ctx, await requireAgent(ctx, request), request.params.id));

    app.get('/api/desk/audit', {
      schema: {
        tags: TAGS, summary: 'The audit log, newest first: everything for a supervisor, an agent\'s own cases otherwise',
        querystring: z.object({ case_id: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ entries: z.array(auditSchema) }) },
      },
    }, async (request) => auditTrail(ctx, await requireAgent(ctx, request), {
      ...(request.query.case_id === undefined ? {} : { caseId: request.query.case_id }), limit: request.query.limit,
    }));

    app.post('/api/desk/admin/agents', {
      schema: {
        tags: TAGS, summary: 'Add an agent, supervisor or security-team member (header x-admin-key)',
        headers: z.object({ 'x-admin-key': z.string().optional() }),
        body: z.object({
          name: z.string().trim().min(1).max(120), email: z.string().trim().email().max(254), password: z.string().min(10).max(200),
          role: z.enum(AGENT_ROLES), skills: z.array(queueSchema).min(1), max_concurrent: z.number().int().min(1).max(20).default(3),
        }),
        response: { 201: z.object({ agent: agentSchema }) },
      },
    }, async (request, reply) => {
      const key = request.headers['x-admin-key'];
      if (options.adminKey === null || key === undefined || !sameSecret(key, options.adminKey)) throw adminKeyNeeded();
      const { max_concurrent: maxConcurrent, ...rest } = request.body;
      const agent = await addAgent(ctx, { ...rest, maxConcurrent });
      await audit(ctx, { agentId: null, caseId: null, action: 'agent_added', details: { agent_id: agent.id, role: agent.role } });
      return reply.status(201).send({ agent: agentView(agent) });
    });

    app.get('/api/me/support/cases', {
      schema: { tags: ['support'], summary: 'The signed-in member\'s support cases with their outcome and summary', response: { 200: memberCasesSchema } },
    }, async (request) => memberCases(ctx, (await options.memberAuth.requireMember(request)).accountId));
  };
}
