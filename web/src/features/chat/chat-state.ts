import type { ChatAuthor, ChatMessage, ConversationStatus } from '../../api/chat.ts';

/**
 * What one conversation looks like on this screen, built from the socket's
 * frames (docs/chat.md). Pure: the reducer never talks to the socket.
 */

export type ServerFrame =
  | { type: 'ready'; conversation: { id: string; status: ConversationStatus; last_seq: number }; you: ChatAuthor; read_marks: { author: Pick<ChatAuthor, 'kind' | 'name'>; seq: number }[] }
  | { type: 'message'; message: ChatMessage }
  | { type: 'ack'; client_id: string; seq: number; id: string }
  | { type: 'typing'; author: ChatAuthor; on: boolean }
  | { type: 'read'; author: ChatAuthor; seq: number }
  | { type: 'status'; status: ConversationStatus }
  /** The member's service code matched, now: the desk reads the case again (its view lifts), the member's field closes. */
  | { type: 'verified'; verified_at: string }
  | { type: 'error'; code: string; message: string; client_id?: string }
  | { type: 'pong' };

export type Pending = {
  clientId: string;
  body: string;
  choice?: string;
  /** `sending`: not acknowledged yet (resent after a reconnect); `failed`: refused, with the server's reason. */
  state: 'sending' | 'failed';
  error?: { code: string; message: string };
};

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type ChatState = {
  messages: ChatMessage[];
  pending: Pending[];
  status: ConversationStatus | null;
  you: ChatAuthor | null;
  /** How far each other participant read, keyed by kind and name. */
  readMarks: Record<string, { kind: string; seq: number }>;
  typing: { name: string; kind: string } | null;
  connection: Connection;
  /** A refusal that ends the connection (signed out, not your conversation). */
  fatal: { code: string; message: string } | null;
  /** A refusal of no message in particular (too fast, bad frame), shown once. */
  notice: { code: string; message: string } | null;
  /** When this socket heard that the member was verified with the service code; null until then. */
  verifiedAt: string | null;
};

export const initialChatState: ChatState = {
  messages: [], pending: [], status: null, you: null, readMarks: {}, typing: null, connection: 'connecting', fatal: null, notice: null, verifiedAt: null,
};

export type ChatAction =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'connection'; connection: Connection }
  | { type: 'queue'; pending: Pending }
  | { type: 'discard'; clientId: string }
  | { type: 'typing-expired' };

const FATAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** Inserts by seq, never twice: a resumed socket may repeat what an earlier one sent. */
export function mergeMessage(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.seq === message.seq)) return messages;
  const next = [...messages, message];
  if (messages.length > 0 && messages[messages.length - 1]!.seq > message.seq) next.sort((a, b) => a.seq - b.seq);
  return next;
}

/** The last seq with every earlier one present: what `hello` asks to resume after. */
export function contiguousSeq(messages: ChatMessage[]): number {
  let seq = 0;
  for (const message of messages) {
    if (message.seq === seq + 1) seq = message.seq;
    else if (message.seq > seq + 1) break;
  }
  return seq;
}

const markKey = (author: { kind: string; name: string }) => `${author.kind}:${author.name}`;

function onFrame(state: ChatState, frame: ServerFrame): ChatState {
  switch (frame.type) {
    case 'ready': {
      const readMarks: ChatState['readMarks'] = {};
      for (const mark of frame.read_marks) readMarks[markKey(mark.author)] = { kind: mark.author.kind, seq: mark.seq };
      return { ...state, status: frame.conversation.status, you: frame.you, readMarks, connection: 'open', fatal: null };
    }
    case 'message': {
      const message = frame.message;
      const pending = message.client_id ? state.pending.filter((item) => item.clientId !== message.client_id) : state.pending;
      const typing = state.typing && state.typing.name === message.author.name && state.typing.kind === message.author.kind ? null : state.typing;
      return { ...state, messages: mergeMessage(state.messages, message), pending, typing };
    }
    case 'ack': {
      // The stored copy comes as a `message` frame too; drop the bubble only if it is already there.
      const stored = state.messages.some((message) => message.seq === frame.seq);
      return stored ? { ...state, pending: state.pending.filter((item) => item.clientId !== frame.client_id) } : state;
    }
    case 'typing':
      if (!frame.on) return state.typing?.name === frame.author.name ? { ...state, typing: null } : state;
      return { ...state, typing: { name: frame.author.name, kind: frame.author.kind } };
    case 'read': {
      const key = markKey(frame.author);
      const before = state.readMarks[key]?.seq ?? 0;
      return frame.seq > before ? { ...state, readMarks: { ...state.readMarks, [key]: { kind: frame.author.kind, seq: frame.seq } } } : state;
    }
    case 'status':
      return { ...state, status: frame.status };
    case 'verified':
      return { ...state, verifiedAt: frame.verified_at };
    case 'error': {
      const error = { code: frame.code, message: frame.message };
      if (frame.client_id) {
        return { ...state, pending: state.pending.map((item) => (item.clientId === frame.client_id ? { ...item, state: 'failed', error } : item)) };
      }
      if (FATAL.has(frame.code)) return { ...state, fatal: error, connection: 'closed' };
      return { ...state, notice: error };
    }
    case 'pong':
      return state;
  }
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'frame':
      return onFrame(state, action.frame);
    case 'connection':
      return state.fatal ? state : { ...state, connection: action.connection };
    case 'queue': {
      const others = state.pending.filter((item) => item.clientId !== action.pending.clientId);
      return { ...state, pending: [...others, action.pending], notice: null };
    }
    case 'discard':
      return { ...state, pending: state.pending.filter((item) => item.clientId !== action.clientId) };
    case 'typing-expired':
      return { ...state, typing: null };
  }
}

/** Is this message mine? Same kind and same id (a visitor has no id: the kind says it). */
export function isMine(you: ChatAuthor | null, author: ChatAuthor): boolean {
  return you !== null && author.kind === you.kind && author.id === you.id;
}

/** The furthest seq the other side has read (for "Seen" under my last message). */
export function othersRead(state: ChatState): number {
  let seq = 0;
  for (const mark of Object.values(state.readMarks)) {
    if (state.you && mark.kind === state.you.kind) continue;
    if (mark.kind === 'assistant' || mark.kind === 'system') continue;
    seq = Math.max(seq, mark.seq);
  }
  return seq;
}
