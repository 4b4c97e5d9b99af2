import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { CODES, demoAccounts, openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

const refund = (overrides: Record<string, unknown> = {}) => ({ charge_id: 'led_mar', amount: 1549, reason: 'Charged twice this month', idempotency_key: 'refund-key-0001', ...overrides });

/** Jonas is Ava's extra member: his snapshot carries her membership and the other membership on her card. */
function jonasSnapshot(): AccountSnapshot {
  const ava = demoAccounts().get('acct_ava') as AccountSnapshot;
  return {
    ...ava,
    account: { ...ava.account, id: 'acct_jonas', name: 'Jonas Brandt', email: 'jonas@demo.reelhouse.example', role: 'extra_member', ownerAccountId: 'acct_ava' },
    extraMembers: [], invitations: [],
  };
}
const JONAS_CODE = '333333';

describeEachDatabase('agent desk: security review', (open) => {
  const apps: DeskTestApp[] = [];
  const fresh = async () => {
    const database = await open();
    const app = await openDeskTestApp(database, { accounts: new Map([['acct_jonas', jonasSnapshot()]]), codes: { [JONAS_CODE]: 'acct_jonas' } });
    apps.push(app);
    return { app, database };
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** Sam signed in with a billing case (Ava's unless told otherwise) assigned to him. */
  const samWithCase = async (accountId: string | null = 'acct_ava') => {
    const { app, database } = await fresh();
    const sam = await app.agent('sam');
    const handed = await app.handOff({ queue: 'billing', accountId });
    await app.desk.assignWaiting();
    return { app, database, sam, ...handed, url: `/api/desk/cases/${handed.caseId}` };
  };

  it('checks no more than five passwords when many wrong sign-ins for one agent arrive at once', async () => {
    const { app } = await fresh();
    const browser = await app.browser();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) =>
      browser.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: `guess-number-${index}` })));
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(5);
    // The others are refused before their password is checked (all of them, when they count each other at once).
    expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(7);
    expect(codes.every((code) => code === 401 || code === 429)).toBe(true);
  });

  it('pauses an address that tries passwords on many agent emails', async () => {
    const { app } = await fresh();
    const browser = await app.browser();
    for (let index = 0; index < 20; index += 1) {
      expect((await browser.post('/api/desk/sign-in', { email: `someone${index}@agents.reelhouse.example`, password: 'summer-2026' })).statusCode).toBe(401);
    }
    const limited = await browser.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: DEMO_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Try again in') });
    app.clock.advance(16 * 60 * 1000);
    expect((await browser.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('answers ids and texts holding a NUL character with a 400, never a 500', async () => {
    const { sam, url } = await samWithCase();
    expect((await sam.post(`${url}/verify`, { code: CODES.ava })).statusCode).toBe(200);
    const answers = [
      await sam.get('/api/desk/cases/case_%00'),
      await sam.get('/api/desk/audit?case_id=case_%00'),
      await sam.post('/api/desk/cases/case_%00/notes', { body: 'A note' }),
      await sam.post(`${url}/notes`, { body: 'Member says hi\u0000' }),
      await sam.post(`${url}/messages`, { body: 'Hello', client_id: 'c\u00001' }),
      await sam.post(`${url}/actions/refund`, refund({ idempotency_key: 'refund-key\u00000002' })),
      await sam.post(`${url}/actions/cancel-duplicate`, { membership_id: 'mem_\u0000' }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: expect.any(String) });
    }
    expect((await sam.get('/api/desk/cases/case_unknown')).statusCode).toBe(404);
  });

  it('keeps refunds and cancelling a same-card membership for the owner, not an extra member who read out their code', async () => {
    const { app, sam, url } = await samWithCase('acct_jonas');
    expect((await sam.post(`${url}/verify`, { code: JONAS_CODE })).json()).toMatchObject({ verified: true, account_id: 'acct_jonas' });
    for (const [path, body] of [['refund', refund({ amount: 100 })], ['cancel-duplicate', { membership_id: 'mem_ben' }]] as const) {
      const refused = await sam.post(`${url}/actions/${path}`, body);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'OWNER_ONLY', message: expect.stringContaining('Only the account owner') });
    }
    expect(app.account.calls).toEqual([]);
    // His own devices are his to sign out.
    expect((await sam.post(`${url}/actions/sign-out-devices`, {})).statusCode).toBe(200);
  });

  it('holds the agent\'s refund limit however the amount is split over keys, and only on the verified account\'s charges', async () => {
    const { app, sam, url } = await samWithCase();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    expect((await sam.post(`${url}/actions/refund`, refund({ amount: 1000, idempotency_key: 'split-key-1' }))).statusCode).toBe(200);
    expect((await sam.post(`${url}/actions/refund`, refund({ amount: 549, idempotency_key: 'split-key-2' }))).statusCode).toBe(200);
    const third = await sam.post(`${url}/actions/refund`, refund({ charge_id: 'led_feb', amount: 1, idempotency_key: 'split-key-3' }));
    expect(third.json().error.code).toBe('REFUND_LIMIT');
    expect((await sam.post(`${url}/actions/refund`, refund({ charge_id: 'led_c', amount: 1, idempotency_key: 'other-account-1' }))).json().error.code).toBe('NO_CHARGE');
    expect((await sam.post(`${url}/actions/refund`, refund({ membership_id: 'mem_carla', charge_id: 'led_c', amount: 1, idempotency_key: 'other-account-2' }))).json().error.code).toBe('NOT_ON_CASE');
    for (const amount of [0, -100, 1.5, '100']) {
      expect((await sam.post(`${url}/actions/refund`, refund({ amount, idempotency_key: 'bad-amount-1' }))).statusCode).toBe(400);
    }
    expect(app.account.calls.filter((call) => call.action === 'refund')).toHaveLength(2);
  });

  it('keeps the service code a member read out out of reasons, summaries and the audit log', async () => {
    const { app, sam, url } = await samWithCase();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    await sam.post(`${url}/actions/refund`, refund({ reason: 'Double charge, checked with service code 482913' }));
    const resolved = await sam.post(`${url}/resolve`, { outcome: 'refund', summary: 'We checked your service code 482913 and refunded the second charge of March.' });
    expect(resolved.statusCode).toBe(200);
    const detail = await sam.get(url);
    const member = await app.server.inject({ url: '/api/me/support/cases', headers: { 'x-test-member': 'acct_ava' } });
    for (const text of [resolved.body, detail.body, member.body, JSON.stringify(app.chat.messages)]) {
      expect(text).not.toContain('482913');
    }
    expect(detail.json().case.summary).toContain('[service code removed]');

    const other = await samWithCase();
    await other.sam.post(`${other.url}/transfer`, { queue: 'security', reason: 'Gave service code 482913 but sees a stranger\'s device' });
    const moved = await (await other.app.agent('morgan')).get(other.url);
    expect(moved.statusCode).toBe(200);
    expect(moved.body).not.toContain('482913');

    // The member's own words in the case file lose it too.
    const third = await fresh();
    const samAgain = await third.app.agent('sam');
    const placed = await third.app.desk.handOff({ conversationId: 'conv_with_code', accountId: 'acct_ava', queue: 'billing', caseFile: {
      intent: 'billing.multiple_charges', confidence: 0.9, reason: 'member_asked', problem: 'My service code is 482913 and I was charged twice', tried: [], checklist: [], snapshot: null, findings: [],
    } });
    await third.app.desk.assignWaiting();
    const view = await samAgain.get(`/api/desk/cases/${placed.caseId}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('I was charged twice');
    expect(view.body).not.toContain('482913');
  });

  it('leaves a case as it was when recording a step fails half-way, for a transfer and a resolution', async () => {
    const { app, database, sam, url, conversationId } = await samWithCase();
    await failAuditOf(database, ['transfer', 'resolve']);
    expect((await sam.post(`${url}/transfer`, { queue: 'security', reason: 'Needs the security team' })).statusCode).toBe(500);
    expect((await sam.post(`${url}/resolve`, { outcome: 'information', summary: 'Explained both charges to the member.' })).statusCode).toBe(500);
    const detail = (await sam.get(url)).json();
    expect(detail.case).toMatchObject({ queue: 'billing', status: 'assigned', assigned_agent: { name: 'Sam Rivera' }, outcome: null, summary: null });
    expect(detail.steps.map((step: { kind: string }) => step.kind)).toEqual(['opened', 'assigned']);
    expect(app.chat.statuses.filter((status) => status.conversationId === conversationId).map((status) => status.status)).not.toContain('closed');
  });

  it('lets a supervisor join only conversations that were handed to the desk', async () => {
    const { app, conversationId } = await samWithCase();
    app.chat.open('conv_assistant_only', 'acct_ava');
    expect(await app.desk.mayAgentJoin('agt_demo_morgan', conversationId)).toBe(true);
    expect(await app.desk.mayAgentJoin('agt_demo_morgan', 'conv_assistant_only')).toBe(false);
    expect(await app.desk.mayAgentJoin('agt_demo_priya', conversationId)).toBe(false);
  });
});

/** A database fault standing in for a crash between two writes: the audit log refuses these actions. */
async function failAuditOf(database: Database, actions: string[]): Promise<void> {
  const list = actions.map((action) => `'${action}'`).join(', ');
  await sql.raw(`CREATE FUNCTION desk_test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.action IN (${list}) THEN RAISE EXCEPTION 'the audit log is unavailable'; END IF; RETURN NEW; END $$`).execute(database.db);
  await sql.raw('CREATE TRIGGER desk_test_fail_audit BEFORE INSERT ON desk_audit_log FOR EACH ROW EXECUTE FUNCTION desk_test_fail_audit()').execute(database.db);
}
