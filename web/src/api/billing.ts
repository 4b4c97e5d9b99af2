import { newIdempotencyKey, request } from './client.ts';
import type { ActionPreview, Card, Catalog, MembershipAction, MembershipView, MyMembership, RedeemAnswer } from './types.ts';

export const getCatalog = () => request<Catalog>('GET', '/api/billing/catalog');
export const getMembership = () => request<MyMembership>('GET', '/api/me/membership');
export const previewAction = (action: MembershipAction) => request<ActionPreview>('POST', '/api/me/membership/preview', { body: { action } });

/** The key is chosen once per confirmation so that a retried click is applied once. */
export const applyAction = (action: MembershipAction, idempotencyKey: string = newIdempotencyKey()) =>
  request<MembershipView>('POST', '/api/me/membership/actions', { body: { action }, headers: { 'idempotency-key': idempotencyKey } });

export const updatePaymentMethod = (card: Card, idempotencyKey: string = newIdempotencyKey()) =>
  request<MembershipView>('POST', '/api/me/payment-method', { body: { card }, headers: { 'idempotency-key': idempotencyKey } });

/** Redeems a gift card on the signed-in owner's account; refusals carry the billing contract's codes. One key per attempt: a retried click redeems once. */
export const redeemGiftCard = (code: string, idempotencyKey: string = newIdempotencyKey()) =>
  request<RedeemAnswer>('POST', '/api/me/gift-cards/redeem', { body: { code }, headers: { 'idempotency-key': idempotencyKey } });
