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

/**
 * `usher gift-cards --amount MINOR --currency XXX [--count N]`: issues new
 * gift cards and prints their codes, this once: only keyed hashes are kept,
 * so a lost code cannot be printed again.
 */
export async function runGiftCardsCommand(argv: readonly string[]): Promise<void> {
  const { flags, positional } = parseArgs(argv, ['amount', 'currency', 'count']);
  if (positional.length > 0) throw new UsageError(`usher gift-cards takes no arguments, got "${positional[0]}"`);
  const amount = flags.get('amount');
  const currency = flags.get('currency');
  const count = flags.get('count') ?? '1';
  if (typeof amount !== 'string' || !/^\d{1,9}$/.test(amount) || Number(amount) < 1) throw new UsageError('--amount must be the card\'s value in minor units, a whole number from 1 (2500 is 25.00)');
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) throw new UsageError('--currency must be an ISO 4217 code such as USD');
  if (typeof count !== 'string' || !/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > 1000) throw new UsageError('--count must be a whole number from 1 to 1000');
  const context = await openCommandContext();
  try {
    const currencies = new Set(Object.values(context.modules.billing.catalog).map((country) => country.currency));
    if (!currencies.has(currency.toUpperCase())) throw new UsageError(`--currency must be one the catalog bills in: ${[...currencies].join(', ')}`);
    const codes = await context.modules.billing.giftCards.issue({ amount: Number(amount), currency: currency.toUpperCase(), count: Number(count) });
    printJson({ amount: Number(amount), currency: currency.toUpperCase(), codes });
  } finally {
    await context.close();
  }
}
