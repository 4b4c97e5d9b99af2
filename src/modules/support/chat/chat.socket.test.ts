import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import type { Mailer, OutgoingMessage } from '../../../platform/mail/outbox.ts';
import { describeEachDatabase, openPeerDatabase } from '../../../platform/testing/test-database.ts';
import { readCookie } from '../../identity/index.ts';
import { supportMigrations } from '../index.ts';
import { createChat, type Chat } from './create-chat.ts';
import { openChatSocket, type ChatSocketClient } from './testing/chat-socket-client.ts';

/** A chat served on a real port, members told apart by a test cookie, an agent by another. */
async function serveChat(database: Database, mail: OutgoingMessage[]): Promise<{ chat: Chat; server: HttpServer; url: string }> {
  const mailer: Mailer = { send: async (message) => void mail.push(message) };
  const chat = createChat({
    database, clock: fixedClock('2026-11-27T10:00:00Z'), mailer, serviceName: 'Reelhouse', visitorWhere: { country: 'US', language: 'en' },
    member: async (request) => {
      const id = readCookie(request, 'test_member');
      return id ? { accountId: id, name: `Member ${id}`, email: `${id}@example.com`, country: 'US', language: 'en' } : null;
    },
    desk: {
      agent: async (request) => (readCookie(request, 'test_agent') ? { agentId: 'agt_sam', name: 'Sam', role: 'agent' } : null),
      mayAgentJoin: async () => true,
      checkAgentMessage: (body) => (/password/i.test(body) ? 'We never ask members for their password.' : null),
    },
  });
  const server = await buildHttpServer({
    config: loadConfig({ USHER_DEMO: 'false' }), logger: createLogger({ level: 'silent' }), database, clock: fixedClock('2026-11-27T10:00:00Z'), routes: [chat.routes], homeLinks: [],
  });
  await chat.hub.start();
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  return { chat, server, url: `${address.replace('http', 'ws')}/api/chat/ws` };
}

