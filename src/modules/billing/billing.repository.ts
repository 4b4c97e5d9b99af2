import { sql, type Kysely } from 'kysely';
import type { BillingTables, LedgerRecord, MembershipRecord, PaymentMethodRecord, PriceChangeRow } from './billing.tables.ts';
import type { MembershipStateColumns } from './membership-row.ts';
import type { PriceChange } from './rules/catalog.ts';
import type { IsoDate } from './rules/calendar.ts';

export type BillingDb = Kysely<BillingTables>;

export type NewLedgerRow = Omit<LedgerRecord, 'created_at' | 'seq'>;
export type NewEventRow = { id: string; membership_id: string; date: IsoDate; type: string; details: Record<string, unknown> };
export type StoredMembership = Omit<MembershipRecord, 'created_at' | 'updated_at'>;
export type NewPaymentMethod = Omit<PaymentMethodRecord, 'created_at' | 'replaced_at'>;
export type MembershipUpdate = { id: string; version: number; columns: MembershipStateColumns };

const membershipColumns = [
  'id', 'account_id', 'country', 'region', 'partner', 'status', 'plan', 'anchor', 'period_start', 'period_end', 'slots',
  'removed_slots', 'pending_plan', 'pause_start', 'pause_months', 'hold_due_date', 'hold_base', 'hold_tax', 'hold_amount',
  'hold_failed_attempts', 'access_until', 'cancel_reason', 'next_run_date', 'gift_balance', 'payment_method_id', 'version',
] as const;

export async function insertMembership(db: BillingDb, row: Omit<StoredMembership, 'version'>): Promise<void> {
  await db.insertInto('billing_memberships').values(row).execute();
}

