/**
 * The authorization battery: every member route, tried signed out, as another
 * member and as an extra member, against a victim's data. A leak is any
 * answer that carries the victim's identifiers, or a change to the victim's
 * data. The battery covers every member route the server documents: a new
 * route without a case here fails it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient, type HttpMethod } from './platform/testing/http-client.ts';
import { openTestApp, type TestApp } from './platform/testing/test-app.ts';

type Victim = { accountId: string; email: string; membershipId: string; tvDeviceId: string; invitationId: string; extraAccountId: string; extraEmail: string; profileId: string; conversationId: string; escalationReference: string };
type Case = { method: HttpMethod; path: (v: Victim) => string; body?: (v: Victim) => unknown; route: string };

const CARD = { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2031, cvc: '123' };
const PASSWORD = 'correct horse battery';

const CASES: Case[] = [
  { route: 'GET /api/me/membership', method: 'GET', path: () => '/api/me/membership' },
  { route: 'POST /api/me/membership/preview', method: 'POST', path: () => '/api/me/membership/preview', body: () => ({ action: { type: 'cancel' } }) },
  { route: 'POST /api/me/membership/actions', method: 'POST', path: () => '/api/me/membership/actions', body: () => ({ action: { type: 'change_plan', plan: 'premium' } }) },
  { route: 'POST /api/me/payment-method', method: 'POST', path: () => '/api/me/payment-method', body: () => ({ card: CARD }) },
  { route: 'GET /api/me/devices', method: 'GET', path: () => '/api/me/devices' },
  { route: 'DELETE /api/me/devices/{id}', method: 'DELETE', path: (v) => `/api/me/devices/${v.tvDeviceId}` },
  { route: 'POST /api/me/email', method: 'POST', path: () => '/api/me/email', body: (v) => ({ new_email: v.email, current_password: PASSWORD }) },
  { route: 'POST /api/me/phone', method: 'POST', path: () => '/api/me/phone', body: () => ({ new_phone: '+15550199999', current_password: 'wrong password here' }) },
  { route: 'POST /api/me/password', method: 'POST', path: () => '/api/me/password', body: () => ({ new_password: 'another long password', current_password: 'wrong password here' }) },
  { route: 'GET /api/me/security', method: 'GET', path: () => '/api/me/security' },
  { route: 'GET /api/me/service-code', method: 'GET', path: () => '/api/me/service-code' },
  { route: 'GET /api/me/profiles', method: 'GET', path: () => '/api/me/profiles' },
  { route: 'POST /api/me/profiles', method: 'POST', path: () => '/api/me/profiles', body: () => ({ name: 'Intruder' }) },
  { route: 'DELETE /api/me/profiles/{id}', method: 'DELETE', path: (v) => `/api/me/profiles/${v.profileId}` },
  { route: 'GET /api/me/viewing', method: 'GET', path: () => '/api/me/viewing' },
  { route: 'POST /api/me/viewing', method: 'POST', path: () => '/api/me/viewing', body: (v) => ({ profile_id: v.profileId, title: 'Stolen Evening', device_id: v.tvDeviceId }) },
  { route: 'GET /api/me/household', method: 'GET', path: () => '/api/me/household' },
  { route: 'POST /api/tv/start', method: 'POST', path: () => '/api/tv/start', body: () => ({ device_name: 'Attic TV', network_id: 'net_away' }) },
  { route: 'POST /api/tv/{deviceId}/household/update', method: 'POST', path: (v) => `/api/tv/${v.tvDeviceId}/household/update`, body: () => ({ channel: 'email' }) },
  { route: 'POST /api/tv/{deviceId}/household/confirm', method: 'POST', path: (v) => `/api/tv/${v.tvDeviceId}/household/confirm`, body: () => ({ code: '123456' }) },
  { route: 'GET /api/me/extra-members', method: 'GET', path: () => '/api/me/extra-members' },
  { route: 'POST /api/me/extra-members/invitations', method: 'POST', path: () => '/api/me/extra-members/invitations', body: () => ({ email: 'friend@elsewhere.example', name: 'A friend' }) },
  { route: 'POST /api/me/extra-members/invitations/{id}/resend', method: 'POST', path: (v) => `/api/me/extra-members/invitations/${v.invitationId}/resend` },
  { route: 'POST /api/me/extra-members/invitations/{id}/cancel', method: 'POST', path: (v) => `/api/me/extra-members/invitations/${v.invitationId}/cancel` },
  { route: 'PATCH /api/me/extra-members/invitations/{id}', method: 'PATCH', path: (v) => `/api/me/extra-members/invitations/${v.invitationId}`, body: () => ({ email: 'stolen@attacker.example' }) },
  { route: 'DELETE /api/me/extra-members/{accountId}', method: 'DELETE', path: (v) => `/api/me/extra-members/${v.extraAccountId}` },
  { route: 'GET /api/me/support/cases', method: 'GET', path: () => '/api/me/support/cases' },
  { route: 'GET /api/me/support/escalations', method: 'GET', path: () => '/api/me/support/escalations' },
  // Someone else's reference answers like an unknown one (404).
  { route: 'GET /api/me/support/escalations/{reference}', method: 'GET', path: (v) => `/api/me/support/escalations/${v.escalationReference}` },
  // Filing from someone else's conversation is refused (404): nothing is linked to it.
  { route: 'POST /api/me/support/escalations', method: 'POST', path: () => '/api/me/support/escalations', body: (v) => ({ kind: 'complaint', topic: 'billing', description: 'Linking my complaint to your chat', conversation_id: v.conversationId }) },
  { route: 'POST /api/chat/conversations', method: 'POST', path: () => '/api/chat/conversations', body: () => ({ text: 'Where is my refund?' }) },
  { route: 'GET /api/chat/conversations', method: 'GET', path: () => '/api/chat/conversations' },
  { route: 'GET /api/chat/conversations/{id}', method: 'GET', path: (v) => `/api/chat/conversations/${v.conversationId}` },
  { route: 'POST /api/chat/conversations/{id}/messages', method: 'POST', path: (v) => `/api/chat/conversations/${v.conversationId}/messages`, body: () => ({ body: 'Cancel my membership', client_id: 'intruder-1' }) },
  // Someone else's conversation answers like a missing one (404), so a guessed code is never checked against the victim's case.
  { route: 'POST /api/chat/conversations/{id}/service-code', method: 'POST', path: (v) => `/api/chat/conversations/${v.conversationId}/service-code`, body: () => ({ code: '123456' }) },
  { route: 'GET /api/chat/conversations/{id}/transcript', method: 'GET', path: (v) => `/api/chat/conversations/${v.conversationId}/transcript` },
  { route: 'POST /api/chat/conversations/{id}/transcript/email', method: 'POST', path: (v) => `/api/chat/conversations/${v.conversationId}/transcript/email` },
  // Last: it ends the caller's own sessions.
  { route: 'GET /api/me/gift-balance', method: 'GET', path: () => '/api/me/gift-balance' },
  { route: 'POST /api/me/gift-cards/redeem', method: 'POST', path: () => '/api/me/gift-cards/redeem', body: () => ({ code: 'HJKM-NPQR-STVW-XY23' }) },
  { route: 'POST /api/me/sign-out-everywhere', method: 'POST', path: () => '/api/me/sign-out-everywhere' },
];

/** Routes that act for a signed-in member: everything under /api/me, the simulated TV and the member's chats. */
const isMemberRoute = (path: string) => path.startsWith('/api/me/') || path.startsWith('/api/tv/') || path.startsWith('/api/chat/conversations');