describeEachDatabase('chat over WebSocket', (open, kind) => {
  let database: Database;
  let served: Awaited<ReturnType<typeof serveChat>>;
  const mail: OutgoingMessage[] = [];
  const sockets: ChatSocketClient[] = [];
  const connect = async (as: string, url = served.url) => {
    const socket = await openChatSocket({ url, cookies: as });
    sockets.push(socket);
    return socket;
  };
  const start = (accountId: string, text = 'I was charged twice') =>
    served.chat.service.startConversation({ accountId, visitorEmail: null, author: { kind: 'member', id: accountId, name: 'Ava' }, text, intent: 'billing.multiple_charges', country: 'US', language: 'en' });

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, supportMigrations]);
    served = await serveChat(database, mail);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await served.chat.hub.stop();
    await served.server.close();
  });

  it('stores a message before acknowledging it, and sends it back in order', async () => {
    const { conversation } = await start('acct_a');
    const member = await connect('test_member=acct_a');
    member.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    await member.waitFor((frame) => frame.type === 'ready');
    for (const [index, body] of ['one', 'two', 'three'].entries()) member.send({ type: 'send', client_id: `c${index}`, body });
    const ack = await member.waitFor((frame) => frame.type === 'ack' && frame.client_id === 'c2');
    expect(ack.seq).toBe(4);
    const stored = await served.chat.service.history(conversation.id);
    expect(stored.map((message) => message.body)).toEqual(['I was charged twice', 'one', 'two', 'three']);
    const received = await member.waitForMessages(4);
    expect(received.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  });

  it('resumes after a dropped connection with exactly the messages missed, and a resent message is stored once', async () => {
    const { conversation } = await start('acct_b');
    const first = await connect('test_member=acct_b');
    first.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    first.send({ type: 'send', client_id: 'resent', body: 'is anyone there?' });
    await first.waitFor((frame) => frame.type === 'ack');
    const seen = (await first.waitForMessages(2)).at(-1)!.seq;
    first.socket.terminate();
    // While the member is away, the other side writes three times.
    for (const body of ['Hello', 'I am looking at your account', 'Found it']) {
      await served.chat.service.post({ conversationId: conversation.id, author: { kind: 'agent', id: 'agt_sam', name: 'Sam' }, body });
    }
    const second = await connect('test_member=acct_b');
    second.send({ type: 'hello', conversation_id: conversation.id, last_seq: seen });
    // The app did not see the ack for its last message before the drop, so it sends it again with the same client id.
    second.send({ type: 'send', client_id: 'resent', body: 'is anyone there?' });
    const ack = await second.waitFor((frame) => frame.type === 'ack');
    expect(ack.seq).toBe(2);
    const missed = await second.waitForMessages(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(second.messages().map((message) => message.body)).toEqual(['Hello', 'I am looking at your account', 'Found it']);
    expect(missed.map((message) => message.seq)).toEqual([3, 4, 5]);
    expect((await served.chat.service.history(conversation.id)).filter((message) => message.body === 'is anyone there?')).toHaveLength(1);
  });

  it('shows typing and read states to the other participant, not to the one who typed', async () => {
    const { conversation } = await start('acct_c');
    const member = await connect('test_member=acct_c');
    const agent = await connect('test_agent=1');
    member.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    agent.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    await member.waitFor((frame) => frame.type === 'ready');
    await agent.waitFor((frame) => frame.type === 'ready');
    await agent.waitForMessages(1);
    agent.send({ type: 'typing', on: true });
    expect(await member.waitFor((frame) => frame.type === 'typing')).toMatchObject({ author: { kind: 'agent', name: 'Sam' }, on: true });
    agent.send({ type: 'read', seq: 1 });
    expect(await member.waitFor((frame) => frame.type === 'read')).toMatchObject({ author: { kind: 'agent' }, seq: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(agent.frames.filter((frame) => frame.type === 'typing' || frame.type === 'read')).toEqual([]);
    // A read mark is kept: a member who comes back later sees how far the agent read.
    const later = await connect('test_member=acct_c');
    later.send({ type: 'hello', conversation_id: conversation.id, last_seq: 1 });
    expect(await later.waitFor((frame) => frame.type === 'ready')).toMatchObject({ read_marks: [{ author: { kind: 'agent', name: 'Sam' }, seq: 1 }] });
  });

  it('blocks an agent message that asks for a password, and stores card numbers redacted', async () => {
    const { conversation } = await start('acct_d');
    const agent = await connect('test_agent=1');
    agent.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    agent.send({ type: 'send', client_id: 'ask', body: 'Please tell me your password so I can check' });
    expect(await agent.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'CREDENTIAL_REQUEST_BLOCKED', client_id: 'ask' });
    const member = await connect('test_member=acct_d');
    member.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    member.send({ type: 'send', client_id: 'card', body: 'my card is 4242 4242 4242 4242, exp 12/29' });
    await member.waitFor((frame) => frame.type === 'ack');
    const bodies = (await served.chat.service.history(conversation.id)).map((message) => message.body);
    expect(bodies.join('\n')).not.toContain('4242 4242');
    expect(bodies.join('\n')).not.toMatch(/password so I can/);
  });

  it('refuses someone else\'s conversation, a stranger, and a handshake from another site', async () => {
    const { conversation } = await start('acct_e');
    const other = await connect('test_member=acct_z');
    other.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    expect(await other.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
    const stranger = await connect('');
    stranger.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
    expect(await stranger.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    const crossSite = await openChatSocket({ url: served.url, cookies: 'test_member=acct_e', origin: 'https://evil.example' });
    sockets.push(crossSite);
    expect(await crossSite.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
    const garbage = await connect('test_member=acct_e');
    garbage.socket.send('not json');
    expect(await garbage.waitFor((frame) => frame.type === 'error')).toMatchObject({ code: 'BAD_FRAME' });
  });

  it.runIf(kind === 'postgres')('delivers messages between two server processes on one PostgreSQL (LISTEN/NOTIFY)', async () => {
    const peerDatabase = await openPeerDatabase(database);
    const peer = await serveChat(peerDatabase, mail);
    try {
      const { conversation } = await start('acct_f');
      const onFirst = await connect('test_member=acct_f');
      const onPeer = await connect('test_agent=1', peer.url);
      onFirst.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
      onPeer.send({ type: 'hello', conversation_id: conversation.id, last_seq: 0 });
      await onPeer.waitForMessages(1);
      onPeer.send({ type: 'send', client_id: 'p1', body: 'Hello from the other process' });
      onFirst.send({ type: 'send', client_id: 'f1', body: 'Hello back' });
      const atFirst = await onFirst.waitForMessages(3);
      const atPeer = await onPeer.waitForMessages(3);
      expect(atFirst.map((message) => message.seq)).toEqual([1, 2, 3]);
      expect(atPeer.map((message) => message.id)).toEqual(atFirst.map((message) => message.id));
      onPeer.send({ type: 'typing', on: true });
      expect(await onFirst.waitFor((frame) => frame.type === 'typing')).toMatchObject({ on: true });
    } finally {
      await peer.chat.hub.stop();
      await peer.server.close();
      await peerDatabase.close();
    }
  });
});
