import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { CODES, openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

const refund = (overrides: Record<string, unknown> = {}) => ({ charge_id: 'led_mar', amount: 1549, reason: 'Charged twice this month', idempotency_key: 'refund-key-0001', ...overrides });

describeEachDatabase('agent desk: working a case', (open) => {
  const apps: DeskTestApp[] = [];
  const fresh = async () => {
    const app = await openDeskTestApp(await open());
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** Sam signed in with Ava's billing case assigned to him. */
  const samWithCase = async (options: { accountId?: string | null } = {}) => {
    const app = await fresh();
    const sam = await app.agent('sam');
    const handed = await app.handOff({ queue: 'billing', ...options });
    return { app, sam, ...handed, url: `/api/desk/cases/${handed.caseId}` };
  };

  it('shows the case file\'s summary before verification and refuses every account action until then', async () => {
    const { app, sam, url } = await samWithCase();
    const before = (await sam.get(url)).json();
    expect(before.account).toBeNull();
    expect(before.refund_policy).toBeNull();
    expect(before.case_file).toMatchObject({
      intent: 'billing.double_charge', evidence: null, tried: [], findings: [], checklist: [{ item: 'Date and amount of the charge', answer: null }],
      snapshot_summary: { first_name: null, plan: 'standard', same_card_memberships: 1 }, withheld: { tried: 1, checklist_answers: 1, findings: 1, evidence: true },
    });
    expect(before.case_file.problem).toContain('[card number removed]');
    for (const fact of ['ava@demo.reelhouse.example', 'Ava', '15.49', '5 March', '4242']) expect(JSON.stringify(before)).not.toContain(fact);

    for (const [path, body] of [['refund', refund()], ['cancel-duplicate', { membership_id: 'mem_ben' }], ['remove-extra-member', { member_account_id: 'acct_jonas' }], ['sign-out-devices', {}]] as const) {
      const response = await sam.post(`${url}/actions/${path}`, body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('VERIFICATION_REQUIRED');
    }
    expect(app.account.calls).toEqual([]);
  });

  it('verifies only with a valid code of the case\'s own account, then shows the account', async () => {
    const { sam, url } = await samWithCase();
    expect((await sam.post(`${url}/verify`, { code: '999999' })).json().error.code).toBe('SERVICE_CODE_INVALID');
    expect((await sam.post(`${url}/verify`, { code: CODES.ben })).json().error.code).toBe('SERVICE_CODE_OTHER_ACCOUNT');
    const verified = await sam.post(`${url}/verify`, { code: CODES.ava });
    expect(verified.json()).toMatchObject({ verified: true, account_id: 'acct_ava' });
    const after = (await sam.get(url)).json();
    expect(after.verification).toMatchObject({ verified: true, verified_by: { name: 'Sam Rivera' } });
    expect(after.account.account.email).toBe('ava@demo.reelhouse.example');
    expect(after.case_file).toMatchObject({ evidence: { lines: 2 }, withheld: null, snapshot_summary: { first_name: 'Ava' }, checklist: [{ answer: '5 March, 15.49' }] });
    expect(after.refund_policy).toMatchObject({ one_period_charge: 1549, your_limit_left: 1549 });
    expect(after.steps.map((step: { kind: string }) => step.kind)).toEqual(['opened', 'assigned', 'verification_failed', 'verification_failed', 'verified']);
  });

  it('links a visitor\'s case to the account whose code they read out', async () => {
    const { sam, url } = await samWithCase({ accountId: null });
    expect((await sam.get(url)).json().case_file.snapshot_summary).toBeNull();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    expect((await sam.get(url)).json().case).toMatchObject({ account_id: 'acct_ava', verified: true });
  });

  it('lets an agent refund one period\'s charge, once per key, and refuses more with REFUND_LIMIT', async () => {
    const { app, sam, url } = await samWithCase();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    const first = await sam.post(`${url}/actions/refund`, refund());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ charge_id: 'led_mar', charge_date: '2026-03-05', amount: 1549, repeated: false });
    expect((await sam.post(`${url}/actions/refund`, refund())).json().repeated).toBe(true);
    expect(app.account.calls.filter((call) => call.action === 'refund')).toHaveLength(1);
    expect(app.chat.messages.at(-1)?.body).toContain('refunded $15.49 of the charge of March 5, 2026');

    const over = await sam.post(`${url}/actions/refund`, refund({ charge_id: 'led_up', amount: 300, idempotency_key: 'refund-key-0002' }));
    expect(over.statusCode).toBe(403);
    expect(over.json().error).toMatchObject({ code: 'REFUND_LIMIT', message: expect.stringContaining('A supervisor must do a larger refund') });
    const trail = (await sam.get(url)).json().audit.map((entry: { action: string }) => entry.action);
    expect(trail).toEqual(expect.arrayContaining(['refund', 'refund_refused']));
  });

  it('lets a supervisor refund beyond one period after an escalation', async () => {
    const { app, sam, url } = await samWithCase();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    await sam.post(`${url}/actions/refund`, refund());
    const escalated = await sam.post(`${url}/escalate`, { reason: 'Member wants the upgrade charge back too' });
    expect(escalated.json()).toMatchObject({ status: 'escalated', escalation_level: 1 });
    expect((await sam.get(url)).statusCode).toBe(403);

    const morgan = await app.agent('morgan');
    const detail = (await morgan.get(url)).json();
    expect(detail.case).toMatchObject({ status: 'escalated', assigned_agent: { name: 'Morgan Lee' } });
    expect(app.chat.messages.at(-1)?.body).toContain('Morgan, a supervisor, has joined');
    const done = await morgan.post(`${url}/actions/refund`, refund({ charge_id: 'led_up', amount: 300, idempotency_key: 'refund-key-0003' }));
    expect(done.statusCode).toBe(200);
    expect((await morgan.post(`${url}/actions/refund`, refund({ charge_id: 'led_feb', amount: 1549, idempotency_key: 'refund-key-0004' }))).statusCode).toBe(200);
  });

  it('cancels only a second membership on the same card, removes an extra member, signs out every device', async () => {
    const { app, sam, url } = await samWithCase();
    await sam.post(`${url}/verify`, { code: CODES.ava });
    const stranger = await sam.post(`${url}/actions/cancel-duplicate`, { membership_id: 'mem_carla' });
    expect(stranger.json().error.code).toBe('NOT_SAME_CARD');
    expect((await sam.post(`${url}/actions/cancel-duplicate`, { membership_id: 'mem_ben' })).json()).toEqual({ membership_id: 'mem_ben', status: 'canceled_pending', access_until: '2026-04-05' });
    expect((await sam.post(`${url}/actions/remove-extra-member`, { member_account_id: 'acct_carla' })).json().error.code).toBe('NOT_ON_CASE');
    expect((await sam.post(`${url}/actions/remove-extra-member`, { member_account_id: 'acct_jonas' })).json()).toEqual({ member_account_id: 'acct_jonas', access_until: '2026-04-05' });
    expect((await sam.post(`${url}/actions/sign-out-devices`)).json()).toEqual({ signed_out: 3 });
    expect(app.account.calls.map((call) => call.action)).toEqual(['cancel', 'remove_extra_member', 'sign_out_everywhere']);
    const detail = (await sam.get(url)).json();
    expect(detail.steps.map((step: { kind: string }) => step.kind)).toEqual(expect.arrayContaining(['cancel_duplicate', 'remove_extra_member', 'sign_out_devices']));
    expect(detail.steps.every((step: { at: string }) => !Number.isNaN(Date.parse(step.at)))).toBe(true);
  });

  it('blocks an agent message asking for a password or code, and times the first real reply', async () => {
    const { app, sam, url, conversationId } = await samWithCase();
    const posted = app.chat.messages.length;
    const blocked = await sam.post(`${url}/messages`, { body: 'To check, can you send me the code we just texted you?' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error).toMatchObject({ code: 'CREDENTIAL_REQUEST_BLOCKED', message: expect.stringContaining('service code') });
    expect(app.chat.messages).toHaveLength(posted);

    app.clock.advance(60_000);
    const sent = await sam.post(`${url}/messages`, { body: 'Hi Ava, I can see both charges. Could you read me the service code from Help in the app?' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message).toMatchObject({ author: { kind: 'agent', name: 'Sam' } });
    const detail = (await sam.get(url)).json();
    expect(detail.case.sla.first_response).toMatchObject({ met_at: '2026-03-10T12:01:00.000Z', breached: false });
    expect(detail.audit.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['message_blocked', 'message_sent']));
    expect(JSON.stringify(detail.audit)).not.toContain('texted');
    expect(await app.desk.mayAgentJoin('agt_demo_sam', conversationId)).toBe(true);
  });

  it('stops the first-response clock for an agent message sent over the chat\'s WebSocket', async () => {
    const { app, sam, url, conversationId } = await samWithCase();
    const conversation = await app.chat.port.get(conversationId);
    if (!conversation) throw new Error('the fake chat lost the conversation');
    app.clock.advance(7 * 60_000);
    const message = await app.chat.port.post({ conversationId, author: { kind: 'agent', id: 'agt_demo_sam', name: 'Sam' }, body: 'Hello Ava, Sam here.' });
    await app.desk.onMessageStored(conversation, { ...message, createdAt: app.clock.now().toISOString() });
    const timer = (await sam.get(url)).json().case.sla.first_response;
    expect(timer).toMatchObject({ met_at: '2026-03-10T12:07:00.000Z', breached: true, remaining_seconds: null });
    expect(app.desk.checkAgentMessage('What is your password?')).toContain('never ask');
  });

  it('stores notes redacted and never shows them to the member', async () => {
    const { sam, url } = await samWithCase();
    const note = await sam.post(`${url}/notes`, { body: 'Member read card 4242 4242 4242 4242 and code 482913 aloud; told them not to.' });
    expect(note.statusCode).toBe(201);
    expect(note.json().note.body).toContain('[card number removed]');
    expect(note.json().note.body).not.toMatch(/4242 4242|482913/);
    expect((await sam.get(url)).json().notes[0].body).toBe(note.json().note.body);
  });

  it('transfers a case to a specialist queue, where it waits for an agent with that skill', async () => {
    const { app, sam, url, conversationId } = await samWithCase();
    const moved = await sam.post(`${url}/transfer`, { queue: 'security', reason: 'A device the member does not know' });
    expect(moved.json()).toMatchObject({ queue: 'security', status: 'queued' });
    expect(app.chat.statuses.at(-1)).toEqual({ conversationId, status: 'waiting' });
    expect((await sam.post(`${url}/transfer`, { queue: 'security', reason: 'again' })).statusCode).toBe(403);
    const priya = await app.agent('priya');
    const detail = (await priya.get(url)).json();
    expect(detail.case).toMatchObject({ queue: 'security', status: 'assigned', assigned_agent: { name: 'Priya Nair' } });
    expect(detail.case.sla.first_response.due).toBe('2026-03-10T12:02:00.000Z');
    expect((await priya.post(`${url}/transfer`, { queue: 'security', reason: 'same queue' })).json().error.code).toBe('SAME_QUEUE');
  });

  it('resolves with an outcome and a summary the member keeps in the chat and in their account', async () => {
    const { app, sam, url, caseId, conversationId } = await samWithCase();
    await sam.post(`${url}/notes`, { body: 'Internal: second login is her brother\'s.' });
    const resolved = await sam.post(`${url}/resolve`, { outcome: 'cancellation', summary: 'We cancelled the second membership on your card; it will not be charged again.' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', outcome: 'cancellation' });
    expect(app.chat.messages.at(-1)).toMatchObject({ conversationId, payload: { kind: 'summary', data: { case_id: caseId, outcome: 'cancellation' } } });
    expect(app.chat.statuses.at(-1)).toEqual({ conversationId, status: 'closed' });
    expect((await sam.post(`${url}/notes`, { body: 'Follow-up: member thanked us.' })).statusCode).toBe(201);
    expect((await sam.post(`${url}/messages`, { body: 'One more thing' })).json().error.code).toBe('CASE_RESOLVED');

    const member = await app.server.inject({ url: '/api/me/support/cases', headers: { 'x-test-member': 'acct_ava' } });
    expect(member.json().cases).toEqual([expect.objectContaining({ id: caseId, status: 'resolved', outcome: 'cancellation', summary: expect.stringContaining('cancelled the second membership') })]);
    expect(member.body).not.toContain('brother');
    expect((await app.server.inject({ url: '/api/me/support/cases' })).statusCode).toBe(401);
    expect((await app.server.inject({ url: '/api/me/support/cases', headers: { 'x-test-member': 'acct_carla' } })).json().cases).toEqual([]);
  });

  it('refuses a summary that asks for a password', async () => {
    const { sam, url } = await samWithCase();
    const refused = await sam.post(`${url}/resolve`, { outcome: 'information', summary: 'Please reply with your password so we can finish.' });
    expect(refused.json().error.code).toBe('CREDENTIAL_REQUEST_BLOCKED');
  });
});
