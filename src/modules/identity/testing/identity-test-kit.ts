import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../../config.ts';
import { fixedClock, type SettableClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import { createMailer, type Mailer } from '../../../platform/mail/outbox.ts';
import { billingMigrations, createBillingModule, loadCatalog, type BillingModule } from '../../billing/index.ts';
import { createIdentityModule, identityMigrations, type BillingForIdentity, type IdentityConfig, type IdentityHooks, type IdentityModule } from '../index.ts';

export type IdentityKit = {
  database: Database;
  clock: SettableClock;
  billing: BillingModule;
  identity: IdentityModule;
  server: HttpServer;
  /** Every log line written so far (JSON), to check that no secret reaches the logs. */
  logs(): string;
  /** A new browser with its own cookie jar. */
  browser(options?: { ip?: string; userAgent?: string }): Browser;
  /** The newest outbox message to `to`. */
  lastMessage(to: string): Promise<{ channel: string; subject: string | null; body: string; links: string[] }>;
  close(): Promise<void>;
};

export type Browser = {
  cookies: Map<string, string>;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** GET /api/session, which sets the CSRF cookie; later requests echo it. */
  start(): Promise<LightMyRequestResponse>;
};

export const CARD = { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2030, cvc: '123' };
export const DECLINED_CARD = { number: '4000000000000002', exp_month: 12, exp_year: 2030, cvc: '123' };

/** Billing and identity on a migrated database, with the platform HTTP server around their routes. */
/** `wrapMailer`: wraps the outbox mailer (to hold or fail a message in a test). */
export async function openIdentityKit(open: () => Promise<Database>, options: { today?: string; billing?: BillingForIdentity; config?: Partial<IdentityConfig>; hooks?: IdentityHooks; wrapMailer?: (mailer: Mailer) => Mailer } = {}): Promise<IdentityKit> {
  const database = await open();
  await runMigrations(database, [platformMigrations, billingMigrations, identityMigrations]);
  const clock = fixedClock(options.today ?? '2026-03-10T12:00:00Z');
  let written = '';
  const logger = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _encoding, done) { written += String(chunk); done(); } }) });
  const billing = createBillingModule({ db: database.db, clock, catalog: loadCatalog('config/catalog.json') });
  const outboxMailer = createMailer({ database, logger });
  const mailer = options.wrapMailer ? options.wrapMailer(outboxMailer) : outboxMailer;
  const identity = createIdentityModule({
    db: database.db, clock, logger, mailer, database,
    billing: options.billing ?? billing.service,
    config: { demoMode: true, port: 3000, ...options.config },
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  const config = loadConfig({ USHER_DEMO: 'true', USHER_SCHEDULER: 'false' });
  const server = await buildHttpServer({ config, logger, database, clock, routes: [identity.routes ?? []].flat(), homeLinks: [] });

  const browser = (browserOptions: { ip?: string; userAgent?: string } = {}): Browser => {
    const cookies = new Map<string, string>();
    const request: Browser['request'] = async (method, url, payload, headers = {}) => {
      const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const csrf = cookies.get('usher_csrf');
      const response = await server.inject({
        method, url, remoteAddress: browserOptions.ip ?? '127.0.0.1',
        headers: {
          ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}),
          'user-agent': browserOptions.userAgent ?? 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605 (KHTML, like Gecko) Chrome/125.0 Safari/605',
          ...headers,
        },
        ...(payload === undefined ? {} : { payload }),
      });
      for (const set of response.cookies) {
        if (set.value === '' || set.maxAge === 0) cookies.delete(set.name);
        else cookies.set(set.name, set.value);
      }
      return response;
    };
    return { cookies, request, start: () => request('GET', '/api/session') };
  };

  return {
    database, clock, billing, identity, server, browser,
    logs: () => written,
    async lastMessage(to) {
      const response = await server.inject({ method: 'GET', url: `/api/dev/outbox?to=${encodeURIComponent(to)}` });
      const [message] = response.json().messages;
      if (!message) throw new Error(`no message to ${to}`);
      return message;
    },
    close: async () => {
      await identity.settle();
      await server.close();
      await database.close();
    },
  };
}

/** Joins through the API on a fresh browser, signed in afterwards. */
export async function joinMember(kit: IdentityKit, fields: { email: string; phone?: string; name?: string; country?: string; plan?: string; password?: string }, browserOptions?: { ip?: string }) {
  const browser = kit.browser(browserOptions);
  await browser.start();
  const response = await browser.request('POST', '/api/join', {
    name: fields.name ?? 'Nora Quinn', email: fields.email, ...(fields.phone ? { phone: fields.phone } : {}), password: fields.password ?? 'correct horse battery',
    country: fields.country ?? 'US', region: 'WA', plan: fields.plan ?? 'standard', card: CARD,
  });
  if (response.statusCode !== 201) throw new Error(`join failed: ${response.body}`);
  return { browser, member: response.json().member as { account_id: string } };
}
