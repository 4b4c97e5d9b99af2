import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from './index.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

type Review = { signals: { kind: string; severity: string; summary: string }[]; steps: string[] };
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery';
const dayMonth = (at: Date) => `${at.getUTCDate()} ${at.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })}`;

describeEachDatabase('identity: profiles, viewing and their takeover signals', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open, { today: '2026-05-04T09:00:00Z' });
  });
  afterAll(() => kit.close());

  const kinds = async (browser: ReturnType<IdentityKit['browser']>) => ((await browser.request('GET', '/api/me/security')).json() as Review).signals.map((signal) => signal.kind);

  it('profiles made and watched on the owner\'s usual device raise nothing; at most 5, names unique', async () => {
    const { browser } = await joinMember(kit, { email: 'ada@example.com' });
    expect((await browser.request('POST', '/api/me/profiles', { name: 'Ada' })).statusCode).toBe(201);
    kit.clock.advance(3 * DAY);
    const kids = await browser.request('POST', '/api/me/profiles', { name: 'Kids' });
    expect(kids.statusCode).toBe(201);
    expect((await browser.request('POST', '/api/me/profiles', { name: 'kids' })).json().error.code).toBe('PROFILE_NAME_TAKEN');
    const watched = await browser.request('POST', '/api/me/viewing', { profile_id: kids.json().id, title: 'Paper Boats' });
    expect(watched.statusCode, watched.body).toBe(201);
    expect(await kinds(browser)).toEqual([]);
    for (const name of ['Three', 'Four', 'Five']) expect((await browser.request('POST', '/api/me/profiles', { name })).statusCode).toBe(201);
    expect((await browser.request('POST', '/api/me/profiles', { name: 'Six' })).json().error.code).toBe('PROFILE_LIMIT');
    expect((await browser.request('POST', '/api/me/profiles', { name: '' })).statusCode).toBe(400);
    const listed = (await browser.request('GET', '/api/me/profiles')).json().profiles as { name: string }[];
    expect(listed.map((profile) => profile.name)).toEqual(['Ada', 'Kids', 'Three', 'Four', 'Five']);
    expect((await browser.request('GET', '/api/me/viewing')).json().viewing).toMatchObject([{ title: 'Paper Boats', profile_name: 'Kids' }]);
  });

  it('a profile made on a device first seen hours ago is unknown, and what is watched on it unfamiliar; removing it clears both', async () => {
    const { browser } = await joinMember(kit, { email: 'bea@example.com' });
    kit.clock.advance(10 * DAY);
    const stranger = kit.browser({ userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/126.0' });
    await stranger.start();
    expect((await stranger.request('POST', '/api/sign-in', { login: 'bea@example.com', password: PASSWORD })).statusCode).toBe(200);
    kit.clock.advance(60 * 60 * 1000);
    const guest = (await stranger.request('POST', '/api/me/profiles', { name: 'guest' })).json() as { id: string };
    await stranger.request('POST', '/api/me/viewing', { profile_id: guest.id, title: 'The Harbour Lights' });
    const review = (await browser.request('GET', '/api/me/security')).json() as Review;
    expect(review.signals.map((signal) => signal.kind).sort()).toEqual(['unfamiliar_viewing', 'unknown_profile']);
    expect(review.signals.find((signal) => signal.kind === 'unfamiliar_viewing')?.summary).toBe(`Someone watched ‘The Harbour Lights’ on the profile ‘guest’ from This computer (local network) on ${dayMonth(kit.clock.now())}.`);
    expect(review.signals.find((signal) => signal.kind === 'unknown_profile')?.summary).toBe(`A profile you may not know, ‘guest’, was created from This computer (local network) on ${dayMonth(kit.clock.now())}.`);
    expect(review.steps.join(' ')).toMatch(/sign out of all devices, change your password/);
    expect((await browser.request('DELETE', `/api/me/profiles/${guest.id}`)).statusCode).toBe(204);
    expect(await kinds(browser)).toEqual([]);
  });

  it('viewing from a country where the owner never signed in, or from a removed device, is unfamiliar', async () => {
    const { browser } = await joinMember(kit, { email: 'cy@example.com' });
    const profile = (await browser.request('POST', '/api/me/profiles', { name: 'Cy' })).json() as { id: string };
    kit.clock.advance(2 * DAY);
    // 203.0.113.77 maps to Lagos, Nigeria; the account is in the US.
    const abroad = kit.browser({ ip: '203.0.113.77' });
    await abroad.start();
    await abroad.request('POST', '/api/sign-in', { login: 'cy@example.com', password: PASSWORD });
    const viewing = await abroad.request('POST', '/api/me/viewing', { profile_id: profile.id, title: 'Salt Roads' });
    expect(viewing.json()).toMatchObject({ location: 'Lagos, Nigeria', profile_name: 'Cy' });
    const review = (await browser.request('GET', '/api/me/security')).json() as Review;
    expect(review.signals.find((signal) => signal.kind === 'unfamiliar_viewing')?.summary).toBe(`Someone watched ‘Salt Roads’ on the profile ‘Cy’ from Lagos, Nigeria on ${dayMonth(kit.clock.now())}.`);
    // The profile itself was made at home: it is not unknown.
    expect(review.signals.map((signal) => signal.kind)).not.toContain('unknown_profile');
  });

  it('another account\'s profile is NOT_FOUND: not deleted, not watched on', async () => {
    const { browser: owner } = await joinMember(kit, { email: 'dee@example.com' });
    const profile = (await owner.request('POST', '/api/me/profiles', { name: 'Dee' })).json() as { id: string };
    const { browser: other } = await joinMember(kit, { email: 'eli@example.com' });
    expect((await other.request('DELETE', `/api/me/profiles/${profile.id}`)).statusCode).toBe(404);
    expect((await other.request('POST', '/api/me/viewing', { profile_id: profile.id, title: 'X' })).statusCode).toBe(404);
    const own = (await other.request('POST', '/api/me/profiles', { name: 'Eli' })).json() as { id: string };
    const devices = (await owner.request('GET', '/api/me/devices')).json().devices as { id: string }[];
    expect((await other.request('POST', '/api/me/viewing', { profile_id: own.id, title: 'X', device_id: devices[0]?.id })).statusCode).toBe(404);
    expect((await owner.request('GET', '/api/me/profiles')).json().profiles).toHaveLength(1);
  });

  it('transferProfile moves a profile and its history to the extra member; nothing moves without such a profile', async () => {
    const { browser: owner, member } = await joinMember(kit, { email: 'fay@example.com', plan: 'premium' });
    const sam = (await owner.request('POST', '/api/me/profiles', { name: 'Sam' })).json() as { id: string };
    await owner.request('POST', '/api/me/viewing', { profile_id: sam.id, title: 'Long Weekend' });
    await owner.request('POST', '/api/me/viewing', { profile_id: sam.id, title: 'Quiet Hills' });
    kit.clock.advance(DAY);
    const extra = kit.browser();
    await extra.start();
    await kit.identity.createExtraMemberLogin({
      ownerAccountId: member.account_id, name: 'Sam Lee', email: 'sam.lee@example.com', password: PASSWORD,
      reply: { header: () => undefined, setCookie: () => undefined } as never, request: { ip: '127.0.0.1', headers: {}, protocol: 'http', hostname: 'localhost' } as never,
    });
    const signIn = await extra.request('POST', '/api/sign-in', { login: 'sam.lee@example.com', password: PASSWORD });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const memberId = (await extra.request('GET', '/api/session')).json().member.account_id as string;

    expect(await kit.identity.transferProfile({ fromAccountId: member.account_id, toAccountId: memberId, profileName: 'nobody' })).toEqual({ transferred: false });
    expect(await kit.identity.transferProfile({ fromAccountId: member.account_id, toAccountId: memberId, profileName: 'SAM' })).toEqual({ transferred: true });
    expect((await owner.request('GET', '/api/me/profiles')).json().profiles).toEqual([]);
    expect((await owner.request('GET', '/api/me/viewing')).json().viewing).toEqual([]);
    expect((await extra.request('GET', '/api/me/profiles')).json().profiles).toMatchObject([{ id: sam.id, name: 'Sam' }]);
    const history = (await extra.request('GET', '/api/me/viewing')).json().viewing as { title: string; device_id: string | null }[];
    expect(history.map((item) => item.title)).toEqual(['Quiet Hills', 'Long Weekend']);
    expect(history.every((item) => item.device_id === null)).toBe(true);
    // History watched before the transfer, on the owner's devices, is not the extra member's takeover signal.
    expect(await kinds(extra)).not.toContain('unfamiliar_viewing');
    expect(await kinds(extra)).not.toContain('unknown_profile');
  });

  it('Karim\'s demo review lists the four kinds of takeover signal; every demo owner has profiles; seeding twice adds nothing', async () => {
    await kit.billing.seedDemo();
    await kit.identity.seedDemo();
    await kit.identity.seedDemo();
    const browser = kit.browser();
    await browser.start();
    expect((await browser.request('POST', '/api/sign-in', { login: 'karim@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const review = (await browser.request('GET', '/api/me/security')).json() as Review;
    expect([...new Set(review.signals.map((signal) => signal.kind))].sort()).toEqual(['email_changed_unconfirmed', 'unfamiliar_device', 'unfamiliar_viewing', 'unknown_profile']);
    expect(review.signals.map((signal) => signal.summary)).toContain(`Someone watched ‘The Harbour Lights’ on the profile ‘guest’ from Lagos, Nigeria on ${dayMonth(new Date(kit.clock.now().getTime() - 47 * 60 * 60 * 1000))}.`);
    const profiles = (await browser.request('GET', '/api/me/profiles')).json().profiles as { name: string }[];
    expect(profiles.map((profile) => profile.name).sort()).toEqual(['Karim', 'Kids', 'guest']);
  });
});
