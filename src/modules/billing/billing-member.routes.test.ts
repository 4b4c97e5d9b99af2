import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../platform/db/migrations.ts';
import { AppError } from '../../platform/errors.ts';
import { buildHttpServer, type HttpServer } from '../../platform/http/server.ts';
import { createLogger } from '../../platform/logger.ts';
import { openTestDatabase } from '../../platform/testing/test-database.ts';
import { billingMigrations, createBillingModule, loadCatalog, type BillingModule } from './index.ts';
import { VISA } from './testing/billing-test-kit.ts';

/** Stands in for identity: the test names the signed-in owner in a header. */
const headerAuth = {
  async requireOwner(request: FastifyRequest) {
    const accountId = request.headers['x-test-account'];
    if (typeof accountId !== 'string') throw new AppError({ code: 'UNAUTHENTICATED', message: 'Sign in first.', status: 401 });
    const deviceId = request.headers['x-test-device'];
    return { accountId, ownerAccountId: accountId, deviceId: typeof deviceId === 'string' ? deviceId : null };
  },
};

describe('member membership routes', () => {
  let database: Database;
  let server: HttpServer;
  let billing: BillingModule;
  const clock = fixedClock('2026-01-31');
  const as = (account: string) => ({ 'x-test-account': account });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await runMigrations(database, [platformMigrations, billingMigrations]);
    billing = createBillingModule({ db: database.db, clock, catalog: loadCatalog('config/catalog.json'), memberAuth: headerAuth });
    server = await buildHttpServer({ config: loadConfig({}), logger: createLogger({ level: 'silent' }), database, clock, routes: [billing.routes ?? []].flat(), homeLinks: [] });
    await billing.service.join({ accountId: 'acct_a', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    await billing.service.join({ accountId: 'acct_b', country: 'GB', region: 'ENG', plan: 'basic', payment: { card: VISA } });
    await billing.service.join({ accountId: 'acct_p', country: 'JP', region: null, plan: 'basic', payment: { partner: 'Northwind Mobile' } });
    clock.set('2026-02-10');
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('shows the owner their own membership with the plan name and the country’s plans', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/me/membership', headers: as('acct_a') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ account_id: 'acct_a', plan_name: 'Standard', state: { plan: 'standard' } });
    expect(response.json().plans.map((p: { id: string }) => p.id)).toEqual(['basic', 'standard', 'premium']);
  });

  it('refuses a visitor with 401', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/me/membership' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('states the consequence of an upgrade, with the prorated charge, before anything happens', async () => {
    const response = await server.inject({ method: 'POST', url: '/api/me/membership/preview', headers: as('acct_a'), payload: { action: { type: 'change_plan', plan: 'premium' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ charge: { amount: 496, tax: 46, currency: 'USD', date: '2026-02-10' } });
    expect(response.json().consequence).toContain('$4.96');
    const view = await server.inject({ method: 'GET', url: '/api/me/membership', headers: as('acct_a') });
    expect(view.json().state.plan).toBe('standard');
  });

  it('states the final service date of a cancellation', async () => {
    const response = await server.inject({ method: 'POST', url: '/api/me/membership/preview', headers: as('acct_b'), payload: { action: { type: 'cancel' } } });
    expect(response.json().consequence).toContain('February 28, 2026');
  });

  it('acts once per idempotency key, and another member’s same key is theirs alone', async () => {
    const headers = { ...as('acct_a'), 'idempotency-key': 'same-key-123' };
    const first = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers, payload: { action: { type: 'change_plan', plan: 'premium' } } });
    const again = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers, payload: { action: { type: 'change_plan', plan: 'premium' } } });
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json().ledger.filter((l: { reason: string }) => l.reason === 'plan_upgrade')).toHaveLength(1);
    const other = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: { ...as('acct_b'), 'idempotency-key': 'same-key-123' }, payload: { action: { type: 'cancel' } } });
    expect(other.json()).toMatchObject({ account_id: 'acct_b', state: { status: 'canceled_pending' } });
  });

  it('answers refusals with the contract code, and bad input with 400 naming the field', async () => {
    const pause = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: as('acct_a'), payload: { action: { type: 'pause', months: 4 } } });
    expect(pause.statusCode).toBe(422);
    expect(pause.json()).toMatchObject({ error: { code: 'PAUSE_LIMIT' } });
    const partner = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: as('acct_p'), payload: { action: { type: 'cancel' } } });
    expect(partner.json()).toMatchObject({ error: { code: 'BILLED_BY_PARTNER', message: expect.stringContaining('Northwind Mobile') } });
    const bad = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: as('acct_a'), payload: { action: { type: 'explode' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('replaces the card and shows only its last four digits', async () => {
    const response = await server.inject({ method: 'POST', url: '/api/me/payment-method', headers: as('acct_b'), payload: { card: { number: '5555 5555 5555 4444', exp_month: 4, exp_year: 2031 } } });
    expect(response.statusCode).toBe(200);
    expect(response.json().payment_method).toEqual({ brand: 'mastercard', last4: '4444', exp_month: 4, exp_year: 2031 });
    expect(response.body).not.toContain('5555555555554444');
    const declined = await server.inject({ method: 'POST', url: '/api/me/payment-method', headers: as('acct_b'), payload: { card: { number: '4000000000000002', exp_month: 4, exp_year: 2031 } } });
    expect(declined.statusCode).toBe(402);
  });

  it('keeps the signed-in device on the events of an action, for "who restarted my membership?"', async () => {
    await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: as('acct_a'), payload: { action: { type: 'cancel' } } });
    const response = await server.inject({ method: 'POST', url: '/api/me/membership/actions', headers: { ...as('acct_a'), 'x-test-device': 'dev_tv_1' }, payload: { action: { type: 'restart' } } });
    expect(response.statusCode).toBe(200);
    const withdrawn = response.json().events.find((event: { type: string }) => event.type === 'cancellation_withdrawn');
    expect(withdrawn.details).toEqual({ actor: { device_id: 'dev_tv_1', account_id: 'acct_a', via: 'member_app' } });
  });
});
