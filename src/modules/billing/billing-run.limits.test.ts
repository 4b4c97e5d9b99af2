import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import type { Database } from '../../platform/db/database.ts';
import { ScheduleLimitError } from './rules/schedule.ts';
import { openBillingKit, VISA } from './testing/billing-test-kit.ts';

const TODAY = '2026-11-27';

/** Moves a stored membership's schedule back to `anchor`, as a row restored from an old backup (or a corrupt one) would be. */
async function storedSince(database: Database, membershipId: string, anchor: string, periodEnd: string): Promise<void> {
  await sql`UPDATE billing_memberships SET anchor = ${anchor}::date, period_start = ${anchor}::date, period_end = ${periodEnd}::date, next_run_date = ${periodEnd}::date
    WHERE id = ${membershipId}`.execute(database.db);
}

describeEachDatabase('billing run and catch-up: bounded whatever the dates', (open) => {
  it('refuses a run past 2100 or more than a year ahead, naming the date', { timeout: 30_000 }, async () => {
    const { billing } = await openBillingKit(open, { today: TODAY });
    await expect(billing.runDay('9999-12-01')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'date', message: expect.stringContaining('2100-12-31') });
    await expect(billing.runDay('2027-11-29')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'date', message: expect.stringContaining('366 days') });
    await expect(billing.runDay('2027-11-28')).resolves.toMatchObject({ memberships: 0, skipped: 0 });
  });

  it('skips a membership whose schedule starts before 2000, bills the others, and ends', { timeout: 30_000 }, async () => {
    const { billing, database, clock } = await openBillingKit(open, { today: '2026-10-27' });
    const sound = await billing.service.join({ accountId: 'acct_sound', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    const corrupt = await billing.service.join({ accountId: 'acct_corrupt', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    await storedSince(database, corrupt.id, '1000-01-27', '1000-02-27');
    clock.set(TODAY);
    const totals = await billing.runDay(TODAY);
    expect(totals).toMatchObject({ memberships: 1, charges: 1, skipped: 1 });
    expect((await billing.service.get(sound.id)).ledger.map((line) => line.date)).toEqual(['2026-10-27', '2026-11-27']);
    // Left as it was, for someone to look at; a member's action on it fails instead of catching up ten centuries.
    await expect(billing.service.act({ membershipId: corrupt.id, action: { type: 'cancel' } })).rejects.toBeInstanceOf(ScheduleLimitError);
  });

  it('brings a membership last billed in 2000 up to today in one change, one renewal a month', { timeout: 60_000 }, async () => {
    const { billing, database } = await openBillingKit(open, { today: TODAY });
    const joined = await billing.service.join({ accountId: 'acct_old', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    await storedSince(database, joined.id, '2000-01-27', '2000-02-27');
    const view = await billing.service.act({ membershipId: joined.id, action: { type: 'cancel' } });
    // The sign-up line, then every month from 2000-02-27 to 2026-11-27.
    expect(view.ledger.filter((line) => line.reason === 'renewal')).toHaveLength(26 * 12 + 10);
    expect(view.state).toMatchObject({ status: 'canceled_pending', access_until: '2026-12-27' });
  });
});
