import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { REFERENCE_PATTERN } from './escalation.rules.ts';
import { openEscalationTestApp, type EscalationTestApp } from './testing/escalation-test-app.ts';

const complaint = (overrides: Record<string, unknown> = {}) => ({ kind: 'complaint', topic: 'billing', description: 'I was charged twice in March and the agent did not refund it.', ...overrides });

describeEachDatabase('escalations: complaints and specialist requests', (open) => {
  const apps: EscalationTestApp[] = [];
  const fresh = async () => {
    const app = await openEscalationTestApp(await open());
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  const file = async (app: EscalationTestApp, accountId = 'acct_ava', body = complaint()) => {
    const response = await app.member(accountId).post('/api/me/support/escalations', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().escalation as { reference: string; steps: { kind: string; summary: string; by: string; partner_note: string | null }[]; [key: string]: unknown };
  };
  const idOf = async (app: EscalationTestApp, reference: string) => {
    const morgan = await app.agent('morgan');
    return (await morgan.get(`/api/desk/escalations/${reference}`)).json().escalation.id as string;
  };

  it('gives the member a reference and the dates we answer by, and shows it only to them', async () => {
    const app = await fresh();
    const filed = await file(app);
    expect(filed.reference).toMatch(REFERENCE_PATTERN);
    expect(filed).toMatchObject({ kind: 'complaint', status: 'open', opened_at: '2026-03-10T12:00:00.000Z', acknowledge_by: '2026-03-12T12:00:00.000Z', answer_by: '2026-03-31T12:00:00.000Z' });
    expect(filed.steps).toEqual([expect.objectContaining({ kind: 'opened', by: 'you', by_name: 'You', summary: expect.stringContaining(filed.reference) })]);

    const list = (await app.member('acct_ava').get('/api/me/support/escalations')).json();
    expect(list.escalations.map((item: { reference: string }) => item.reference)).toEqual([filed.reference]);
    expect((await app.member('acct_ava').get(`/api/me/support/escalations/${filed.reference}`)).statusCode).toBe(200);

    // Another member: the same answer as for a reference that does not exist.
    const stranger = await app.member('acct_carla').get(`/api/me/support/escalations/${filed.reference}`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('ESCALATION_NOT_FOUND');
    expect((await app.member('acct_carla').get('/api/me/support/escalations')).json().escalations).toEqual([]);
    // A visitor.
    expect((await app.member(null).get('/api/me/support/escalations')).statusCode).toBe(401);
    expect((await app.member(null).post('/api/me/support/escalations', complaint())).statusCode).toBe(401);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const app = await fresh();
    for (const body of [complaint({ kind: 'lawsuit' }), complaint({ description: 'short' }), complaint({ topic: undefined })]) {
      const response = await app.member('acct_ava').post('/api/me/support/escalations', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), field: expect.stringMatching(/^body\./) });
    }
    const notMine = await app.member('acct_ava').post('/api/me/support/escalations', complaint({ conversation_id: 'conv_someone_else' }));
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('shows supervisors every escalation with its deadlines, agents only theirs', async () => {
    const app = await fresh();
    const filed = await file(app);
    const morgan = await app.agent('morgan');
    const sam = await app.agent('sam');
    const listed = (await morgan.get('/api/desk/escalations')).json().escalations;
    expect(listed).toEqual([expect.objectContaining({
      reference: filed.reference, account_id: 'acct_ava', status: 'open', assigned_agent: null,
      deadlines: { acknowledge: { due: '2026-03-12T12:00:00.000Z', met_at: null, remaining_seconds: 2 * 86_400, overdue: false }, answer: expect.objectContaining({ due: '2026-03-31T12:00:00.000Z', overdue: false }) },
    })]);
    expect((await sam.get('/api/desk/escalations')).json().escalations).toEqual([]);
    const refused = await sam.get(`/api/desk/escalations/${filed.reference}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ESCALATION_NOT_ASSIGNED');
    expect((await app.member('acct_ava').get('/api/desk/escalations')).statusCode).toBe(401);

    app.clock.advance(3 * 86_400_000);
    // Desk sessions last 12 hours: Morgan signs in again.
    const late = (await (await app.agent('morgan')).get('/api/desk/escalations')).json().escalations[0];
    expect(late.deadlines.acknowledge).toMatchObject({ overdue: true, remaining_seconds: -86_400 });
  });

  it('records every step with who and when; the member reads all but internal notes; each step is audited', async () => {
    const app = await fresh();
    const filed = await file(app);
    const id = await idOf(app, filed.reference);
    const morgan = await app.agent('morgan');
    const sam = await app.agent('sam');
    const samId = (await sam.get('/api/desk/me')).json().agent.id as string;

    const samAssigns = await sam.post(`/api/desk/escalations/${id}/steps`, { kind: 'assigned', assignee_id: samId });
    expect(samAssigns.statusCode).toBe(403);
    expect(samAssigns.json().error.code).toBe('SUPERVISOR_ONLY');
    expect((await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'assigned', assignee_id: samId })).statusCode).toBe(201);

    const steps = [
      { kind: 'acknowledged' },
      { kind: 'internal_note', summary: 'Ledger shows two charges on 5 March; the second was a same-card account.' },
      { kind: 'note_to_member', summary: 'I am checking both March charges with our billing team.' },
      { kind: 'proposal', summary: 'We propose to refund the second charge of 15.49 and close the duplicate account.' },
    ];
    for (const step of steps) expect((await sam.post(`/api/desk/escalations/${id}/steps`, step)).statusCode).toBe(201);
    const blocked = await sam.post(`/api/desk/escalations/${id}/steps`, { kind: 'note_to_member', summary: 'Please send me your password so I can check.' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.code).toBe('CREDENTIAL_REQUEST_BLOCKED');
    expect((await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'resolved', summary: 'Refund made.' })).json().error.code).toBe('OUTCOME_REQUIRED');
    const resolved = await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'resolved', outcome: 'upheld', summary: 'We refunded 15.49 and closed the duplicate account. Sorry for the trouble.' });
    expect(resolved.statusCode).toBe(201);
    expect(resolved.json().escalation).toMatchObject({ status: 'resolved', outcome: 'upheld', assigned_agent: { name: 'Sam Rivera' } });
    const late = await sam.post(`/api/desk/escalations/${id}/steps`, { kind: 'note_to_member', summary: 'One more thing.' });
    expect(late.statusCode).toBe(409);

    const member = (await app.member('acct_ava').get(`/api/me/support/escalations/${filed.reference}`)).json().escalation;
    expect(member.status).toBe('resolved');
    expect(member.steps.map((step: { kind: string; by: string; by_name: string }) => [step.kind, step.by, step.by_name])).toEqual([
      ['opened', 'you', 'You'], ['assigned', 'supervisor', 'Morgan'], ['acknowledged', 'agent', 'Sam'], ['note_to_member', 'agent', 'Sam'],
      ['proposal', 'agent', 'Sam'], ['resolved', 'supervisor', 'Morgan'],
    ]);
    expect(JSON.stringify(member)).not.toContain('Ledger shows two charges');
    expect(member.steps[1].summary).toBe('Sam, a specialist, is now handling it.');
    expect(member.acknowledged_at).not.toBeNull();
    // Upheld: no routes outside us.
    expect(member.dispute_routes).toBeNull();

    const desk = (await morgan.get(`/api/desk/escalations/${id}`)).json();
    expect(desk.steps.find((step: { kind: string }) => step.kind === 'internal_note')).toMatchObject({ visible_to_member: false, actor: { kind: 'agent', name: 'Sam Rivera' } });
    const audit = (await morgan.get('/api/desk/audit?limit=50')).json().entries.map((entry: { action: string }) => entry.action);
    for (const action of ['escalation_opened', 'escalation_assigned', 'escalation_acknowledged', 'escalation_internal_note', 'escalation_note_to_member', 'escalation_proposal', 'escalation_resolved'])
      expect(audit).toContain(action);
  });

  it('names the billing partner in every answer and, for an unresolved billing dispute, the routes in the member\'s country', async () => {
    const app = await fresh();
    const filed = await file(app, 'acct_emi');
    expect(filed.billing_partner).toMatchObject({ name: 'Northwind Mobile', advice: expect.stringContaining('ask Northwind Mobile') });
    const id = await idOf(app, filed.reference);
    const morgan = await app.agent('morgan');
    await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'acknowledged' });
    await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'resolved', outcome: 'not_upheld', summary: 'The charge was made by Northwind Mobile; we made no charge in March.' });
    const member = (await app.member('acct_emi').get(`/api/me/support/escalations/${filed.reference}`)).json().escalation;
    const answers = member.steps.filter((step: { by: string }) => step.by !== 'you');
    expect(answers).toHaveLength(2);
    for (const step of answers) expect(step.partner_note).toContain('Northwind Mobile');
    expect(member.dispute_routes).toMatchObject({ country: 'GB', bank: expect.stringContaining('first ask Northwind Mobile'), bodies: [{ name: 'Test Ombudsman' }] });
  });

  it('explains the routes once a billing complaint is past its answer date without an answer', async () => {
    const app = await fresh();
    const filed = await file(app, 'acct_emi');
    expect(filed.dispute_routes).toBeNull();
    app.clock.set('2026-04-01T00:00:00Z');
    const member = (await app.member('acct_emi').get(`/api/me/support/escalations/${filed.reference}`)).json().escalation;
    expect(member.dispute_routes).toMatchObject({ country: 'GB' });
  });

  it('stores the member\'s words and the desk\'s redacted', async () => {
    const app = await fresh();
    const filed = await file(app, 'acct_ava', complaint({ description: 'Charged twice on card 4242 4242 4242 4242, my password is hunter2horse' }));
    expect(filed.description).toContain('[card number removed]');
    expect(JSON.stringify(filed)).not.toContain('4242 4242');
    const id = await idOf(app, filed.reference);
    const morgan = await app.agent('morgan');
    const noted = await morgan.post(`/api/desk/escalations/${id}/steps`, { kind: 'internal_note', summary: 'Member read out card 4111 1111 1111 1111 on the call.' });
    expect(JSON.stringify(noted.json())).not.toContain('4111 1111');
  });

  it('files one escalation when the same chat asks twice at the same moment', async () => {
    const app = await fresh();
    app.chat.open('conv_twice', 'acct_ava');
    const body = complaint({ conversation_id: 'conv_twice' });
    const answers = await Promise.all([1, 2, 3].map(() => app.member('acct_ava').post('/api/me/support/escalations', body)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.json().escalation.reference)).size).toBe(1);
    expect(answers.filter((answer) => answer.json().repeated === false)).toHaveLength(1);
    expect((await app.member('acct_ava').get('/api/me/support/escalations')).json().escalations).toHaveLength(1);
  });

  it('writes the system\'s step, once, when a date we gave passes, and the member reads it', async () => {
    const app = await fresh();
    const filed = await file(app);
    expect(await app.escalations.recordOverdue()).toBe(0);
    app.clock.set('2026-03-13T00:00:00Z');
    expect(await app.escalations.recordOverdue()).toBe(1);
    expect(await app.escalations.recordOverdue()).toBe(0);
    app.clock.set('2026-04-01T00:00:00Z');
    expect(await app.escalations.recordOverdue()).toBe(1);
    const member = (await app.member('acct_ava').get(`/api/me/support/escalations/${filed.reference}`)).json().escalation;
    expect(member.steps.map((step: { kind: string; by: string }) => [step.kind, step.by])).toEqual([['opened', 'you'], ['acknowledge_overdue', 'system'], ['answer_overdue', 'system']]);
    expect(member.steps[2].summary).toContain('We have not given our answer by 2026-03-31');
    const audit = (await (await app.agent('morgan')).get('/api/desk/audit?limit=20')).json().entries.filter((entry: { action: string }) => entry.action === 'escalation_overdue');
    expect(audit).toHaveLength(2);
  });

  it('limits how many a member files in a day', async () => {
    const app = await fresh();
    for (let n = 0; n < 10; n += 1) await file(app, 'acct_carla');
    const over = await app.member('acct_carla').post('/api/me/support/escalations', complaint());
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
  });
});