export async function findMembership(db: BillingDb, id: string, options: { lock?: boolean } = {}): Promise<StoredMembership | undefined> {
  let query = db.selectFrom('billing_memberships').select(membershipColumns).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findMembershipByAccount(db: BillingDb, accountId: string): Promise<StoredMembership | undefined> {
  return db.selectFrom('billing_memberships').select(membershipColumns).where('account_id', '=', accountId).executeTakeFirst();
}

/**
 * Claims up to `limit` memberships with work due by `date`, with the token of
 * their payment method. Rows another process has claimed are skipped, so
 * parallel runs share the work.
 */
export async function claimDueMemberships(db: BillingDb, date: IsoDate, limit: number): Promise<(StoredMembership & { token: string | null })[]> {
  const result = await sql<StoredMembership & { token: string | null }>`
    SELECT ${sql.join(membershipColumns.map((c) => sql.ref(`m.${c}`)))}, pm.token
    FROM billing_memberships m
    LEFT JOIN billing_payment_methods pm ON pm.id = m.payment_method_id
    WHERE m.next_run_date <= ${date}::date
    ORDER BY m.next_run_date
    LIMIT ${limit}
    FOR UPDATE OF m SKIP LOCKED`.execute(db);
  return result.rows;
}

export async function countDueMemberships(db: BillingDb, date: IsoDate): Promise<number> {
  const row = await db.selectFrom('billing_memberships').select((eb) => eb.fn.countAll<string>().as('n')).where('next_run_date', '<=', date).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Saves one membership's new state; false when someone else changed it first. */
export async function updateMembership(db: BillingDb, update: MembershipUpdate & { paymentMethodId?: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('billing_memberships')
    .set({
      ...update.columns,
      ...(update.paymentMethodId !== undefined ? { payment_method_id: update.paymentMethodId } : {}),
      version: update.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', update.id)
    .where('version', '=', update.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds to (or, negative, takes from) a membership's gift balance; the row is locked by the caller. */
export async function addGiftBalance(db: BillingDb, membershipId: string, amount: number): Promise<number> {
  const row = await db
    .updateTable('billing_memberships')
    .set((eb) => ({ gift_balance: eb('gift_balance', '+', amount), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', membershipId)
    .returning('gift_balance')
    .executeTakeFirstOrThrow();
  return row.gift_balance;
}

/** Saves many memberships in one statement (the billing run's hot path). */
export async function updateMembershipsInBulk(db: BillingDb, updates: readonly MembershipUpdate[], before: ReadonlyMap<string, MembershipStateColumns>): Promise<void> {
  // Most rows are plain renewals where only the period moved: those take a lean statement.
  const renewals: MembershipUpdate[] = [];
  const others: MembershipUpdate[] = [];
  for (const update of updates) (onlyPeriodMoved(before.get(update.id), update.columns) ? renewals : others).push(update);
  await updatePeriodsInBulk(db, renewals);
  await updateAllColumnsInBulk(db, others);
}

const PERIOD_COLUMNS = new Set(['period_start', 'period_end', 'next_run_date']);

function onlyPeriodMoved(before: MembershipStateColumns | undefined, after: MembershipStateColumns): boolean {
  if (!before) return false;
  for (const key of Object.keys(after) as (keyof MembershipStateColumns)[]) {
    if (!PERIOD_COLUMNS.has(key) && before[key] !== after[key]) return false;
  }
  return true;
}

async function updatePeriodsInBulk(db: BillingDb, updates: readonly MembershipUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({ id: u.id, s: u.columns.period_start, e: u.columns.period_end, n: u.columns.next_run_date }));
  await sql`
    UPDATE billing_memberships AS m SET period_start = u.s, period_end = u.e,
      next_run_date = u.n, version = m.version + 1, updated_at = now()
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS u(id text, s date, e date, n date)
    WHERE m.id = u.id`.execute(db);
}

async function updateAllColumnsInBulk(db: BillingDb, updates: readonly MembershipUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({ id: u.id, ...u.columns }));
  await sql`
    UPDATE billing_memberships AS m SET
      status = u.status, plan = u.plan, anchor = u.anchor, period_start = u.period_start, period_end = u.period_end,
      slots = u.slots, removed_slots = u.removed_slots, pending_plan = u.pending_plan,
      pause_start = u.pause_start, pause_months = u.pause_months,
      hold_due_date = u.hold_due_date, hold_base = u.hold_base, hold_tax = u.hold_tax, hold_amount = u.hold_amount,
      hold_failed_attempts = u.hold_failed_attempts, access_until = u.access_until, cancel_reason = u.cancel_reason,
      gift_balance = u.gift_balance, next_run_date = u.next_run_date, version = m.version + 1, updated_at = now()
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS u(
      id text, status text, plan text, anchor date, period_start date, period_end date, slots int, removed_slots int,
      pending_plan text, pause_start date, pause_months int, hold_due_date date, hold_base int, hold_tax int,
      hold_amount int, hold_failed_attempts int, access_until date, cancel_reason text, gift_balance int, next_run_date date)
    WHERE m.id = u.id`.execute(db);
}

/** Inserts ledger lines; a line whose idempotency key exists already is skipped. */
export async function insertLedgerRows(db: BillingDb, rows: readonly NewLedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One JSON parameter: far cheaper to build and to parse than fifteen text arrays.
  await sql`
    INSERT INTO billing_ledger (id, membership_id, date, type, reason, amount, tax, currency, period_start, period_end,
                                refund_of, gift, note, payment_method_id, provider_reference, idempotency_key)
    SELECT id, membership_id, date, type, reason, amount, tax, currency, period_start, period_end,
           refund_of, gift, note, payment_method_id, provider_reference, idempotency_key
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
      id text, membership_id text, date date, type text, reason text, amount int, tax int, currency text,
      period_start date, period_end date, refund_of text, gift int, note text, payment_method_id text, provider_reference text,
      idempotency_key text)
    ON CONFLICT (idempotency_key) DO NOTHING`.execute(db);
}

export async function insertEventRows(db: BillingDb, rows: readonly NewEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO billing_events (id, membership_id, date, type, details)
    SELECT id, membership_id, date, type, details
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS e(id text, membership_id text, date date, type text, details jsonb)`.execute(db);
}

export async function listLedger(db: BillingDb, membershipId: string): Promise<LedgerRecord[]> {
  return db.selectFrom('billing_ledger').selectAll().where('membership_id', '=', membershipId).orderBy('date').orderBy('seq').execute();
}

export async function listEvents(db: BillingDb, membershipId: string) {
  return db.selectFrom('billing_events').selectAll().where('membership_id', '=', membershipId).orderBy('date').orderBy('seq').execute();
}

export async function findLedgerByKey(db: BillingDb, idempotencyKey: string): Promise<LedgerRecord | undefined> {
  return db.selectFrom('billing_ledger').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/**
 * Charges on a date with what has been refunded of each, and how much of
 * that went back to the payment method (the rest went to the gift balance), oldest first.
 */
export async function listChargesWithRefunds(db: BillingDb, membershipId: string, date: IsoDate) {
  const rows = await sql<{ id: string; date: string; amount: number; tax: number | null; gift: number | null; currency: string; provider_reference: string | null; refunded: string; card_refunded: string }>`
    SELECT c.id, c.date, c.amount, c.tax, c.gift, c.currency, c.provider_reference,
           COALESCE((SELECT sum(r.amount) FROM billing_ledger r WHERE r.refund_of = c.id), 0) AS refunded,
           COALESCE((SELECT sum(r.amount - COALESCE(r.gift, 0)) FROM billing_ledger r WHERE r.refund_of = c.id), 0) AS card_refunded
    FROM billing_ledger c
    WHERE c.membership_id = ${membershipId} AND c.type = 'charge' AND c.date = ${date}::date
    ORDER BY c.seq`.execute(db);
  return rows.rows.map((row) => ({
    ...row, date: String(row.date), tax: row.tax ?? 0, gift: row.gift ?? 0, refunded: Number(row.refunded), cardRefunded: Number(row.card_refunded),
  }));
}

export async function insertPaymentMethod(db: BillingDb, row: NewPaymentMethod): Promise<void> {
  await db.insertInto('billing_payment_methods').values(row).execute();
}

export async function findPaymentMethod(db: BillingDb, id: string): Promise<PaymentMethodRecord | undefined> {
  return db.selectFrom('billing_payment_methods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentMethods(db: BillingDb, ids: readonly string[]): Promise<Map<string, PaymentMethodRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('billing_payment_methods').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The other memberships whose current payment method has the same card
 * fingerprint as this membership's current one, oldest first. A replaced
 * method no longer counts on either side.
 */
export async function listMembershipIdsSharingCard(db: BillingDb, membershipId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('billing_memberships as mine')
    .innerJoin('billing_payment_methods as my_card', (join) => join.onRef('my_card.id', '=', 'mine.payment_method_id').on('my_card.replaced_at', 'is', null))
    .innerJoin('billing_payment_methods as their_card', (join) => join.onRef('their_card.fingerprint', '=', 'my_card.fingerprint').on('their_card.replaced_at', 'is', null))
    .innerJoin('billing_memberships as theirs', 'theirs.payment_method_id', 'their_card.id')
    .select('theirs.id')
    .where('mine.id', '=', membershipId)
    .where('theirs.id', '<>', membershipId)
    .where('my_card.fingerprint', 'is not', null)
    .orderBy('their_card.created_at')
    .execute();
  return rows.map((row) => row.id);
}

export async function markPaymentMethodReplaced(db: BillingDb, id: string): Promise<void> {
  await db.updateTable('billing_payment_methods').set({ replaced_at: new Date() }).where('id', '=', id).execute();
}

export async function updateCardDetails(db: BillingDb, id: string, card: { last4: string; exp_month: number; exp_year: number }): Promise<void> {
  await db.updateTable('billing_payment_methods').set(card).where('id', '=', id).execute();
}

export async function listPriceChanges(db: BillingDb): Promise<PriceChange[]> {
  const rows = await db.selectFrom('billing_price_changes').select(['country', 'plan', 'price', 'announced', 'effective']).orderBy('created_at').execute();
  return rows;
}

export async function insertPriceChange(db: BillingDb, row: Omit<PriceChangeRow, 'created_at'>): Promise<void> {
  await db.insertInto('billing_price_changes').values(row).execute();
}

export async function recordRun(db: BillingDb, date: IsoDate, totals: { memberships: number; charges: number; failures: number }): Promise<void> {
  await sql`
    INSERT INTO billing_runs (date, memberships, charges, failures, finished_at)
    VALUES (${date}::date, ${totals.memberships}, ${totals.charges}, ${totals.failures}, now())
    ON CONFLICT (date) DO UPDATE SET memberships = billing_runs.memberships + EXCLUDED.memberships,
      charges = billing_runs.charges + EXCLUDED.charges, failures = billing_runs.failures + EXCLUDED.failures,
      finished_at = now()`.execute(db);
}

export async function findRequest(db: BillingDb, idempotencyKey: string): Promise<{ membership_id: string; response: unknown } | undefined> {
  return db.selectFrom('billing_requests').select(['membership_id', 'response']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export async function saveRequest(db: BillingDb, idempotencyKey: string, membershipId: string, response: unknown): Promise<void> {
  await db.insertInto('billing_requests').values({ idempotency_key: idempotencyKey, membership_id: membershipId, response: JSON.stringify(response) }).execute();
}

/** Bulk insert for seeding many synthetic members. */
export async function insertMembershipsInBulk(db: BillingDb, rows: readonly Omit<StoredMembership, 'version'>[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof Omit<StoredMembership, 'version'>>(key: K) => rows.map((r) => r[key]);
  await sql`
    INSERT INTO billing_memberships (id, account_id, country, region, partner, status, plan, anchor, period_start, period_end,
      slots, removed_slots, pending_plan, pause_start, pause_months, hold_due_date, hold_base, hold_tax, hold_amount,
      hold_failed_attempts, access_until, cancel_reason, next_run_date, payment_method_id)
    SELECT * FROM unnest(
      ${col('id')}::text[], ${col('account_id')}::text[], ${col('country')}::text[], ${col('region')}::text[],
      ${col('partner')}::text[], ${col('status')}::text[], ${col('plan')}::text[], ${col('anchor')}::date[],
      ${col('period_start')}::date[], ${col('period_end')}::date[], ${col('slots')}::int[], ${col('removed_slots')}::int[],
      ${col('pending_plan')}::text[], ${col('pause_start')}::date[], ${col('pause_months')}::int[],
      ${col('hold_due_date')}::date[], ${col('hold_base')}::int[], ${col('hold_tax')}::int[], ${col('hold_amount')}::int[],
      ${col('hold_failed_attempts')}::int[], ${col('access_until')}::date[], ${col('cancel_reason')}::text[],
      ${col('next_run_date')}::date[], ${col('payment_method_id')}::text[])`.execute(db);
}

export async function insertPaymentMethodsInBulk(db: BillingDb, rows: readonly NewPaymentMethod[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof NewPaymentMethod>(key: K) => rows.map((r) => r[key]);
  await sql`
    INSERT INTO billing_payment_methods (id, membership_id, provider, token, brand, last4, exp_month, exp_year, fingerprint)
    SELECT * FROM unnest(${col('id')}::text[], ${col('membership_id')}::text[], ${col('provider')}::text[], ${col('token')}::text[],
      ${col('brand')}::text[], ${col('last4')}::text[], ${col('exp_month')}::int[], ${col('exp_year')}::int[], ${col('fingerprint')}::text[])`.execute(db);
}

export async function countMemberships(db: BillingDb): Promise<number> {
  const row = await db.selectFrom('billing_memberships').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Tells every running direct-billed member of a plan about its new price, on the day it is announced. */
export async function recordPriceChangeNotices(db: BillingDb, change: PriceChange & { appliesFrom: IsoDate }): Promise<number> {
  const details = JSON.stringify({ plan: change.plan, price: change.price, applies_from: change.appliesFrom });
  const result = await sql`
    INSERT INTO billing_events (id, membership_id, date, type, details)
    SELECT 'mev_' || replace(gen_random_uuid()::text, '-', ''), id, ${change.announced}::date, 'price_change_announced', ${details}::jsonb
    FROM billing_memberships
    WHERE country = ${change.country} AND plan = ${change.plan} AND partner IS NULL AND status <> 'canceled'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
