import type { MembershipView } from '../../billing/index.ts';

/**
 * The gift balance as the ledger tells it (contracts/billing.md "Gift cards"):
 * a `gift_card` line adds its `amount` to the balance, a charge's `gift` is the
 * part the balance paid, a refund's `gift` the part returned to it. Pure: plain
 * ledger lines in, facts out. A line without `gift` (written before gift cards
 * existed) counts as 0.
 */

type LedgerLine = MembershipView['ledger'][number] & { gift?: number | null };

/** One charge and how it was paid: `gift` from the balance, `card` the rest, on the payment method. */
export type GiftSplit = { date: string; reason: string | null; amount: number; gift: number; card: number; currency: string; balanceAfter: number };

export type GiftRedemption = { date: string; amount: number; currency: string; balanceAfter: number; index: number };

export type GiftLedger = {
  redemptions: GiftRedemption[];
  charges: (GiftSplit & { index: number })[];
  refunds: { date: string; of: string | null; amount: number; gift: number; card: number; currency: string }[];
  /** The balance now: billing's own figure when the membership view carries it, else summed from the ledger. */
  balance: number;
  /** The charge that used the last of the balance (balance 0 after it), when the balance was ever used up. */
  ranOut: GiftSplit | null;
  /** Whether the ledger shows any gift-card activity at all. */
  any: boolean;
};

const giftOf = (line: LedgerLine): number => (typeof line.gift === 'number' && line.gift > 0 ? line.gift : 0);

/** billing's `gift_balance` on the state, when the engine reports it. */
function reportedBalance(view: MembershipView): number | null {
  const value = (view.state as { gift_balance?: unknown }).gift_balance;
  return typeof value === 'number' ? value : null;
}

export function readGiftLedger(view: MembershipView): GiftLedger {
  const lines = view.ledger as LedgerLine[];
  let running = 0;
  let ranOut: GiftSplit | null = null;
  const redemptions: GiftLedger['redemptions'] = [];
  const charges: GiftLedger['charges'] = [];
  const refunds: GiftLedger['refunds'] = [];
  lines.forEach((line, index) => {
    if (line.type === 'gift_card') {
      running += line.amount;
      redemptions.push({ date: line.date, amount: line.amount, currency: line.currency, balanceAfter: running, index });
    } else if (line.type === 'charge') {
      const gift = Math.min(giftOf(line), line.amount);
      running = Math.max(0, running - gift);
      const split = { date: line.date, reason: line.reason, amount: line.amount, gift, card: line.amount - gift, currency: line.currency, balanceAfter: running, index };
      charges.push(split);
      if (gift > 0 && running === 0) ranOut = split;
    } else if (line.type === 'refund') {
      const gift = Math.min(giftOf(line), line.amount);
      running += gift;
      refunds.push({ date: line.date, of: line.refund_of, amount: line.amount, gift, card: line.amount - gift, currency: line.currency });
    }
  });
  const any = redemptions.length > 0 || charges.some((item) => item.gift > 0) || refunds.some((item) => item.gift > 0);
  return { redemptions, charges, refunds, balance: reportedBalance(view) ?? running, ranOut, any };
}

/**
 * A card redeemed on a charge's own day, after it: the charge came first
 * (renewals are charged before a member's action of the same day), so the
 * card was first used by the next charge.
 */
export function redeemedAfterSameDayCharge(ledger: GiftLedger, charge: { date: string; index: number }): GiftRedemption | null {
  return ledger.redemptions.find((redemption) => redemption.date === charge.date && redemption.index > charge.index) ?? null;
}

/** The first charge after a line, by ledger order. */
export function chargeAfter(ledger: GiftLedger, index: number): GiftLedger['charges'][number] | null {
  return ledger.charges.find((charge) => charge.index > index) ?? null;
}
