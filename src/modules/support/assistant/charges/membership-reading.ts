import { formatMoney, type Catalog, type MembershipView } from '../../../billing/index.ts';
import { addMonths, dayOfMonth } from './charge-dates.ts';
import type { EvidenceLine } from './charge-types.ts';

export type LedgerLine = MembershipView['ledger'][number];
export type MembershipEventView = MembershipView['events'][number];

/** Charges that start a new first period and so set the billing day (contracts/billing.md, "Billing date"). */
const ANCHOR_REASONS = new Set(['signup', 'restart', 'unpause', 'payment_retry']);
const WHOLE_PERIOD_REASONS = new Set(['signup', 'renewal', 'restart', 'unpause', 'payment_retry']);

export function detail(event: MembershipEventView | undefined, key: string): string | null {
  const value = event?.details[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

export function numberDetail(event: MembershipEventView | undefined, key: string): number | null {
  const value = event?.details[key];
  return typeof value === 'number' ? value : null;
}

export function isWholePeriod(line: LedgerLine): boolean {
  return line.type === 'charge' && WHOLE_PERIOD_REASONS.has(line.reason ?? '');
}

export function planNameIn(catalog: Catalog | undefined, country: string, plan: string | null): string {
  if (!plan) return 'Reelhouse';
  const name = catalog?.[country]?.plans[plan]?.name;
  return name ?? plan.charAt(0).toUpperCase() + plan.slice(1);
}

/** Everything the cause rules read about one membership, computed once. */
export type MembershipReading = ReturnType<typeof readMembership>;

export function readMembership(view: MembershipView, options: { today: string; catalog?: Catalog }) {
  const { today, catalog } = options;
  const from = addMonths(today, -3);
  const offer = catalog?.[view.country];
  const events = view.events;
  const ledger = view.ledger;
  const charges = ledger.filter((line) => line.type === 'charge');

  const refunded = new Map<string, number>();
  for (const line of ledger) {
    if (line.type === 'refund' && line.refund_of) refunded.set(line.refund_of, (refunded.get(line.refund_of) ?? 0) + line.amount);
  }

  const inWindow = (date: string) => date >= from && date <= today;

  /** The plan billed by a renewal on `date`: a downgrade applied that day counts, a same-day upgrade came after it. */
  const planAt = (date: string): string | null => {
    let plan: string | null = null;
    for (const event of events) {
      const sameDayFirst = event.date === date && (event.type === 'downgrade_applied' || event.type === 'joined');
      if (event.date > date || (event.date === date && !sameDayFirst)) continue;
      if (event.type === 'joined' || event.type === 'restarted') plan = detail(event, 'plan') ?? plan;
      if (event.type === 'plan_changed' || event.type === 'downgrade_applied') plan = detail(event, 'to') ?? plan;
    }
    return plan ?? view.state.plan;
  };

  /** The billing day in force on `date`: set by the latest sign-up, restart, early resume or recovered payment. */
  const anchorDayOn = (date: string): number | null => {
    const setter = [...charges].reverse().find((line) => line.date <= date && ANCHOR_REASONS.has(line.reason ?? ''));
    if (setter) return dayOfMonth(setter.date);
    return view.state.anchor ? dayOfMonth(view.state.anchor) : null;
  };

  /** Extra-member slots renewing on `date`: added slots, minus removed ones whose paid time has ended; none after a cancel or restart. */
  const slotsAt = (date: string): number => {
    const changes = events.filter((event) => ['extra_member_added', 'extra_member_removed', 'canceled', 'restarted'].includes(event.type));
    if (!changes.some((event) => event.type === 'extra_member_added')) return view.state.extra_members;
    const steps = changes.map((event) => ({
      date: event.type === 'extra_member_removed' ? (detail(event, 'access_until') ?? event.date) : event.date,
      type: event.type,
    })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let slots = 0;
    for (const step of steps) {
      if (step.date > date) break;
      if (step.type === 'extra_member_added') slots++;
      else if (step.type === 'extra_member_removed') slots = Math.max(0, slots - 1);
      else slots = 0;
    }
    return slots;
  };

  /** The plan's monthly price before tax on `date`, the latest notified price change included; null without a catalog. */
  const planPrice = (plan: string | null, date: string): number | null => {
    if (!plan) return null;
    let price = offer?.plans[plan]?.price ?? null;
    let latest = '';
    for (const event of events) {
      if (event.type !== 'price_change_announced' || detail(event, 'plan') !== plan) continue;
      const appliesFrom = detail(event, 'applies_from');
      const newPrice = numberDetail(event, 'price');
      if (appliesFrom && newPrice !== null && appliesFrom <= date && appliesFrom >= latest) {
        price = newPrice;
        latest = appliesFrom;
      }
    }
    return price;
  };

  const taxRate = offer && view.region !== null && Object.hasOwn(offer.tax.rates, view.region) ? offer.tax.rates[view.region] : offer ? 0 : null;

  return {
    view,
    today,
    window: { from, to: today },
    inWindow,
    charges,
    recent: ledger.filter((line) => inWindow(line.date)),
    money: (amount: number, currency = view.currency) => formatMoney(amount, currency),
    planName: (plan: string | null) => planNameIn(catalog, view.country, plan),
    planAt,
    anchorDayOn,
    slotsAt,
    planPrice,
    slotPrice: (plan: string | null) => (plan ? (offer?.plans[plan]?.slotPrice ?? null) : null),
    tax: offer ? { mode: offer.tax.mode, rate: taxRate ?? 0 } : null,
    cardText: view.payment_method ? `card ending ${view.payment_method.last4}` : 'card',
    evidence: (line: LedgerLine) => toEvidence(line, view.id, 'this', refunded.get(line.id)),
  };
}

export function toEvidence(line: LedgerLine, membershipId: string, account: 'this' | 'other', refunded?: number): EvidenceLine {
  const { refund_of: _refundOf, ...entry } = line;
  return { ...entry, membershipId, account, ...(refunded ? { refunded } : {}) };
}
