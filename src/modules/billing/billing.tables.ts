import type { ColumnType, Generated, Selectable } from 'kysely';

/** Dates are read and written as `YYYY-MM-DD` text (the platform parses `date` columns to strings). */
type DateColumn = string;
type Timestamps = { created_at: ColumnType<Date, never, never> };

export type MembershipRow = {
  id: string;
  account_id: string;
  country: string;
  region: string | null;
  partner: string | null;
  status: string;
  plan: string;
  anchor: DateColumn;
  period_start: DateColumn;
  period_end: DateColumn;
  slots: number;
  removed_slots: number;
  pending_plan: string | null;
  pause_start: DateColumn | null;
  pause_months: number | null;
  hold_due_date: DateColumn | null;
  hold_base: number | null;
  hold_tax: number | null;
  hold_amount: number | null;
  hold_failed_attempts: number | null;
  access_until: DateColumn | null;
  cancel_reason: string | null;
  next_run_date: DateColumn | null;
  /** Unused gift-card value in minor units; defaults to 0. */
  gift_balance: ColumnType<number, number | undefined, number>;
  payment_method_id: string | null;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
} & Timestamps;

export type PaymentMethodRow = {
  id: string;
  membership_id: string;
  provider: string;
  token: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  /** The provider's card fingerprint; null on rows from before it was kept. */
  fingerprint: string | null;
  replaced_at: Date | null;
} & Timestamps;

export type LedgerRow = {
  id: string;
  seq: Generated<number>;
  membership_id: string;
  date: DateColumn;
  type: string;
  reason: string | null;
  amount: number;
  tax: number | null;
  currency: string;
  period_start: DateColumn | null;
  period_end: DateColumn | null;
  refund_of: string | null;
  /** Charges: the part paid from the gift balance; refunds: the part returned to it; null on other lines. */
  gift: number | null;
  note: string | null;
  payment_method_id: string | null;
  provider_reference: string | null;
  idempotency_key: string;
} & Timestamps;

export type EventRow = {
  id: string;
  seq: Generated<number>;
  membership_id: string;
  date: DateColumn;
  type: string;
  details: ColumnType<Record<string, unknown>, string, string>;
} & Timestamps;

export type PriceChangeRow = {
  id: string;
  country: string;
  plan: string;
  price: number;
  announced: DateColumn;
  effective: DateColumn;
} & Timestamps;

export type BillingRunRow = {
  date: DateColumn;
  started_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
  memberships: number;
  charges: number;
  failures: number;
};

export type RequestRow = {
  idempotency_key: string;
  membership_id: string;
  response: ColumnType<unknown, string, never>;
} & Timestamps;

export type GiftCardRow = {
  id: string;
  code_hash: string;
  code_hint: string;
  amount: number;
  currency: string;
  redeemed_by_account: string | null;
  redeemed_membership_id: string | null;
  redeemed_at: Date | null;
} & Timestamps;

export type GiftAdjustmentRow = {
  id: string;
  membership_id: string;
  amount: number;
  currency: string;
  reason: string;
  actor: string;
  balance_after: number;
  idempotency_key: string | null;
} & Timestamps;

export type BillingTables = {
  billing_gift_cards: GiftCardRow;
  billing_gift_adjustments: GiftAdjustmentRow;
  billing_requests: RequestRow;
  billing_memberships: MembershipRow;
  billing_payment_methods: PaymentMethodRow;
  billing_ledger: LedgerRow;
  billing_events: EventRow;
  billing_price_changes: PriceChangeRow;
  billing_runs: BillingRunRow;
};

export type MembershipRecord = Selectable<MembershipRow>;
export type PaymentMethodRecord = Selectable<PaymentMethodRow>;
export type LedgerRecord = Selectable<LedgerRow>;
export type EventRecord = Selectable<EventRow>;
