import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.ts';
import {
  claimDueMemberships,
  insertEventRows,
  insertLedgerRows,
  recordRun,
  updateMembershipsInBulk,
  type BillingDb,
  type MembershipUpdate,
  type NewEventRow,
  type NewLedgerRow,
} from './billing.repository.ts';
import { membershipToColumns, rowToMembership } from './membership-row.ts';
import { toEventRows, toLedgerRows, scheduledKey } from './outcome-rows.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';
import { runWithProvider } from './payments/pay-with-provider.ts';
import type { PriceBook } from './rules/catalog.ts';
import { addDays, isIsoDate, isSupportedDate, SUPPORTED_DATES, type IsoDate } from './rules/calendar.ts';
import type { MembershipNotice, OnMembershipEvents } from './rules/membership.ts';
import { advanceTo, ScheduleLimitError } from './rules/schedule.ts';

/** `skipped`: memberships whose schedule would not end (a corrupt row), left as they were and logged. */
export type BillingRunTotals = { date: IsoDate; memberships: number; charges: number; failures: number; batches: number; skipped: number };

export type BillingRunOptions = {
  db: BillingDb;
  provider: PaymentProvider;
  book: () => Promise<PriceBook>;
  date: IsoDate;
  batchSize?: number;
  /**
   * Batches in flight at once. With PostgreSQL, 2 or more let this process
   * compute one batch while the server writes another; the embedded database
   * has one connection, so it takes 1.
   */
  workers?: number;
  logger?: Logger;
  onBatch?: (totals: BillingRunTotals) => void;
  /**
   * Told each committed batch's events (holds, retries, pauses ending,
   * cancellations taking effect; a plain renewal has none), once per batch.
   * A failure is logged: it never fails or slows the run's next batch.
   */
  onEvents?: OnMembershipEvents;
};

/**
 * How far ahead of today a run may bill. A run charges every renewal due up
 * to its date: `--date 2062-12-01` typed for 2026 would charge every member
 * 36 years of renewals, and 9999-12-01 never finished. A year ahead leaves
 * room for rehearsing next month's run on a copy of the data.
 */
export const MAX_BILLING_DAYS_AHEAD = 366;

/** Why `date` cannot be billed when today is `today`, or null. */
export function billingRunDateProblem(date: string, today: IsoDate): string | null {
  if (!isIsoDate(date)) return 'must be a calendar date written YYYY-MM-DD';
  if (!isSupportedDate(date)) return `must be ${SUPPORTED_DATES}`;
  const latest = addDays(today, MAX_BILLING_DAYS_AHEAD);
  if (date > latest) return `must be at most ${MAX_BILLING_DAYS_AHEAD} days after today, ${latest}: a run charges every renewal due up to its date`;
  return null;
}

/**
 * Applies everything due on `date`: renewals, retries, pause starts and ends,
 * cancellations and downgrades. Each batch is claimed with SKIP LOCKED and
 * committed with its ledger lines in one transaction, so a second process
 * shares the work, a crash loses only an uncommitted batch (redone on the next
 * run under the same provider keys), and a finished membership is not due
 * again until its next date: running the day twice charges nothing twice.
 */
