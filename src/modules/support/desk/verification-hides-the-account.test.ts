import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { openChatSocket } from '../chat/testing/chat-socket-client.ts';
import { messagesUntil } from '../testing/conversation-polling.ts';
import { accountFacts, describeFound, findFacts, readMemberPages, type Fact } from './testing/account-facts.ts';

type Message = { seq: number; author: { kind: string; name: string }; body: string; payload: { kind: string; data?: unknown } | null; withheld?: boolean };
type CaseDetail = {
  case_file: {
    intent: string; problem: string; tried: string[]; findings: string[]; checklist: { item: string; answer: string | null }[]; evidence: unknown;
    withheld: { tried: number; checklist_answers: number; findings: number; evidence: boolean } | null;
    snapshot_summary: { first_name: string | null; same_card_memberships: number; security_signals: number; devices: number } | null;
  };
  account: unknown;
  messages: Message[];
};
type AgentName = 'sam' | 'priya' | 'morgan';
/** One member's case: who works it, and what of the account must wait for verification. */
type Opened = { member: HttpClient; agent: AgentName; caseId: string; conversationId: string; facts: Fact[]; waiting: unknown };

/**
 * Two members with rich accounts reach the desk through the assistant:
 * - Ben, charged twice because a second account pays with his card, asks
 *   why (the assistant explains both charges from his ledger); his projector
 *   is on his loft's network, a laptop signs in from Seattle and another
 *   from Lisbon (a security finding); he asks for a person (billing, Sam).
 * - Karim, whose account was taken over (devices in Lagos, his email changed),
 *   reports the stranger (security, Priya).
 * Every desk answer about their cases is searched for every account fact.
 */
