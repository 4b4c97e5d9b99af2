import { findPlan, planPriceOn, taxRate, type PlanOffer, type PriceBook } from './catalog.ts';
import type { IsoDate } from './calendar.ts';
import { applyTax, type TaxedAmount } from './money.ts';
import type { ChargeReason, LedgerLine, Membership, MembershipEvent } from './membership.ts';
import type { Refusal } from './refusals.ts';

/** `gift`: the part the gift balance pays; only `amount − gift` is asked of the payment method. */
export type ChargeAttempt = TaxedAmount & { date: IsoDate; reason: ChargeReason; currency: string; gift: number };

/**
 * What the rules need from the outside world: prices, and whether the
 * payment method on file pays. `pay` is asked once per attempt that needs
 * the payment method (`amount > gift`), in order; never for a charge the
 * gift balance covers whole.
 */
export type BillingContext = {
  book: PriceBook;
  pay: (attempt: ChargeAttempt) => boolean;
};

export type Accepted = { ok: true; membership: Membership; lines: LedgerLine[]; events: MembershipEvent[] };
export type Outcome = Accepted | Refusal;

export function accepted(membership: Membership, lines: LedgerLine[] = [], events: MembershipEvent[] = []): Accepted {
  return { ok: true, membership, lines, events };
}

export function currencyOf(ctx: BillingContext, membership: Membership): string {
  return ctx.book.catalog[membership.country].currency;
}

export function planOffer(ctx: BillingContext, membership: Membership, plan: string): PlanOffer | undefined {
  return findPlan(ctx.book, membership.country, plan);
}

/** Tax the base with the member's country mode and region rate. */
export function taxed(ctx: BillingContext, membership: Membership, base: number, date: IsoDate, reason: ChargeReason): ChargeAttempt {
  const offer = ctx.book.catalog[membership.country];
  return { ...applyTax(base, offer.tax.mode, taxRate(offer, membership.region)), date, reason, currency: offer.currency, gift: 0 };
}

/**
 * Pays a charge from the gift balance first, the rest with the payment
 * method. Declined: null, and nothing is taken from the balance. Paid: the
 * attempt with its `gift` part and the membership with that much less balance.
 */
export function settle(ctx: BillingContext, membership: Membership, attempt: ChargeAttempt): { attempt: ChargeAttempt; membership: Membership } | null {
  const gift = Math.min(Math.max(membership.giftBalance, 0), attempt.amount);
  const split = { ...attempt, gift };
  if (gift < attempt.amount && !ctx.pay(split)) return null;
  return { attempt: split, membership: gift === 0 ? membership : { ...membership, giftBalance: membership.giftBalance - gift } };
}

/** Plan price plus every extra-member slot still renewing, as of `date`. */
export function periodBase(ctx: BillingContext, membership: Membership, plan: string, date: IsoDate): number {
  const price = planPriceOn(ctx.book, membership.country, plan, date);
  const slotPrice = planOffer(ctx, membership, plan)?.slotPrice ?? 0;
  return price + membership.slots * slotPrice;
}

export function chargeLine(attempt: ChargeAttempt, periodStart: IsoDate, periodEnd: IsoDate): LedgerLine {
  return {
    date: attempt.date,
    type: 'charge',
    reason: attempt.reason,
    amount: attempt.amount,
    tax: attempt.tax,
    currency: attempt.currency,
    gift: attempt.gift,
    periodStart,
    periodEnd,
  };
}

export function failedLine(attempt: ChargeAttempt): LedgerLine {
  return { date: attempt.date, type: 'payment_failed', amount: attempt.amount, currency: attempt.currency, attempted: attempt.reason };
}
