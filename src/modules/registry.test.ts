import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { describeEachDatabase } from '../platform/testing/test-database.ts';
import { DEMO_HOUSEHOLD } from './household/index.ts';
import { DEMO_PASSWORD } from './identity/index.ts';
import { DEMO_EXTRA_MEMBER, DEMO_HOME_TV } from './identity/seed/seed-demo.ts';

type HouseholdAnswer = { primary_network: { id: string } | null; devices: { id: string; name: string; type: string; in_household: boolean }[] };

/** The modules as the registry wires them, on the seeded Reelhouse demo. */
describeEachDatabase('registry wiring on the demo (identity ↔ household)', (open) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-05-12T09:00:00Z', database: await open() });
  });
  afterAll(() => t.close());

  async function signIn(login: string, extra: object = {}): Promise<HttpClient> {
    const client = createHttpClient(t.app.server);
    await client.open();
    const response = await client.post('/api/sign-in', { login, password: DEMO_PASSWORD, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return client;
  }

  it('seeds the same extra member and home network in identity and household', () => {
    expect(DEMO_EXTRA_MEMBER).toMatchObject({ accountId: DEMO_HOUSEHOLD.extraMember.accountId, email: DEMO_HOUSEHOLD.extraMember.email, ownerAccountId: DEMO_HOUSEHOLD.ownerAccountId });
    expect(DEMO_HOME_TV).toMatchObject({ accountId: DEMO_HOUSEHOLD.ownerAccountId, networkId: DEMO_HOUSEHOLD.network.id });
  });

  it('lets Jonas, Chloé\'s demo extra member, sign in, and shows Chloé\'s TV in her household', async () => {
    const jonas = await signIn('jonas@demo.reelhouse.example');
    expect((await jonas.get('/api/session')).json().member).toMatchObject({ account_id: 'acct_demo_jonas', role: 'extra_member', owner_account_id: 'acct_demo_chloe' });
    const chloe = await signIn('chloe@demo.reelhouse.example');
    const household = (await chloe.get('/api/me/household')).json() as HouseholdAnswer;
    expect(household.primary_network?.id).toBe('net_home');
    expect(household.devices).toContainEqual(expect.objectContaining({ id: DEMO_HOME_TV.id, type: 'tv', in_household: true }));
    const members = (await chloe.get('/api/me/extra-members')).json().members as { account_id: string; name: string }[];
    expect(members).toContainEqual(expect.objectContaining({ account_id: 'acct_demo_jonas', name: 'Jonas Brandt' }));
  });

  it('recognises a phone in the household once it signed in on the home network', async () => {
    const away = await signIn('chloe@demo.reelhouse.example', { device: { type: 'phone', name: 'Chloé\'s phone' }, network_id: 'net_cafe' });
    const before = (await away.get('/api/me/household')).json() as HouseholdAnswer;
    expect(before.devices.find((device) => device.name === 'Chloé\'s phone')?.in_household).toBe(false);
    await signIn('chloe@demo.reelhouse.example', { device: { type: 'phone', name: 'Chloé\'s phone' }, network_id: 'net_home' });
    // Back on another network later, the phone stays recognised.
    const later = await signIn('chloe@demo.reelhouse.example', { device: { type: 'phone', name: 'Chloé\'s phone' }, network_id: 'net_cafe' });
    const after = (await later.get('/api/me/household')).json() as HouseholdAnswer;
    expect(after.devices.find((device) => device.name === 'Chloé\'s phone')?.in_household).toBe(true);
  });

  it('confirms every membership change by email to the owner: join, cancel with the final service date, restart', async () => {
    const member = createHttpClient(t.app.server);
    await member.open();
    const joined = await member.post('/api/join', {
      name: 'Lena Ortiz', email: 'lena@example.com', password: 'correct horse battery', country: 'US', region: 'WA', plan: 'standard',
      card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2031, cvc: '123' },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const act = (action: object, key: string) => member.request('POST', '/api/me/membership/actions', { action }, { 'idempotency-key': key });
    expect((await act({ type: 'cancel' }, 'cancel-0001')).statusCode).toBe(200);
    expect((await act({ type: 'restart' }, 'restart-0001')).statusCode).toBe(200);
    const messages = (await member.get('/api/dev/outbox?to=lena@example.com')).json().messages as { subject: string; body: string }[];
    const subjects = messages.map((message) => message.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Welcome to Reelhouse', 'Your membership is cancelled', 'Your membership continues']));
    const cancelled = messages.find((message) => message.subject === 'Your membership is cancelled');
    expect(cancelled?.body).toContain('12 June 2026, your final service date');
    expect(cancelled?.body).toMatch(/^Hi Lena Ortiz,/);
  });

  it('cuts Jonas off when the slot he uses ends after Chloé removes him', async () => {
    const jonas = await signIn('jonas@demo.reelhouse.example');
    const chloe = await signIn('chloe@demo.reelhouse.example');
    expect((await chloe.request('DELETE', '/api/me/extra-members/acct_demo_jonas')).statusCode).toBe(204);
    const listed = (await chloe.get('/api/me/extra-members')).json().members as { account_id: string; access_until: string | null }[];
    const accessUntil = listed.find((member) => member.account_id === 'acct_demo_jonas')?.access_until;
    expect(accessUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Until the period ends he keeps watching.
    expect((await jonas.get('/api/me/devices')).statusCode).toBe(200);
    t.clock.set(`${accessUntil}T06:00:00Z`);
    expect((await jonas.get('/api/me/devices')).statusCode).toBe(401);
    const again = createHttpClient(t.app.server);
    await again.open();
    const refused = await again.post('/api/sign-in', { login: 'jonas@demo.reelhouse.example', password: DEMO_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCESS_ENDED');
  });
});

describeEachDatabase('registry wiring of configuration into identity', (open) => {
  const INES = { owner_name: 'Inês Costa', card_last4: '4242', card_exp_month: 9, card_exp_year: 2029, country: 'BR' };

  async function findAccountEmails(env: Record<string, string>): Promise<number> {
    const t = await openTestApp({ today: '2026-05-12T09:00:00Z', database: await open(), env });
    try {
      const visitor = createHttpClient(t.app.server);
      await visitor.open();
      expect((await visitor.post('/api/login-help/find-account', INES)).statusCode).toBe(202);
      const outbox = (await visitor.get('/api/dev/outbox?to=ines@demo.reelhouse.example')).json().messages as { subject: string }[];
      return outbox.filter((message) => message.subject.endsWith('login')).length;
    } finally {
      await t.close();
    }
  }

  it('turns "find my account" off for the countries in USHER_FIND_ACCOUNT_DISABLED', async () => {
    expect(await findAccountEmails({})).toBe(1);
    expect(await findAccountEmails({ USHER_FIND_ACCOUNT_DISABLED: 'JP,BR' })).toBe(0);
  });

  it('checks service codes with USHER_AGENT_KEY and links emails to USHER_PUBLIC_URL', async () => {
    const t = await openTestApp({ today: '2026-05-12T09:00:00Z', database: await open(), env: { USHER_AGENT_KEY: 'desk-key-0123456789', USHER_PUBLIC_URL: 'https://watch.example.com' } });
    try {
      const ava = createHttpClient(t.app.server);
      await ava.open();
      expect((await ava.post('/api/sign-in', { login: 'ava@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
      const { code } = (await ava.get('/api/me/service-code')).json() as { code: string };
      const verify = (key: string) => t.app.server.inject({ method: 'POST', url: '/api/agent/service-codes/verify', headers: { 'x-agent-key': key }, payload: { code } });
      expect((await verify('demo-agent-key')).statusCode).toBe(401);
      expect((await verify('desk-key-0123456789')).json()).toEqual({ valid: true, account_id: 'acct_demo_ava' });
      await ava.post('/api/login-help/reset', { login: 'ben@demo.reelhouse.example', channel: 'email' });
      const [mail] = (await ava.get('/api/dev/outbox?to=ben@demo.reelhouse.example')).json().messages as { body: string }[];
      expect(mail?.body).toContain('https://watch.example.com/reset?token=');
    } finally {
      await t.close();
    }
  });
});
