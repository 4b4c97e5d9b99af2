import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Database, type Db } from '../../platform/db/database.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { Logger } from '../../platform/logger.ts';
import { outboxRoutes, type Mailer } from '../../platform/mail/outbox.ts';
import type { UsherModule } from '../../platform/module.ts';
import { findAccount, listDevices as listDeviceRows } from './accounts.repository.ts';
import { createAfterAnswer } from './after-answer.ts';
import type { BillingForIdentity, IdentityContext, IdentityHooks, IdentitySettings } from './identity-context.ts';
import { identityRoutes } from './identity.routes.ts';
import type { IdentityTables } from './identity.tables.ts';
import { agentRoutes, memberRoutes } from './me.routes.ts';
import { profileRoutes } from './profiles.routes.ts';
import { transferProfile } from './profiles.service.ts';
import { seedDemoLogins } from './seed/seed-demo.ts';
import { sendMembershipNotices } from './membership-notices.ts';
import type { MembershipNotice } from '../billing/index.ts';
import { recordSecurityEvent } from './security-events.ts';
import { currentSession, registerDevice, removeDevice, requireMember, requireOwner, signOutEverywhere, toDevice, type Device, type MemberContext } from './sessions.service.ts';
import { issueServiceCode, securityReview, verifyServiceCode } from './security.service.ts';
import type { Signal } from './security-review.rules.ts';
import { createExtraMemberLogin } from './sign-in.service.ts';
import { unauthenticated } from './identity.errors.ts';
import type { AccountRecord, DeviceType } from './identity.tables.ts';

export type { MemberContext, Device } from './sessions.service.ts';
export type { DeviceType, Role } from './identity.tables.ts';
export type { BillingForIdentity, DeviceSignedIn, ExtraMemberAccess, IdentityHooks, MemberSummary } from './identity-context.ts';
export type { Signal, SignalKind, Severity } from './security-review.rules.ts';
export type { Profile, Viewing } from './profiles.service.ts';
export { DEMO_PASSWORD } from './seed/seed-demo.ts';
/** Cookie and CSRF helpers for other modules' sign-ins (the agent desk, chat visitors): one double-submit rule everywhere. */
export { checkCsrf, ensureCsrfCookie, readCookie, secureFor, CSRF_COOKIE, CSRF_HEADER } from './session-cookies.ts';
export { serializeSetCookie } from './cookie-header.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

/** The identity tables' migrations, for the runner and for tools and tests that need only identity. */
export const identityMigrations = { module: 'identity', dir: path.join(moduleDir, 'migrations') };

/** Demo default for `x-agent-key`; outside demo mode there is no default. */
export const DEMO_AGENT_KEY = 'demo-agent-key';

export type IdentityConfig = {
  demoMode: boolean;
  /** Base of links in emails, e.g. `https://help.example.com`; defaults to `http://localhost:<port>`. */
  publicUrl?: string;
  port?: number;
  /** `USHER_AGENT_KEY`; in demo mode `demo-agent-key` when unset, otherwise service-code checks are refused. */
  agentKey?: string;
  findAccountDisabledCountries?: readonly string[];
  serviceName?: string;
};

export type IdentityModuleDeps = {
  db: Db;
  clock: Clock;
  logger?: Logger;
  config: IdentityConfig;
  mailer: Mailer;
  billing: BillingForIdentity;
  /** Needed for the demo outbox routes (demo mode only). */
  database?: Database;
  /** Household's side of sign-ins and extra members' access, wired by the registry. */
  hooks?: IdentityHooks;
};

export type AccountView = {
  id: string; name: string; email: string; phone: string | null; country: string; language: string;
  role: 'owner' | 'extra_member'; ownerAccountId: string;
};

export type IdentityModule = Omit<UsherModule, 'seedDemo'> & {
  /** The signed-in member, or AppError UNAUTHENTICATED (401). Also checks CSRF on state-changing methods. */
  requireMember(request: FastifyRequest): Promise<MemberContext>;
  /** Same, but only owners (extra members get 403 FORBIDDEN). */
  requireOwner(request: FastifyRequest): Promise<MemberContext>;
  /**
   * The signed-in member for a server-rendered form (no CSRF header there),
   * or null. Only for reads and for requests whose forms refuse a foreign
   * Origin: the SameSite=Lax cookie already keeps cross-site posts signed out.
   */
  currentMember(request: FastifyRequest): Promise<MemberContext | null>;
  /** A fresh service code for the account, as the member's Help menu shows it. */
  issueServiceCode(accountId: string): Promise<{ code: string; expires_at: string }>;
  getAccount(accountId: string): Promise<AccountView | null>;
  /** The signed-in account itself (the session's read, not a second one), or null; same rules as `currentMember`. */
  currentAccount(request: FastifyRequest): Promise<AccountView | null>;
  /** Creates the login of an accepted extra member and signs it in on `reply`. */
  createExtraMemberLogin(options: { ownerAccountId: string; name: string; email: string; password: string; reply: FastifyReply; request: FastifyRequest }): Promise<{ accountId: string }>;
  listDevices(accountId: string): Promise<Device[]>;
  /** A device signing in from a network (the simulated TV uses it). */
  registerDevice(options: { accountId: string; type: DeviceType; name: string; networkId: string | null }): Promise<Device>;
  recordSecurityEvent(options: { accountId: string; kind: string; summary: string; at?: Date }): Promise<void>;
  /**
   * Moves an owner's profile (by name) and its viewing history to their
   * extra member's account; `transferred: false` when there is no such
   * profile or the member's account has no room for it.
   */
  transferProfile(options: { fromAccountId: string; toAccountId: string; profileName: string }): Promise<{ transferred: boolean }>;
  /** Support's actions and checks (the assistant after the member confirms; an agent after verifying the service code). */
  signOutEverywhere(accountId: string): Promise<number>;
  removeDevice(accountId: string, deviceId: string): Promise<void>;
  securityReview(accountId: string): Promise<{ signals: Signal[]; steps: string[] }>;
  /** The account a service code belongs to, or null; every check is recorded (identity's audit of service codes). */
  verifyServiceCode(code: string, address: string): Promise<string | null>;
  /** Emails the owner a confirmation of each membership change billing stored (billing's `onEvents`, wired by the registry). */
  sendMembershipNotices(notices: MembershipNotice[]): Promise<void>;
  /** Logins for the billing demo members (password `reelhouse-demo`) and Karim's takeover story, once. */
  seedDemo(): Promise<{ created: number }>;
  /** Waits for the work left after answers (reset and find-account messages, failed sign-ins' records); tests reading the outbox call it. */
  settle(): Promise<void>;
  stop(): Promise<void>;
};

