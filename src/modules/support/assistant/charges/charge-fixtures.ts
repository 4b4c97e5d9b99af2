import type { Catalog, MembershipView } from '../../../billing/index.ts';
import type { SameCardMembership } from '../../support.ports.ts';

/**
 * Hand-built memberships for the explainer's tests: ledgers and events as
 * billing writes them (contracts/billing.md), with amounts worked out by hand.
 */
type Line = MembershipView['ledger'][number];
type Event = MembershipView['events'][number];
type State = MembershipView['state'];

/** A small catalog as plain data: one tax-exclusive country, one tax-inclusive, one with a price change in the tests. */
export const TEST_CATALOG: Catalog = {
  US: {
    currency: 'USD', extraMembers: true, tax: { mode: 'exclusive', rates: { WA: 0.1025, NY: 0.08875 } },
    plans: { basic: { name: 'Basic', price: 999, slots: 0, slotPrice: 0 }, standard: { name: 'Standard', price: 1799, slots: 1, slotPrice: 699 }, premium: { name: 'Premium', price: 2499, slots: 2, slotPrice: 799 } },
  },
  GB: {
    currency: 'GBP', extraMembers: true, tax: { mode: 'inclusive', rates: { ENG: 0.2 } },
    plans: { standard: { name: 'Standard', price: 1299, slots: 1, slotPrice: 499 }, premium: { name: 'Premium', price: 1899, slots: 2, slotPrice: 499 } },
  },
  CA: {
    currency: 'CAD', extraMembers: true, tax: { mode: 'exclusive', rates: { ON: 0.13 } },
    plans: { standard: { name: 'Standard', price: 1899, slots: 1, slotPrice: 799 }, premium: { name: 'Premium', price: 2699, slots: 2, slotPrice: 799 } },
  },
};

const CURRENCY: Record<string, string> = { US: 'USD', GB: 'GBP', CA: 'CAD', JP: 'JPY' };

let counter = 0;

export function charge(date: string, reason: string, amount: number, tax: number, periodEnd: string, options: { id?: string; periodStart?: string; currency?: string } = {}): Line {
  return {
    id: options.id ?? `led_t${++counter}`, date, type: 'charge', reason, amount, tax, currency: options.currency ?? 'USD',
    period_start: options.periodStart ?? date, period_end: periodEnd, refund_of: null,
  };
}

export function failed(date: string, attempted: string, amount: number, currency = 'USD'): Line {
  return { id: `led_t${++counter}`, date, type: 'payment_failed', reason: attempted, amount, tax: null, currency, period_start: null, period_end: null, refund_of: null };
}

export function authorization(date: string, currency = 'USD'): Line[] {
  return (['authorization', 'authorization_void'] as const).map((type) => ({
    id: `led_t${++counter}`, date, type, reason: null, amount: 100, tax: null, currency, period_start: null, period_end: null, refund_of: null,
  }));
}

export function refund(date: string, of: Line, amount: number, tax: number): Line {
  return { id: `led_t${++counter}`, date, type: 'refund', reason: null, amount, tax, currency: of.currency, period_start: null, period_end: null, refund_of: of.id };
}

export function event(date: string, type: string, details: Record<string, unknown> = {}): Event {
  return { date, type, details };
}

/** A direct-billed, active membership in Washington State on Standard, paid by a Visa ending 4242, unless told otherwise. */
export function membership(parts: { id?: string; account?: string; country?: string; region?: string | null; state?: Partial<State>; ledger?: Line[]; events?: Event[]; partner?: string; last4?: string }): MembershipView {
  const country = parts.country ?? 'US';
  return {
    id: parts.id ?? `mem_t${++counter}`,
    account_id: parts.account ?? 'acct_t',
    country,
    region: parts.region === undefined ? ({ US: 'WA', GB: 'ENG', CA: 'ON' } as Record<string, string>)[country] ?? null : parts.region,
    currency: CURRENCY[country] ?? 'USD',
    billed_by: parts.partner ? { kind: 'partner', partner: parts.partner } : { kind: 'direct' },
    state: { status: 'active', plan: 'standard', anchor: null, next_billing_date: null, access_until: null, extra_members: 0, ...parts.state },
    pending_plan: null,
    pause: null,
    payment_method: parts.partner ? null : { brand: 'visa', last4: parts.last4 ?? '4242', exp_month: 12, exp_year: 2030 },
    ledger: parts.ledger ?? [],
    events: parts.events ?? [],
  };
}

export function sameCard(view: MembershipView, email: string): SameCardMembership {
  const [name, domain] = email.split('@');
  return { membershipId: view.id, accountId: view.account_id, email, maskedEmail: `${name.slice(0, 2)}…@${domain}`, createdAt: `${view.ledger[0]?.date ?? '2026-01-01'}T10:00:00.000Z`, membership: view };
}

/** Every text a member could read in an explanation. */
export function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allTexts);
  return [];
}
