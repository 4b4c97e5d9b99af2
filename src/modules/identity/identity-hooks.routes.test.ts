import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTables } from '../../platform/db/database.ts';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { insertAccount } from './accounts.repository.ts';
import type { DeviceSignedIn, ExtraMemberAccess } from './identity-context.ts';
import type { IdentityTables } from './identity.tables.ts';
import { hashPassword } from './secrets.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

const PASSWORD = 'correct horse battery';

describeEachDatabase('identity: household hooks (device sign-ins, extra members\' access)', (open) => {
  let kit: IdentityKit;
  const signedIn: DeviceSignedIn[] = [];
  const access = new Map<string, ExtraMemberAccess>();
  let failHook = false;
  beforeAll(async () => {
    kit = await openIdentityKit(open, {
      today: '2026-03-10T12:00:00Z',
      hooks: {
        onDeviceSignedIn: async (event) => {
          if (failHook) throw new Error('household is down');
          signedIn.push(event);
        },
        accessCheck: async (accountId) => access.get(accountId) ?? null,
      },
    });
  });
  afterAll(() => kit.close());

  async function extraMember(email: string, ownerAccountId: string): Promise<string> {
    const id = `acct_xm_${email.split('@')[0]}`;
    const now = kit.clock.now();
    await insertAccount(withTables<IdentityTables>(kit.database.db), {
      id, name: 'Extra Member', email, phone: null, password_hash: await hashPassword(PASSWORD), country: 'US', language: 'en',
      role: 'extra_member', owner_account_id: ownerAccountId, created_at: now, updated_at: now,
    });
    return id;
  }

  async function signIn(login: string, extra: object = {}) {
    const browser = kit.browser();
    await browser.start();
    return { browser, response: await browser.request('POST', '/api/sign-in', { login, password: PASSWORD, ...extra }) };
  }

  it('tells household which network a phone signed in from, and keeps that network on the device', async () => {
    const { member } = await joinMember(kit, { email: 'wren@example.com' });
    const { browser, response } = await signIn('wren@example.com', { device: { type: 'phone', name: 'Wren\'s phone' }, network_id: 'net_home' });
    expect(response.statusCode).toBe(200);
    const devices = (await browser.request('GET', '/api/me/devices')).json().devices as { id: string; name: string; network_id: string | null }[];
    const phone = devices.find((device) => device.name === 'Wren\'s phone');
    expect(phone?.network_id).toBe('net_home');
    expect(signedIn).toContainEqual({ accountId: member.account_id, deviceId: phone?.id, networkId: 'net_home' });
  });

  it('does not call the hook for a sign-in without a network, and a failing hook never fails the sign-in', async () => {
    await joinMember(kit, { email: 'xan@example.com' });
    const before = signedIn.length;
    expect((await signIn('xan@example.com')).response.statusCode).toBe(200);
    expect(signedIn).toHaveLength(before);
    failHook = true;
    try {
      expect((await signIn('xan@example.com', { network_id: 'net_cafe' })).response.statusCode).toBe(200);
    } finally {
      failHook = false;
    }
    expect(kit.logs()).toContain('device sign-in hook failed');
  });

  it('refuses an extra member whose access has ended, on sign-in and on the next request of a live session', async () => {
    const { member: owner } = await joinMember(kit, { email: 'yara@example.com' });
    const memberId = await extraMember('zed@example.com', owner.account_id);
    access.set(memberId, { accessUntil: '2026-03-20' });
    const { browser, response } = await signIn('zed@example.com');
    expect(response.statusCode).toBe(200);
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);

    kit.clock.set('2026-03-20T08:00:00Z');
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(401);
    expect((await browser.request('GET', '/api/session')).json().member).toBeNull();
    const refused = (await signIn('zed@example.com')).response;
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'ACCESS_ENDED' });
    expect(refused.json().error.message).toContain('2026-03-20');
    // A wrong password still gets the same answer as anyone's: nothing about the access is revealed.
    const stranger = kit.browser();
    await stranger.start();
    const wrong = await stranger.request('POST', '/api/sign-in', { login: 'zed@example.com', password: 'not the password' });
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    // The owner is never asked about.
    expect((await signIn('yara@example.com')).response.statusCode).toBe(200);
    kit.clock.set('2026-03-10T12:00:00Z');
  });
});
