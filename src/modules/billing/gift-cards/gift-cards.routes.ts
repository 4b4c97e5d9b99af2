import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rateLimitHook, type RateLimiter, type RateLimitPolicy } from '../../../platform/http/rate-limit.ts';
import type { MemberAuth } from '../billing-member.routes.ts';
import type { GiftCardService } from './gift-cards.service.ts';

/**
 * Guessing codes is the attack: 80 random bits make it hopeless, and these
 * limits keep anyone from trying at scale. Every attempt counts, a success
 * too; the address limit is wider (a household or an office shares one).
 */
export const GIFT_REDEEM_LIMITS = {
  perAccount: { scope: 'billing.gift_redeem.account', limit: 10, windowSeconds: 3600, message: 'Too many gift card codes tried on this account.' },
  perAddress: { scope: 'billing.gift_redeem.address', limit: 30, windowSeconds: 3600, message: 'Too many gift card codes tried from this address.' },
} satisfies Record<string, RateLimitPolicy>;

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough();

export function giftCardRoutes(options: {
  giftCards: GiftCardService;
  auth: MemberAuth;
  limiter: RateLimiter;
  limits?: { perAccount: RateLimitPolicy; perAddress: RateLimitPolicy };
}): FastifyPluginAsyncZod {
  const { giftCards, auth, limiter } = options;
  const limits = options.limits ?? GIFT_REDEEM_LIMITS;
  return async (app) => {
    app.post('/api/me/gift-cards/redeem', {
      // The address is counted before the body is read or the session looked up.
      onRequest: rateLimitHook(limiter, limits.perAddress),
      schema: {
        tags: ['membership'],
        summary: 'Redeem a gift card code on the signed-in owner’s membership (with or without dashes or spaces, any case)',
        body: z.object({ code: z.string().trim().min(1, 'Type the code from the gift card.').max(64) }),
        headers: idempotencyHeaders,
      },
    }, async (request, reply) => {
      const member = await auth.requireOwner(request);
      await rateLimitHook(limiter, limits.perAccount, () => member.ownerAccountId)(request, reply);
      const actor = { accountId: member.accountId, deviceId: member.deviceId ?? undefined, via: 'member_app' };
      const view = await giftCards.redeem({ accountId: member.ownerAccountId, code: request.body.code, idempotencyKey: request.headers['idempotency-key'], actor });
      const line = [...view.ledger].reverse().find((entry) => entry.type === 'gift_card');
      return { ...view, redeemed: line ? { amount: line.amount, currency: line.currency } : null };
    });

    app.get('/api/me/gift-balance', {
      schema: { tags: ['membership'], summary: 'The gift balance, how long it lasts at the current price, the cards redeemed (last four characters) and restores' },
    }, async (request) => {
      const member = await auth.requireOwner(request);
      const balance = await giftCards.balance(member.ownerAccountId);
      return balance ?? { membership_id: null, currency: null, balance: 0, estimate: null, cards: [], restores: [] };
    });
  };
}
