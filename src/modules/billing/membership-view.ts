import type { EventRecord, LedgerRecord, PaymentMethodRecord } from './billing.tables.ts';
import type { StoredMembership } from './billing.repository.ts';
import { rowToMembership } from './membership-row.ts';
import { resumeDate } from './rules/schedule.ts';
import type { Catalog } from './rules/catalog.ts';
import type { GiftEstimate } from './rules/gift-estimate.ts';
import { toSimulatedState, type SimulatedState } from './simulate/simulate.ts';

export type LedgerEntryView = {
  id: string;
  date: string;
  type: string;
  reason: string | null;
  amount: number;
  tax: number | null;
  currency: string;
  period_start: string | null;
  period_end: string | null;
  refund_of: string | null;
  /** Charges: the part the gift balance paid; refunds: the part returned to it; absent on other lines. */
  gift?: number;
};

/**
 * The rules' state as `usher simulate` prints it. `gift_balance` is always
 * set by describeMembership; optional in the type only so that views built
 * by hand (other modules' test fixtures) need not name it.
 */
export type MembershipStateView = Omit<SimulatedState, 'gift_balance'> & { gift_balance?: number };

/** A membership as members, agents and the assistant read it. */
export type MembershipView = {
  id: string;
  account_id: string;
  country: string;
  region: string | null;
  currency: string;
  billed_by: { kind: 'direct' } | { kind: 'partner'; partner: string };
  state: MembershipStateView;
  pending_plan: string | null;
  pause: { starts: string; months: number; resumes: string | null } | null;
  payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
  ledger: LedgerEntryView[];
  events: { date: string; type: string; details: Record<string, unknown> }[];
  /** The gift balance and about how long it lasts at the current price (set by the service). */
  gift?: GiftEstimate;
};

export function describeMembership(
  row: StoredMembership,
  method: PaymentMethodRecord | undefined,
  ledger: readonly LedgerRecord[],
  events: readonly EventRecord[],
  catalog: Catalog,
): MembershipView {
  const membership = rowToMembership(row);
  return {
    id: row.id,
    account_id: row.account_id,
    country: row.country,
    region: row.region,
    currency: catalog[row.country]?.currency ?? '',
    billed_by: membership.billing,
    state: toSimulatedState(membership),
    pending_plan: row.pending_plan,
    pause: membership.pause ? { starts: membership.pause.start, months: membership.pause.months, resumes: resumeDate(membership) } : null,
    payment_method: method ? { brand: method.brand, last4: method.last4, exp_month: method.exp_month, exp_year: method.exp_year } : null,
    ledger: ledger.map((line) => ({
      id: line.id,
      date: line.date,
      type: line.type,
      reason: line.reason,
      amount: line.amount,
      tax: line.tax,
      currency: line.currency,
      period_start: line.period_start,
      period_end: line.period_end,
      refund_of: line.refund_of,
      ...(line.gift === null ? {} : { gift: line.gift }),
    })),
    events: events.map((event) => ({ date: event.date, type: event.type, details: event.details })),
  };
}
