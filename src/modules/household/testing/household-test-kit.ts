import type { Database } from '../../../platform/db/database.ts';
import { runMigrations } from '../../../platform/db/migrations.ts';
import type { SettableClock } from '../../../platform/clock.ts';
import { openBillingKit, VISA } from '../../billing/testing/billing-test-kit.ts';
import type { BillingModule } from '../../billing/index.ts';
import { createHouseholdModule, householdMigrations, type HouseholdModule } from '../index.ts';
import { createCapturingMailer, createFakeIdentity, type CapturingMailer, type FakeIdentity } from './fake-identity.ts';

export type HouseholdKit = {
  database: Database;
  clock: SettableClock;
  billing: BillingModule;
  identity: FakeIdentity;
  mailer: CapturingMailer;
  household: HouseholdModule;
  /** An owner with a membership: direct card billing unless a partner is named. */
  joinOwner(options: { accountId: string; country?: string; region?: string | null; plan?: string; partner?: string; phone?: string }): Promise<void>;
};

/** A migrated database with the real billing module, a fake identity and a mailer that keeps every message. */
export async function openHouseholdKit(open: () => Promise<Database>, options: { today: string }): Promise<HouseholdKit> {
  const { database, clock, billing } = await openBillingKit(open, { today: options.today });
  await runMigrations(database, [householdMigrations]);
  const identity = createFakeIdentity();
  const mailer = createCapturingMailer();
  const household = createHouseholdModule({ db: database.db, clock, identity, billing, mailer });
  return {
    database,
    clock,
    billing,
    identity,
    mailer,
    household,
    async joinOwner({ accountId, country = 'US', region = 'WA', plan = 'premium', partner, phone }) {
      identity.addOwner({ id: accountId, name: `Owner ${accountId}`, email: `${accountId}@example.test`, phone: phone ?? null, country });
      await billing.service.join({
        accountId, country, region, plan,
        payment: partner ? { partner } : { card: VISA },
      });
    },
  };
}
