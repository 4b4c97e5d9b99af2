import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { MembershipService } from './membership.service.ts';
import type { Catalog } from './rules/catalog.ts';
import { describeCatalog } from './billing.routes.ts';

/**
 * Who is asking: the identity module answers. Billing needs the owner's
 * account, and keeps the signed-in device's id on the events of an action.
 */
export type MemberAuth = { requireOwner(request: FastifyRequest): Promise<{ accountId: string; ownerAccountId: string; deviceId?: string | null }> };

const months = z.number().int();
export const membershipActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change_plan'), plan: z.string().min(1).max(40) }),
  z.object({ type: z.literal('pause'), months }),
  z.object({ type: z.literal('extend_pause'), months }),
  z.object({ type: z.literal('withdraw_pause') }),
  z.object({ type: z.literal('unpause') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('restart'), plan: z.string().min(1).max(40).optional() }),
]);

const cardSchema = z.object({
  number: z.string().min(12).max(23),
  exp_month: z.number().int().min(1).max(12),
  exp_year: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/).optional(),
});

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough();

/** The signed-in owner's membership: read it, preview an action, act, update the card. */
export function billingMemberRoutes(options: { service: MembershipService; catalog: Catalog; auth: MemberAuth }): FastifyPluginAsyncZod {
  const { service, auth } = options;
  const ownMembershipAndMember = async (request: FastifyRequest) => {
    const member = await auth.requireOwner(request);
    const view = await service.findByAccount(member.ownerAccountId);
    if (!view) throw new AppError({ code: 'NOT_FOUND', message: 'This account has no membership yet.', status: 404 });
    return { view, member };
  };
  const ownMembership = async (request: FastifyRequest) => (await ownMembershipAndMember(request)).view;
  const country = (code: string) => describeCatalog(options.catalog).find((c) => c.country === code);

  return async (app) => {
    app.get('/api/me/membership', { schema: { tags: ['membership'], summary: 'The signed-in owner’s membership, ledger and history' } }, async (request) => {
      const view = await ownMembership(request);
      const plans = country(view.country)?.plans ?? [];
      return { ...view, plan_name: plans.find((p) => p.id === view.state.plan)?.name ?? view.state.plan, plans };
    });

    app.post('/api/me/membership/preview', {
      schema: { tags: ['membership'], summary: 'What an action would do, before confirming it', body: z.object({ action: membershipActionSchema }) },
    }, async (request) => {
      const view = await ownMembership(request);
      return service.preview({ membershipId: view.id, action: request.body.action });
    });

    app.post('/api/me/membership/actions', {
      schema: { tags: ['membership'], summary: 'Change plan, pause, unpause, cancel or restart', body: z.object({ action: membershipActionSchema }), headers: idempotencyHeaders },
    }, async (request) => {
      const { view, member } = await ownMembershipAndMember(request);
      // The device's name is identity's to tell; billing keeps only what the session gives it.
      const actor = { accountId: member.accountId, deviceId: member.deviceId ?? undefined, via: 'member_app' };
      return service.act({ membershipId: view.id, action: request.body.action, idempotencyKey: request.headers['idempotency-key'], actor });
    });

    app.post('/api/me/payment-method', {
      schema: { tags: ['membership'], summary: 'Replace the card (a 1.00 authorization, voided; retries a failed payment)', body: z.object({ card: cardSchema }), headers: idempotencyHeaders },
    }, async (request) => {
      const view = await ownMembership(request);
      const { number, exp_month, exp_year, cvc } = request.body.card;
      return service.updatePaymentMethod({ membershipId: view.id, card: { number, expMonth: exp_month, expYear: exp_year, cvc }, idempotencyKey: request.headers['idempotency-key'] });
    });
  };
}