function accountView(row: AccountRecord): AccountView {
  return { id: row.id, name: row.name, email: row.email, phone: row.phone, country: row.country, language: row.language, role: row.role, ownerAccountId: row.owner_account_id };
}

function settingsFrom(config: IdentityConfig): IdentitySettings {
  return {
    demoMode: config.demoMode,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port ?? 3000}`,
    agentKey: config.agentKey ?? (config.demoMode ? DEMO_AGENT_KEY : null),
    findAccountDisabledCountries: (config.findAccountDisabledCountries ?? []).map((country) => country.toUpperCase()),
    serviceName: config.serviceName ?? 'Reelhouse',
  };
}

export function createIdentityModule(deps: IdentityModuleDeps): IdentityModule {
  const ctx: IdentityContext = {
    db: withTables<IdentityTables>(deps.db), clock: deps.clock, mailer: deps.mailer, billing: deps.billing, settings: settingsFrom(deps.config),
    hooks: deps.hooks ?? {}, afterAnswer: createAfterAnswer(deps.logger),
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  const routes: RoutesPlugin[] = [identityRoutes(ctx), memberRoutes(ctx), profileRoutes(ctx), agentRoutes(ctx)];
  if (ctx.settings.demoMode && deps.database) {
    const outbox = outboxRoutes({ database: deps.database, publicUrl: ctx.settings.publicUrl });
    // The demo outbox shows messages sent after an answer too: a tester opening it right after asking sees theirs.
    routes.push(async (app, options) => {
      app.addHook('onRequest', async () => ctx.afterAnswer.settle());
      await outbox(app, options);
    });
  }

  const account = async (accountId: string) => {
    const row = await findAccount(ctx.db, accountId);
    if (!row) throw unauthenticated();
    return row;
  };

  return {
    name: 'identity',
    migrationsDir: identityMigrations.dir,
    routes,
    homeLinks: ctx.settings.demoMode && deps.database
      ? [{ title: 'Demo outbox', href: '/dev/outbox', description: 'Every email and SMS the demo sent: reset links, codes, change alerts.' }]
      : [],
    requireMember: (request) => requireMember(ctx, request),
    requireOwner: (request) => requireOwner(ctx, request),
    currentMember: async (request) => (await currentSession(ctx, request))?.member ?? null,
    issueServiceCode: (accountId) => issueServiceCode(ctx, accountId),
    async getAccount(accountId) {
      const row = await findAccount(ctx.db, accountId);
      return row ? accountView(row) : null;
    },
    async currentAccount(request) {
      const session = await currentSession(ctx, request);
      return session ? accountView(session.account) : null;
    },
    async createExtraMemberLogin(options) {
      return createExtraMemberLogin(ctx, { ...options, owner: await account(options.ownerAccountId) });
    },
    listDevices: async (accountId) => (await listDeviceRows(ctx.db, accountId, { includeRemoved: false })).map(toDevice),
    async registerDevice(options) {
      return toDevice(await registerDevice(ctx, { account: await account(options.accountId), type: options.type, name: options.name, networkId: options.networkId }));
    },
    recordSecurityEvent: (options) => recordSecurityEvent(ctx, options),
    async transferProfile(options) {
      return { transferred: (await transferProfile(ctx, options)).transferred };
    },
    sendMembershipNotices: (notices) => sendMembershipNotices(ctx, notices),
    signOutEverywhere: (accountId) => signOutEverywhere(ctx, accountId),
    removeDevice: (accountId, deviceId) => removeDevice(ctx, accountId, deviceId),
    async securityReview(accountId) {
      const row = await findAccount(ctx.db, accountId);
      if (!row) return { signals: [], steps: [] };
      // Support's view: the signals and steps; the failed sign-ins' addresses stay the member's.
      const { signals, steps } = await securityReview(ctx, row.id, row.owner_account_id);
      return { signals, steps };
    },
    async verifyServiceCode(code, address) {
      const result = await verifyServiceCode(ctx, code, address);
      return result.valid && result.account_id !== undefined ? result.account_id : null;
    },
    seedDemo: () => seedDemoLogins(ctx),
    settle: () => ctx.afterAnswer.settle(),
    stop: () => ctx.afterAnswer.settle(),
  };
}

/** The signed-in member as every module answers it (`{ member }` of sign-in, join, invitation acceptance). */
export { memberSummarySchema } from './identity-http.ts';
