import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { SIGN_IN_ACCOUNT_POLICY } from './agent-auth.service.ts';
import { openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

const SAM = 'sam@agents.reelhouse.example';

describeEachDatabase('agent desk: sign-in limits per account', (open) => {
  const apps: DeskTestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const fresh = async () => {
    const app = await openDeskTestApp(await open());
    apps.push(app);
    return app;
  };

  /** A sign-in from its own address, as a botnet sends them: a fresh browser (CSRF cookie) each time. */
  const signInFrom = async (app: DeskTestApp, address: string, body: { email: string; password: string }) => {
    const session = await app.server.inject({ method: 'GET', url: '/api/desk/session', remoteAddress: address });
    const csrf = session.cookies.find((cookie) => cookie.name === 'usher_csrf')?.value ?? '';
    return app.server.inject({
      method: 'POST', url: '/api/desk/sign-in', remoteAddress: address,
      headers: { cookie: `usher_csrf=${csrf}`, 'x-csrf-token': csrf }, payload: body,
    });
  };

  it('checks no more than the account limit when fifty wrong passwords come at once from fifty addresses', async () => {
    const app = await fresh();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) =>
      signInFrom(app, `203.0.113.${index + 1}`, { email: SAM, password: `guess-number-${index}` })));
    const codes = answers.map((answer) => answer.statusCode);
    const checked = codes.filter((code) => code === 401).length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_ACCOUNT_POLICY.maxFailures);
    expect(codes.filter((code) => code === 429).length).toBe(50 - checked);

    // The real password waits too, from an address that never failed, and the answer says what to do.
    const real = await signInFrom(app, '192.0.2.77', { email: SAM, password: DEMO_PASSWORD });
    expect(real.statusCode).toBe(429);
    expect(real.json().error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/Try again in \d+ minutes?.*supervisor/) });
    expect(real.headers['retry-after']).toMatch(/^\d+$/);

    app.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signInFrom(app, '192.0.2.77', { email: SAM, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('limits an unknown email exactly like an agent\'s, so a 429 tells nothing', async () => {
    const app = await fresh();
    const email = 'nobody@agents.reelhouse.example';
    for (let index = 0; index < SIGN_IN_ACCOUNT_POLICY.maxFailures; index += 1) {
      expect((await signInFrom(app, `203.0.113.${index + 1}`, { email, password: 'summer-2026' })).statusCode).toBe(401);
    }
    const limited = await signInFrom(app, '203.0.113.99', { email, password: 'summer-2026' });
    expect(limited.statusCode).toBe(429);
    const agentLimited = await fresh();
    for (let index = 0; index < SIGN_IN_ACCOUNT_POLICY.maxFailures; index += 1) await signInFrom(agentLimited, `203.0.113.${index + 1}`, { email: SAM, password: 'summer-2026' });
    expect((await signInFrom(agentLimited, '203.0.113.99', { email: SAM, password: 'summer-2026' })).json()).toEqual(limited.json());
  });

  it('writes wrong passwords and refusals to the audit log, without the password, and a supervisor can unlock', async () => {
    const app = await fresh();
    for (let index = 0; index < SIGN_IN_ACCOUNT_POLICY.maxFailures + 2; index += 1) {
      await signInFrom(app, `203.0.113.${index + 1}`, { email: SAM, password: `secret-guess-${index}` });
    }
    const morgan = await app.agent('morgan');
    const entries = (await morgan.get('/api/desk/audit?limit=500')).json().entries as { action: string; agent: unknown; details: Record<string, unknown> }[];
    const failed = entries.filter((entry) => entry.action === 'sign_in_failed');
    const refused = entries.filter((entry) => entry.action === 'sign_in_refused');
    expect(failed).toHaveLength(SIGN_IN_ACCOUNT_POLICY.maxFailures);
    expect(refused).toHaveLength(2);
    const sam = (await morgan.get('/api/desk/queues')).json().agents.find((agent: { email: string }) => agent.email === SAM) as { id: string };
    expect(refused[0]?.details).toMatchObject({ agent_id: sam.id, address: `203.0.113.${SIGN_IN_ACCOUNT_POLICY.maxFailures + 2}`, limit: 'account', retry_after_seconds: expect.any(Number) });
    expect(JSON.stringify(entries)).not.toContain('secret-guess');

    // Sam phones a supervisor, who unlocks the sign-in: the real password works at once.
    expect((await signInFrom(app, '192.0.2.77', { email: SAM, password: DEMO_PASSWORD })).statusCode).toBe(429);
    const unlocked = await morgan.post(`/api/desk/agents/${sam.id}/unlock-sign-in`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toEqual({ agent_id: sam.id, cleared: expect.any(Number) });
    expect((await signInFrom(app, '192.0.2.77', { email: SAM, password: DEMO_PASSWORD })).statusCode).toBe(200);
    const after = (await morgan.get('/api/desk/audit?limit=5')).json().entries as { action: string; details: Record<string, unknown> }[];
    expect(after.some((entry) => entry.action === 'sign_in_unlocked' && entry.details.agent_id === sam.id)).toBe(true);

    // Only a supervisor unlocks.
    const priya = await app.agent('priya');
    expect((await priya.post(`/api/desk/agents/${sam.id}/unlock-sign-in`)).json().error.code).toBe('SUPERVISOR_ONLY');
  });
});
