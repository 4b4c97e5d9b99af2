import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { fixedClock, type Clock } from '../../platform/clock.ts';
import { withTables, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { UsherModule } from '../../platform/module.ts';
import { billingRunDateProblem, runBillingDay, type BillingRunTotals } from './billing-run.ts';
import type { BillingTables } from './billing.tables.ts';
import { billingRoutes } from './billing.routes.ts';
import { billingMemberRoutes, type MemberAuth } from './billing-member.routes.ts';
import { loadCatalogFile } from './catalog-config.ts';
import { demoBillingRoutes } from './demo.routes.ts';
import { createMembershipService, type MembershipService } from './membership.service.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';
import { createSimulatedProvider } from './payments/simulated-provider.ts';
import type { Catalog } from './rules/catalog.ts';
import type { IsoDate } from './rules/calendar.ts';
import type { OnMembershipEvents } from './rules/membership.ts';
import { seedDemoMembers } from './seed/seed-demo.ts';
import { seedSyntheticMembers } from './seed/synthetic-members.ts';
import { countMemberships } from './billing.repository.ts';
import { giftCardRoutes } from './gift-cards/gift-cards.routes.ts';
import { createGiftCardService, type GiftCardService } from './gift-cards/gift-cards.service.ts';

/**
 * Used only when USHER_SECRET_KEY is unset (development, demo, tests). Codes
 * are 80 random bits, so even with this key known a stored hash cannot be
 * turned back into a code; the server's own key adds that a stolen table
 * cannot even be checked against candidate codes.
 */
const DEVELOPMENT_SECRET_KEY = 'usher-development-secret-key:not-for-production';

export type { MembershipView } from './membership-view.ts';
export type { GiftCardService, GiftRestoreRequest } from './gift-cards/gift-cards.service.ts';
export type { GiftEstimate } from './rules/gift-estimate.ts';
export { estimateGiftBalance } from './rules/gift-estimate.ts';
export type { MembershipService, MembershipAction, JoinRequest, ActionActor } from './membership.service.ts';
export type { BillingRunTotals } from './billing-run.ts';
export { billingRunDateProblem } from './billing-run.ts';
export type { MemberAuth } from './billing-member.routes.ts';
export type { Consequence } from './consequences.ts';
export type { Catalog } from './rules/catalog.ts';
export type { MembershipEventType, MembershipNotice, OnMembershipEvents } from './rules/membership.ts';
export { formatMoney } from './money-format.ts';
// The contract's own arithmetic, for other modules that state what billing will charge.
export { applyTax } from './rules/money.ts';
export { RETRY_OFFSETS_DAYS } from './rules/schedule.ts';
export { DEMO_LATER_MEMBERS, DEMO_MEMBERS, HUGO_LIVING_ROOM_TV } from './seed/demo-members.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(moduleDir, '../../..');

/** The billing tables' migrations, for the runner and for tools that need only billing. */
export const billingMigrations = { module: 'billing', dir: path.join(moduleDir, 'migrations') };

/** A relative catalog path is read from the repository root, whatever the working directory. */
export function loadCatalog(catalogFile: string): Catalog {
  return loadCatalogFile(path.isAbsolute(catalogFile) ? catalogFile : path.join(repositoryRoot, catalogFile));
}

export type BillingModuleDeps = {
  db: Db;
  clock: Clock;
  catalog: Catalog;
  logger?: Logger;
  provider?: PaymentProvider;
  demoMode?: boolean;
  /** How often the in-server scheduler runs the billing of the current day (ms); 0 turns it off. */
  schedulerIntervalMs?: number;
  /** Batches in flight in a billing run: 1 on the embedded database, more on PostgreSQL. */
  workers?: number;
  /** Memberships per billing-run transaction. */
  batchSize?: number;
  /** Who is signed in (the identity module); without it there are no member routes. */
  memberAuth?: MemberAuth;
  /** The server's secret for gift-card code hashes (USHER_SECRET_KEY); without one a development key is used and a warning logged. */
  secretKey?: string;
  /** Told membership events after they are stored (members' changes, and the billing run's batches): the confirmation emails. Demo and synthetic seeding do not call it. */
  onEvents?: OnMembershipEvents;
};

export type BillingModule = Omit<UsherModule, 'seedDemo'> & {
  service: MembershipService;
  /** Gift cards: redeem, balance, restoreGiftBalance (a supervisor's, audited by the caller), issue. */
  giftCards: GiftCardService;
  catalog: Catalog;
  runDay(date?: IsoDate): Promise<BillingRunTotals>;
  /** Plays the Reelhouse demo members' stories up to today, once. */
  seedDemo(): Promise<{ seeded: boolean; members: number }>;
  /** Adds `count` synthetic members for load tests. */
  seedSynthetic(count: number, onProgress?: (done: number, total: number) => void): Promise<void>;
};

export function createBillingModule(deps: BillingModuleDeps): BillingModule {
  const db = withTables<BillingTables>(deps.db);
  const provider = deps.provider ?? createSimulatedProvider();
  const service = createMembershipService({ db, clock: deps.clock, provider, catalog: deps.catalog, logger: deps.logger, onEvents: deps.onEvents });
  const runDay = async (date?: IsoDate) => {
    const problem = date === undefined ? null : billingRunDateProblem(date, deps.clock.today());
    if (problem) throw new AppError({ code: 'VALIDATION_FAILED', field: 'date', message: `The billing date ${problem}.` });
    return runBillingDay({
      db, provider, book: () => service.priceBook(), date: date ?? deps.clock.today(), workers: deps.workers, batchSize: deps.batchSize, logger: deps.logger,
      onEvents: deps.onEvents,
    });
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    // One run at a time in this process; other processes share the work through SKIP LOCKED.
    running = running.then(() => runDay()).catch((error: unknown) => deps.logger?.error({ err: error }, 'scheduled billing run failed'));
  };

  if (!deps.secretKey && !deps.demoMode) deps.logger?.warn('USHER_SECRET_KEY is not set: gift card codes are hashed with the development key. Set it (the same on every instance) before issuing real cards.');
  const giftCards = createGiftCardService({ db, clock: deps.clock, provider, catalog: deps.catalog, membership: service, key: deps.secretKey ?? DEVELOPMENT_SECRET_KEY });
  const limiter = createRateLimiter({ db: deps.db });
  const routes = [billingRoutes({ catalog: deps.catalog, limiter })];
  if (deps.memberAuth) routes.push(billingMemberRoutes({ service, catalog: deps.catalog, auth: deps.memberAuth }), giftCardRoutes({ giftCards, auth: deps.memberAuth, limiter }));
  if (deps.demoMode) routes.push(demoBillingRoutes({ service }));

  return {
    name: 'billing',
    migrationsDir: billingMigrations.dir,
    routes,
    homeLinks: [
      // The members' app starts here: a visitor on the home page could not find it otherwise.
      ...(deps.memberAuth ? [{ title: 'Join Reelhouse or sign in', href: '/join', description: 'The members\' app: choose a plan, then manage the membership, payments, devices and extra members.' }] : []),
      { title: 'Plans and prices', href: '/plans', description: 'Every country\'s plans, prices, tax and extra-member slots, from the catalog.' },
      ...(deps.demoMode
        ? [{ title: 'Demo members', href: '/demo/memberships', description: 'Reelhouse demo accounts: upgrades, extra members, holds, pauses, partner billing, refunds.' }]
        : []),
    ],
    service,
    giftCards,
    catalog: deps.catalog,
    runDay,
    async seedDemo() {
      const today = deps.clock.today();
      const seedClock = fixedClock(today);
      const seedService = createMembershipService({ db, clock: seedClock, provider, catalog: deps.catalog });
      const seedGiftCards = createGiftCardService({ db, clock: seedClock, provider, catalog: deps.catalog, membership: seedService, key: deps.secretKey ?? DEVELOPMENT_SECRET_KEY });
      return seedDemoMembers({ db, provider, today, service: seedService, giftCards: seedGiftCards, setDate: (date) => seedClock.set(date), book: () => seedService.priceBook() });
    },
    async seedSynthetic(count, onProgress) {
      const existing = await countMemberships(db);
      await seedSyntheticMembers({ db, catalog: deps.catalog, today: deps.clock.today(), count, startIndex: existing, seed: existing + 1, onProgress });
    },
    async start() {
      const interval = deps.schedulerIntervalMs ?? 0;
      if (interval <= 0) return;
      tick();
      timer = setInterval(tick, interval);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
