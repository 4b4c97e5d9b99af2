import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { AppError } from '../../../platform/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import { openTestDatabase } from '../../../platform/testing/test-database.ts';
import { billingMigrations, createBillingModule, loadCatalog, type BillingModule } from '../index.ts';
import { VISA } from '../testing/billing-test-kit.ts';
import { giftCardRoutes } from './gift-cards.routes.ts';

/** Stands in for identity (which also checks CSRF in requireOwner): the test names the signed-in owner in a header. */
const headerAuth = {
  async requireOwner(request: FastifyRequest) {
    const accountId = request.headers['x-test-account'];
    if (typeof accountId !== 'string') throw new AppError({ code: 'UNAUTHENTICATED', message: 'Sign in first.', status: 401 });
    return { accountId, ownerAccountId: accountId, deviceId: null };
  },
};

describe('redeeming a gift card over HTTP', () => {
  let database: Database;
  let server: HttpServer;
  let billing: BillingModule;
  const clock = fixedClock('2026-01-10');
  const limits = {
    perAccount: { scope: 'test.gift.account', limit: 3, windowSeconds: 3600 },
    perAddress: { scope: 'test.gift.address', limit: 6, windowSeconds: 3600 },
  };
  const redeem = (account: string | null, code: string, ip = '203.0.113.7') => server.inject({
    method: 'POST', url: '/api/me/gift-cards/redeem', remoteAddress: ip, payload: { code }, headers: account ? { 'x-test-account': account } : {},
  });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await runMigrations(database, [platformMigrations, billingMigrations]);
    billing = createBillingModule({ db: database.db, clock, catalog: loadCatalog('config/catalog.json') });
    const routes = giftCardRoutes({ giftCards: billing.giftCards, auth: headerAuth, limiter: createRateLimiter({ db: database.db }), limits });
    server = await buildHttpServer({ config: loadConfig({}), logger: createLogger({ level: 'silent' }), database, clock, routes: [routes], homeLinks: [] });
    for (const account of ['acct_a', 'acct_b', 'acct_c']) await billing.service.join({ accountId: account, country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    await billing.service.join({ accountId: 'acct_p', country: 'US', region: 'WA', plan: 'basic', payment: { partner: 'Northwind Mobile' } });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('redeems for the signed-in owner and answers the membership with the balance, its estimate and what was added', async () => {
    const [code] = await billing.giftCards.issue({ amount: 2500, currency: 'USD', count: 1 });
    const response = await redeem('acct_a', code, '198.51.100.1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ redeemed: { amount: 2500, currency: 'USD' }, state: { gift_balance: 2500 }, gift: { balance: 2500, periods_covered: 1 } });
    const balance = await server.inject({ method: 'GET', url: '/api/me/gift-balance', headers: { 'x-test-account': 'acct_a' } });
    expect(balance.json()).toMatchObject({ balance: 2500, currency: 'USD', cards: [{ ending: code.slice(-4), amount: 2500 }] });
  });

  it('asks a visitor to sign in (401) and refuses with 4xx {error:{code,message}} that says what to do instead', async () => {
    expect((await redeem(null, 'ABCD-EFGH-JKLM-NPQR', '198.51.100.2')).statusCode).toBe(401);
    const [euro] = await billing.giftCards.issue({ amount: 1000, currency: 'EUR', count: 1 });
    const wrong = await redeem('acct_b', euro, '198.51.100.2');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'GIFT_CARD_CURRENCY', message: expect.stringMatching(/another country.*keep the card/s) } });
    const partner = await redeem('acct_p', euro.replace(/.$/, 'A'), '198.51.100.3');
    expect([404, 409]).toContain(partner.statusCode);
    const [usd] = await billing.giftCards.issue({ amount: 1000, currency: 'USD', count: 1 });
    const partnerUsd = await redeem('acct_p', usd, '198.51.100.3');
    expect(partnerUsd.json()).toMatchObject({ error: { code: 'BILLED_BY_PARTNER', message: expect.stringContaining('Northwind Mobile') } });
    expect((await redeem('acct_b', usd, '198.51.100.4')).statusCode).toBe(200);
    const used = await redeem('acct_b', usd, '198.51.100.4');
    expect(used.json()).toMatchObject({ error: { code: 'GIFT_CARD_USED', message: expect.stringMatching(/gift balance.*contact us/s) } });
    const empty = await redeem('acct_b', '   ', '198.51.100.4');
    expect(empty.statusCode).toBe(400);
  });

  it('limits guessing per account, whatever the address', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await redeem('acct_c', 'ABCD-EFGH-JKLM-NPQ' + 'RSTU'[i], `192.0.2.${10 + i}`)).statusCode);
    expect(answers).toEqual([404, 404, 404, 429]);
  });

  it('limits guessing per address, whatever the account', async () => {
    const answers = [];
    // Seven accounts, one try each, from one address: each account is within its own limit.
    for (let i = 1; i <= 7; i++) {
      const response = await redeem(`acct_guess${i}`, 'WXYZ-EFGH-JKLM-NPQR', '203.0.113.99');
      answers.push(response.statusCode);
      if (response.statusCode === 429) expect(response.headers['retry-after']).toBeDefined();
    }
    // These accounts never joined: 409 NO_MEMBERSHIP, until the address is over its limit.
    expect(answers).toEqual([409, 409, 409, 409, 409, 409, 429]);
  });
});
