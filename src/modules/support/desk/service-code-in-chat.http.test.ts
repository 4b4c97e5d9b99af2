/**
 * Verification that never exposes the service code (issue 11, point 6),
 * through the whole app: the agent asks in the chat, the member types the
 * code into the secure field (or, anyway, into a message), the server
 * checks it, and both open sockets hear it at once. The code is never in a
 * stored message, the transcript, any table or the logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.ts';
import { findInDatabase } from '../../../platform/testing/database-scan.ts';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { until } from '../../../platform/testing/until.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { openChatSocket, type ChatSocketClient, type MessageFrame } from '../chat/testing/chat-socket-client.ts';
import { SERVICE_CODE_SENT } from './service-code-request.rules.ts';
import { WITHHELD_MESSAGE } from './verification-view.rules.ts';

type Message = MessageFrame['message'] & { payload: { kind: string; data?: Record<string, unknown> } | null };

/** A code that is not the member's: same shape, different digits. */
const otherThan = (code: string, seed: number) => String((Number(code) + 111_111 * seed) % 1_000_000).padStart(6, '0');

describeEachDatabase('the service code in the chat', (open) => {
  let t: TestApp;
  let origin: string;
  const logLines: string[] = [];
  const sockets: ChatSocketClient[] = [];

  beforeAll(async () => {
    const destination = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
    // 15:02 UTC on a Tuesday: the US desk is open; every request and message is logged (level debug).
    t = await openTestApp({ today: '2026-03-10T15:02:00Z', demo: true, database: await open(), logger: createLogger({ level: 'debug', destination }) });
    origin = await t.app.server.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  const agent = async (name: 'sam' | 'priya' | 'morgan'): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.get('/api/desk/session');
    expect((await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const socketFor = async (client: HttpClient, conversationId: string, as: 'member' | 'agent') => {
    const socket = await openChatSocket({ url: `${origin.replace('http', 'ws')}/api/chat/ws${as === 'agent' ? '?as=agent' : ''}`, cookies: client.cookies, origin });
    sockets.push(socket);
    socket.send({ type: 'hello', conversation_id: conversationId, last_seq: 0 });
    await socket.waitFor((frame) => frame.type === 'ready');
    return socket;
  };
  const history = (client: HttpClient, conversationId: string) => async () =>
    ((await client.get(`/api/chat/conversations/${conversationId}`)).json() as { messages: Message[] }).messages;
  const event = (message: { payload: unknown }) => (message.payload as { data?: { event?: string } } | null)?.data?.event;

  it('asks, refuses wrong codes within the limit, verifies from the secure field, tells both sockets at once, and keeps the code nowhere', async () => {
    const ben = createHttpClient(t.app.server);
    await ben.open();
    expect((await ben.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const code = ((await ben.get('/api/me/service-code')).json() as { code: string }).code;
    const [sam, priya, morgan] = [await agent('sam'), await agent('priya'), await agent('morgan')];

    const started = await ben.post('/api/chat/conversations', { text: 'I was charged twice this month for my membership' });
    expect(started.statusCode, started.body).toBe(201);
    const conversationId = (started.json() as { conversation: { id: string } }).conversation.id;
    await until(history(ben, conversationId), (list) => list.some((message) => message.author.kind === 'assistant'), 'the assistant answers');
    expect((await ben.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'I want to talk to a person', client_id: 'ask-person' })).statusCode).toBe(201);
    const caseOf = async (client: HttpClient) => ((await client.get('/api/desk/cases')).json() as { cases: { id: string; conversation_id: string }[] }).cases.find((item) => item.conversation_id === conversationId);
    const found = await until(async () => {
      for (const [client, other] of [[sam, priya], [priya, sam]] as const) {
        const deskCase = await caseOf(client);
        if (deskCase) return { handler: client, other, caseId: deskCase.id };
      }
      return undefined;
    }, (value) => value !== undefined, 'the case reaches an agent');
    const { handler, other, caseId } = found!;

    const memberSocket = await socketFor(ben, conversationId, 'member');
    const agentSocket = await socketFor(handler, conversationId, 'agent');
    // Before verification the agent's socket withholds a tap that may name the account.
    memberSocket.send({ type: 'send', client_id: 'tap-1', body: 'Yes, refund the 2026-03-05 charge', choice: 'test_choice_1' });
    const withheld = await agentSocket.waitFor<MessageFrame>((frame) => frame.type === 'message' && (frame as MessageFrame).message.client_id === 'tap-1');
    expect(withheld.message.body).toBe(WITHHELD_MESSAGE);

    // Nobody asked yet: the field is not open.
    const early = await ben.post(`/api/chat/conversations/${conversationId}/service-code`, { code });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'SERVICE_CODE_NOT_ASKED' } });

    // Only the case's own agent may ask: not another agent, not a supervisor reading it, not the member.
    expect((await other.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(403);
    expect((await morgan.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(403);
    expect((await ben.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(401);
    const asked = await handler.post(`/api/desk/cases/${caseId}/ask-service-code`, {});
    expect(asked.statusCode, asked.body).toBe(200);
    await memberSocket.waitFor((frame) => frame.type === 'message' && event((frame as MessageFrame).message) === 'service_code_requested');
    expect(((await handler.get(`/api/desk/cases/${caseId}`)).json() as { verification: { service_code_asked_at: string | null } }).verification.service_code_asked_at).toBe('2026-03-10T15:02:00.000Z');

    // A wrong code typed into an ordinary message: taken out before storing, checked, and the member is told.
    const wrong = otherThan(code, 1);
    memberSocket.send({ type: 'send', client_id: 'typed-code', body: `my code is ${wrong.slice(0, 3)} ${wrong.slice(3)}` });
    const typed = await memberSocket.waitFor<MessageFrame>((frame) => frame.type === 'message' && (frame as MessageFrame).message.client_id === 'typed-code');
    expect(typed.message.body).toBe(`my code is ${SERVICE_CODE_SENT}`);
    const told = await memberSocket.waitFor<MessageFrame>((frame) => frame.type === 'message' && event((frame as MessageFrame).message) === 'service_code_wrong');
    expect(told.message.body).toContain('4 tries left');

    // Wrong codes in the secure field count too; the fifth closes the field until the agent asks again.
    for (const [index, left] of [[2, 3], [3, 2], [4, 1], [5, 0]] as const) {
      const refused = await ben.post(`/api/chat/conversations/${conversationId}/service-code`, { code: otherThan(code, index) });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'SERVICE_CODE_INVALID', field: 'code' } });
      expect((refused.json() as { error: { message: string } }).error.message).toContain(left === 0 ? 'last try' : `${left} ${left === 1 ? 'try' : 'tries'} left`);
    }
    const closed = await ben.post(`/api/chat/conversations/${conversationId}/service-code`, { code });
    expect(closed.statusCode).toBe(409);
    expect(((await handler.get(`/api/desk/cases/${caseId}`)).json() as { verification: { verified: boolean; service_code_asked_at: string | null } }).verification)
      .toMatchObject({ verified: false, service_code_asked_at: null });

    // Asked again a little later, the right code from the secure field verifies; both sockets hear it without another message.
    t.clock.set('2026-03-10T15:04:30Z');
    expect((await handler.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(200);
    const agentFramesBefore = agentSocket.frames.length;
    const verified = await ben.post(`/api/chat/conversations/${conversationId}/service-code`, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual({ verified: true, verified_at: '2026-03-10T15:04:30.000Z' });
    await agentSocket.waitFor((frame) => frame.type === 'verified' && frame.verified_at === '2026-03-10T15:04:30.000Z', 30_000, agentFramesBefore);
    await memberSocket.waitFor((frame) => frame.type === 'verified');
    for (const socket of [memberSocket, agentSocket]) {
      const line = await socket.waitFor<MessageFrame>((frame) => frame.type === 'message' && event((frame as MessageFrame).message) === 'identity_verified');
      expect(line.message.body).toBe('Identity verified with the service code at 15:04 UTC.');
      expect(line.message.author.kind).toBe('system');
    }
    // The agent's open socket lifted its view: the next tap arrives whole.
    memberSocket.send({ type: 'send', client_id: 'tap-2', body: 'Yes, refund the 2026-03-08 charge', choice: 'test_choice_2' });
    const whole = await agentSocket.waitFor<MessageFrame>((frame) => frame.type === 'message' && (frame as MessageFrame).message.client_id === 'tap-2');
    expect(whole.message.body).toBe('Yes, refund the 2026-03-08 charge');
    const view = (await handler.get(`/api/desk/cases/${caseId}`)).json() as { verification: { verified: boolean; account_id: string; verified_by: { name: string } | null }; steps: { kind: string }[] };
    expect(view.verification).toMatchObject({ verified: true, account_id: 'acct_demo_ben' });
    expect(view.verification.verified_by).not.toBeNull();
    expect(view.steps.filter((step) => step.kind === 'verification_failed')).toHaveLength(5);
    // Once verified the field is done: asking again is refused.
    expect((await handler.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(409);

    // Nowhere: not the stored messages, the transcript, any table, the logs.
    const transcript = await ben.get(`/api/chat/conversations/${conversationId}/transcript`);
    expect(transcript.statusCode).toBe(200);
    expect(transcript.body).toContain('Identity verified with the service code at 15:04 UTC.');
    const tried = [code, ...[1, 2, 3, 4, 5].map((seed) => otherThan(code, seed))];
    for (const digits of tried) {
      const spaced = new RegExp(`(?<![0-9A-Za-z.:_-])${digits.slice(0, 3)}[ -]?${digits.slice(3)}(?![0-9A-Za-z])`);
      expect(transcript.body).not.toMatch(spaced);
      expect(JSON.stringify(await history(ben, conversationId)())).not.toMatch(spaced);
      expect(await findInDatabase(t.database.db, [{ name: digits, pattern: spaced }])).toEqual([]);
      expect(logLines.filter((line) => spaced.test(line))).toEqual([]);
    }
    expect(logLines.length).toBeGreaterThan(10);
  }, 180_000);

  it('verifies with the right code typed into an ordinary message while the agent waits, storing the message without it', async () => {
    const ben = createHttpClient(t.app.server);
    await ben.open();
    expect((await ben.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const code = ((await ben.get('/api/me/service-code')).json() as { code: string }).code;
    const [sam, priya] = [await agent('sam'), await agent('priya')];
    const started = await ben.post('/api/chat/conversations', { text: 'A question about my bill, I want to talk to a person' });
    const conversationId = (started.json() as { conversation: { id: string } }).conversation.id;
    await until(history(ben, conversationId), (list) => list.some((message) => message.author.kind === 'assistant'), 'the assistant answers');
    expect((await ben.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'I want to talk to a person', client_id: 'ask-person' })).statusCode).toBe(201);
    const caseOf = async (client: HttpClient) => ((await client.get('/api/desk/cases')).json() as { cases: { id: string; conversation_id: string }[] }).cases.find((item) => item.conversation_id === conversationId);
    const found = await until(async () => {
      for (const client of [sam, priya]) {
        const deskCase = await caseOf(client);
        if (deskCase) return { handler: client, caseId: deskCase.id };
      }
      return undefined;
    }, (value) => value !== undefined, 'the case reaches an agent');
    const { handler, caseId } = found!;
    const agentSocket = await socketFor(handler, conversationId, 'agent');
    expect((await handler.post(`/api/desk/cases/${caseId}/ask-service-code`, {})).statusCode).toBe(200);
    const sent = await ben.post(`/api/chat/conversations/${conversationId}/messages`, { body: `Sure, it is ${code}, thanks`, client_id: 'code-in-message' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((sent.json() as { message: Message }).message.body).toBe(`Sure, it is ${SERVICE_CODE_SENT}, thanks`);
    await agentSocket.waitFor((frame) => frame.type === 'verified');
    const line = await agentSocket.waitFor<MessageFrame>((frame) => frame.type === 'message' && event((frame as MessageFrame).message) === 'identity_verified');
    expect(line.message.body).toMatch(/^Identity verified with the service code at \d{2}:\d{2} UTC\.$/);
    expect((line.message.payload as { data: { route: string } }).data.route).toBe('message');
    const view = (await handler.get(`/api/desk/cases/${caseId}`)).json() as { verification: { verified: boolean }; messages: { body: string }[] };
    expect(view.verification.verified).toBe(true);
    expect(JSON.stringify(view.messages)).not.toContain(code);
    expect(await findInDatabase(t.database.db, [{ name: 'code', pattern: new RegExp(`(?<![0-9A-Za-z.:_-])${code}(?![0-9A-Za-z])`) }])).toEqual([]);
    expect(logLines.filter((entry) => entry.includes(code))).toEqual([]);
  }, 180_000);
});
