import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { checkCsrf, secureFor, serializeSetCookie } from '../../identity/index.ts';
import { triage } from '../../triage/index.ts';
import { identify, mayJoin, notAllowed, participantOf, principalOf, signInNeeded, type ChatAccessDeps, type ChatIdentity } from './chat.access.ts';
import { MAX_MESSAGE_LENGTH, type ChatService } from './chat.service.ts';
import { handleChatSocket, messageJson, type ChatSocketDeps } from './chat.socket.ts';
import type { ChatConversation } from './chat.types.ts';
import { MAX_SEQ } from './request-guards.ts';
import { createSendLimiter, SEND_LIMIT, sendingTooFast, START_LIMIT, startingTooMany } from './send-limits.ts';
import { renderTranscript } from './transcript.ts';
import { VISITOR_SESSION_TTL_MS, type VisitorSessions } from './visitor-sessions.ts';

export const VISITOR_COOKIE = 'usher_chat_visitor';

const authorSchema = z.object({ kind: z.enum(['member', 'visitor', 'assistant', 'agent', 'system']), id: z.string().nullable(), name: z.string() });
const messageSchema = z.object({
  id: z.string(), seq: z.number(), author: authorSchema, body: z.string(),
  payload: z.object({ kind: z.string(), choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(), data: z.record(z.string(), z.unknown()).optional() }).nullable(),
  client_id: z.string().nullable(), created_at: z.string(),
});
const conversationSchema = z.object({ id: z.string(), status: z.enum(['assistant', 'waiting', 'active', 'closed']), intent: z.string(), last_seq: z.number(), created_at: z.string(), updated_at: z.string() });
const conversationJson = (conversation: ChatConversation) => ({
  id: conversation.id, status: conversation.status, intent: conversation.intent, last_seq: conversation.lastSeq, created_at: conversation.createdAt, updated_at: conversation.updatedAt,
});
const idParams = z.object({ id: z.string().min(1).max(64) });

export type ChatRoutesDeps = Omit<ChatSocketDeps, 'access'> & {
  access: ChatAccessDeps;
  visitors: VisitorSessions;
  mailer: Mailer;
  clock: Clock;
  serviceName: string;
  /** Where a member's conversation starts: their account's country and language. */
  whereOf(identity: ChatIdentity): Promise<{ country: string; language: string }>;
  /** The desk's check of the service code the member types in the secure field (docs/desk.md, "Verification"). */
  verifyServiceCode?(options: { conversationId: string; code: string; address: string }): Promise<{ verified: true; verified_at: string }>;
  /** The address a transcript goes to: the account's email, or the visitor's verified one. Never one typed in the request. */
  emailOf(identity: ChatIdentity): Promise<string | null>;
};

