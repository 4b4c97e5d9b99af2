import { applyTax, RETRY_OFFSETS_DAYS, type Catalog, type MembershipView } from '../../../billing/index.ts';
import { addDays } from './charge-dates.ts';
import type { MembershipReading } from './membership-reading.ts';

/** What the member will be charged next and when, from the membership's state and the catalog; null when nothing is due. */
export type UpcomingCharge = {
  date: string;
  /** Tax included, in minor units. */
  amount: number;
  tax: number | null;
  /** `exclusive`: the tax is added to the price; `inclusive`: the price includes it; null when not known. */
  taxMode: 'inclusive' | 'exclusive' | null;
  currency: string;
  plan: string;
  planName: string;
  extraMembers: number;
  /** `retry`: a failed payment tried again; `resume`: the first charge after a pause. */
  kind: 'renewal' | 'retry' | 'resume';
  /** `catalog`: price list, slots and tax; `ledger`: the last charge repeated, when the catalog is not known. */
  basis: 'catalog' | 'ledger';
  /** On hold: the last retry; if it fails the membership is cancelled. */
  finalRetry: string | null;
};

/** What the member's country and plan offer, for questions about adding an extra member. */
export type PlanOfferBrief = { country: string; planName: string; extraMembersInCountry: boolean; slots: number; slotPrice: number | null };

/** Billing's own retry schedule: the last retry after the due date. */
const LAST_RETRY_DAYS = RETRY_OFFSETS_DAYS[RETRY_OFFSETS_DAYS.length - 1] ?? 0;

export function upcomingCharge(view: MembershipView, reading: MembershipReading): UpcomingCharge | null {
  const { state } = view;
  if (view.billed_by.kind === 'partner') return null;
  if (!['active', 'paused', 'on_hold'].includes(state.status)) return null;
  const plan = state.plan;
  if (!plan) return null;
  const date = state.status === 'paused' ? (view.pause?.resumes ?? state.next_billing_date) : state.next_billing_date;
  if (!date) return null;
  const base = { date, currency: view.currency, plan, planName: reading.planName(plan), extraMembers: state.extra_members };
  if (state.status === 'on_hold') {
    const failed = view.ledger.filter((line) => line.type === 'payment_failed');
    const first = [...failed].reverse().find((line) => line.reason !== 'payment_retry') ?? failed[0];
    if (first) return { ...base, amount: first.amount, tax: null, taxMode: null, kind: 'retry', basis: 'ledger', finalRetry: addDays(first.date, LAST_RETRY_DAYS) };
  }
  const kind = state.status === 'paused' ? 'resume' as const : 'renewal' as const;
  const price = reading.planPrice(plan, date);
  if (price !== null && reading.tax) {
    const slotPrice = reading.slotPrice(plan) ?? 0;
    const before = price + state.extra_members * slotPrice;
    // Billing's exact half-up arithmetic, so the amount told is the amount charged to the cent.
    const { tax, amount } = applyTax(before, reading.tax.mode, reading.tax.rate);
    return { ...base, amount, tax, taxMode: reading.tax.mode, kind, basis: 'catalog', finalRetry: null };
  }
  const last = [...reading.charges].reverse().find((line) => ['renewal', 'signup', 'restart', 'resume', 'payment_retry'].includes(line.reason ?? ''));
  return last ? { ...base, amount: last.amount, tax: last.tax ?? null, taxMode: null, kind, basis: 'ledger', finalRetry: null } : null;
}

export function planOffer(view: MembershipView, catalog: Catalog | undefined, reading: MembershipReading): PlanOfferBrief | null {
  const offer = catalog?.[view.country];
  if (!offer || !view.state.plan) return null;
  const plan = offer.plans[view.state.plan];
  return { country: offer.name ?? view.country, planName: reading.planName(view.state.plan), extraMembersInCountry: offer.extraMembers, slots: plan?.slots ?? 0, slotPrice: plan?.slotPrice ?? null };
}
