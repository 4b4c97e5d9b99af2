import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { approximateLocation } from './device.rules.ts';
import { joinMember, openIdentityKit, type Browser, type IdentityKit } from './testing/identity-test-kit.ts';

const MINUTE = 60_000;
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0';

describeEachDatabase('identity: a member locked out by someone else\'s guesses', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  async function visitor(ip: string, userAgent?: string): Promise<Browser> {
    const browser = kit.browser({ ip, ...(userAgent ? { userAgent } : {}) });
    await browser.start();
    return browser;
  }

  /** Five wrong passwords for the login, each from its own address: the login's limit, not an address's. */
  async function guessFromEverywhere(login: string, firstOctet = 40): Promise<void> {
    for (let index = 0; index < 5; index += 1) {
      const answer = await (await visitor(`203.0.113.${firstOctet + index}`)).request('POST', '/api/sign-in', { login, password: `attacker guess ${index}` });
      expect(answer.statusCode).toBe(401);
    }
  }

  it('tells the locked-out member to use login help, whose link signs them in and lifts the lock', async () => {
    await joinMember(kit, { email: 'lou@example.com', password: 'lou password 1' });
    await guessFromEverywhere('lou@example.com');

    const owner = await visitor('198.51.100.70');
    const locked = await owner.request('POST', '/api/sign-in', { login: 'lou@example.com', password: 'lou password 1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toBe('Too many sign-in attempts. Try again in 15 minutes, or choose “Forgot your password?”: the reset link or code we send you signs you in at once.');
    // An unknown login held the same way reads the same words: the lock tells nothing.
    await guessFromEverywhere('nobody-lou@example.com', 50);
    const unknown = await owner.request('POST', '/api/sign-in', { login: 'nobody-lou@example.com', password: 'lou password 1' });
    expect(unknown.json()).toEqual(locked.json());

    // Login help is not held by the sign-in limits.
    expect((await owner.request('POST', '/api/login-help/reset', { login: 'lou@example.com', channel: 'email' })).statusCode).toBe(202);
    const token = /\/reset\?token=([\w-]+)/.exec((await kit.lastMessage('lou@example.com')).body)?.[1] ?? '';
    const reset = await owner.request('POST', '/api/login-help/reset/confirm', { token, new_password: 'lou new password', sign_out_everywhere: true });
    expect(reset.statusCode).toBe(200);
    expect((await owner.request('GET', '/api/me/devices')).statusCode).toBe(200);

    // The lock is lifted for the owner's new password at once, on any device, well before 15 minutes.
    kit.clock.advance(MINUTE);
    const phone = await visitor('198.51.100.71');
    expect((await phone.request('POST', '/api/sign-in', { login: 'lou@example.com', password: 'lou new password' })).statusCode).toBe(200);
  });

  it('lifts the lock with a reset code by SMS too', async () => {
    await joinMember(kit, { email: 'max@example.com', phone: '+15550100961', password: 'max password 1' });
    await guessFromEverywhere('+15550100961', 60);
    const owner = await visitor('198.51.100.72');
    expect((await owner.request('POST', '/api/sign-in', { login: 'max@example.com', password: 'max password 1' })).statusCode).toBe(429);
    await owner.request('POST', '/api/login-help/reset', { login: 'max@example.com', channel: 'sms' });
    const code = /\b(\d{6})\b/.exec((await kit.lastMessage('+15550100961')).body)?.[1] ?? '';
    expect((await owner.request('POST', '/api/login-help/reset/confirm', { login: 'max@example.com', code, new_password: 'max new password', sign_out_everywhere: false })).statusCode).toBe(200);
    expect((await (await visitor('198.51.100.73')).request('POST', '/api/sign-in', { login: '+15550100961', password: 'max new password' })).statusCode).toBe(200);
  });

  it('shows wrong passwords and refused sign-ins in the security review, when and from where, never what was typed', async () => {
    const { browser: owner } = await joinMember(kit, { email: 'nia@example.com', password: 'nia password 1' }, { ip: '198.51.100.74' });
    const attacker = await visitor('203.0.113.77', FIREFOX_ON_LINUX);
    for (let index = 0; index < 5; index += 1) {
      await attacker.request('POST', '/api/sign-in', { login: 'nia@example.com', password: `hunter2-guess-${index}` });
      kit.clock.advance(1000);
    }
    // Refusals are recorded once a minute per address, however many arrive, even all at once.
    const refused = await Promise.all(Array.from({ length: 3 }, () => attacker.request('POST', '/api/sign-in', { login: 'nia@example.com', password: 'hunter2-again' })));
    expect(refused.map((answer) => answer.statusCode)).toEqual([429, 429, 429]);
    kit.clock.advance(2 * MINUTE);
    expect((await attacker.request('POST', '/api/sign-in', { login: 'nia@example.com', password: 'hunter2-again' })).statusCode).toBe(429);
    await kit.identity.settle();

    const review = (await owner.request('GET', '/api/me/security')).json() as {
      signals: { kind: string; severity: string; summary: string; at: string }[]; steps: string[];
      failed_sign_ins: { at: string; kind: string; location: string; address: string; device: string }[];
    };
    const place = approximateLocation('203.0.113.77').label;
    expect(review.failed_sign_ins.map((failure) => failure.kind)).toEqual(['locked', 'locked', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password']);
    expect(review.failed_sign_ins[0]).toEqual({ at: kit.clock.now().toISOString(), kind: 'locked', location: place, address: '203.0.113.x', device: 'Firefox on Linux' });
    const signal = review.signals.find((candidate) => candidate.kind === 'failed_sign_ins');
    expect(signal).toMatchObject({ severity: 'warning', summary: `5 wrong passwords and 2 sign-ins refused after too many tries in the last 30 days; the latest from ${place} (address 203.0.113.x, Firefox on Linux).` });
    expect(review.steps.join(' ')).toContain('Forgot your password?');
    expect(JSON.stringify(review)).not.toContain('hunter2');
    const { rows } = await sql<{ details: unknown }>`select details from identity_security_events where kind like 'sign_in_%'`.execute(kit.database.db);
    expect(JSON.stringify(rows)).not.toContain('hunter2');
    expect(JSON.stringify(rows)).not.toContain('203.0.113.77');
    expect(kit.logs()).not.toContain('hunter2');
  });

  it('audits guesses refused at reset codes and at the current password, and warns in the security review', async () => {
    const { browser: owner } = await joinMember(kit, { email: 'pia@example.com', phone: '+15550100962', password: 'pia password 1' }, { ip: '198.51.100.76' });
    const attacker = await visitor('203.0.113.88');
    await attacker.request('POST', '/api/login-help/reset', { login: 'pia@example.com', channel: 'sms' });
    const codes = [];
    for (let index = 0; index < 7; index += 1) {
      codes.push((await attacker.request('POST', '/api/login-help/reset/confirm', { login: 'pia@example.com', code: `00000${index}`, new_password: 'attacker password 1', sign_out_everywhere: true })).statusCode);
    }
    expect(codes.slice(5)).toEqual([429, 429]);
    const changes = [];
    for (let index = 0; index < 7; index += 1) {
      changes.push((await owner.request('POST', '/api/me/password', { new_password: 'another pia password', current_password: `hunter2-${index}` })).statusCode);
    }
    expect(changes.slice(5)).toEqual([429, 429]);
    await kit.identity.settle();

    const { rows } = await sql<{ kind: string; details: { address: string } }>`select kind, details from identity_security_events where kind in ('reset_code_locked', 'current_password_locked') order by kind`.execute(kit.database.db);
    // Once a minute per address, however many refusals: one of each.
    expect(rows.map((row) => [row.kind, row.details.address])).toEqual([['current_password_locked', 'session'], ['reset_code_locked', '203.0.113.x']]);
    expect(JSON.stringify(rows)).not.toContain('hunter2');
    const review = (await owner.request('GET', '/api/me/security')).json() as { signals: { kind: string; severity: string; summary: string }[]; steps: string[] };
    expect(review.signals.filter((signal) => signal.kind === 'guesses_refused').map((signal) => signal.severity)).toEqual(['warning', 'warning']);
    expect(review.steps.join(' ')).toContain('Someone may be guessing your codes or password');
  });

  it('shows the member\'s own typo as information, not a warning', async () => {
    const { browser: owner } = await joinMember(kit, { email: 'oda@example.com', password: 'oda password 1' }, { ip: '198.51.100.75' });
    await (await visitor('198.51.100.75')).request('POST', '/api/sign-in', { login: 'oda@example.com', password: 'oda pasword 1' });
    await kit.identity.settle();
    const review = (await owner.request('GET', '/api/me/security')).json() as { signals: { kind: string; severity: string }[]; failed_sign_ins: unknown[] };
    expect(review.failed_sign_ins).toHaveLength(1);
    expect(review.signals.find((signal) => signal.kind === 'failed_sign_ins')?.severity).toBe('info');
  });
});
