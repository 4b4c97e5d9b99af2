import { loadConfig } from '../../../../config.ts';
import { fixedClock, type SettableClock } from '../../../../platform/clock.ts';
import type { Database } from '../../../../platform/db/database.ts';
import { AppError } from '../../../../platform/errors.ts';
import { platformMigrations, runMigrations } from '../../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../../platform/http/server.ts';
import { createLogger } from '../../../../platform/logger.ts';
import { createHttpClient, type HttpClient } from '../../../../platform/testing/http-client.ts';
import { DEMO_PASSWORD } from '../../../identity/index.ts';
import { supportMigrations } from '../../index.ts';
import type { AccountSnapshot } from '../../support.ports.ts';
import { createDesk, type Desk } from '../index.ts';
import { caseFileFor, charge, fakeAccount, fakeChat, membership, snapshotOf } from './desk-fakes.ts';

export const ADMIN_KEY = 'desk-test-admin-key';
export const CODES = { ava: '111111', ben: '222222' } as const;

/**
 * Ava (acct_ava) pays 15.49 on the 5th and upgraded on the 8th (3.00); a
 * second membership (Ben's login, acct_ben) pays with the same card; Jonas
 * is her extra member. Another member, Carla, has nothing to do with her.
 */
export function demoAccounts(): Map<string, AccountSnapshot> {
  const ledger = [charge('led_jan', '2026-01-05', 1549), charge('led_feb', '2026-02-05', 1549), charge('led_mar', '2026-03-05', 1549), charge('led_up', '2026-03-08', 300, 'plan_upgrade', { start: '2026-03-08', end: '2026-04-05' })];
  const duplicate = membership('mem_ben', 'acct_ben', [charge('led_ben', '2026-03-05', 1549)]);
  const ava = snapshotOf('acct_ava', membership('mem_ava', 'acct_ava', ledger), {
    sameCard: [{ membershipId: 'mem_ben', accountId: 'acct_ben', email: 'ben@demo.reelhouse.example', maskedEmail: 'be…@demo.reelhouse.example', createdAt: '2026-03-05T09:00:00.000Z', membership: duplicate }],
    extraMembers: [{ accountId: 'acct_jonas', name: 'Jonas Brandt', email: 'jonas@demo.reelhouse.example', accessUntil: null }],
  });
  const carla = snapshotOf('acct_carla', membership('mem_carla', 'acct_carla', [charge('led_c', '2026-03-01', 999)]));
  return new Map([['acct_ava', ava], ['acct_carla', carla]]);
}

export type DeskTestApp = {
  desk: Desk;
  server: HttpServer;
  clock: SettableClock;
  chat: ReturnType<typeof fakeChat>;
  account: ReturnType<typeof fakeAccount>;
  /** A browser for an agent, signed in (email's local part: sam, priya, morgan). */
  agent(name: 'sam' | 'priya' | 'morgan'): Promise<HttpClient>;
  browser(): Promise<HttpClient>;
  /** A conversation handed off by the assistant (Ava's unless told otherwise). */
  handOff(options?: { queue?: 'billing' | 'security' | 'technical' | 'general'; accountId?: string | null }): Promise<{ caseId: string; conversationId: string; position: number }>;
  close(): Promise<void>;
};

let conversations = 0;

/**
 * `accounts` and `codes` (service code → account) are added to the demo ones.
 * `account`: another app's fake billing, for two desks (two processes) that
 * share one billing.
 */
export async function openDeskTestApp(database: Database, options: { migrate?: boolean; accounts?: Map<string, AccountSnapshot>; codes?: Record<string, string>; account?: ReturnType<typeof fakeAccount> } = {}): Promise<DeskTestApp> {
  if (options.migrate !== false) await runMigrations(database, [platformMigrations, supportMigrations]);
  const clock = fixedClock('2026-03-10T12:00:00Z');
  const chat = fakeChat();
  const accounts = new Map([...demoAccounts(), ...(options.accounts ?? [])]);
  const account = options.account ?? fakeAccount(accounts, new Map([[CODES.ava, 'acct_ava'], [CODES.ben, 'acct_ben'], ...Object.entries(options.codes ?? {})]));
  const desk = createDesk({
    db: database.db, clock, chat: chat.port, account: account.port, sweepIntervalMs: 0, adminKey: ADMIN_KEY,
    // A signed-in member is simulated by a header; the registry wires identity's session.
    memberAuth: {
      requireMember: async (request) => {
        const id = request.headers['x-test-member'];
        if (typeof id !== 'string') throw new AppError({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.', status: 401 });
        return { accountId: id };
      },
    },
  });
  await desk.seedDemo();
  const server = await buildHttpServer({
    config: loadConfig({ USHER_DEMO: 'true' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [desk.routes], homeLinks: [],
  });
  const browser = async () => {
    const client = createHttpClient(server);
    await client.get('/api/desk/session');
    return client;
  };
  return {
    desk, server, clock, chat, account, browser,
    async agent(name) {
      const client = await browser();
      const response = await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${name} failed: ${response.body}`);
      return client;
    },
    async handOff(handOffOptions = {}) {
      conversations += 1;
      const conversationId = `conv_test_${process.pid}_${conversations}`;
      const accountId = handOffOptions.accountId === undefined ? 'acct_ava' : handOffOptions.accountId;
      chat.open(conversationId, accountId);
      const snapshot = accountId === null ? null : (accounts.get(accountId) ?? null);
      const result = await desk.handOff({ conversationId, accountId, queue: handOffOptions.queue ?? 'billing', caseFile: caseFileFor(snapshot) });
      return { caseId: result.caseId, conversationId, position: result.position };
    },
    close: () => server.close(),
  };
}
