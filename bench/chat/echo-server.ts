/**
 * The baseline for bench/chat: a bare `ws` server speaking the same frames
 * as the chat (hello → ready; send → ack to the sender and the message to
 * both sockets of the conversation, with a seq) but storing nothing, with no
 * Fastify, no validation, no database and no NOTIFY. What is left is the
 * cost of WebSockets and JSON on this machine.
 *
 *   forked by bench/chat.bench.ts with: --conversations N
 */
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BenchConversation } from './protocol.ts';
import { answerDriver, reportToDriver as report } from './server-window.ts';

const index = process.argv.indexOf('--conversations');
const conversationCount = Number(index >= 0 ? process.argv[index + 1] : 5000);

const setupStarted = performance.now();
const rooms = new Map<string, { sockets: Set<WebSocket>; seq: number }>();
const conversations: BenchConversation[] = Array.from({ length: conversationCount }, (_, i) => ({
  id: `conv_echo${i}`, memberCookie: `bench_member=acct_bench${i}`, agentCookie: `bench_agent=agt_bench${i % 500}`,
}));

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, backlog: 4096, maxPayload: 64 * 1024 });
server.on('connection', (socket, request) => {
  const asAgent = /bench_agent=/.test(request.headers.cookie ?? '');
  const author = asAgent ? { kind: 'agent', id: 'agt_bench', name: 'Sam' } : { kind: 'member', id: 'acct_bench', name: 'Ava' };
  let room: { sockets: Set<WebSocket>; seq: number } | undefined;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; conversation_id?: string; client_id?: string; body?: string };
    if (frame.type === 'hello' && frame.conversation_id) {
      room = rooms.get(frame.conversation_id);
      if (!room) rooms.set(frame.conversation_id, (room = { sockets: new Set(), seq: 0 }));
      room.sockets.add(socket);
      socket.send(JSON.stringify({ type: 'ready', conversation: { id: frame.conversation_id, status: 'active', last_seq: room.seq }, you: author, read_marks: [] }));
    } else if (frame.type === 'send' && room) {
      const seq = ++room.seq;
      const id = `msg_echo${seq}`;
      socket.send(JSON.stringify({ type: 'ack', client_id: frame.client_id, seq, id }));
      const message = JSON.stringify({
        type: 'message', message: { id, seq, author, body: frame.body, payload: null, client_id: frame.client_id, created_at: new Date().toISOString() },
      });
      for (const member of room.sockets) member.send(message);
    }
  });
  socket.on('close', () => room?.sockets.delete(socket));
});
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const { port } = server.address() as { port: number };
report({ type: 'listening', url: `ws://127.0.0.1:${port}/`, conversations, setupMs: performance.now() - setupStarted });

answerDriver(() => server.clients.size, async () => {
  for (const client of server.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
