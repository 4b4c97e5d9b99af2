import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { CARD, DECLINED_CARD, joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

describeEachDatabase('identity: joining and signing in', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  it('joins with a card: the account, the membership in billing, and a signed-in session', async () => {
    const { browser, member } = await joinMember(kit, { email: 'Nora@Example.com', phone: '+1 555 0100 777' });
    expect(member).toMatchObject({ email: 'nora@example.com', phone: '+15550100777', role: 'owner', country: 'US', language: 'en' });
    expect(browser.cookies.get('usher_session')).toBeDefined();
    const session = await browser.request('GET', '/api/session');
    expect(session.json().member.account_id).toBe(member.account_id);
    const membership = await kit.billing.service.findByAccount(member.account_id);
    expect(membership?.state.status).toBe('active');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, without Secure on http://localhost', async () => {
    const browser = kit.browser();
    await browser.start();
    const response = await browser.request('POST', '/api/join', { name: 'Ola Berg', email: 'ola@example.com', password: 'long enough pw', country: 'US', region: 'WA', plan: 'basic', card: CARD });
    const header = [response.headers['set-cookie']].flat().find((line) => String(line).startsWith('usher_session='));
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
    const secure = await kit.server.inject({ method: 'GET', url: '/api/session', headers: { host: 'help.example.com', 'x-forwarded-proto': 'https' } });
    expect(String(secure.headers['set-cookie'])).toMatch(/usher_csrf=.*Secure/);
  });

  it('refuses a taken email with 409 EMAIL_TAKEN and a short password on the password field', async () => {
    await joinMember(kit, { email: 'taken@example.com' });
    const browser = kit.browser();
    await browser.start();
    const body = { name: 'X', email: 'TAKEN@example.com', password: 'long enough pw', country: 'US', plan: 'basic', card: CARD };
    const taken = await browser.request('POST', '/api/join', body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
    const weak = await browser.request('POST', '/api/join', { ...body, email: 'weak@example.com', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  it('leaves no account when billing refuses the join, and passes billing\'s refusal through', async () => {
    const browser = kit.browser();
    await browser.start();
    const body = { name: 'Dee Cline', email: 'dee@example.com', password: 'long enough pw', country: 'US', region: 'WA', plan: 'standard', card: DECLINED_CARD };
    const refused = await browser.request('POST', '/api/join', body);
    expect(refused.statusCode).toBe(402);
    expect(refused.json().error.code).toBe('PAYMENT_METHOD_DECLINED');
    expect(browser.cookies.get('usher_session')).toBeUndefined();
    const unknownPlan = await browser.request('POST', '/api/join', { ...body, card: CARD, plan: 'platinum' });
    expect(unknownPlan.json().error.code).toBe('UNKNOWN_PLAN');
    // The email is free again: nothing of the refused joins remains.
    const again = await browser.request('POST', '/api/join', { ...body, card: CARD });
    expect(again.statusCode).toBe(201);
  });

  it('signs in by email or by phone, naming the device', async () => {
    await joinMember(kit, { email: 'pia@example.com', phone: '+15550100778', password: 'pia password 1' });
    const byEmail = kit.browser();
    await byEmail.start();
    const first = await byEmail.request('POST', '/api/sign-in', { login: ' PIA@example.com ', password: 'pia password 1' });
    expect(first.statusCode).toBe(200);
    expect(first.json().member.email).toBe('pia@example.com');
    const byPhone = kit.browser();
    await byPhone.start();
    const second = await byPhone.request('POST', '/api/sign-in', { login: '+1 555 0100 778', password: 'pia password 1', device: { type: 'tv', name: 'Living room TV' } });
    expect(second.statusCode).toBe(200);
    const devices = (await byPhone.request('GET', '/api/me/devices')).json().devices as { name: string; type: string; current: boolean }[];
    expect(devices.find((device) => device.current)).toMatchObject({ name: 'Living room TV', type: 'tv' });
  });

  it('answers a wrong password exactly as an unknown login', async () => {
    await joinMember(kit, { email: 'quin@example.com', password: 'quin password' });
    const browser = kit.browser({ ip: '198.51.100.7' });
    await browser.start();
    const wrong = await browser.request('POST', '/api/sign-in', { login: 'quin@example.com', password: 'not it at all' });
    const unknown = await browser.request('POST', '/api/sign-in', { login: 'nobody@example.com', password: 'not it at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('limits wrong passwords to 5 in 15 minutes per login, with the time to wait', async () => {
    await joinMember(kit, { email: 'rae@example.com', password: 'rae password 1' });
    const browser = kit.browser({ ip: '203.0.113.9' });
    await browser.start();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await browser.request('POST', '/api/sign-in', { login: 'rae@example.com', password: `guess ${attempt}` })).statusCode).toBe(401);
      kit.clock.advance(60_000);
    }
    const limited = await browser.request('POST', '/api/sign-in', { login: 'rae@example.com', password: 'rae password 1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // The first failure was 5 minutes ago: it leaves the 15-minute window in 10.
    expect(limited.json().error.retry_after_seconds).toBe(600);
    // It says how to get in now: login help is not held by the sign-in limits.
    expect(limited.json().error.message).toBe('Too many sign-in attempts. Try again in 10 minutes, or choose “Forgot your password?”: the reset link or code we send you signs you in at once.');
    expect(limited.headers['retry-after']).toBe('600');
    // An unknown login is limited the same way, so the limit reveals nothing either.
    for (let attempt = 0; attempt < 5; attempt += 1) await browser.request('POST', '/api/sign-in', { login: 'ghost@example.com', password: 'guess' });
    expect((await browser.request('POST', '/api/sign-in', { login: 'ghost@example.com', password: 'guess' })).statusCode).toBe(429);
    kit.clock.advance(10 * 60_000);
    expect((await browser.request('POST', '/api/sign-in', { login: 'rae@example.com', password: 'rae password 1' })).statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF header with 403 CSRF_FAILED', async () => {
    const { browser } = await joinMember(kit, { email: 'sol@example.com' });
    const noHeader = await browser.request('POST', '/api/me/sign-out-everywhere', undefined, { 'x-csrf-token': '' });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_FAILED');
    const forged = await browser.request('POST', '/api/sign-in', { login: 'sol@example.com', password: 'x' }, { 'x-csrf-token': 'forged-value' });
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);
  });

  it('answers a member route without a session with 401 UNAUTHENTICATED', async () => {
    const browser = kit.browser();
    await browser.start();
    const response = await browser.request('GET', '/api/me/devices');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('signs this browser out', async () => {
    const { browser } = await joinMember(kit, { email: 'tam@example.com' });
    expect((await browser.request('POST', '/api/sign-out')).statusCode).toBe(204);
    expect((await browser.request('GET', '/api/session')).json().member).toBeNull();
  });
});
