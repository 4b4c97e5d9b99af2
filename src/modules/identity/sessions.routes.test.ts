import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

type DevicesAnswer = { devices: { id: string; name: string; location: string; current: boolean }[]; sessions: { id: string; device_id: string; current: boolean }[] };

describeEachDatabase('identity: devices and sessions', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  async function signInAs(email: string, options: { ip?: string; userAgent?: string } = {}) {
    const browser = kit.browser(options);
    await browser.start();
    const response = await browser.request('POST', '/api/sign-in', { login: email, password: 'correct horse battery' });
    expect(response.statusCode).toBe(200);
    return browser;
  }

  it('lists every device and session with where and when, marking the current ones', async () => {
    const { browser: laptop } = await joinMember(kit, { email: 'uma@example.com' });
    kit.clock.advance(60 * 60_000);
    await signInAs('uma@example.com', { ip: '198.51.100.23', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1' });
    const answer = (await laptop.request('GET', '/api/me/devices')).json() as DevicesAnswer;
    expect(answer.devices).toHaveLength(2);
    expect(answer.sessions).toHaveLength(2);
    const current = answer.devices.find((device) => device.current);
    expect(current).toMatchObject({ name: 'Chrome on macOS', location: 'This computer (local network)' });
    const phone = answer.devices.find((device) => !device.current);
    expect(phone?.name).toBe('Safari on iOS');
    // A public address maps to the same made-up city every time.
    expect(phone?.location).toMatch(/, /);
    expect(answer.sessions.filter((session) => session.current)).toHaveLength(1);
  });

  it('keeps one device for one browser across sign-ins', async () => {
    const { browser } = await joinMember(kit, { email: 'vic@example.com' });
    await browser.request('POST', '/api/sign-out');
    await browser.request('POST', '/api/sign-in', { login: 'vic@example.com', password: 'correct horse battery' });
    const answer = (await browser.request('GET', '/api/me/devices')).json() as DevicesAnswer;
    expect(answer.devices).toHaveLength(1);
    expect(answer.sessions).toHaveLength(1);
  });

  it('removes one device: its next request is refused, the others carry on', async () => {
    const { browser: laptop } = await joinMember(kit, { email: 'wes@example.com' });
    const tablet = await signInAs('wes@example.com', { userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0) Safari/604.1' });
    const tabletDevice = ((await tablet.request('GET', '/api/me/devices')).json() as DevicesAnswer).devices.find((device) => device.current);
    expect((await laptop.request('DELETE', `/api/me/devices/${tabletDevice?.id}`)).statusCode).toBe(204);
    expect((await tablet.request('GET', '/api/me/devices')).statusCode).toBe(401);
    const left = (await laptop.request('GET', '/api/me/devices')).json() as DevicesAnswer;
    expect(left.devices.map((device) => device.id)).not.toContain(tabletDevice?.id);
    expect(left.sessions).toHaveLength(1);
  });

  it('answers another member\'s device as not found', async () => {
    const { browser: owner } = await joinMember(kit, { email: 'xia@example.com' });
    const { browser: stranger } = await joinMember(kit, { email: 'yan@example.com' });
    const device = ((await owner.request('GET', '/api/me/devices')).json() as DevicesAnswer).devices[0];
    const response = await stranger.request('DELETE', `/api/me/devices/${device?.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    expect((await owner.request('GET', '/api/me/devices')).statusCode).toBe(200);
  });

  it('signs out everywhere: every session ends, this one too', async () => {
    const { browser: laptop } = await joinMember(kit, { email: 'zed@example.com' });
    const phone = await signInAs('zed@example.com');
    expect((await laptop.request('POST', '/api/me/sign-out-everywhere')).statusCode).toBe(204);
    expect((await laptop.request('GET', '/api/me/devices')).statusCode).toBe(401);
    expect((await phone.request('GET', '/api/me/devices')).statusCode).toBe(401);
  });

  it('ends a session after 30 days without use, and slides while it is used', async () => {
    const { browser } = await joinMember(kit, { email: 'amy@example.com' });
    kit.clock.advance(29 * 24 * 60 * 60_000);
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);
    kit.clock.advance(29 * 24 * 60 * 60_000);
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);
    kit.clock.advance(31 * 24 * 60 * 60_000);
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const { browser } = await joinMember(kit, { email: 'bo@example.com' });
    const token = browser.cookies.get('usher_session') ?? '';
    const { rows } = await sql<{ token_hash: string }>`select token_hash from identity_sessions`.execute(kit.database.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });
});
