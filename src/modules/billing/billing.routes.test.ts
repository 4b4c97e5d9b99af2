import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../platform/testing/test-app.ts';

describe('billing HTTP routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27' });
  });
  afterAll(() => t.close());

  it('lists every country of the catalog with its plans', async () => {
    const response = await t.app.server.inject({ method: 'GET', url: '/api/billing/catalog' });
    expect(response.statusCode).toBe(200);
    const countries = response.json().countries as { country: string; tax_mode: string; extra_members: boolean }[];
    expect(countries.length).toBeGreaterThanOrEqual(4);
    expect(new Set(countries.map((c) => c.tax_mode))).toEqual(new Set(['exclusive', 'inclusive']));
    expect(countries.some((c) => !c.extra_members)).toBe(true);
  });

  it('simulates a scenario with the same rules as the command line', async () => {
    const response = await t.app.server.inject({
      method: 'POST',
      url: '/api/billing/simulate',
      payload: { account: { country: 'US', region: 'WA' }, events: [{ date: '2026-01-31', type: 'signup', plan: 'standard' }], until: '2026-03-31' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().ledger.map((line: { date: string }) => line.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('answers a malformed scenario with 400 naming the field', async () => {
    const response = await t.app.server.inject({
      method: 'POST',
      url: '/api/billing/simulate',
      payload: { account: { country: 'US' }, events: [{ date: '2026-01-31', type: 'pause', months: 'two' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'events[0].months' } });
  });

  it('shows every seeded demo member read-only, and nobody else', async () => {
    const list = await t.app.server.inject({ method: 'GET', url: '/api/demo/memberships' });
    const members = list.json().members as { account_id: string; membership: { state: { status: string } } | null }[];
    expect(members.every((m) => m.membership !== null)).toBe(true);
    const statuses = new Set(members.map((m) => m.membership?.state.status));
    expect(statuses).toEqual(new Set(['active', 'paused', 'on_hold', 'canceled_pending']));
    const unknown = await t.app.server.inject({ method: 'GET', url: '/api/demo/memberships/acct_somebody_else' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const page = await t.app.server.inject({ method: 'GET', url: '/demo/memberships/acct_demo_grace' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('On hold');
  });

  it('seeds the demo once: a second seeding changes nothing', async () => {
    const before = (await t.app.server.inject({ method: 'GET', url: '/api/demo/memberships' })).body;
    for (const module of t.app.modules) await module.seedDemo?.();
    expect((await t.app.server.inject({ method: 'GET', url: '/api/demo/memberships' })).body).toBe(before);
  });

  it('has no demo routes outside demo mode', async () => {
    const plain = await openTestApp({ today: '2026-11-27', demo: false });
    try {
      expect((await plain.app.server.inject({ method: 'GET', url: '/api/demo/memberships' })).statusCode).toBe(404);
      expect((await plain.app.server.inject({ method: 'GET', url: '/plans' })).statusCode).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
