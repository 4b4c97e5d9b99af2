import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { DEMO_AGENT_KEY, DEMO_PASSWORD } from './index.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

type Review = { signals: { kind: string; severity: string; summary: string }[]; steps: string[] };

describeEachDatabase('identity: security review and service codes', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open, { today: '2026-05-04T09:00:00Z' });
  });
  afterAll(() => kit.close());

  it('shows nothing unusual for a new member signing in at home', async () => {
    const { browser } = await joinMember(kit, { email: 'rob@example.com' });
    const review = (await browser.request('GET', '/api/me/security')).json() as Review;
    expect(review.signals).toEqual([]);
    expect(review.steps[0]).toMatch(/Nothing unusual/);
  });

  it('builds the review from security events and the membership history', async () => {
    const { browser, member } = await joinMember(kit, { email: 'sam@example.com', plan: 'standard' });
    // A device in another country than the account's (US) signs in.
    const abroad = kit.browser({ ip: '203.0.113.77' });
    await abroad.start();
    await abroad.request('POST', '/api/sign-in', { login: 'sam@example.com', password: 'correct horse battery', device: { type: 'tv', name: 'Unknown TV' } });
    await browser.request('POST', '/api/me/password', { new_password: 'new sam password', current_password: 'correct horse battery' });
    await browser.request('POST', '/api/me/email', { new_email: 'sam.two@example.com', current_password: 'new sam password' });
    const membership = await kit.billing.service.findByAccount(member.account_id);
    await kit.billing.service.act({ membershipId: membership?.id ?? '', action: { type: 'change_plan', plan: 'premium' } });
    await kit.billing.service.act({ membershipId: membership?.id ?? '', action: { type: 'add_extra_member' } });
    await kit.identity.recordSecurityEvent({ accountId: member.account_id, kind: 'unfamiliar_viewing', summary: 'Titles watched in a language nobody on the account uses.' });

    const review = (await browser.request('GET', '/api/me/security')).json() as Review;
    const kinds = review.signals.map((signal) => signal.kind);
    expect(kinds).toEqual(expect.arrayContaining(['email_changed_unconfirmed', 'password_changed', 'plan_changed', 'extra_member_added', 'unfamiliar_viewing']));
    expect(review.signals.find((signal) => signal.kind === 'email_changed_unconfirmed')?.severity).toBe('danger');
    // 203.0.113.77 maps to Lagos, Nigeria: another country than the account's.
    expect(kinds).toContain('unfamiliar_device');
    expect(review.steps.length).toBeGreaterThan(1);
    expect(review.signals[0]?.severity).toBe('danger');
  });

  it('tells Hugo\'s story: a restart after his cancellation, and Karim\'s intruder', async () => {
    await kit.billing.seedDemo();
    expect(await kit.identity.seedDemo()).toEqual({ created: 14 });
    expect(await kit.identity.seedDemo()).toEqual({ created: 0 });
    const review = async (email: string) => {
      const browser = kit.browser();
      await browser.start();
      expect((await browser.request('POST', '/api/sign-in', { login: email, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return (await browser.request('GET', '/api/me/security')).json() as Review;
    };
    const hugo = await review('hugo@demo.reelhouse.example');
    expect(hugo.signals.map((signal) => signal.kind)).toContain('restarted_after_cancel');
    const karim = await review('karim@demo.reelhouse.example');
    expect(karim.signals.map((signal) => signal.kind)).toEqual(['email_changed_unconfirmed', 'unfamiliar_device', 'unfamiliar_device', 'unfamiliar_viewing', 'unfamiliar_viewing', 'unknown_profile']);
  });

  it('issues a 6-digit service code for 10 minutes that an agent verifies, every check audited', async () => {
    const { browser, member } = await joinMember(kit, { email: 'tia@example.com' });
    const first = (await browser.request('GET', '/api/me/service-code')).json() as { code: string; expires_at: string };
    expect(first.code).toMatch(/^\d{6}$/);
    expect(Date.parse(first.expires_at) - kit.clock.now().getTime()).toBe(10 * 60_000);
    const second = (await browser.request('GET', '/api/me/service-code')).json() as { code: string };

    const verify = (code: string, key = DEMO_AGENT_KEY) =>
      kit.server.inject({ method: 'POST', url: '/api/agent/service-codes/verify', headers: { 'x-agent-key': key }, payload: { code } });
    expect((await verify(second.code)).json()).toEqual({ valid: true, account_id: member.account_id });
    if (first.code !== second.code) expect((await verify(first.code)).json()).toEqual({ valid: false });
    expect((await verify(second.code, 'not-the-key')).statusCode).toBe(401);
    kit.clock.advance(10 * 60_000);
    expect((await verify(second.code)).json()).toEqual({ valid: false });

    const { rows } = await sql<{ valid: boolean; account_id: string | null }>`select valid, account_id from identity_service_code_checks order by at, id`.execute(kit.database.db);
    const expected = first.code === second.code ? [true, false] : [true, false, false];
    expect(rows.map((row) => row.valid)).toEqual(expected);
    expect(rows[0]?.account_id).toBe(member.account_id);
  });
});
