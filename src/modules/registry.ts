import { createMailer } from '../platform/mail/outbox.ts';
import type { ModuleDeps, UsherModule } from '../platform/module.ts';
import { createBillingModule, loadCatalog, type BillingModule } from './billing/index.ts';
import { createHouseholdModule, type HouseholdModule } from './household/index.ts';
import { createTriageModule } from './triage/index.ts';
import { createHelpCenterModule, renderHelpPage, type HelpCenterModule } from './helpcenter/index.ts';
import { createGuidedFlowsModule } from './helpcenter/flows/index.ts';
import { createTitleReportsModule } from './helpcenter/reports/index.ts';
import { createSupportModule } from './support/index.ts';
import { createSupportAccountPort } from './support-account-port.ts';
import { createIdentityModule, type IdentityModule } from './identity/index.ts';
import { createSafetyModule, type SafetyModule } from './safety/index.ts';

/** How often the server's scheduler runs the day's billing; idempotent, so often is cheap. */
const BILLING_SCHEDULER_INTERVAL_MS = 15 * 60 * 1000;

export type Modules = { billing: BillingModule; identity: IdentityModule; household: HouseholdModule; helpcenter: HelpCenterModule; safety: SafetyModule; all: UsherModule[] };

/**
 * Every feature module, in dependency order: migrations run, demo data is
 * seeded and modules start in this order, and stop in reverse.
 */
export function buildModules(deps: ModuleDeps): Modules {
  const postgres = deps.database.kind === 'postgres';
  const brandDomain = deps.config.brand.domains[0] ?? 'reelhouse.example';
  const mailer = createMailer({
    database: deps.database,
    smtpUrl: deps.config.smtpUrl,
    logger: deps.logger,
    from: `${deps.config.brand.name} <no-reply@${brandDomain}>`,
    ...(deps.config.dkim ? { dkim: { domainName: brandDomain, keySelector: deps.config.dkim.selector, privateKey: deps.config.dkim.privateKey } } : {}),
  });
  // Billing's member routes ask identity who is signed in; identity is built after billing, so the call is late-bound.
  let identity: IdentityModule | undefined;
  // Identity tells household about sign-ins and asks it about extra members' access, without importing it (billing → identity → household).
  let household: HouseholdModule | undefined;
  const billing = createBillingModule({
    db: deps.database.db,
    clock: deps.clock,
    catalog: loadCatalog(deps.config.catalogFile),
    logger: deps.logger,
    demoMode: deps.config.demoMode,
    ...(deps.config.secretKey === undefined ? {} : { secretKey: deps.config.secretKey }),
    schedulerIntervalMs: deps.config.schedulerEnabled ? BILLING_SCHEDULER_INTERVAL_MS : 0,
    workers: postgres ? 3 : 1,
    batchSize: postgres ? 2500 : 1000,
    memberAuth: { requireOwner: (request) => (identity as IdentityModule).requireOwner(request) },
    // Every membership change is confirmed by email to the owner (PRODUCT.md §1), after billing stored it.
    onEvents: (notices) => (identity as IdentityModule).sendMembershipNotices(notices),
  });
  identity = createIdentityModule({
    db: deps.database.db,
    clock: deps.clock,
    logger: deps.logger,
    mailer,
    billing: billing.service,
    database: deps.database,
    config: {
      demoMode: deps.config.demoMode,
      port: deps.config.port,
      findAccountDisabledCountries: deps.config.findAccountDisabledCountries,
      ...(deps.config.agentKey === undefined ? {} : { agentKey: deps.config.agentKey }),
      ...(deps.config.publicUrl === undefined ? {} : { publicUrl: deps.config.publicUrl }),
    },
    hooks: {
      onDeviceSignedIn: (event) => (household as HouseholdModule).noteDeviceConnection(event),
      accessCheck: (accountId) => (household as HouseholdModule).extraMemberAccess(accountId),
    },
  });
  household = createHouseholdModule({
    db: deps.database.db, clock: deps.clock, logger: deps.logger, identity, billing, mailer,
    // Same base as identity's links: without it the invitation email carried a bare `/invitations/…` path.
    publicUrl: deps.config.publicUrl ?? `http://localhost:${deps.config.port ?? 3000}`,
  });
  const helpcenter = createHelpCenterModule({
    db: deps.database.db,
    clock: deps.clock,
    logger: deps.logger,
    config: { demoMode: deps.config.demoMode, ...(deps.config.adminKey === undefined ? {} : { adminKey: deps.config.adminKey }) },
  });
  const adminKey = deps.config.adminKey === undefined ? {} : { adminKey: deps.config.adminKey };
  const flows = createGuidedFlowsModule({ db: deps.database.db, clock: deps.clock, renderPage: renderHelpPage });
  const titleReports = createTitleReportsModule({ db: deps.database.db, clock: deps.clock, renderPage: renderHelpPage, demoMode: deps.config.demoMode, ...adminKey });
  const signedIn = identity;
  const safety = createSafetyModule({
    db: deps.database.db,
    clock: deps.clock,
    logger: deps.logger,
    mailer,
    brand: deps.config.brand,
    intake: deps.config.reportIntake,
    renderPage: renderHelpPage,
    currentMember: async (request) => {
      const account = await signedIn.currentAccount(request);
      return account ? { accountId: account.id, email: account.email } : null;
    },
    publicUrl: deps.config.publicUrl ?? `http://localhost:${deps.config.port ?? 3000}`,
  });
  const contact = createSupportModule({
    database: deps.database,
    clock: deps.clock,
    logger: deps.logger,
    mailer,
    serviceName: 'Reelhouse',
    renderPage: renderHelpPage,
    flows: flows.catalog,
    flowCatalog: flows.catalog,
    catalog: billing.catalog,
    account: createSupportAccountPort({ billing, identity, household, clock: deps.clock }),
    memberAuth: { requireMember: (request) => signedIn.requireMember(request) },
    // The desk's security team reads and reviews the safety module's phishing reports.
    security: { reports: safety.reports, brandDomains: deps.config.brand.domains },
    adminKey: deps.config.adminKey ?? null,
    // The scheduler setting also stands for "background work on": tests turn both off.
    ...(deps.config.schedulerEnabled ? {} : { sweepIntervalMs: 0 }),
    searchArticles: (query, limit) => helpcenter.searchArticles(query, limit),
    identity: {
      currentMember: async (request) => {
        const account = await signedIn.currentAccount(request);
        return account ? { accountId: account.id, country: account.country, language: account.language, name: account.name } : null;
      },
      verifyServiceCode: (code, address) => signedIn.verifyServiceCode(code, address),
    },
    member: async (request) => {
      const account = await signedIn.currentAccount(request);
      return account ? { accountId: account.id, name: account.name, email: account.email, country: account.country, language: account.language } : null;
    },
    ...(deps.config.publicUrl === undefined ? {} : { allowedOrigins: [new URL(deps.config.publicUrl).origin] }),
  });
  return {
    billing,
    identity,
    household,
    helpcenter,
    safety,
    all: [billing, identity, household, createTriageModule(), helpcenter, flows, titleReports, safety, contact],
  };
}

export function createModules(deps: ModuleDeps): UsherModule[] {
  return buildModules(deps).all;
}
