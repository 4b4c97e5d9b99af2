import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openPeerDatabase } from '../../platform/testing/test-database.ts';
import { openTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { SIMULATE_RATE_LIMIT } from './billing.routes.ts';
import { PUBLIC_SCENARIO_BUDGET } from './simulate/scenario-budget.ts';

const TODAY = '2026-11-27';
const account = { country: 'US', region: 'WA' };
const signup = { date: '2026-01-31', type: 'signup', plan: 'standard' };

/**
 * Before the date range, these requests ran until the server ran out of
 * memory (64 s to die with a 512 MB heap). A synchronous loop cannot be
 * stopped by a test timeout in the same process, so they run in a child with
 * a small heap and a deadline: a regression fails in seconds.
 */
function simulateInChild(scenario: unknown): { status: number; body: { error?: { code: string; field?: string; message: string } } } {
  const fixture = fileURLToPath(new URL('./testing/simulate-route.fixture.ts', import.meta.url));
  const child = spawnSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', fixture, JSON.stringify(scenario)], { encoding: 'utf8', timeout: 20_000 });
  if (child.status !== 0) throw new Error(`the simulator process ended with ${child.status ?? child.signal}: ${child.stderr.slice(-500)}`);
  return JSON.parse(child.stdout);
}

describe('POST /api/billing/simulate: dates billing does not run to', () => {
  it('refuses an event dated 9999-12-01 with 400 naming the event, instead of running out of memory', { timeout: 25_000 }, () => {
    const answer = simulateInChild({ account, events: [{ ...signup, date: '2026-01-01' }, { date: '9999-12-01', type: 'cancel' }] });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', field: 'events[1].date', message: 'a date from 2000-01-01 to 2100-12-31' } } });
  });

  it('refuses "until": "9999-12-31" with 400 naming until', { timeout: 25_000 }, () => {
    const answer = simulateInChild({ account, events: [signup], until: '9999-12-31' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', field: 'until' } } });
  });
});

describe('POST /api/billing/simulate: size and work budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: TODAY, demo: false });
  });
  afterAll(() => t.close());

  // Every test from its own address, so that the rate limit does not get in the way.
  const post = (payload: unknown, remoteAddress: string) =>
    t.app.server.inject({ method: 'POST', url: '/api/billing/simulate', payload: payload as Record<string, unknown>, remoteAddress });

  it('refuses more events than the budget with 413 SIMULATION_TOO_LARGE naming events', { timeout: 10_000 }, async () => {
    const events = [signup, ...Array.from({ length: PUBLIC_SCENARIO_BUDGET.maxEvents }, () => ({ date: '2026-02-01', type: 'cancel' }))];
    const response = await post({ account, events }, '198.51.100.1');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'SIMULATION_TOO_LARGE', field: 'events', message: 'at most 500 events, got 501' } });
  });

  it('refuses a body over 64 KiB with 413 PAYLOAD_TOO_LARGE before reading it', { timeout: 10_000 }, async () => {
    const response = await post({ account: { ...account, region: 'x'.repeat(70_000) }, events: [signup] }, '198.51.100.2');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('refuses more than 10 years of simulated time with 422 SIMULATION_TOO_LONG naming the field', { timeout: 10_000 }, async () => {
    const tooLong = await post({ account, events: [signup], until: '2036-02-01' }, '198.51.100.3');
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({ error: { code: 'SIMULATION_TOO_LONG', field: 'until', message: expect.stringContaining('at most 10 years') } });
    const lateEvent = await post({ account, events: [signup, { date: '2040-01-01', type: 'cancel' }] }, '198.51.100.3');
    expect(lateEvent.json()).toMatchObject({ error: { code: 'SIMULATION_TOO_LONG', field: 'events[1].date' } });
    expect((await post({ account, events: [signup], until: '2036-01-31' }, '198.51.100.3')).statusCode).toBe(200);
  });

  it('answers the largest scenario within the budget: 500 events over 10 years', { timeout: 10_000 }, async () => {
    const events = [signup, ...Array.from({ length: 499 }, (_, i) => (i % 2 === 0
      ? { date: '2026-02-01', type: 'price_change', country: 'US', plan: 'standard', price: 1800 + i, announced: '2026-02-01', effective: '2026-03-01' }
      : { date: '2026-02-01', type: 'refund', charge_date: '2026-01-31', amount: 1 }))];
    const response = await post({ account, events, until: '2036-01-31' }, '198.51.100.4');
    expect(response.statusCode).toBe(200);
    expect(response.json().ledger.length).toBeGreaterThan(120);
  });
});

describeEachDatabase('POST /api/billing/simulate: rate limit per address', (open, kind) => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    const database = await open();
    one = await openTestApp({ today: TODAY, demo: false, database });
    // A second server process on the same database (on PGlite, the same database).
    two = await openTestApp({ today: TODAY, demo: false, database: await openPeerDatabase(database) });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  const simulateFrom = (app: TestApp, remoteAddress: string) =>
    app.app.server.inject({ method: 'POST', url: '/api/billing/simulate', payload: { account, events: [signup] }, remoteAddress });

  it(`answers 429 RATE_LIMITED after ${SIMULATE_RATE_LIMIT.limit} scenarios a minute from one address, and serves other addresses`, { timeout: 20_000 }, async () => {
    const codes: number[] = [];
    for (let i = 0; i < SIMULATE_RATE_LIMIT.limit + 1; i++) codes.push((await simulateFrom(one, '203.0.113.10')).statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(SIMULATE_RATE_LIMIT.limit);
    expect(codes.at(-1)).toBe(429);
    const refused = await simulateFrom(one, '203.0.113.10');
    expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many simulations from this address\. Try again in \d+ seconds\.$/) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await simulateFrom(one, '203.0.113.11')).statusCode).toBe(200);
  });

  it(`lets exactly ${SIMULATE_RATE_LIMIT.limit} through when a burst from one address hits two server processes at once (${kind})`, { timeout: 20_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => simulateFrom(i % 2 === 0 ? one : two, '203.0.113.20')));
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(SIMULATE_RATE_LIMIT.limit);
    expect(codes.filter((code) => code === 429)).toHaveLength(50 - SIMULATE_RATE_LIMIT.limit);
  });
});
