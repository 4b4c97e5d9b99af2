import type { IsoDate } from './calendar.ts';
import { accepted, currencyOf, type BillingContext, type Outcome } from './context.ts';
import type { Membership } from './membership.ts';
import { refuse, type Refusal } from './refusals.ts';
import { retryNow } from './schedule.ts';

/** A gift card as the rules see it: its value, its currency, and whether any account has redeemed it. */
export type GiftCard = { amount: number; currency: string; alreadyRedeemed: boolean };

/**
 * Why this card cannot be redeemed on this account, checked in the
 * contract's order: currency, partner billing, already redeemed. A refusal
 * does not use up the code (the caller marks it used only when accepted).
 */
export function giftCardRefusal(membership: Membership, card: GiftCard, ctx: BillingContext): Refusal | null {
  const currency = currencyOf(ctx, membership);
  if (card.currency.toUpperCase() !== currency.toUpperCase()) {
    return refuse('GIFT_CARD_CURRENCY', `This gift card is in ${card.currency.toUpperCase()}, and this account pays in ${currency}: it is for Reelhouse in another country. Nothing was added; keep the card for an account in that country, or give it to someone there.`);
  }
  if (membership.billing.kind === 'partner') {
    const partner = membership.billing.partner;
    return refuse('BILLED_BY_PARTNER', `This membership is billed by ${partner}, so a gift card cannot pay for it while ${partner} bills. Keep the card: to use it, move your billing to Reelhouse directly (cancel through ${partner} first), then redeem it here.`);
  }
  if (card.alreadyRedeemed) {
    return refuse('GIFT_CARD_USED', 'This gift card code has already been redeemed. Check your gift balance on your account page; if the balance does not show it, contact us with the code and where the card was bought.');
  }
  return null;
}

/**
 * Adds the card's value to the gift balance (a `gift_card` line, not a
 * charge). While on hold it retries the failed amount at once, balance
 * first: the lines come `gift_card`, then the retry's. Needs no membership.
 */
export function redeemGiftCard(membership: Membership, card: GiftCard, date: IsoDate, ctx: BillingContext): Outcome {
  const refusal = giftCardRefusal(membership, card, ctx);
  if (refusal) return refusal;
  const currency = currencyOf(ctx, membership);
  const credited = { ...membership, giftBalance: membership.giftBalance + card.amount };
  const line = { date, type: 'gift_card' as const, amount: card.amount, currency };
  const event = { date, type: 'gift_card_redeemed' as const, details: { amount: card.amount, balance: credited.giftBalance } };
  const retried = retryNow(credited, date, ctx);
  return accepted(retried.membership, [line, ...retried.lines], [event, ...retried.events]);
}

/**
 * Codes are compared without spaces, dashes (any kind, as phones and copied receipts produce them),
 * underscores or dots, and in capitals, however the member typed them; the web page reads them the same way.
 */
export function normalizeGiftCode(code: string): string {
  return code.normalize('NFKC').replace(/[\s\u2010-\u2015_.-]+/g, '').toUpperCase();
}
