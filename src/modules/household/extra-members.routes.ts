import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCsrf, memberSummarySchema } from '../identity/index.ts';
import type { ExtraMemberService } from './extra-members.service.ts';
import type { IdentityPort } from './household.ports.ts';

const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'expired', 'accepted', 'cancelled']),
  expires_at: z.string(),
});
const overviewSchema = z.object({
  eligible: z.boolean(),
  reason_code: z.enum(['EXTRA_MEMBER_LIMIT', 'EXTRA_MEMBER_UNAVAILABLE', 'BILLED_BY_PARTNER', 'NOT_ACTIVE']).optional(),
  slots_allowed: z.number().int(),
  slots_used: z.number().int(),
  slot_price: z.number().int(),
  currency: z.string(),
  invitations: z.array(invitationSchema),
  members: z.array(z.object({ account_id: z.string(), name: z.string(), email: z.string(), access_until: z.string().nullable() })),
});
const email = z.string().trim().toLowerCase().email().max(254);
const invitationParams = z.object({ id: z.string().min(1).max(100) });
const invitationAnswer = { 200: z.object({ invitation: invitationSchema }) };

/** Extra members: only the owner manages them (identity answers 403 to an extra member); the invited person accepts by link. */
export function extraMemberRoutes(options: { identity: IdentityPort; extraMembers: ExtraMemberService }): FastifyPluginAsyncZod {
  const { identity, extraMembers } = options;
  return async (app) => {
    app.get('/api/me/extra-members', {
      schema: { tags: ['extra members'], summary: 'Eligibility, slots, invitations and extra members', response: { 200: overviewSchema } },
    }, async (request) => extraMembers.overview(await identity.requireOwner(request)));

    app.post('/api/me/extra-members/invitations', {
      schema: {
        tags: ['extra members'],
        summary: 'Invite an extra member: adds a slot through billing (prorated charge); the link lasts 14 days',
        body: z.object({ email, name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ invitation: invitationSchema }) },
      },
    }, async (request, reply) => {
      const owner = await identity.requireOwner(request);
      const invitation = await extraMembers.invite({ owner, email: request.body.email, name: request.body.name });
      return reply.status(201).send({ invitation });
    });

    app.post('/api/me/extra-members/invitations/:id/resend', {
      schema: { tags: ['extra members'], summary: 'Send the invitation again with a new link for 14 days', params: invitationParams, response: invitationAnswer },
    }, async (request) => ({ invitation: await extraMembers.resend({ owner: await identity.requireOwner(request), invitationId: request.params.id }) }));

    app.post('/api/me/extra-members/invitations/:id/cancel', {
      schema: { tags: ['extra members'], summary: 'Cancel a pending invitation: its slot is removed (kept to the period end)', params: invitationParams, response: invitationAnswer },
    }, async (request) => ({ invitation: await extraMembers.cancel({ owner: await identity.requireOwner(request), invitationId: request.params.id }) }));

    app.patch('/api/me/extra-members/invitations/:id', {
      schema: { tags: ['extra members'], summary: 'Fix the address of a pending invitation and send it there', params: invitationParams, body: z.object({ email }), response: invitationAnswer },
    }, async (request) => ({
      invitation: await extraMembers.changeEmail({ owner: await identity.requireOwner(request), invitationId: request.params.id, email: request.body.email }),
    }));

    app.post('/api/invitations/:token/accept', {
      // The token is in the path: at `warn` Fastify's request lines (which carry the URL) are not logged.
      logLevel: 'warn',
      // It signs a new login in, so like every state change of identity it needs the double-submit CSRF header.
      onRequest: async (request) => checkCsrf(request),
      schema: {
        tags: ['extra members'],
        summary: 'Accept an invitation: creates the extra member\'s login and signs it in',
        params: z.object({ token: z.string().min(16).max(200) }),
        body: z.object({ name: z.string().trim().min(1).max(100), password: z.string().min(10).max(200), transfer_profile: z.string().trim().min(1).max(50).optional() }),
        response: { 201: z.object({ member: memberSummarySchema }) },
      },
    }, async (request, reply) => {
      const member = await extraMembers.accept({
        token: request.params.token, name: request.body.name, password: request.body.password, transferProfile: request.body.transfer_profile, request, reply,
      });
      return reply.status(201).send({ member });
    });

    app.delete('/api/me/extra-members/:accountId', {
      schema: { tags: ['extra members'], summary: 'Remove an extra member: access lasts until the period ends', params: z.object({ accountId: z.string().min(1).max(100) }) },
    }, async (request, reply) => {
      const owner = await identity.requireOwner(request);
      await extraMembers.remove({ owner, memberAccountId: request.params.accountId });
      return reply.status(204).send();
    });
  };
}
