import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import { redact } from '../../safety/redaction/index.ts';
import { encodeMessageSignal, type ChatHub, type ChatSignal } from './chat-hub.ts';
import {
  appendMessage, notifyAfterCommit, findConversation, findFirstMessage, insertConversation, listConversationsOf, listMessages, listReadMarks, notify, rewriteMemberText, saveReadMark,
  setConversationStatus, type ChatDb, type ReadMark,
} from './chat.repository.ts';
import type { Author, ChatConversation, ChatMessage, ChatPort, ConversationStatus, MessagePayload, ServiceCodeScreen } from './chat.types.ts';

export const MAX_MESSAGE_LENGTH = 4000;

/** Told after a message is stored (the assistant answers members; the desk times agents' first response). */
export type MessageStored = (conversation: ChatConversation, message: ChatMessage) => Promise<void>;

export type ChatServiceDeps = {
  db: ChatDb;
  clock: Clock;
  logger?: Logger;
  hub: Pick<ChatHub, 'origin'>;
  onMessageStored?: MessageStored;
  /** The desk's screen for a service code typed into a message while an agent waits for one (bound late, like the desk). */
  serviceCodes?: () => ServiceCodeScreen | undefined;
};

/** Someone in a conversation: the member or visitor, or an agent. */
export type Participant = { author: Author; reader: string };