describe('authorization battery', () => {
  let t: TestApp;
  let victim: Victim;
  const findings: string[] = [];

  async function join(client: HttpClient, email: string, plan: string) {
    await client.open();
    const response = await client.post('/api/join', { name: `Owner ${email}`, email, password: PASSWORD, country: 'US', region: 'WA', plan, card: CARD });
    expect(response.statusCode, response.body).toBe(201);
  }

  async function signIn(client: HttpClient, login: string) {
    await client.open();
    const response = await client.post('/api/sign-in', { login, password: PASSWORD });
    expect(response.statusCode, response.body).toBe(200);
  }

  async function victimSnapshot(owner: HttpClient): Promise<string> {
    const parts = await Promise.all(['/api/me/membership', '/api/me/devices', '/api/me/extra-members', '/api/me/household', '/api/me/profiles', '/api/me/viewing'].map(async (url) => {
      const body = (await owner.get(url)).json();
      // Sessions' last-use times move with every request: compare what matters.
      return JSON.stringify(url === '/api/me/devices' ? body.devices.map((d: { id: string; name: string }) => [d.id, d.name]) : body);
    }));
    return parts.join('\n');
  }

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10', demo: true });
    const owner = createHttpClient(t.app.server);
    await join(owner, 'victim@members.example', 'premium');
    const membershipId = (await owner.get('/api/me/membership')).json().id as string;
    const accountId = (await owner.get('/api/session')).json().member.account_id as string;
    const tv = await owner.post('/api/tv/start', { device_name: 'Living room TV', network_id: 'net_home' });
    expect(tv.statusCode, tv.body).toBe(200);
    const extraEmail = 'extra@members.example';
    const invited = await owner.post('/api/me/extra-members/invitations', { email: extraEmail, name: 'Extra Member' });
    expect(invited.statusCode, invited.body).toBe(201);
    const mail = (await owner.get(`/api/dev/outbox?to=${encodeURIComponent(extraEmail)}`)).json().messages[0];
    const token = String(mail.body).match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    const extra = createHttpClient(t.app.server);
    await extra.open();
    const accepted = await extra.post(`/api/invitations/${token}/accept`, { name: 'Extra Member', password: PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const pending = await owner.post('/api/me/extra-members/invitations', { email: 'pending@members.example', name: 'Pending Friend' });
    const profile = await owner.post('/api/me/profiles', { name: 'Victim' });
    expect(profile.statusCode, profile.body).toBe(201);
    expect((await owner.post('/api/me/viewing', { profile_id: profile.json().id, title: 'Private Evening' })).statusCode).toBe(201);
    const chat = await owner.post('/api/chat/conversations', { text: 'Private Question about my bill' });
    expect(chat.statusCode, chat.body).toBe(201);
    const complaint = await owner.post('/api/me/support/escalations', { kind: 'complaint', topic: 'billing', description: 'Private Complaint about my bill', conversation_id: chat.json().conversation.id });
    expect(complaint.statusCode, complaint.body).toBe(201);
    victim = {
      accountId,
      email: 'victim@members.example',
      membershipId,
      tvDeviceId: tv.json().device_id,
      invitationId: pending.json().invitation?.id ?? '',
      extraAccountId: (await extra.get('/api/session')).json().member.account_id,
      extraEmail,
      profileId: profile.json().id,
      conversationId: chat.json().conversation.id,
      escalationReference: complaint.json().escalation.reference,
    };
    expect(victim.invitationId).not.toBe('');
  });
  afterAll(() => t?.close());

  it('has a case for every member route the server documents', async () => {
    const spec = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) => (isMemberRoute(path) ? Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`) : []));
    expect(documented.sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  it('refuses every member route to a visitor who is not signed in', async () => {
    for (const c of CASES) {
      const visitor = createHttpClient(t.app.server);
      await visitor.open();
      const response = await visitor.request(c.method, c.path(victim), c.body?.(victim));
      if (response.statusCode !== 401) findings.push(`signed out: ${c.route} answered ${response.statusCode}`);
    }
    expect(findings).toEqual([]);
  });

  for (const who of ['another member', 'the victim’s extra member'] as const) {
    it(`leaks nothing of the victim to ${who}, and changes nothing of theirs`, async () => {
      const owner = createHttpClient(t.app.server);
      await signIn(owner, victim.email);
      const before = await victimSnapshot(owner);
      const attacker = createHttpClient(t.app.server);
      if (who === 'another member') await join(attacker, `attacker${Date.now()}@members.example`, 'standard');
      else await signIn(attacker, victim.extraEmail);
      // What the victim owns; an extra member may know their owner's account id, not the rest.
      const secrets = [victim.email, victim.membershipId, victim.tvDeviceId, victim.invitationId, 'pending@members.example', victim.profileId, 'Private Evening', 'Private Question', victim.escalationReference, 'Private Complaint', ...(who === 'another member' ? [victim.accountId, victim.extraAccountId, victim.extraEmail] : [])];
      const leaks: string[] = [];
      for (const c of CASES) {
        const response = await attacker.request(c.method, c.path(victim), c.body?.(victim));
        const leaked = secrets.filter((secret) => response.body.includes(secret));
        if (process.env.BATTERY_VERBOSE) console.log(who, c.route, response.statusCode, response.body.slice(0, 120));
        if (leaked.length > 0) leaks.push(`${c.route} (${response.statusCode}) shows ${leaked.join(', ')}`);
        if (response.statusCode >= 500) leaks.push(`${c.route} failed with ${response.statusCode}`);
      }
      expect(leaks).toEqual([]);
      expect(await victimSnapshot(owner)).toBe(before);
    });
  }
});
