import type { MembershipView } from '../../api/types.ts';
import { formatDate } from '../../ui/format.ts';

/**
 * "It covers about 2 months at $19.83 a month, tax included — until February
 * 4, 2027": the server's estimate of how long the gift balance lasts at the
 * current price, in words. `null` when there is no balance.
 */
export function describeGiftEstimate(membership: Pick<MembershipView, 'state' | 'gift' | 'billed_by'>, money: (amount: number) => string): string | null {
  const estimate = membership.gift;
  const balance = estimate?.balance ?? membership.state.gift_balance ?? 0;
  if (balance <= 0) return null;
  if (membership.billed_by.kind === 'partner') return 'It waits for when Reelhouse bills you directly: the balance never expires.';
  if (!estimate || estimate.price_per_period === null || estimate.price_per_period <= 0) {
    return 'No payment is coming, so it waits for you: if you restart, it pays your charges first. The balance never expires.';
  }
  const price = `at ${money(estimate.price_per_period)} a month, tax included`;
  const when = estimate.runs_out_on ? formatDate(estimate.runs_out_on) : null;
  if (estimate.periods_covered < 1) {
    return `That is less than one month ${price}: it pays ${money(estimate.paid_of_last || balance)} of your next payment${when ? ` on ${when}` : ''}, and your card the rest.`;
  }
  const months = estimate.periods_covered === 1 ? 'about 1 month' : `about ${estimate.periods_covered} months`;
  const rest = estimate.paid_of_last > 0 && when ? ` On ${when} it pays the last ${money(estimate.paid_of_last)} and your card the rest.` : when ? ` Your card is next charged on ${when}.` : '';
  return `It covers ${months} ${price}${when ? ` — until ${when}` : ''}.${rest}`;
}
