/**
 * bench/billing-run: a month of billing for many members, against its write
 * ceiling. Seeds N synthetic members (default 1,000,000 on PostgreSQL), runs
 * one billing day, then the rest of a 30-day month, and compares with a
 * baseline that writes the same ledger rows and updates the same membership
 * rows with plain bulk SQL and no rules. Figures go to stdout as JSON lines
 * and a summary.
 *
 *   node --import tsx bench/billing-run.bench.ts [--members N] [--pglite] [--days 30]
 */
import { sql } from 'kysely';
import { loadCatalogFile } from '../src/modules/billing/catalog-config.ts';
import { runBillingDay } from '../src/modules/billing/billing-run.ts';
import type { BillingDb } from '../src/modules/billing/billing.repository.ts';
import { seedSyntheticMembers } from '../src/modules/billing/seed/synthetic-members.ts';
import { createSimulatedProvider } from '../src/modules/billing/payments/simulated-provider.ts';
import { addDays } from '../src/modules/billing/rules/calendar.ts';
import { openBenchDatabase, migrateBench, type BenchDatabase } from './bench-database.ts';

type Args = { members: number; pglite: boolean; days: number; batch: number; workers: number };

function parseBenchArgs(argv: readonly string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pglite = argv.includes('--pglite');
  return {
    members: Number(value('members') ?? (pglite ? 100_000 : 1_000_000)),
    pglite,
    days: Number(value('days') ?? 30),
    batch: Number(value('batch') ?? 5000),
    workers: Number(value('workers') ?? (pglite ? 1 : 3)),
  };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const database: BenchDatabase = await openBenchDatabase(args.pglite);
  const db = database.db as BillingDb;
  try {
    await migrateBench(database);
    const catalog = loadCatalogFile('config/catalog.json');
    const provider = createSimulatedProvider();
    const book = async () => ({ catalog, priceChanges: [] });
    const seedDay = '2026-01-01';

    let start = process.hrtime.bigint();
    await seedSyntheticMembers({
      db, catalog, today: seedDay, count: args.members, batchSize: 10_000,
      onProgress: (done, total) => process.stderr.write(`\rseeding ${done.toLocaleString('en')}/${total.toLocaleString('en')}`),
    });
    process.stderr.write('\n');
    const seedSeconds = seconds(start);
    await sql`ANALYZE`.execute(db);
    const ledgerBefore = await countRows(db, 'billing_ledger');

    // One day, then the rest of the month.
    const days: { date: string; memberships: number; charges: number; failures: number; seconds: number }[] = [];
    const runStart = process.hrtime.bigint();
    for (let d = 1; d <= args.days; d++) {
      const date = addDays(seedDay, d);
      start = process.hrtime.bigint();
      const totals = await runBillingDay({ db, provider, book, date, batchSize: args.batch, workers: args.workers });
      days.push({ date, memberships: totals.memberships, charges: totals.charges, failures: totals.failures, seconds: seconds(start) });
      process.stderr.write(`\rbilling ${date}: ${totals.memberships} memberships in ${days.at(-1)!.seconds.toFixed(2)} s   `);
    }
    process.stderr.write('\n');
    const monthSeconds = seconds(runStart);
    const processed = days.reduce((n, d) => n + d.memberships, 0);
    const ledgerAfter = await countRows(db, 'billing_ledger');
    const ledgerWritten = ledgerAfter - ledgerBefore;

    // Baseline: the same number of ledger rows and membership updates, in batches of the same size, by plain SQL.
    // The same table as the ledger: columns, indexes, checks and foreign keys.
    await sql`CREATE TABLE bench_ledger (LIKE billing_ledger INCLUDING ALL)`.execute(db);
    await sql`ALTER TABLE bench_ledger ADD FOREIGN KEY (membership_id) REFERENCES billing_memberships (id),
      ADD FOREIGN KEY (refund_of) REFERENCES bench_ledger (id)`.execute(db);
    start = process.hrtime.bigint();
    const ids = (await sql<{ id: string }>`SELECT id FROM billing_memberships WHERE updated_at > created_at ORDER BY updated_at`.execute(db)).rows.map((r) => r.id);
    const ledgerIds = (await sql<{ id: string }>`SELECT id FROM billing_ledger WHERE idempotency_key NOT LIKE 'seed:%' ORDER BY seq`.execute(db)).rows.map((r) => r.id);
    const fetchSeconds = seconds(start);
    start = process.hrtime.bigint();
    // The run updated `processed` membership rows (some more than once, on hold): the baseline updates as many.
    const updateIds = Array.from({ length: processed }, (_, i) => ids[i % Math.max(ids.length, 1)]);
    for (let i = 0; i < Math.max(updateIds.length, ledgerIds.length); i += args.batch) {
      await db.transaction().execute(async (trx) => {
        const ledgerSlice = ledgerIds.slice(i, i + args.batch);
        if (ledgerSlice.length) await sql`INSERT INTO bench_ledger OVERRIDING SYSTEM VALUE SELECT * FROM billing_ledger WHERE id = ANY(${ledgerSlice}::text[])`.execute(trx);
        const slice = [...new Set(updateIds.slice(i, i + args.batch))];
        if (slice.length) await sql`UPDATE billing_memberships SET version = version + 1, updated_at = now(), next_run_date = next_run_date + 30 WHERE id = ANY(${slice}::text[])`.execute(trx);
      });
    }
    const baselineSeconds = seconds(start);

    const first = days[0];
    const summary = {
      bench: 'billing-run',
      database: database.kind,
      members: args.members,
      seed_seconds: round(seedSeconds),
      first_day: { date: first.date, memberships: first.memberships, seconds: round(first.seconds), members_per_second: Math.round(first.memberships / first.seconds) },
      month: { days: args.days, memberships_processed: processed, ledger_rows: ledgerWritten, seconds: round(monthSeconds), members_per_second: Math.round(processed / monthSeconds) },
      baseline: { ledger_rows: ledgerIds.length, membership_updates: updateIds.length, seconds: round(baselineSeconds), id_fetch_seconds: round(fetchSeconds) },
      ratio_to_baseline: round(baselineSeconds / monthSeconds),
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(`billing-run (${database.kind}, ${args.members.toLocaleString('en')} members): month billed in ${summary.month.seconds} s, ` +
      `${summary.month.members_per_second.toLocaleString('en')} members/s; bulk-SQL baseline ${summary.baseline.seconds} s; ratio ${summary.ratio_to_baseline}`);
  } finally {
    await database.close();
  }
}

async function countRows(db: BillingDb, table: 'billing_ledger'): Promise<number> {
  const row = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(row.rows[0].n);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

await main();
