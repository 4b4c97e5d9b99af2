import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import { identify, mayJoin, participantOf, principalOf, sameOrigin, type ChatAccessDeps, type ChatIdentity } from './chat.access.ts';
import type { ChatHub, ChatSignal } from './chat-hub.ts';
import { MAX_MESSAGE_LENGTH, type ChatService } from './chat.service.ts';
import { badTextAt } from '../../../platform/http/text-guard.ts';
import { MAX_SEQ } from './request-guards.ts';
import { createSendLimiter, SEND_LIMIT, sendingTooFast, type SendLimiter } from './send-limits.ts';
import type { ChatConversation, ChatMessage } from './chat.types.ts';

/** Frames a client sends (docs/chat.md). */
export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), conversation_id: z.string().min(1).max(64), last_seq: z.number().int().min(0).max(MAX_SEQ).default(0) }),
  z.object({ type: z.literal('send'), client_id: z.string().min(1).max(64), body: z.string().max(MAX_MESSAGE_LENGTH * 2), choice: z.string().max(64).optional() }),
  z.object({ type: z.literal('typing'), on: z.boolean() }),
  z.object({ type: z.literal('read'), seq: z.number().int().min(0).max(MAX_SEQ) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** The message as clients see it: snake_case, like the HTTP API. */
export function messageJson(message: ChatMessage) {
  return {
    id: message.id, seq: message.seq, author: message.author, body: message.body, payload: message.payload, client_id: message.clientId, created_at: message.createdAt,
  };
}

export type ChatSocketDeps = {
  chat: ChatService;
  hub: ChatHub;
  access: ChatAccessDeps;
  logger?: Logger;
  /** Another origin allowed to open sockets (`USHER_PUBLIC_URL`), besides the request's own host. */
  allowedOrigins?: readonly string[];
  /** Refuses an agent's message that asks for a password or a code; returns the explanation, or null when it may go. */
  checkAgentMessage?(body: string): string | null;
  /** Told when an agent's message was refused, for the audit log (never the text). */
  agentMessageBlocked?(options: { agentId: string; conversationId: string; body: string }): Promise<void>;
  /** Shared with the HTTP routes, so a sender's limit holds over every socket and route (chat.routes.ts passes it). */
  limiter?: SendLimiter;
};

const HEARTBEAT_MS = 30_000;

/**
 * One socket serves one conversation. The handshake carries the cookies;
 * the first frame (`hello`) names the conversation and the last seq the
 * client has, and the hub sends everything after it before anything new.
 */
export function handleChatSocket(deps: ChatSocketDeps, socket: WebSocket, request: FastifyRequest): void {
  const send = (frame: Record<string, unknown>) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const fail = (code: string, message: string, extra: Record<string, unknown> = {}) => send({ type: 'error', code, message, ...extra });
  if (!sameOrigin(request, deps.allowedOrigins ?? [])) {
    fail('FORBIDDEN', 'This page may not open the chat.');
    socket.close(4403, 'origin');
    return;
  }
  const prefer = new URL(request.url, 'http://local').searchParams.get('as') === 'agent' ? 'agent' : 'member';
  let identity: ChatIdentity | null = null;
  let conversationId: string | null = null;
  let joined: ChatConversation | null = null;
  let unsubscribe: (() => void) | null = null;
  let alive = true;
  const limiter = deps.limiter ?? createSendLimiter();
  let work: Promise<void> = Promise.resolve();
  /**
   * An agent reads through the desk's view until the member is verified
   * (null: everything). Asked again after each message it shapes, so the
   * view lifts soon after verification; it never returns once lifted.
   */
  let agentView: ((message: ChatMessage) => ChatMessage) | null = null;
  // One check at a time: a burst of messages asks the desk once, not once per message.
  let checkingView = false;
  const refreshAgentView = () => {
    if (conversationId === null || !deps.access.agentView || checkingView) return;
    checkingView = true;
    deps.access.agentView(conversationId)
      .then((view) => { if (view === null) agentView = null; })
      .catch((error: unknown) => deps.logger?.error({ err: error }, 'chat agent view check failed'))
      .finally(() => { checkingView = false; });
  };
  const shownMessage = (message: ChatMessage): ChatMessage => {
    if (agentView === null) return message;
    refreshAgentView();
    return agentView(message);
  };
  /** Before verification a member is called by their role: their name is an account fact too. */
  const shownAuthor = <A extends { kind: string; name: string | null }>(author: A): A =>
    agentView !== null && (author.kind === 'member' || author.kind === 'visitor') ? { ...author, name: author.kind === 'member' ? 'Member' : 'Visitor' } : author;

  /**
   * Rights are checked again, not only at `hello`: a member signed out
   * everywhere (say, after a takeover) or an agent whose case went to
   * someone else loses the conversation, and the socket is closed.
   */
  async function stillAllowed(): Promise<boolean> {
    if (identity === null || conversationId === null) return true;
    const now = await identify(deps.access, request, prefer);
    // Whose conversation it is never changes: the one read at hello serves (an agent's right is the desk's, read fresh).
    const conversation = joined;
    if (now && conversation && principalOf(now) === principalOf(identity) && (await mayJoin(deps.access, now, conversation))) return true;
    if (now) fail('FORBIDDEN', 'This conversation is not yours.');
    else fail('UNAUTHENTICATED', 'Sign in, or confirm your email address, to chat with us.');
    unsubscribe?.();
    unsubscribe = null;
    identity = null;
    conversationId = null;
    socket.close(now ? 4403 : 4401, now ? 'forbidden' : 'unauthenticated');
    return false;
  }

  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
    work = work.then(async () => void (await stillAllowed())).catch((error: unknown) => deps.logger?.error({ err: error }, 'chat rights check failed'));
  }, HEARTBEAT_MS);
  socket.on('pong', () => {
    alive = true;
  });
  socket.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe?.();
  });

  async function hello(frame: Extract<ClientFrame, { type: 'hello' }>): Promise<void> {
    if (conversationId !== null) return fail('ALREADY_JOINED', 'This connection already follows a conversation.');
    identity = await identify(deps.access, request, prefer);
    if (!identity) {
      fail('UNAUTHENTICATED', 'Sign in, or confirm your email address, to chat with us.');
      socket.close(4401, 'unauthenticated');
      return;
    }
    const conversation = await deps.chat.get(frame.conversation_id);
    if (!conversation || !(await mayJoin(deps.access, identity, conversation))) {
      fail('FORBIDDEN', 'This conversation is not yours.');
      socket.close(4403, 'forbidden');
      return;
    }
    conversationId = conversation.id;
    joined = conversation;
    if (identity.kind === 'agent') agentView = (await deps.access.agentView?.(conversation.id)) ?? null;
    const me = participantOf(identity);
    send({
      type: 'ready', conversation: { id: conversation.id, status: conversation.status, last_seq: conversation.lastSeq },
      you: me.author, read_marks: (await deps.chat.readMarks(conversation.id)).filter((mark) => mark.reader !== me.reader).map((mark) => ({ author: shownAuthor({ kind: mark.readerKind, name: mark.readerName }), seq: mark.seq })),
    });
    unsubscribe = deps.hub.subscribe(conversation.id, {
      id: randomBytes(6).toString('hex'),
      lastSeq: frame.last_seq,
      deliver: (message) => send({ type: 'message', message: messageJson(shownMessage(message)) }),
      signal: (signal: Exclude<ChatSignal, { t: 'message' }>) => {
        if (signal.t === 'status') return send({ type: 'status', status: signal.status });
        if (signal.t === 'verified') return void liftViewOnVerification(signal.at);
        if (signal.from === me.reader) return;
        if (signal.t === 'typing') send({ type: 'typing', author: shownAuthor(signal.a), on: signal.on });
        else send({ type: 'read', author: shownAuthor(signal.a), seq: signal.s });
      },
    });
  }

  /**
   * The member's code matched: an agent's socket reads the desk's view again
   * now (it lifts for good), then both sides hear `verified`, so the desk's
   * page reads the case again without polling.
   */
  async function liftViewOnVerification(at: string): Promise<void> {
    try {
      if (identity?.kind === 'agent' && conversationId !== null && agentView !== null && deps.access.agentView) {
        if ((await deps.access.agentView(conversationId)) === null) agentView = null;
      }
    } catch (error) {
      deps.logger?.error({ err: error }, 'chat agent view check failed');
    }
    send({ type: 'verified', verified_at: at });
  }

  async function post(frame: Extract<ClientFrame, { type: 'send' }>): Promise<void> {
    if (!identity || conversationId === null) return fail('HELLO_FIRST', 'Open a conversation first.', { client_id: frame.client_id });
    const me = participantOf(identity);
    if (!limiter.take(`${conversationId}:${me.reader}`, SEND_LIMIT)) return fail('RATE_LIMITED', sendingTooFast().message, { client_id: frame.client_id });
    // A closed conversation is refused by the store itself (CONVERSATION_CLOSED), in the same round trip.
    if (!(await stillAllowed())) return;
    if (identity.kind === 'agent') {
      const refusal = deps.checkAgentMessage?.(frame.body) ?? null;
      if (refusal !== null) await deps.agentMessageBlocked?.({ agentId: identity.agentId, conversationId, body: frame.body });
      if (refusal !== null) return fail('CREDENTIAL_REQUEST_BLOCKED', refusal, { client_id: frame.client_id });
    }
    const message = await deps.chat.post({
      conversationId, author: me.author, body: frame.body, clientId: frame.client_id, address: request.ip,
      payload: frame.choice === undefined ? null : { kind: 'text', data: { choice: frame.choice } },
    });
    send({ type: 'ack', client_id: frame.client_id, seq: message.seq, id: message.id });
  }

  async function handle(frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case 'hello':
        return hello(frame);
      case 'send':
        return post(frame);
      case 'ping':
        return send({ type: 'pong' });
      case 'typing':
        if (identity && conversationId !== null) await deps.chat.typing(conversationId, participantOf(identity), frame.on);
        return;
      case 'read':
        if (identity && conversationId !== null) await deps.chat.markRead(conversationId, participantOf(identity), frame.seq);
        return;
    }
  }

  socket.on('message', (data) => {
    let frame: ClientFrame;
    try {
      frame = clientFrame.parse(JSON.parse(String(data)));
      // The same rule as every HTTP route (platform/http/text-guard.ts): no NUL character, no half of a character.
      if (badTextAt(frame, 'frame') !== null) throw new Error('NUL character or lone surrogate');
    } catch {
      return fail('BAD_FRAME', 'That frame is not one the chat understands (see docs/chat.md).');
    }
    // Frames are handled one after another: a send is stored before the next frame is read, so the member's order is kept.
    work = work.then(() => handle(frame)).catch((error: unknown) => {
      const clientId = frame.type === 'send' ? { client_id: frame.client_id } : {};
      if (error instanceof AppError) return fail(error.code, error.message, clientId);
      deps.logger?.error({ err: error }, 'chat frame failed');
      fail('INTERNAL', 'Something went wrong on our side; your message was not sent. Try again.', clientId);
    });
  });
}