export async function runBillingDay(options: BillingRunOptions): Promise<BillingRunTotals> {
  const { db, provider, date } = options;
  // Whatever the caller: past LATEST_DATE a membership's schedule would not end (rules/schedule.ts stops it, row by row).
  if (!isSupportedDate(date)) throw new AppError({ code: 'VALIDATION_FAILED', field: 'date', message: `The billing date must be ${SUPPORTED_DATES}, not ${date}.` });
  const batchSize = options.batchSize ?? 2000;
  const book = await options.book();
  const totals: BillingRunTotals = { date, memberships: 0, charges: 0, failures: 0, batches: 0, skipped: 0 };
  const skipped = new Set<string>();
  const work = async () => {
    for (;;) {
      const batch = await db.transaction().execute(async (trx) => {
        const rows = await claimDueMemberships(trx, date, batchSize);
        return rows.length === 0 ? null : billClaimedBatch(trx, rows, { provider, book, date, notices: options.onEvents !== undefined, logger: options.logger });
      });
      if (!batch) break;
      for (const id of batch.skipped) skipped.add(id);
      totals.skipped = skipped.size;
      // Every billed row leaves the due set, so the claims run out; a batch of only skipped rows would be claimed again forever.
      if (batch.memberships === 0) break;
      if (options.onEvents && batch.notices.length > 0) {
        try {
          await options.onEvents(batch.notices);
        } catch (error) {
          options.logger?.error({ err: error, notices: batch.notices.length }, 'billing run: event notification failed');
        }
      }
      totals.memberships += batch.memberships;
      totals.charges += batch.charges;
      totals.failures += batch.failures;
      totals.batches++;
      options.onBatch?.(totals);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers ?? 1) }, work));
  if (totals.memberships > 0) await recordRun(db, date, totals);
  if (totals.memberships > 0) options.logger?.info({ billingRun: totals }, 'billing run finished');
  else options.logger?.debug({ billingRun: totals }, 'billing run: nothing due');
  return totals;
}

type ClaimedMembership = Awaited<ReturnType<typeof claimDueMemberships>>[number];

/** Advances each claimed membership to `date` and writes the batch's lines and states. */
async function billClaimedBatch(
  trx: BillingDb,
  rows: readonly ClaimedMembership[],
  options: { provider: PaymentProvider; book: PriceBook; date: IsoDate; notices: boolean; logger?: Logger },
): Promise<{ memberships: number; charges: number; failures: number; skipped: string[]; notices: MembershipNotice[] }> {
  const ledger: NewLedgerRow[] = [];
  const events: NewEventRow[] = [];
  const notices: MembershipNotice[] = [];
  const updates: MembershipUpdate[] = [];
  let charges = 0;
  let failures = 0;
  const skipped: string[] = [];
  for (const row of rows) {
    const advanced = await runWithProvider({
      book: options.book,
      provider: options.provider,
      token: row.token,
      keyFor: (attempt) => scheduledKey(row.id, attempt.date, attempt.reason),
      rule: (ctx) => advanceTo(rowToMembership(row), options.date, ctx),
    }).catch((error: unknown) => {
      // One corrupt row must not stop the billing of everyone else in its batch.
      if (!(error instanceof ScheduleLimitError)) throw error;
      options.logger?.error({ err: error, membershipId: row.id, date: options.date }, 'billing run: membership skipped, its schedule would not end');
      return null;
    });
    if (!advanced) {
      skipped.push(row.id);
      continue;
    }
    const { result, attempts } = advanced;
    ledger.push(...toLedgerRows({
      membershipId: row.id,
      lines: result.lines,
      attempts,
      keyFor: (line) => scheduledKey(row.id, line.date, `${line.type}:${line.reason ?? line.attempted ?? ''}`),
      paymentMethodId: row.payment_method_id,
    }));
    events.push(...toEventRows(row.id, result.events));
    if (options.notices) {
      const currency = options.book.catalog[row.country]?.currency ?? '';
      for (const event of result.events) notices.push({ accountId: row.account_id, membershipId: row.id, date: event.date, type: event.type, details: event.details ?? {}, currency });
    }
    updates.push({ id: row.id, version: row.version, columns: membershipToColumns(result.membership) });
    for (const line of result.lines) {
      if (line.type === 'charge') charges++;
      if (line.type === 'payment_failed') failures++;
    }
  }
  await insertLedgerRows(trx, ledger);
  await insertEventRows(trx, events);
  await updateMembershipsInBulk(trx, updates, new Map(rows.map((row) => [row.id, row])));
  return { memberships: rows.length - skipped.length, charges, failures, skipped, notices };
}
