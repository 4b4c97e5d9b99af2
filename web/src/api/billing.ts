import { newIdempotencyKey, request } from './client.ts';
import type { ActionPreview, Card, Catalog, MembershipAction, MembershipView, MyMembership } from './types.ts';

export const getCatalog = () => request<Catalog>('GET', '/api/billing/catalog');
export const getMembership = () => request<MyMembership>('GET', '/api/me/membership');
export const previewAction = (action: MembershipAction) => request<ActionPreview>('POST', '/api/me/membership/preview', { body: { action } });

/** The key is chosen once per confirmation so that a retried click is applied once. */
export const applyAction = (action: MembershipAction, idempotencyKey: string = newIdempotencyKey()) =>
  request<MembershipView>('POST', '/api/me/membership/actions', { body: { action }, headers: { 'idempotency-key': idempotencyKey } });

export const updatePaymentMethod = (card: Card, idempotencyKey: string = newIdempotencyKey()) =>
  request<MembershipView>('POST', '/api/me/payment-method', { body: { card }, headers: { 'idempotency-key': idempotencyKey } });

/** Redeems a gift card on the signed-in owner's account; refusals carry the billing contract's codes. */
export const redeemGiftCard = (code: string) => request<MembershipView>('POST', '/api/me/gift-cards/redeem', { body: { code } });