export function chatRoutes(deps: ChatRoutesDeps): FastifyPluginAsyncZod {
  const limiter = deps.limiter ?? createSendLimiter();
  const who = async (request: FastifyRequest): Promise<ChatIdentity> => {
    checkCsrf(request);
    const identity = await identify(deps.access, request);
    if (!identity || identity.kind === 'agent') throw signInNeeded();
    return identity;
  };
  const ownConversation = async (request: FastifyRequest, id: string) => {
    const identity = await who(request);
    const conversation = await deps.chat.get(id);
    // Someone else's conversation answers like a missing one, so ids cannot be probed.
    if (!conversation || !(await mayJoin(deps.access, identity, conversation))) throw new AppError({ code: 'CONVERSATION_NOT_FOUND', message: 'This conversation does not exist.', status: 404 });
    return { identity, conversation };
  };

  return async (app) => {
    await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

    app.get('/api/chat/ws', { websocket: true, schema: { hide: true } }, (socket, request) => handleChatSocket({ ...deps, limiter }, socket, request));

    app.post('/api/chat/visitor/code', {
      schema: { tags: ['chat'], summary: 'Email a visitor a code to chat without signing in', body: z.object({ email: z.string().trim().email().max(254) }), response: { 200: z.object({ expires_at: z.string() }) } },
    }, async (request) => {
      checkCsrf(request);
      return deps.visitors.sendCode(request.body.email);
    });

    app.post('/api/chat/visitor/verify', {
      schema: { tags: ['chat'], summary: 'Check the emailed code; the browser may then chat as that email', body: z.object({ email: z.string().trim().email().max(254), code: z.string().trim().max(12) }), response: { 200: z.object({ email: z.string() }) } },
    }, async (request, reply) => {
      checkCsrf(request);
      const session = await deps.visitors.verify(request.body.email, request.body.code);
      reply.header('set-cookie', serializeSetCookie(VISITOR_COOKIE, session.token, {
        httpOnly: true, secure: secureFor(request), sameSite: 'Lax', path: '/', maxAgeSeconds: Math.floor(VISITOR_SESSION_TTL_MS / 1000),
      }));
      return { email: session.email };
    });

    app.post('/api/chat/conversations', {
      schema: {
        tags: ['chat'], summary: 'Start a conversation; the assistant answers the first message',
        body: z.object({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) }),
        response: { 201: z.object({ conversation: conversationSchema, messages: z.array(messageSchema) }) },
      },
    }, async (request, reply) => {
      const identity = await who(request);
      if (!limiter.take(`start:${principalOf(identity)}`, START_LIMIT)) throw startingTooMany();
      const where = await deps.whereOf(identity);
      const author = identity.kind === 'member' ? { kind: 'member' as const, id: identity.accountId, name: identity.name } : { kind: 'visitor' as const, id: null, name: 'You' };
      const { conversation } = await deps.chat.startConversation({
        accountId: identity.kind === 'member' ? identity.accountId : null, visitorEmail: identity.kind === 'visitor' ? identity.email : null,
        author, text: request.body.text, intent: triage(request.body.text).intent, ...where,
      });
      return reply.code(201).send({ conversation: conversationJson(conversation), messages: (await deps.chat.history(conversation.id)).map(messageJson) });
    });

    app.get('/api/chat/conversations', {
      schema: { tags: ['chat'], summary: 'My recent conversations', response: { 200: z.object({ conversations: z.array(conversationSchema) }) } },
    }, async (request) => {
      const identity = await who(request);
      const owner = identity.kind === 'member' ? { accountId: identity.accountId } : { visitorEmail: (identity as { email: string }).email };
      return { conversations: (await deps.chat.conversationsOf(owner)).map(conversationJson) };
    });

    app.get('/api/chat/conversations/:id', {
      schema: {
        tags: ['chat'], summary: 'A conversation and its messages after a seq (the socket is the live path; this is the fallback)',
        params: idParams, querystring: z.object({ after_seq: z.coerce.number().int().min(0).max(MAX_SEQ).default(0) }),
        response: { 200: z.object({ conversation: conversationSchema, messages: z.array(messageSchema) }) },
      },
    }, async (request) => {
      const { conversation } = await ownConversation(request, request.params.id);
      return { conversation: conversationJson(conversation), messages: (await deps.chat.history(conversation.id, request.query.after_seq)).map(messageJson) };
    });

    app.post('/api/chat/conversations/:id/messages', {
      schema: {
        tags: ['chat'], summary: 'Send a message without a socket (same rules: stored before the answer, a repeated client_id is stored once)',
        params: idParams,
        body: z.object({ body: z.string().min(1).max(MAX_MESSAGE_LENGTH * 2), client_id: z.string().min(1).max(64).optional(), choice: z.string().max(64).optional() }),
        response: { 201: z.object({ message: messageSchema }) },
      },
    }, async (request, reply) => {
      const { identity, conversation } = await ownConversation(request, request.params.id);
      if (conversation.status === 'closed') throw new AppError({ code: 'CONVERSATION_CLOSED', message: 'This conversation is closed. Start a new one if you need more help.', status: 409 });
      const me = participantOf(identity);
      if (!limiter.take(`${conversation.id}:${me.reader}`, SEND_LIMIT)) throw sendingTooFast();
      const message = await deps.chat.post({
        conversationId: conversation.id, author: me.author, body: request.body.body, clientId: request.body.client_id ?? null, address: request.ip,
        payload: request.body.choice === undefined ? null : { kind: 'text', data: { choice: request.body.choice } },
      });
      return reply.code(201).send({ message: messageJson(message) });
    });

    app.post('/api/chat/conversations/:id/service-code', {
      schema: {
        tags: ['chat'], summary: 'The service code the agent asked for, from the secure field: checked at once, never stored (SERVICE_CODE_INVALID with the tries left)',
        params: idParams,
        body: z.object({ code: z.string().trim().regex(/^\d{3}[ -]?\d{3}$/, 'is the 6-digit service code') }),
        response: { 200: z.object({ verified: z.literal(true), verified_at: z.string() }) },
      },
    }, async (request) => {
      const { identity, conversation } = await ownConversation(request, request.params.id);
      if (!deps.verifyServiceCode) throw new AppError({ code: 'SERVICE_CODE_NOT_ASKED', message: 'Nobody is waiting for your service code in this chat.', status: 409 });
      if (!limiter.take(`${conversation.id}:${participantOf(identity).reader}`, SEND_LIMIT)) throw sendingTooFast();
      return deps.verifyServiceCode({ conversationId: conversation.id, code: request.body.code.replace(/\D/g, ''), address: request.ip });
    });

    const transcriptOf = async (conversation: ChatConversation) =>
      renderTranscript({ serviceName: deps.serviceName, conversation, messages: await deps.chat.history(conversation.id), generatedAt: deps.clock.now() });

    app.get('/api/chat/conversations/:id/transcript', {
      schema: { tags: ['chat'], summary: 'Download the transcript as text', params: idParams },
    }, async (request, reply) => {
      const { conversation } = await ownConversation(request, request.params.id);
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${deps.serviceName.toLowerCase()}-chat-${conversation.id}.txt"`)
        .send(await transcriptOf(conversation));
    });

    app.post('/api/chat/conversations/:id/transcript/email', {
      schema: { tags: ['chat'], summary: 'Email the transcript to the account\'s (or the verified visitor\'s) address', params: idParams, response: { 202: z.object({ sent_to: z.string() }) } },
    }, async (request, reply) => {
      const { identity, conversation } = await ownConversation(request, request.params.id);
      const to = await deps.emailOf(identity);
      if (to === null) throw notAllowed();
      await deps.mailer.send({ channel: 'email', to, subject: `Your ${deps.serviceName} support conversation`, body: await transcriptOf(conversation), purpose: 'the transcript of a support chat you asked for' });
      const [name = '', domain = ''] = to.split('@');
      return reply.code(202).send({ sent_to: `${name.slice(0, 2)}…@${domain}` });
    });
  };
}
