/**
 * A load client for bench/chat, in a process of its own so that its work
 * does not count against the server: opens a member socket and an agent
 * socket for each of its conversations, then sends at a fixed rate for a
 * fixed time (open loop: the schedule does not wait for answers), taking
 * turns between conversations and between the member and the agent.
 * Both sockets of a conversation live here, so one clock times the trip
 * from the sender to the other participant.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { AGENT_LINES, MEMBER_LINES, type LoadCommand, type LoadReport, type LoadResult, type LoadSetup } from './protocol.ts';

type Pending = { sentAt: number; sender: WebSocket; delivered: boolean; acked: boolean };
type Pair = { member: WebSocket; agent: WebSocket };

const report = (message: LoadReport) => process.send?.(message);
const STALL_MS = 15_000;
const MAX_WAIT_MS = 180_000;

function openSocket(url: string, cookie: string, conversationId: string, onFrame: (socket: WebSocket, frame: Frame) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false, handshakeTimeout: 30_000 });
    let ready = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', conversation_id: conversationId, last_seq: 0 })));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (!ready && frame.type === 'ready') {
        ready = true;
        resolve(socket);
      } else if (!ready && frame.type === 'error') {
        reject(new Error(`${String(frame.code)}: ${String(frame.message)}`));
      } else {
        onFrame(socket, frame);
      }
    });
    socket.on('error', (error) => {
      if (!ready) reject(error);
    });
    socket.on('close', () => {
      if (!ready) reject(new Error('closed before ready'));
    });
  });
}

type Frame = { type: string; code?: string; message?: unknown; client_id?: string };

async function run(setup: LoadSetup): Promise<void> {
  const pending = new Map<string, Pending>();
  const result: LoadResult = { sent: 0, acked: 0, delivered: 0, duplicates: 0, delivery: [], ack: [], errors: {}, dropped: 0, maxScheduleLagMs: 0, sendWindowMs: 0, lastDeliveryMs: 0, clientCpuMs: 0 };
  let measuring = false;
  let started = 0;

  const onFrame = (socket: WebSocket, frame: Frame) => {
    const now = performance.now();
    if (frame.type === 'message') {
      const clientId = (frame.message as { client_id: string | null }).client_id;
      const entry = clientId === null ? undefined : pending.get(clientId);
      if (!entry || entry.sender === socket) return;
      if (entry.delivered) {
        result.duplicates++;
        return;
      }
      entry.delivered = true;
      result.delivered++;
      result.delivery.push(now - entry.sentAt);
      result.lastDeliveryMs = now - started;
    } else if (frame.type === 'ack') {
      const entry = pending.get(frame.client_id ?? '');
      if (!entry || entry.acked) return;
      entry.acked = true;
      result.acked++;
      result.ack.push(now - entry.sentAt);
    } else if (frame.type === 'error') {
      const code = frame.code ?? 'UNKNOWN';
      result.errors[code] = (result.errors[code] ?? 0) + 1;
    }
  };

  // Open every socket, a bounded number of handshakes at a time.
  const pairs: (Pair | null)[] = new Array(setup.conversations.length).fill(null);
  let failed = 0;
  let firstError: string | undefined;
  const connectStarted = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: setup.connectConcurrency }, async () => {
    while (next < setup.conversations.length) {
      const index = next++;
      const conversation = setup.conversations[index]!;
      try {
        const member = await openSocket(setup.url, conversation.memberCookie, conversation.id, onFrame);
        const agent = await openSocket(setup.url, conversation.agentCookie, conversation.id, onFrame);
        pairs[index] = { member, agent };
        for (const socket of [member, agent]) socket.on('close', () => void (measuring && result.dropped++));
      } catch (error) {
        failed += 2;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }));
  const open = pairs.filter((pair) => pair !== null);
  report({ type: 'connected', open: open.length * 2, failed, connectMs: performance.now() - connectStarted, ...(firstError ? { firstError } : {}) });
  await new Promise<void>((resolve) => process.once('message', (command: LoadCommand) => command.type === 'go' && resolve()));

  measuring = true;
  const total = Math.round(setup.rate * setup.seconds);
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      const due = Math.min(total, Math.floor((elapsed * setup.rate) / 1000));
      if (due > result.sent) result.maxScheduleLagMs = Math.max(result.maxScheduleLagMs, elapsed - (result.sent * 1000) / setup.rate);
      while (result.sent < due) {
        const k = result.sent++;
        const pair = open[k % open.length]!;
        const round = Math.floor(k / open.length);
        const fromMember = round % 2 === 0;
        const sender = fromMember ? pair.member : pair.agent;
        const lines = fromMember ? MEMBER_LINES : AGENT_LINES;
        const clientId = `b${setup.clientIndex}-${k}`;
        pending.set(clientId, { sentAt: performance.now(), sender, delivered: false, acked: false });
        sender.send(JSON.stringify({ type: 'send', client_id: clientId, body: lines[Math.floor(round / 2) % lines.length] }));
      }
      if (result.sent >= total) return resolve();
      setTimeout(tick, 2);
    };
    tick();
  });
  result.sendWindowMs = performance.now() - started;
  // An overloaded server is late, not lossy: wait while answers still come, and call a message lost only when they stop.
  const waitEnds = performance.now() + MAX_WAIT_MS;
  let progress = { count: -1, at: performance.now() };
  while ((result.delivered < result.sent || result.acked < result.sent) && performance.now() < waitEnds) {
    const count = result.delivered + result.acked;
    if (count !== progress.count) progress = { count, at: performance.now() };
    else if (performance.now() - progress.at > STALL_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  measuring = false;
  const cpu = process.cpuUsage(cpuBefore);
  result.clientCpuMs = (cpu.user + cpu.system) / 1000;
  report({ type: 'done', result });
  await new Promise<void>((resolve) => process.once('message', (command: LoadCommand) => command.type === 'close' && resolve()));
  for (const pair of open) {
    pair.member.terminate();
    pair.agent.terminate();
  }
  process.exit(0);
}

process.once('message', (command: LoadCommand) => {
  if (command.type === 'setup') void run(command.setup);
});
