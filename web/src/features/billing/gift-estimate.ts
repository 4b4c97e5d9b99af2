import type { MyMembership } from '../../api/types.ts';
import { formatDate } from '../../ui/format.ts';

/**
 * "Covers about 2 months at $17.99 — until 4 February 2027": the server's
 * estimate of how long the gift balance lasts at the current price, in words.
 * `null` when there is nothing to say (no balance, or no price to pay).
 */
export function describeGiftEstimate(membership: Pick<MyMembership, 'state' | 'gift_estimate'>, money: (amount: number) => string): string | null {
  const balance = membership.state.gift_balance ?? 0;
  const estimate = membership.gift_estimate;
  if (balance <= 0 || !estimate || estimate.monthly_price <= 0) return null;
  const at = `at ${money(estimate.monthly_price)} a month`;
  if (estimate.months_covered < 1) {
    return `That is less than one month ${at}: it pays part of your next charge${estimate.runs_out ? ` on ${formatDate(estimate.runs_out)}` : ''}, and your card pays the rest.`;
  }
  const months = estimate.months_covered === 1 ? 'about 1 month' : `about ${estimate.months_covered} months`;
  return `It covers ${months} ${at}${estimate.runs_out ? ` — until ${formatDate(estimate.runs_out)}` : ''}.`;
}
