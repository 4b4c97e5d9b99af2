import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Db } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { UsherModule } from '../../platform/module.ts';
import { findExtraMemberByAccount } from './extra-members.repository.ts';
import { extraMemberRoutes } from './extra-members.routes.ts';
import { createExtraMemberService, type ExtraMemberService } from './extra-members.service.ts';
import { seedDemoHousehold } from './household-demo.ts';
import type { BillingPort, IdentityPort, Mailer } from './household.ports.ts';
import { householdRoutes } from './household.routes.ts';
import { createHouseholdService, type HouseholdService } from './household.service.ts';
import type { HouseholdTables } from './household.tables.ts';

export type { AccountSummary, BillingPort, Device, DeviceType, IdentityPort, Mailer, MemberContext, OutgoingMessage } from './household.ports.ts';
export type { HouseholdService, HouseholdView, TvStart } from './household.service.ts';
export type { ExtraMemberService, ExtraMembersOverview, InvitationView, MemberSummary } from './extra-members.service.ts';
export { isInHousehold, NOT_IN_HOUSEHOLD_MESSAGE, UPDATE_CODE_TTL_MS } from './household.rules.ts';
export { extraMemberEligibility, INVITATION_TTL_MS } from './extra-members.rules.ts';
import { extraMemberAccessUntil } from './extra-members.rules.ts';
export { DEMO_HOUSEHOLD } from './household-demo.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

export const householdMigrations = { module: 'household', dir: path.join(moduleDir, 'migrations') };

export type HouseholdModuleDeps = {
  db: Db;
  clock: Clock;
  logger?: Logger;
  identity: IdentityPort;
  billing: BillingPort;
  mailer: Mailer;
  /** Prefix of links in messages (`https://watch.example`); links are relative without it. */
  publicUrl?: string;
};

export type HouseholdModule = Omit<UsherModule, 'seedDemo'> & {
  household: HouseholdService;
  extraMembers: ExtraMemberService;
  /** Identity can call this when a device signs in or is used from a network: phones and computers join the household that way. */
  noteDeviceConnection(options: { accountId: string; deviceId: string; networkId: string }): Promise<void>;
  /** Whose extra member an account is and until when it may watch (null: no end); null when it is none. */
  extraMemberAccess(memberAccountId: string): Promise<{ ownerAccountId: string; accessUntil: string | null } | null>;
  /** Chloé's household on `net_home` and her extra member Jonas; a second call changes nothing. */
  seedDemo(): Promise<{ seeded: boolean }>;
};

export function createHouseholdModule(deps: HouseholdModuleDeps): HouseholdModule {
  const db = withTables<HouseholdTables>(deps.db);
  const household = createHouseholdService({ db, clock: deps.clock, identity: deps.identity, mailer: deps.mailer, logger: deps.logger });
  const extraMembers = createExtraMemberService({
    db, clock: deps.clock, identity: deps.identity, billing: deps.billing, mailer: deps.mailer, logger: deps.logger, publicUrl: deps.publicUrl,
  });
  return {
    name: 'household',
    migrationsDir: householdMigrations.dir,
    routes: [householdRoutes({ identity: deps.identity, household }), extraMemberRoutes({ identity: deps.identity, extraMembers })],
    homeLinks: [],
    household,
    extraMembers,
    noteDeviceConnection: (options) => household.noteDeviceConnection(options),
    async extraMemberAccess(memberAccountId) {
      const row = await findExtraMemberByAccount(db, memberAccountId);
      if (!row) return null;
      const membership = await deps.billing.service.findByAccount(row.owner_account_id);
      return { ownerAccountId: row.owner_account_id, accessUntil: extraMemberAccessUntil(row.access_until, membership?.state.access_until ?? null) };
    },
    seedDemo: () => seedDemoHousehold({ db, clock: deps.clock, household }),
  };
}
