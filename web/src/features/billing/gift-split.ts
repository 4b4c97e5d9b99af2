import type { Charge, LedgerEntry } from '../../api/types.ts';

/** Which part of a charge the gift balance paid and which the card paid; for a refund, where each part went back. */
export type GiftSplit = { gift: number; card: number };

/** `null` for lines that are not a charge or a refund (nothing was split). */
export function giftSplit(entry: Pick<LedgerEntry, 'type' | 'amount' | 'gift'>): GiftSplit | null {
  if (entry.type !== 'charge' && entry.type !== 'refund') return null;
  const gift = Math.min(Math.max(entry.gift ?? 0, 0), Math.abs(entry.amount));
  return { gift, card: Math.abs(entry.amount) - gift };
}

/** A sentence for a line the gift balance took part in; `null` when it did not (card only, or not money). */
export function describeSplit(entry: Pick<LedgerEntry, 'type' | 'amount' | 'gift'>, money: (amount: number) => string): string | null {
  const split = giftSplit(entry);
  if (!split || split.gift === 0) return null;
  if (entry.type === 'charge') {
    return split.card === 0 ? `Paid in full from your gift balance (${money(split.gift)}); nothing on your card.` : `${money(split.gift)} from your gift balance, ${money(split.card)} on your card.`;
  }
  return split.card === 0 ? `${money(split.gift)} back to your gift balance.` : `${money(split.gift)} back to your gift balance, ${money(split.card)} back to your card.`;
}

export type GiftTotals = { redeemed: number; redeemedCount: number; paidFromGift: number; paidByCard: number; returnedToGift: number; returnedToCard: number };

/** The sums a chart's text alternative tells: what gift cards added, and how charges and refunds were split. */
export function giftTotals(ledger: readonly Pick<LedgerEntry, 'type' | 'amount' | 'gift'>[]): GiftTotals {
  const totals: GiftTotals = { redeemed: 0, redeemedCount: 0, paidFromGift: 0, paidByCard: 0, returnedToGift: 0, returnedToCard: 0 };
  for (const entry of ledger) {
    if (entry.type === 'gift_card') {
      totals.redeemed += entry.amount;
      totals.redeemedCount += 1;
      continue;
    }
    const split = giftSplit(entry);
    if (!split) continue;
    if (entry.type === 'charge') {
      totals.paidFromGift += split.gift;
      totals.paidByCard += split.card;
    } else {
      totals.returnedToGift += split.gift;
      totals.returnedToCard += split.card;
    }
  }
  return totals;
}

/**
 * Redeeming while a payment is on hold retries it at once (billing contract):
 * the lines after the newest `gift_card` line say how that retry went.
 */
export function retryAfterRedeem(membership: { ledger: readonly LedgerEntry[] }): { paid?: { gift: number; card: number }; declined?: true } | null {
  const ledger = membership.ledger;
  let index = -1;
  for (let at = ledger.length - 1; at >= 0; at -= 1) {
    if (ledger[at]!.type === 'gift_card') {
      index = at;
      break;
    }
  }
  if (index < 0) return null;
  const after = ledger.slice(index + 1).filter((entry) => entry.date === ledger[index]!.date);
  const charge = after.find((entry) => entry.type === 'charge' && entry.reason === 'payment_retry');
  if (charge) {
    const gift = Math.min(charge.gift ?? 0, charge.amount);
    return { paid: { gift, card: charge.amount - gift } };
  }
  if (after.some((entry) => entry.type === 'payment_failed')) return { declined: true };
  return null;
}

/** The end of "We will charge $19.83 on March 4": where a previewed charge is paid from, the gift balance first (billing contract, "Gift cards"). */
export function payingSources(charge: Pick<Charge, 'amount' | 'gift'>, money: (amount: number) => string): string {
  const gift = Math.min(charge.gift ?? 0, charge.amount);
  if (gift <= 0) return ' to your card on file.';
  if (gift >= charge.amount) return ': all of it from your gift balance, nothing on your card.';
  return `: ${money(gift)} from your gift balance and ${money(charge.amount - gift)} to your card on file.`;
}
