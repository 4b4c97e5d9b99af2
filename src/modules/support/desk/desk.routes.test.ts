import { afterAll, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { describeEachDatabase, openPeerDatabase } from '../../../platform/testing/test-database.ts';
import { ADMIN_KEY, openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

describeEachDatabase('agent desk: sign-in, queues and assignment', (open) => {
  const apps: DeskTestApp[] = [];
  const peers: Database[] = [];
  const fresh = async () => {
    const app = await openDeskTestApp(await open());
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const peer of peers) await peer.close();
  });

  it('signs an agent in with an HttpOnly, SameSite=Strict cookie and a neutral refusal for wrong details', async () => {
    const app = await fresh();
    const browser = await app.browser();
    const wrong = await browser.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: 'not-the-password' });
    const unknown = await browser.post('/api/desk/sign-in', { email: 'nobody@agents.reelhouse.example', password: DEMO_PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect((await browser.get('/api/desk/me')).statusCode).toBe(401);

    const signedIn = await browser.post('/api/desk/sign-in', { email: 'SAM@agents.reelhouse.example', password: DEMO_PASSWORD });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().agent).toMatchObject({ name: 'Sam Rivera', role: 'agent', skills: ['general', 'billing'] });
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/usher_agent_session=[^;]+; Path=\/; Max-Age=43200; SameSite=Strict; HttpOnly/);
    expect((await browser.get('/api/desk/me')).json().agent.email).toBe('sam@agents.reelhouse.example');

    expect((await browser.request('POST', '/api/desk/sign-out', {}, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await browser.post('/api/desk/sign-out')).statusCode).toBe(204);
    expect((await browser.get('/api/desk/me')).statusCode).toBe(401);
  });

  it('pauses sign-in for an email after five wrong passwords from one address', async () => {
    const app = await fresh();
    const browser = await app.browser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await browser.post('/api/desk/sign-in', { email: 'priya@agents.reelhouse.example', password: `wrong-${attempt}` })).statusCode).toBe(401);
    }
    const limited = await browser.post('/api/desk/sign-in', { email: 'priya@agents.reelhouse.example', password: DEMO_PASSWORD });
    expect(limited.statusCode).toBe(429);
    app.clock.advance(16 * 60 * 1000);
    expect((await browser.post('/api/desk/sign-in', { email: 'priya@agents.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('keeps a case queued while nobody with the skill is on duty, then gives it to the agent who signs in', async () => {
    const app = await fresh();
    const waiting = await app.handOff({ queue: 'billing' });
    expect(waiting.position).toBe(1);
    expect(app.chat.statuses).toContainEqual({ conversationId: waiting.conversationId, status: 'waiting' });

    app.clock.advance(90_000);
    const priya = await app.agent('priya');
    const queues = (await priya.get('/api/desk/queues')).json();
    const billing = queues.queues.find((queue: { queue: string }) => queue.queue === 'billing');
    expect(billing).toMatchObject({ waiting: 1, oldest_waiting_seconds: 90 });
    expect(billing.cases[0]).toMatchObject({ id: waiting.caseId, status: 'queued', waiting_seconds: 90, sla: { first_response: { remaining_seconds: 210, breached: false } } });
    expect(queues.agents).toBeNull();

    const sam = await app.agent('sam');
    const mine = (await sam.get('/api/desk/cases')).json();
    expect(mine.cases).toMatchObject([{ id: waiting.caseId, status: 'assigned', assigned_agent: { name: 'Sam Rivera' }, waiting_seconds: null }]);
    expect(app.chat.statuses.at(-1)).toEqual({ conversationId: waiting.conversationId, status: 'active' });
    expect(app.chat.messages.at(-1)).toMatchObject({ author: { kind: 'system' }, body: expect.stringContaining('Sam from the billing team has joined') });
  });

  it('sends each case to an agent with its skill, keeping the supervisor free, and shows supervisors everyone\'s load', async () => {
    const app = await fresh();
    const morgan = await app.agent('morgan');
    await app.agent('sam');
    await app.agent('priya');
    const security = await app.handOff({ queue: 'security' });
    const billing = await app.handOff({ queue: 'billing' });
    expect(security.position).toBe(0);
    const queues = (await morgan.get('/api/desk/queues')).json();
    const load = Object.fromEntries(queues.agents.map((agent: { name: string; load: number }) => [agent.name, agent.load]));
    expect(load).toEqual({ 'Morgan Lee': 0, 'Priya Nair': 1, 'Sam Rivera': 1 });
    expect(await app.desk.mayAgentJoin('agt_demo_priya', security.conversationId)).toBe(true);
    expect(await app.desk.mayAgentJoin('agt_demo_priya', billing.conversationId)).toBe(false);
    expect(await app.desk.mayAgentJoin('agt_demo_morgan', billing.conversationId)).toBe(true);
  });

  it('lets only the assigned agent or a supervisor see and work on a case', async () => {
    const app = await fresh();
    const sam = await app.agent('sam');
    const priya = await app.agent('priya');
    const morgan = await app.agent('morgan');
    const { caseId } = await app.handOff({ queue: 'billing' });
    expect((await sam.get(`/api/desk/cases/${caseId}`)).statusCode).toBe(200);
    const refused = await priya.get(`/api/desk/cases/${caseId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CASE_NOT_ASSIGNED');
    expect((await priya.post(`/api/desk/cases/${caseId}/notes`, { body: 'Looking at it' })).json().error.code).toBe('CASE_NOT_ASSIGNED');
    expect((await priya.post(`/api/desk/cases/${caseId}/actions/sign-out-devices`)).statusCode).toBe(403);
    expect((await morgan.get(`/api/desk/cases/${caseId}`)).statusCode).toBe(200);
    expect((await (await app.browser()).get(`/api/desk/cases/${caseId}`)).statusCode).toBe(401);
  });

  it('shows an agent the audit entries of their own cases and a supervisor all of them', async () => {
    const app = await fresh();
    const sam = await app.agent('sam');
    const priya = await app.agent('priya');
    const morgan = await app.agent('morgan');
    const billing = await app.handOff({ queue: 'billing' });
    const security = await app.handOff({ queue: 'security' });
    await sam.post(`/api/desk/cases/${billing.caseId}/notes`, { body: 'Member sounds worried about the double charge.' });
    await priya.post(`/api/desk/cases/${security.caseId}/notes`, { body: 'New device in another country last night.' });
    const samSees = (await sam.get('/api/desk/audit')).json().entries;
    expect(samSees.map((entry: { action: string }) => entry.action).sort()).toEqual(['note_added', 'sign_in']);
    expect(samSees.every((entry: { case_id: string | null }) => entry.case_id !== security.caseId)).toBe(true);
    const all = (await morgan.get('/api/desk/audit')).json().entries;
    expect(all.filter((entry: { action: string }) => entry.action === 'note_added')).toHaveLength(2);
    expect((await morgan.get(`/api/desk/audit?case_id=${security.caseId}`)).json().entries).toHaveLength(1);
  });

  it('adds an agent only with the admin key', async () => {
    const app = await fresh();
    const newcomer = { name: 'Alex Kim', email: 'alex@agents.reelhouse.example', password: 'a-long-password', role: 'agent', skills: ['technical'] };
    expect((await app.server.inject({ method: 'POST', url: '/api/desk/admin/agents', payload: newcomer })).statusCode).toBe(401);
    const created = await app.server.inject({ method: 'POST', url: '/api/desk/admin/agents', payload: newcomer, headers: { 'x-admin-key': ADMIN_KEY } });
    expect(created.statusCode).toBe(201);
    expect(created.json().agent).toMatchObject({ id: expect.stringMatching(/^agt_/), max_concurrent: 3, skills: ['technical'] });
    expect((await app.server.inject({ method: 'POST', url: '/api/desk/admin/agents', payload: newcomer, headers: { 'x-admin-key': ADMIN_KEY } })).statusCode).toBe(409);
    expect(await app.desk.seedDemo()).toEqual({ created: 0 });
  });

  it('never gives an agent more cases than their maximum when two processes assign at once', async () => {
    const database = await open();
    const app = await openDeskTestApp(database);
    apps.push(app);
    const peerDatabase = await openPeerDatabase(database);
    const peer = await openDeskTestApp(peerDatabase, { migrate: false });
    apps.push(peer);
    peers.push(peerDatabase);
    await app.agent('sam');
    const handOffs = await Promise.all([0, 1, 2, 3, 4, 5].map((index) => (index % 2 === 0 ? app : peer).handOff({ queue: 'billing' })));
    await Promise.all([app.desk.assignWaiting(), peer.desk.assignWaiting()]);
    const morgan = await app.agent('morgan');
    const queues = (await morgan.get('/api/desk/queues')).json();
    // Sam takes three; Morgan, on duty afterwards, takes the rest (up to five).
    expect(queues.agents.find((agent: { name: string }) => agent.name === 'Sam Rivera').load).toBe(3);
    expect(queues.agents.find((agent: { name: string }) => agent.name === 'Morgan Lee').load).toBe(3);
    expect(handOffs).toHaveLength(6);
  });
});