describeEachDatabase('agent desk: nothing of the account before the member is verified', (open) => {
  let t: TestApp;
  const agents = {} as Record<AgentName, HttpClient>;
  let ben: Opened;
  let karim: Opened;

  const signIn = async (login: string, extra: Record<string, unknown> = {}): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.open();
    expect((await client.post('/api/sign-in', { login, password: DEMO_PASSWORD, ...extra })).statusCode).toBe(200);
    return client;
  };
  /** Another sign-in to the account from a public address (the demo places it in a town), on a device of its own. */
  const signInFrom = async (login: string, address: string, device: { type: string; name: string }): Promise<void> => {
    const session = await t.app.server.inject({ method: 'GET', url: '/api/session', remoteAddress: address });
    const csrf = session.cookies.find((cookie) => cookie.name === 'usher_csrf')?.value as string;
    const signedIn = await t.app.server.inject({
      method: 'POST', url: '/api/sign-in', remoteAddress: address, headers: { cookie: `usher_csrf=${csrf}`, 'x-csrf-token': csrf },
      payload: { login, password: DEMO_PASSWORD, device },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  };
  const agent = async (name: AgentName): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.get('/api/desk/session');
    expect((await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const json = async (client: HttpClient, method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> => {
    const response = method === 'GET' ? await client.get(url) : await client.post(url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const caseOf = async (viewer: HttpClient, queue: string, conversationId: string): Promise<{ id: string } | undefined> => {
    const answer = (await json(viewer, 'GET', '/api/desk/queues')) as { queues: { queue: string; cases: { id: string; conversation_id: string }[] }[] };
    return answer.queues.find((item) => item.queue === queue)?.cases.find((item) => item.conversation_id === conversationId);
  };

  /**
   * Every desk answer that carries something of a case: its page, lists and
   * audit for its agent and a supervisor, the queues for an agent of another
   * team, and what sending a message and a note answer.
   */
  const deskAnswers = async (opened: Opened, label: string): Promise<Record<string, unknown>> => {
    const own = agents[opened.agent];
    const other = opened.agent === 'sam' ? 'priya' : 'sam';
    const url = `/api/desk/cases/${opened.caseId}`;
    return {
      [`${opened.agent} GET ${url}`]: await json(own, 'GET', url),
      [`${opened.agent} GET /api/desk/cases`]: await json(own, 'GET', '/api/desk/cases'),
      [`${opened.agent} GET /api/desk/queues`]: await json(own, 'GET', '/api/desk/queues'),
      [`${opened.agent} GET /api/desk/audit?case_id=…`]: await json(own, 'GET', `/api/desk/audit?case_id=${opened.caseId}`),
      [`${opened.agent} GET /api/desk/audit`]: await json(own, 'GET', '/api/desk/audit'),
      [`${opened.agent} POST ${url}/messages`]: await json(own, 'POST', `${url}/messages`, { body: `Hello, I am looking into this now (${label}).` }),
      [`${opened.agent} POST ${url}/notes`]: await json(own, 'POST', `${url}/notes`, { body: `Working on it (${label}).` }),
      [`morgan GET ${url}`]: await json(agents.morgan, 'GET', url),
      'morgan GET /api/desk/cases?scope=all': await json(agents.morgan, 'GET', '/api/desk/cases?scope=all'),
      'morgan GET /api/desk/cases?state=resolved&scope=all': await json(agents.morgan, 'GET', '/api/desk/cases?state=resolved&scope=all'),
      'morgan GET /api/desk/queues': await json(agents.morgan, 'GET', '/api/desk/queues'),
      'morgan GET /api/desk/audit': await json(agents.morgan, 'GET', '/api/desk/audit'),
      [`${other} GET /api/desk/queues`]: await json(agents[other], 'GET', '/api/desk/queues'),
      [`${other} GET /api/desk/cases`]: await json(agents[other], 'GET', '/api/desk/cases'),
      'the case waiting in its queue (GET /api/desk/queues)': opened.waiting,
    };
  };

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: true, database: await open() });
    await t.app.server.listen({ host: '127.0.0.1', port: 0 });
    // Priya (security, technical) is on duty; nobody of the billing team is yet, so Ben's case waits in the queue.
    agents.priya = await agent('priya');

    const benClient = await signIn('ben@demo.reelhouse.example', { device: { type: 'tv', name: 'Den projector' }, network_id: 'net_okafor_loft' });
    const benChat = ((await benClient.post('/api/chat/conversations', { text: 'I was charged twice this month, why?' })).json() as { conversation: { id: string } }).conversation.id;
    await messagesUntil<Message>(benClient, benChat, (messages) => messages.some((message) => message.payload?.kind === 'charge_explanation'));
    await signInFrom('ben@demo.reelhouse.example', '203.0.113.6', { type: 'computer', name: 'Kitchen laptop' });
    await signInFrom('ben@demo.reelhouse.example', '203.0.113.19', { type: 'computer', name: 'Unknown Chromebook' });
    expect((await benClient.post(`/api/chat/conversations/${benChat}/messages`, { body: 'I want to talk to a person', client_id: 'ask-person' })).statusCode).toBe(201);
    await messagesUntil<Message>(benClient, benChat, (messages) => messages.some((message) => message.payload?.kind === 'handoff'));
    const benWaiting = await json(agents.priya, 'GET', '/api/desk/queues');
    const benCase = await caseOf(agents.priya, 'billing', benChat);
    expect(benCase).toBeDefined();
    const benPages = await readMemberPages(benClient);
    expect(benPages.devices.map((device) => device.location)).toEqual(expect.arrayContaining(['Seattle, United States', 'Lisbon, Portugal']));
    expect(benPages.devices.map((device) => device.network_id)).toContain('net_okafor_loft');
    expect(benPages.signals.map((signal) => signal.summary).join(' ')).toContain('Lisbon, Portugal');
    ben = { member: benClient, agent: 'sam', caseId: (benCase as { id: string }).id, conversationId: benChat, facts: accountFacts(benPages), waiting: benWaiting };
    agents.sam = await agent('sam');
    agents.morgan = await agent('morgan');
    await messagesUntil<Message>(benClient, benChat, (messages) => messages.some((message) => message.author.kind === 'system'));

    const karimClient = await signIn('karim@demo.reelhouse.example', { device: { type: 'tv', name: 'Study projector' }, network_id: 'net_haddad_flat' });
    const karimChat = ((await karimClient.post('/api/chat/conversations', { text: 'Someone I do not know is using my account from another country' })).json() as { conversation: { id: string } }).conversation.id;
    await messagesUntil<Message>(karimClient, karimChat, (messages) => messages.some((message) => message.author.kind === 'system'));
    const karimPages = await readMemberPages(karimClient);
    expect(karimPages.devices.map((device) => device.location)).toContain('Lagos, Nigeria');
    const karimCase = ((await json(agents.priya, 'GET', '/api/desk/cases')) as { cases: { id: string; conversation_id: string }[] }).cases.find((item) => item.conversation_id === karimChat);
    expect(karimCase).toBeDefined();
    karim = { member: karimClient, agent: 'priya', caseId: (karimCase as { id: string }).id, conversationId: karimChat, facts: accountFacts(karimPages), waiting: null };

    // A wrong code first: the failed verification is a step and an audit entry of its own.
    for (const opened of [ben, karim]) expect((await agents[opened.agent].post(`/api/desk/cases/${opened.caseId}/verify`, { code: '000000' })).statusCode).toBe(422);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  /** What the agent's browser receives over the chat's WebSocket: the whole conversation replayed, then the member typing. */
  const socketFrames = async (opened: Opened): Promise<unknown[]> => {
    const address = t.app.server.server.address() as { port: number };
    const socket = await openChatSocket({ url: `ws://127.0.0.1:${address.port}/api/chat/ws?as=agent`, cookies: agents[opened.agent].cookies });
    try {
      socket.send({ type: 'hello', conversation_id: opened.conversationId, last_seq: 0 });
      const ready = await socket.waitFor((frame) => frame.type === 'ready');
      await socket.waitForMessages((ready.conversation as { last_seq: number }).last_seq);
      const member = await openChatSocket({ url: `ws://127.0.0.1:${address.port}/api/chat/ws`, cookies: opened.member.cookies });
      member.send({ type: 'hello', conversation_id: opened.conversationId, last_seq: 0 });
      await member.waitFor((frame) => frame.type === 'ready');
      member.send({ type: 'typing', on: true });
      await socket.waitFor((frame) => frame.type === 'typing');
      member.close();
      return [...socket.frames];
    } finally {
      socket.close();
    }
  };

  const detailOf = (answers: Record<string, unknown>, opened: Opened): CaseDetail => answers[`${opened.agent} GET /api/desk/cases/${opened.caseId}`] as CaseDetail;

  it('shows no email, name, phone, card, charge, device, network or security finding in any desk answer before verification', async () => {
    for (const opened of [ben, karim]) {
      const found = findFacts({ ...(await deskAnswers(opened, 'before')), 'the agent\'s chat socket': await socketFrames(opened) }, opened.facts);
      expect(found, `${found.length} account facts shown before verification:\n${describeFound(found)}`).toEqual([]);
    }
  });

  it('shows the agent before verification the kind of problem, the member\'s own words, the questions to ask and how much waits', async () => {
    const detail = detailOf(await deskAnswers(ben, 'before'), ben);
    expect(detail.account).toBeNull();
    expect(detail.case_file).toMatchObject({ intent: expect.stringMatching(/^billing\./), problem: 'I was charged twice this month, why?', tried: [], findings: [], evidence: null });
    expect(detail.case_file.checklist.length).toBeGreaterThan(0);
    expect(detail.case_file.checklist.every((entry) => entry.answer === null)).toBe(true);
    expect(detail.case_file.withheld).toMatchObject({ findings: expect.any(Number), checklist_answers: expect.any(Number), tried: expect.any(Number), evidence: true });
    expect(detail.case_file.withheld!.findings).toBeGreaterThan(0);
    // Counts orient the agent: two memberships on one card, a device abroad.
    expect(detail.case_file.snapshot_summary).toMatchObject({ first_name: null, same_card_memberships: 1, security_signals: 1 });
    const memberSaid = detail.messages.filter((message) => message.author.kind === 'member');
    expect(memberSaid.map((message) => message.body)).toEqual(expect.arrayContaining(['I was charged twice this month, why?', 'I want to talk to a person']));
    expect(memberSaid.every((message) => message.author.name === 'Member')).toBe(true);
    expect(detail.messages.find((message) => message.payload?.kind === 'charge_explanation')).toEqual(expect.objectContaining({
      author: expect.objectContaining({ kind: 'assistant' }), withheld: true, payload: { kind: 'charge_explanation' }, body: expect.stringContaining('Hidden until the member is verified'),
    }));
    expect(detail.messages.find((message) => message.payload?.kind === 'handoff')).toMatchObject({ withheld: false, body: expect.stringContaining('billing team') });
  });

  it('shows the account, the findings and the assistant\'s answers once the member read out their service code', async () => {
    for (const opened of [ben, karim]) {
      const code = (await opened.member.get('/api/me/service-code')).json() as { code: string };
      expect((await agents[opened.agent].post(`/api/desk/cases/${opened.caseId}/verify`, { code: code.code })).statusCode).toBe(200);
      const answers = await deskAnswers(opened, 'after');
      const detail = detailOf(answers, opened);
      const shown = new Set(findFacts({ detail }, opened.facts).map((item) => item.fact.what));
      expect(opened.facts.filter((fact) => fact.after && !shown.has(fact.what)).map((fact) => fact.what)).toEqual([]);
      expect(detail.case_file.withheld).toBeNull();
      expect(detail.case_file.findings.length).toBeGreaterThan(0);
      expect(detail.messages.every((message) => message.withheld === false)).toBe(true);
      expect(detail.case_file.snapshot_summary?.first_name).toMatch(/^(Ben|Karim)$/);
      const overSocket = new Set(findFacts({ frames: await socketFrames(opened) }, opened.facts).map((item) => item.fact.what));
      expect(overSocket.size, 'the agent\'s chat socket shows the account once verified').toBeGreaterThan(0);
    }
    const benDetail = detailOf(await deskAnswers(ben, 'after, again'), ben);
    expect(benDetail.case_file.findings.join(' ')).toMatch(/same card/i);
    expect(benDetail.messages.find((message) => message.payload?.kind === 'charge_explanation')?.payload?.data).toEqual(expect.any(Object));
  });
});
