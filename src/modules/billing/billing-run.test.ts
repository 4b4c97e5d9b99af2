import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { describeEachDatabase, openPeerDatabase } from '../../platform/testing/test-database.ts';
import { createBillingModule, loadCatalog } from './index.ts';
import { openBillingKit, type BillingKit } from './testing/billing-test-kit.ts';

const SEED_DAY = '2026-03-01';
const RUN_DAY = '2026-03-02';

/** 3,000 synthetic members as of SEED_DAY: about 1/30 renew on RUN_DAY, plus retries, pause ends and cancellations. */
async function seeded(open: () => Promise<Database>): Promise<BillingKit> {
  const kit = await openBillingKit(open, { today: SEED_DAY });
  await kit.billing.seedSynthetic(3000);
  kit.clock.set(RUN_DAY);
  return kit;
}

/** What a run wrote, without random ids: lines of RUN_DAY and every membership's state. */
async function outcome(database: Database) {
  const lines = await sql<{ line: string }>`
    SELECT membership_id || ' ' || type || ' ' || coalesce(reason, '') || ' ' || amount AS line
    FROM billing_ledger WHERE date = ${RUN_DAY}::date ORDER BY 1`.execute(database.db);
  const states = await sql<{ state: string }>`
    SELECT concat_ws(' ', id, status, plan, anchor, period_start, period_end, next_run_date, hold_failed_attempts, slots, access_until) AS state
    FROM billing_memberships ORDER BY id`.execute(database.db);
  return { lines: lines.rows.map((r) => r.line), states: states.rows.map((r) => r.state) };
}

async function expectNoPeriodChargedTwice(database: Database): Promise<void> {
  const doubles = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT membership_id, period_start FROM billing_ledger WHERE type = 'charge' GROUP BY 1, 2 HAVING count(*) > 1) d`.execute(database.db);
  expect(doubles.rows[0].n).toBe(0);
  const due = await sql<{ n: number }>`SELECT count(*)::int AS n FROM billing_memberships WHERE next_run_date <= ${RUN_DAY}::date`.execute(database.db);
  expect(due.rows[0].n).toBe(0);
}

describeEachDatabase('billing run', (open, kind) => {
  it('applies a day once: running it again charges nothing more', async () => {
    const { billing, database } = await seeded(open);
    const first = await billing.runDay(RUN_DAY);
    expect(first.memberships).toBeGreaterThan(50);
    expect(first.charges).toBeGreaterThan(50);
    const after = await outcome(database);
    const second = await billing.runDay(RUN_DAY);
    expect(second).toMatchObject({ memberships: 0, charges: 0, failures: 0 });
    expect(await outcome(database)).toEqual(after);
    await expectNoPeriodChargedTwice(database);
  });

  it.runIf(kind === 'postgres')('shares a day between two processes running at once, each membership billed once', async () => {
    const reference = await seeded(open);
    await reference.billing.runDay(RUN_DAY);
    const expected = await outcome(reference.database);

    const { database, clock } = await seeded(open);
    const peer = await openPeerDatabase(database);
    const catalog = loadCatalog('config/catalog.json');
    const one = createBillingModule({ db: database.db, clock, catalog, workers: 2, batchSize: 10 });
    const two = createBillingModule({ db: peer.db, clock, catalog, workers: 2, batchSize: 10 });
    const [a, b] = await Promise.all([one.runDay(RUN_DAY), two.runDay(RUN_DAY)]);
    await peer.close();
    // Whether both runners got a batch depends on the machine's scheduling (on a loaded machine one may
    // claim everything first): what must hold is that together they billed each due member once.
    expect(a.memberships + b.memberships).toBe(expected.states.length - (await untouched(reference.database)));
    expect(await outcome(database)).toEqual(expected);
    await expectNoPeriodChargedTwice(database);
  });

  it.runIf(kind === 'postgres')('finishes a run killed in the middle without charging twice or missing anyone', async () => {
    const reference = await seeded(open);
    await reference.billing.runDay(RUN_DAY);
    const expected = await outcome(reference.database);

    const { database, billing } = await seeded(open);
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(database.db)).rows[0].s;
    const batchesBeforeKill = await runAndKill([process.env.TEST_DATABASE_URL as string, schema, RUN_DAY, '10'], 2);
    expect(batchesBeforeKill).toBeGreaterThanOrEqual(2);
    const partial = await outcome(database);
    expect(partial.lines.length).toBeGreaterThan(0);
    expect(partial.lines.length).toBeLessThan(expected.lines.length);

    await billing.runDay(RUN_DAY);
    expect(await outcome(database)).toEqual(expected);
    await expectNoPeriodChargedTwice(database);
  });
});

async function untouched(database: Database): Promise<number> {
  const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM billing_memberships WHERE version = 1`.execute(database.db);
  return rows.rows[0].n;
}

/** Starts the billing of a day in another process and SIGKILLs it after `batches` committed batches. */
function runAndKill(args: string[], batches: number): Promise<number> {
  const fixture = fileURLToPath(new URL('./testing/bill-day.fixture.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('done')) reject(new Error('the run finished before it could be killed'));
      seen += (chunk.match(/batch \d+/g) ?? []).length;
      if (seen >= batches) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(seen));
    child.on('error', reject);
  });
}
