/**
 * What Usher needs from a payment processor. A real processor is an adapter
 * implementing this; the simulated provider below is the default. Every call
 * that moves money carries an idempotency key: the provider answers a repeated
 * key with the first answer and never moves the money twice.
 */
export type CardDetails = { number: string; expMonth: number; expYear: number; cvc?: string };

/**
 * What Usher keeps of a card: never the full number. `fingerprint` is the
 * provider's stable keyed hash of the number: the same card gives the same
 * fingerprint on every membership, and the number cannot be recovered from it.
 */
export type StoredCard = { token: string; brand: string; last4: string; expMonth: number; expYear: number; fingerprint: string };

export type ProviderCharge = { token: string; amount: number; currency: string; idempotencyKey: string };
export type ProviderResult = { status: 'succeeded' | 'declined'; reference: string; declineCode?: string };

/** Set when the bank has issued a replacement card that keeps the same token. */
export type CardUpdate = { last4: string; expMonth: number; expYear: number };

export type PaymentProvider = {
  name: string;
  /** Turns card details into a token; declined cards are refused here. */
  tokenizeCard(card: CardDetails): Promise<{ status: 'ok'; card: StoredCard } | { status: 'declined'; declineCode: string }>;
  charge(request: ProviderCharge): Promise<ProviderResult>;
  /** Places and immediately releases a hold (the 1.00 check of a new method). */
  authorizeAndVoid(request: ProviderCharge): Promise<ProviderResult>;
  refund(request: { chargeReference: string; amount: number; currency: string; idempotencyKey: string }): Promise<ProviderResult>;
  /** The bank's replacement for a card, if any (account updater). */
  cardUpdate(token: string): Promise<CardUpdate | null>;
};
