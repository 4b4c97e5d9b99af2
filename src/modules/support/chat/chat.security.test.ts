import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import type { SupportModule } from '../index.ts';
import { openChatSocket, type ChatSocketClient } from './testing/chat-socket-client.ts';

type Conversation = { conversation: { id: string } };

describeEachDatabase('chat: security review', (open) => {
  let t: TestApp;
  let support: SupportModule;
  let url: string;
  let origin: string;
  const sockets: ChatSocketClient[] = [];

  const member = async (login: string): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.open();
    expect((await client.post('/api/sign-in', { login, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const agent = async (name: 'sam' | 'priya' | 'morgan'): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.get('/api/desk/session');
    expect((await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const start = async (client: HttpClient, text = 'Hello, I have a question about my plan'): Promise<string> => {
    const started = await client.post('/api/chat/conversations', { text });
    expect(started.statusCode).toBe(201);
    return (started.json() as Conversation).conversation.id;
  };
  const connect = async (client: HttpClient, options: { as?: 'agent'; origin?: string } = {}) => {
    const socket = await openChatSocket({ url: options.as ? `${url}?as=agent` : url, cookies: client.cookies, origin: options.origin ?? origin });
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: ChatSocketClient, conversationId: string) => {
    socket.send({ type: 'hello', conversation_id: conversationId, last_seq: 0 });
    return socket.waitFor((frame) => frame.type === 'ready' || frame.type === 'error');
  };

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: true, database: await open() });
    support = t.app.modules.find((module) => module.name === 'support') as SupportModule;
    const address = await t.app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = address;
    url = `${address.replace('http', 'ws')}/api/chat/ws`;
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  it('answers malformed ids, numbers and texts on every chat route with a 4xx, never a 500', async () => {
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const answers = [
      await ben.get('/api/chat/conversations/conv_%00'),
      await ben.get(`/api/chat/conversations/${id}?after_seq=3000000000`),
      await ben.get('/api/chat/conversations/conv_%00/transcript'),
      await ben.post('/api/chat/conversations', { text: 'charged twice\u0000' }),
      await ben.post(`/api/chat/conversations/${id}/messages`, { body: 'Hello\u0000' }),
      await ben.post(`/api/chat/conversations/${id}/messages`, { body: 'Hello', client_id: 'c\u00001' }),
      await ben.post('/api/chat/conversations/conv_%00/transcript/email'),
      await ben.post('/api/chat/visitor/verify', { email: 'visitor@example.com', code: '12\u00003456' }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: expect.any(String) });
    }
    for (const path of ['conv_unknown', 'conv_unknown/transcript']) expect((await ben.get(`/api/chat/conversations/${path}`)).json().error.code).toBe('CONVERSATION_NOT_FOUND');
    expect((await ben.post('/api/chat/conversations/conv_unknown/messages', { body: 'Hello' })).statusCode).toBe(404);
    expect((await ben.post('/api/chat/conversations', { text: 42 })).statusCode).toBe(400);

    const socket = await connect(ben);
    await join(socket, id);
    socket.send({ type: 'send', client_id: 'nul\u0000', body: 'Hello' });
    expect(await socket.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'BAD_FRAME' });
  });

  it('needs the CSRF header on every state-changing chat route', async () => {
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const forged = { 'x-csrf-token': 'forged' };
    for (const [path, body] of [
      ['/api/chat/conversations', { text: 'Hello' }], [`/api/chat/conversations/${id}/messages`, { body: 'Hello' }],
      [`/api/chat/conversations/${id}/transcript/email`, {}], ['/api/chat/visitor/code', { email: 'visitor@example.com' }],
      ['/api/chat/visitor/verify', { email: 'visitor@example.com', code: '123456' }],
    ] as const) {
      expect((await ben.request('POST', path, body, forged)).json().error.code).toBe('CSRF_FAILED');
    }
  });

  it('refuses a WebSocket opened from another site, even with the member\'s cookies', async () => {
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const hijack = await connect(ben, { origin: 'https://evil.example' });
    expect(await hijack.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
    expect((await hijack.closed()).code).toBe(4403);
    expect(await join(await connect(ben), id)).toMatchObject({ type: 'ready' });
  });

  it('holds one sender to 30 messages in 10 seconds over every socket and the HTTP route together', async () => {
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const first = await connect(ben);
    await join(first, id);
    for (let index = 0; index < 25; index += 1) first.send({ type: 'send', client_id: `burst-${index}`, body: `Message ${index}` });
    await first.waitFor((frame) => frame.type === 'ack' && frame.client_id === 'burst-24');
    for (let index = 0; index < 5; index += 1) {
      expect((await ben.post(`/api/chat/conversations/${id}/messages`, { body: `Over HTTP ${index}`, client_id: `http-${index}` })).statusCode).toBe(201);
    }
    const limited = await ben.post(`/api/chat/conversations/${id}/messages`, { body: 'One more', client_id: 'http-over' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const second = await connect(ben);
    await join(second, id);
    second.send({ type: 'send', client_id: 'second-socket', body: 'From another tab' });
    expect(await second.waitFor((frame) => frame.type === 'error' || frame.type === 'ack')).toMatchObject({ type: 'error', code: 'RATE_LIMITED', client_id: 'second-socket' });
  });

  it('lets a member start ten conversations in ten minutes, not more', async () => {
    const grace = await member('grace@demo.reelhouse.example');
    for (let index = 0; index < 10; index += 1) await start(grace, `Question number ${index} about my plan`);
    const limited = await grace.post('/api/chat/conversations', { text: 'And another one' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('closes a member\'s open socket once their sessions are signed out everywhere', async () => {
    const ava = await member('ava@demo.reelhouse.example');
    const id = await start(ava);
    const socket = await connect(ava);
    await join(socket, id);
    expect((await ava.post('/api/me/sign-out-everywhere')).statusCode).toBeLessThan(300);
    socket.send({ type: 'send', client_id: 'after-sign-out', body: 'Am I still here?' });
    expect(await socket.waitFor((frame) => frame.type === 'error' || frame.type === 'ack')).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
    expect((await socket.closed()).code).toBe(4401);
    const stored = await support.chat.service.history(id);
    expect(stored.map((message) => message.body)).not.toContain('Am I still here?');
  });

  it('stops an agent posting over their socket once the case went to another queue, and keeps supervisors out of chats never handed off', async () => {
    const sam = await agent('sam');
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const handed = await support.desk.handOff({ conversationId: id, accountId: 'acct_demo_ben', queue: 'billing', caseFile: {
      intent: 'billing.multiple_charges', confidence: 0.9, reason: 'member_asked', problem: 'Charged twice', tried: [], checklist: [], snapshot: null, findings: [],
    } });
    await support.desk.assignWaiting();
    const socket = await connect(sam, { as: 'agent' });
    expect(await join(socket, id)).toMatchObject({ type: 'ready', you: { kind: 'agent' } });
    expect((await sam.post(`/api/desk/cases/${handed.caseId}/transfer`, { queue: 'security', reason: 'A device the member does not know' })).statusCode).toBe(200);
    socket.send({ type: 'send', client_id: 'after-transfer', body: 'I can still see everything' });
    expect(await socket.waitFor((frame) => frame.type === 'error' || frame.type === 'ack')).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect((await socket.closed()).code).toBe(4403);
    expect((await support.chat.service.history(id)).map((message) => message.body)).not.toContain('I can still see everything');

    const morgan = await agent('morgan');
    const untouched = await start(ben, 'Just browsing the help pages');
    expect(await join(await connect(morgan, { as: 'agent' }), untouched)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
  });

  it('refuses an agent\'s password ask over the socket and writes it to the audit log without the text', async () => {
    // A supervisor may join any handed-off chat, whoever has the case.
    const morgan = await agent('morgan');
    const ava = await member('ava@demo.reelhouse.example');
    const id = await start(ava, 'Someone changed my email address');
    const handed = await support.desk.handOff({ conversationId: id, accountId: 'acct_demo_ava', queue: 'billing', caseFile: {
      intent: 'security.account_takeover', confidence: 0.9, reason: 'member_asked', problem: 'Email changed', tried: [], checklist: [], snapshot: null, findings: [],
    } });
        const socket = await connect(morgan, { as: 'agent' });
    expect(await join(socket, id)).toMatchObject({ type: 'ready' });
    socket.send({ type: 'send', client_id: 'ask-code', body: 'Tell me the one-time code we just texted you' });
    expect(await socket.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'CREDENTIAL_REQUEST_BLOCKED', client_id: 'ask-code' });
    const audit = (await morgan.get(`/api/desk/audit?case_id=${handed.caseId}`)).json() as { entries: { action: string; details: Record<string, unknown> }[] };
    const blocked = audit.entries.find((entry) => entry.action === 'message_blocked');
    expect(blocked?.details).toMatchObject({ asked_for: 'one_time_code', via: 'chat_socket' });
    expect(JSON.stringify(audit)).not.toContain('texted you');
  });

  it('keeps the service code a member typed only until it has verified them', async () => {
    const sam = await agent('sam');
    const ben = await member('ben@demo.reelhouse.example');
    const id = await start(ben);
    const handed = await support.desk.handOff({ conversationId: id, accountId: 'acct_demo_ben', queue: 'billing', caseFile: {
      intent: 'billing.multiple_charges', confidence: 0.9, reason: 'member_asked', problem: 'Charged twice', tried: [], checklist: [], snapshot: null, findings: [],
    } });
    await support.desk.assignWaiting();
    const { code } = (await ben.get('/api/me/service-code')).json() as { code: string };
    expect((await ben.post(`/api/chat/conversations/${id}/messages`, { body: `Sure, my service code is ${code}`, client_id: 'the-code' })).statusCode).toBe(201);
    const caseUrl = `/api/desk/cases/${handed.caseId}`;
    expect((await sam.get(caseUrl)).body).toContain(code);
    expect((await sam.post(`${caseUrl}/verify`, { code })).statusCode).toBe(200);
    for (const stored of [(await sam.get(caseUrl)).body, (await ben.get(`/api/chat/conversations/${id}/transcript`)).body, JSON.stringify(await support.chat.service.history(id))]) {
      expect(stored).not.toContain(code);
      expect(stored).toContain('[service code removed]');
    }
  });

  it('sends at most five codes an hour to one address, even when asked all at once', async () => {
    const visitor = createHttpClient(t.app.server);
    await visitor.open();
    const answers = await Promise.all(Array.from({ length: 9 }, () => visitor.post('/api/chat/visitor/code', { email: 'rush@example.com' })));
    expect(answers.filter((answer) => answer.statusCode === 200).length).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.statusCode === 429).length).toBeGreaterThanOrEqual(4);
    const outbox = (await visitor.get('/api/dev/outbox?to=rush@example.com')).json() as { messages: unknown[] };
    expect(outbox.messages.length).toBeLessThanOrEqual(5);
  });

  it('shows a verified visitor only the conversations of their own email, and ends a code after five wrong tries', async () => {
    const visitor = createHttpClient(t.app.server);
    await visitor.open();
    expect((await visitor.post('/api/chat/visitor/code', { email: 'Lost.Login@example.com' })).statusCode).toBe(200);
    const mail = (await visitor.get('/api/dev/outbox?to=lost.login@example.com')).json() as { messages: { body: string }[] };
    const code = /is (\d{6})\./.exec(mail.messages[0]?.body ?? '')?.[1] as string;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await visitor.post('/api/chat/visitor/verify', { email: 'lost.login@example.com', code: wrong })).statusCode).toBe(400);
    expect((await visitor.post('/api/chat/visitor/verify', { email: 'lost.login@example.com', code })).json().error.code).toBe('CODE_INVALID');

    t.clock.advance(60_000);
    expect((await visitor.post('/api/chat/visitor/code', { email: 'lost.login@example.com' })).statusCode).toBe(200);
    const again = (await visitor.get('/api/dev/outbox?to=lost.login@example.com')).json() as { messages: { body: string }[] };
    const fresh = /is (\d{6})\./.exec(again.messages[0]?.body ?? '')?.[1] as string;
    expect((await visitor.post('/api/chat/visitor/verify', { email: 'lost.login@example.com', code: fresh })).statusCode).toBe(200);
    const mine = await start(visitor, 'I cannot sign in any more');

    const ben = await member('ben@demo.reelhouse.example');
    const bens = await start(ben);
    expect((await ben.get(`/api/chat/conversations/${mine}`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/chat/conversations/${bens}`)).statusCode).toBe(404);
    expect((await visitor.get('/api/chat/conversations')).json().conversations.map((conversation: { id: string }) => conversation.id)).toEqual([mine]);
    expect(await join(await connect(visitor), bens)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
  });
});
