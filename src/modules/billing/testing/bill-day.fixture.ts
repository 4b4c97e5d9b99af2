/**
 * A second process for the billing-run tests:
 * `node --import tsx bill-day.fixture.ts <postgres-url> <schema> <date> <batchSize>`.
 * Prints `batch <n>` after each committed batch and pauses on every charge,
 * so the test can kill it in the middle of a run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fixedClock } from '../../../platform/clock.ts';
import { openDatabase } from '../../../platform/db/database.ts';
import { createBillingModule, loadCatalog } from '../index.ts';
import { createSimulatedProvider } from '../payments/simulated-provider.ts';

const [url, schema, date, batchSize] = process.argv.slice(2);
const database = await openDatabase({ url, schema, poolSize: 2 });
const simulated = createSimulatedProvider();
const provider = { ...simulated, charge: async (request: Parameters<typeof simulated.charge>[0]) => { await sleep(5); return simulated.charge(request); } };
const billing = createBillingModule({ db: database.db, clock: fixedClock(date), catalog: loadCatalog('config/catalog.json'), provider });
let batches = 0;
const { runBillingDay } = await import('../billing-run.ts');
const { withTables } = await import('../../../platform/db/database.ts');
await runBillingDay({
  db: withTables(database.db),
  provider,
  book: () => billing.service.priceBook(),
  date,
  batchSize: Number(batchSize),
  onBatch: () => process.stdout.write(`batch ${++batches}\n`),
});
process.stdout.write('done\n');
await database.close();