export function createChatService(deps: ChatServiceDeps) {
  const listeners: MessageStored[] = deps.onMessageStored ? [deps.onMessageStored] : [];

  async function requireConversation(id: string): Promise<ChatConversation> {
    const conversation = await findConversation(deps.db, id);
    if (!conversation) throw new AppError({ code: 'CONVERSATION_NOT_FOUND', message: 'This conversation does not exist.', status: 404 });
    return conversation;
  }

  /**
   * Stores a message (redacted, next seq) and publishes it. A repeated client
   * id returns the stored copy: the sender's retry after a dropped connection
   * is acknowledged again, not stored twice.
   */
  async function post(options: { conversationId: string; author: Author; body: string; payload?: MessagePayload | null; clientId?: string | null; address?: string }): Promise<ChatMessage> {
    let body = options.body.trim();
    if (body === '') throw new AppError({ code: 'MESSAGE_EMPTY', message: 'Write something before sending.', field: 'body', status: 400 });
    if (body.length > MAX_MESSAGE_LENGTH) throw new AppError({ code: 'MESSAGE_TOO_LONG', message: `Messages are at most ${MAX_MESSAGE_LENGTH} characters.`, field: 'body', status: 400 });
    // A member's service code stays until the desk has checked it (the agent reads it here); nobody else's words ever need one.
    const fromMember = options.author.kind === 'member' || options.author.kind === 'visitor';
    // While an agent waits for the code, one typed here anyway is taken out before anything is stored, and checked after.
    const screen = fromMember && options.address !== undefined ? deps.serviceCodes?.() : undefined;
    const taken = screen ? await screen.takeFromMessage(options.conversationId, body) : null;
    if (taken) body = taken.body;
    const result = await appendMessage(deps.db, {
      conversationId: options.conversationId, id: newId('msg'), authorKind: options.author.kind, authorId: options.author.id, authorName: options.author.name,
      body: redact(body, { serviceCodes: fromMember ? 'keep' : 'remove' }).text, payload: options.payload ?? null, clientId: options.clientId ?? null, at: deps.clock.now(),
    });
    if (result === 'missing') throw new AppError({ code: 'CONVERSATION_NOT_FOUND', message: 'This conversation does not exist.', status: 404 });
    if (result === 'closed') throw new AppError({ code: 'CONVERSATION_CLOSED', message: 'This conversation is closed. Start a new one if you need more help.', status: 409 });
    // A resend is published again: if the first copy's notification was lost with its process, this one brings it.
    await notifyAfterCommit(deps.db, encodeMessageSignal(result.message));
    if (taken && screen && !result.duplicate) await screen.checkFromMessage({ conversationId: options.conversationId, code: taken.code, address: options.address as string });
    if (!result.duplicate) {
      for (const listener of listeners) {
        // The message is stored and acknowledged whatever a listener does.
        listener(result.conversation, result.message).catch((error: unknown) => deps.logger?.error({ err: error }, 'chat listener failed'));
      }
    }
    return result.message;
  }

  async function setStatus(conversationId: string, status: ConversationStatus): Promise<void> {
    await setConversationStatus(deps.db, conversationId, status, deps.clock.now(), JSON.stringify({ t: 'status', c: conversationId, status } satisfies ChatSignal));
  }

  /** A conversation with the member's first words as message 1 (the assistant answers it). */
  async function startConversation(options: { accountId: string | null; visitorEmail: string | null; author: Author; text: string; intent: string; country: string; language: string; status?: ConversationStatus }): Promise<{ conversation: ChatConversation; first: ChatMessage | null }> {
    const id = newId('conv');
    const text = redact(options.text.trim().slice(0, MAX_MESSAGE_LENGTH)).text;
    await insertConversation(deps.db, {
      id, accountId: options.accountId, visitorEmail: options.visitorEmail, intent: options.intent, firstMessage: text, country: options.country,
      language: options.language, status: options.status ?? 'assistant', at: deps.clock.now(),
    });
    const first = text === '' ? null : await post({ conversationId: id, author: options.author, body: text });
    return { conversation: await requireConversation(id), first };
  }

  async function markRead(conversationId: string, participant: Participant, seq: number): Promise<void> {
    const conversation = await requireConversation(conversationId);
    const upto = Math.min(seq, conversation.lastSeq);
    if (upto < 1) return;
    const mark: ReadMark = { reader: participant.reader, readerKind: participant.author.kind, readerName: participant.author.name, seq: upto };
    if (!(await saveReadMark(deps.db, conversationId, mark, deps.clock.now()))) return;
    await notify(deps.db, JSON.stringify({ t: 'read', c: conversationId, a: participant.author, s: upto, from: participant.reader } satisfies ChatSignal));
  }

  /** Typing is never stored: a signal to whoever is connected now. */
  async function typing(conversationId: string, participant: Participant, on: boolean): Promise<void> {
    await notify(deps.db, JSON.stringify({ t: 'typing', c: conversationId, a: participant.author, on, from: participant.reader } satisfies ChatSignal));
  }

  /** Once the desk has checked the member's service code, no stored copy of it is needed: their messages lose it. */
  async function forgetServiceCodes(conversationId: string): Promise<number> {
    const scrub = (text: string) => redact(text, { serviceCodes: 'remove' }).text;
    const messages = await listMessages(deps.db, conversationId, { limit: 10_000 });
    const changed = messages
      .filter((message) => message.author.kind === 'member' || message.author.kind === 'visitor')
      .map((message) => ({ seq: message.seq, body: scrub(message.body), before: message.body }))
      .filter((message) => message.body !== message.before)
      .map(({ seq, body }) => ({ seq, body }));
    const first = await findFirstMessage(deps.db, conversationId);
    const firstScrubbed = first === null ? null : scrub(first);
    await rewriteMemberText(deps.db, conversationId, changed, firstScrubbed !== first ? firstScrubbed : null);
    return changed.length;
  }

  async function announceVerified(conversationId: string, verifiedAt: string): Promise<void> {
    await notify(deps.db, JSON.stringify({ t: 'verified', c: conversationId, at: verifiedAt } satisfies ChatSignal));
  }

  const port: ChatPort = {
    get: (id) => findConversation(deps.db, id),
    post,
    history: (id, afterSeq) => listMessages(deps.db, id, { afterSeq: afterSeq ?? 0, limit: 10_000 }),
    setStatus,
    forgetServiceCodes,
    announceVerified,
  };

  return {
    ...port,
    requireConversation,
    startConversation,
    markRead,
    typing,
    readMarks: (conversationId: string) => listReadMarks(deps.db, conversationId),
    loadMessages: (conversationId: string, afterSeq: number, uptoSeq?: number) => listMessages(deps.db, conversationId, { afterSeq, ...(uptoSeq === undefined ? {} : { uptoSeq }), limit: 1000 }),
    conversationsOf: (owner: { accountId: string } | { visitorEmail: string }) => listConversationsOf(deps.db, owner, 50),
    onMessageStored(listener: MessageStored) {
      listeners.push(listener);
    },
    port,
  };
}

export type ChatService = ReturnType<typeof createChatService>;
