import { fixedClock, type SettableClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { billingMigrations, createBillingModule, loadCatalog, type BillingModule } from '../index.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { OnMembershipEvents } from '../rules/membership.ts';

export type BillingKit = { database: Database; clock: SettableClock; billing: BillingModule };

/** A migrated database with a billing module on a settable clock. */
export async function openBillingKit(open: () => Promise<Database>, options: { today: string; provider?: PaymentProvider; workers?: number; onEvents?: OnMembershipEvents }): Promise<BillingKit> {
  const database = await open();
  await runMigrations(database, [platformMigrations, billingMigrations]);
  const clock = fixedClock(options.today);
  const billing = createBillingModule({ db: database.db, clock, catalog: loadCatalog('config/catalog.json'), provider: options.provider, workers: options.workers, onEvents: options.onEvents });
  return { database, clock, billing };
}

export const VISA = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030 };
export const DECLINED_AT_ENTRY = { number: '4000000000000002', expMonth: 12, expYear: 2030 };
export const DECLINES_LATER = { number: '4000000000000341', expMonth: 12, expYear: 2030 };
