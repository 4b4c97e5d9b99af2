import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../../../config.ts';
import { fixedClock, type SettableClock } from '../../../../platform/clock.ts';
import type { Database } from '../../../../platform/db/database.ts';
import { AppError } from '../../../../platform/errors.ts';
import { platformMigrations, runMigrations } from '../../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../../platform/http/server.ts';
import { createLogger } from '../../../../platform/logger.ts';
import { createHttpClient, type HttpClient } from '../../../../platform/testing/http-client.ts';
import { plainHelpPage } from '../../../helpcenter/flows/index.ts';
import { DEMO_PASSWORD } from '../../../identity/index.ts';
import { supportMigrations } from '../../index.ts';
import { createDesk } from '../../desk/index.ts';
import { charge, fakeAccount, fakeChat, membership, snapshotOf } from '../../desk/testing/desk-fakes.ts';
import { createEscalations, type Escalations } from '../index.ts';

/**
 * Ava (acct_ava, US) pays us directly; Emi (acct_emi, GB) is billed by
 * Northwind Mobile; Carla (acct_carla) is another member who must never see
 * their escalations. GB has dispute routes in this catalog, US none.
 */
export function escalationAccounts() {
  const ava = snapshotOf('acct_ava', membership('mem_ava', 'acct_ava', [charge('led_mar', '2026-03-05', 1549)]));
  const emi = snapshotOf('acct_emi', membership('mem_emi', 'acct_emi', [], { country: 'GB', currency: 'GBP', billed_by: { kind: 'partner', partner: 'Northwind Mobile' } }), {
    account: { id: 'acct_emi', name: 'Emi Tanaka', email: 'emi@demo.reelhouse.example', country: 'GB', language: 'en', role: 'owner', ownerAccountId: 'acct_emi' },
  });
  const carla = snapshotOf('acct_carla', membership('mem_carla', 'acct_carla', [charge('led_c', '2026-03-01', 999)]), {
    account: { id: 'acct_carla', name: 'Carla Diaz', email: 'carla@demo.reelhouse.example', country: 'US', language: 'en', role: 'owner', ownerAccountId: 'acct_carla' },
  });
  return new Map([['acct_ava', ava], ['acct_emi', emi], ['acct_carla', carla]]);
}

export const GB_ROUTES = {
  bank: 'Ask your bank or card provider for a chargeback.',
  bodies: [{ name: 'Test Ombudsman', description: 'Looks at complaints about banks.' }],
};

export type MemberClient = {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** A form post, as the contact page sends it. */
  postForm(url: string, form: Record<string, string>): Promise<LightMyRequestResponse>;
};

export type EscalationTestApp = {
  server: HttpServer;
  clock: SettableClock;
  chat: ReturnType<typeof fakeChat>;
  escalations: Escalations;
  /** A member's requests (the test identity reads `x-test-member`; null: a visitor). */
  member(accountId: string | null): MemberClient;
  agent(name: 'sam' | 'priya' | 'morgan'): Promise<HttpClient>;
  close(): Promise<void>;
};

export async function openEscalationTestApp(database: Database): Promise<EscalationTestApp> {
  await runMigrations(database, [platformMigrations, supportMigrations]);
  // A Tuesday at noon UTC.
  const clock = fixedClock('2026-03-10T12:00:00Z');
  const chat = fakeChat();
  const account = fakeAccount(escalationAccounts(), new Map());
  const memberOf = (request: { headers: Record<string, unknown> }): string | null => {
    const id = request.headers['x-test-member'];
    return typeof id === 'string' ? id : null;
  };
  const requireMember = async (request: { headers: Record<string, unknown> }) => {
    const accountId = memberOf(request);
    if (accountId === null) throw new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.', status: 401 });
    return { accountId };
  };
  const desk = createDesk({ db: database.db, clock, chat: chat.port, account: account.port, sweepIntervalMs: 0, memberAuth: { requireMember } });
  await desk.seedDemo();
  const escalations = createEscalations({
    db: database.db, clock, account: account.port, chat: chat.port, requireMember,
    currentMember: async (request) => {
      const accountId = memberOf(request);
      return accountId === null ? null : { accountId };
    },
    requireAgent: (request) => desk.requireAgent(request),
    disputeRoutes: (country) => (country === 'GB' ? GB_ROUTES : null),
    renderPage: plainHelpPage,
  });
  const server = await buildHttpServer({
    config: loadConfig({ USHER_DEMO: 'true' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [desk.routes, escalations.routes], homeLinks: [],
  });
  return {
    server, clock, chat, escalations,
    member(accountId) {
      const who: Record<string, string> = accountId === null ? {} : { 'x-test-member': accountId };
      return {
        get: (url) => server.inject({ method: 'GET', url, headers: who }),
        post: (url, payload) => server.inject({ method: 'POST', url, headers: who, payload }),
        postForm: (url, form) => server.inject({
          method: 'POST', url, payload: new URLSearchParams(form).toString(),
          headers: { ...who, 'content-type': 'application/x-www-form-urlencoded' },
        }),
      };
    },
    async agent(name) {
      const client = createHttpClient(server);
      await client.get('/api/desk/session');
      const response = await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${name} failed: ${response.body}`);
      return client;
    },
    close: () => server.close(),
  };
}
