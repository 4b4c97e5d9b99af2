import { billingRunDateProblem } from '../modules/billing/index.ts';
import { systemClock } from '../platform/clock.ts';
import { parseArgs, printJson, UsageError } from './cli-io.ts';
import { openCommandContext } from './command-context.ts';
import { createProgressBar } from './progress-bar.ts';

/** `usher bill [--date YYYY-MM-DD]`: the scheduled billing of a day, idempotently. */
export async function runBillCommand(argv: readonly string[]): Promise<void> {
  const { flags, positional } = parseArgs(argv, ['date']);
  if (positional.length > 0) throw new UsageError(`usher bill takes no arguments, got "${positional[0]}"`);
  const date = flags.get('date');
  if (date === true) throw new UsageError('--date must be a calendar date written YYYY-MM-DD');
  // Checked before the database is opened: a far date would bill years of renewals (9999-12-01 never finished).
  const problem = date === undefined ? null : billingRunDateProblem(date, systemClock.today());
  if (problem) throw new UsageError(`--date ${problem}`);
  const context = await openCommandContext();
  try {
    const totals = await context.modules.billing.runDay(date === undefined ? undefined : date);
    printJson(totals);
  } finally {
    await context.close();
  }
}

/** `usher seed [--members N]`: the Reelhouse demo, or N synthetic members for load tests. */
export async function runSeedCommand(argv: readonly string[]): Promise<void> {
  const { flags, positional } = parseArgs(argv, ['members']);
  if (positional.length > 0) throw new UsageError(`usher seed takes no arguments, got "${positional[0]}"`);
  const members = flags.get('members');
  // Digits only: Number() also reads `1e7`, `0x10` and ` 12 `.
  const count = members === undefined ? undefined : typeof members === 'string' && /^\d{1,9}$/.test(members) ? Number(members) : Number.NaN;
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 50_000_000)) {
    throw new UsageError('--members must be a whole number between 1 and 50,000,000');
  }
  const context = await openCommandContext();
  try {
    if (count === undefined) {
      const demo = await context.modules.billing.seedDemo();
      printJson({ demo: true, seeded: demo.seeded, members: demo.members });
      return;
    }
    const started = Date.now();
    const bar = createProgressBar('members', count);
    await context.modules.billing.seedSynthetic(count, (done) => bar.update(done));
    bar.finish();
    printJson({ synthetic: true, members: count, seconds: Math.round((Date.now() - started) / 100) / 10 });
  } finally {
    await context.close();
  }
}
