import type { PriceBook } from '../rules/catalog.ts';
import { addMonthsClamped, type IsoDate } from '../rules/calendar.ts';
import { periodBase, taxed, type BillingContext } from '../rules/context.ts';
import { estimateGiftBalance, type GiftEstimate } from '../rules/gift-estimate.ts';
import type { Membership } from '../rules/membership.ts';
import { nextBillingDate } from '../rules/schedule.ts';

/**
 * The balance and how long it lasts: the next renewal's price as the rules
 * compute it on its date (plan, renewing slots, tax, announced price changes).
 * On hold, the failed amount is what the balance meets first; a cancelled or
 * cancelling membership has no renewal coming, so no date.
 */
export function describeGiftBalance(membership: Membership, book: PriceBook, today: IsoDate): GiftEstimate {
  const next = nextBillingDate(membership);
  const running = membership.status === 'active' || membership.status === 'paused' || membership.status === 'on_hold';
  if (!running || next === null || membership.plan === null || membership.billing.kind === 'partner') {
    return estimateGiftBalance({ balance: membership.giftBalance, price: null, nextRenewal: null, anchor: membership.anchor });
  }
  const ctx: BillingContext = { book, pay: () => true };
  const plan = membership.pendingPlan ?? membership.plan;
  const renewal = taxed(ctx, membership, periodBase(ctx, membership, plan, next < today ? today : next), next, 'renewal').amount;
  if (membership.status === 'on_hold' && membership.hold) {
    // The failed amount comes first (retried on `next`); a paying retry moves the anchor there, renewals follow a month apart.
    const balance = membership.giftBalance;
    if (balance < membership.hold.amount) return { balance, price_per_period: renewal, periods_covered: 0, runs_out_on: next, paid_of_last: balance };
    const afterHold = balance - membership.hold.amount;
    const firstRenewal = addMonthsClamped(next, 1);
    const rest = estimateGiftBalance({ balance: afterHold, price: renewal, nextRenewal: firstRenewal, anchor: next });
    return { balance, price_per_period: renewal, periods_covered: rest.periods_covered + 1, runs_out_on: rest.runs_out_on ?? firstRenewal, paid_of_last: rest.paid_of_last };
  }
  return estimateGiftBalance({ balance: membership.giftBalance, price: renewal, nextRenewal: next, anchor: membership.anchor });
}
