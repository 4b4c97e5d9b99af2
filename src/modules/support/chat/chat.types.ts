/**
 * The chat's vocabulary, shared by the transport, the assistant and the
 * agent desk. Bodies are stored redacted (safety's `redact`), always.
 */

export type ConversationStatus =
  /** The assistant is answering. */
  | 'assistant'
  /** Handed off: a case waits in a queue for an agent. */
  | 'waiting'
  /** An agent is in the conversation. */
  | 'active'
  | 'closed';

export type AuthorKind = 'member' | 'visitor' | 'assistant' | 'agent' | 'system';
export type Author = { kind: AuthorKind; id: string | null; name: string };

/** Something the member can tap instead of typing; the reply carries its `id` as `choice`. */
export type Choice = { id: string; label: string };

/**
 * Structured content beside the text: the web app draws it (evidence tables,
 * buttons); the transcript keeps the text.
 */
export type MessagePayload = {
  kind: 'text' | 'charge_explanation' | 'confirm_action' | 'action_done' | 'flow_step' | 'handoff' | 'summary' | 'notice';
  choices?: Choice[];
  /** Free-form, JSON-serialisable detail for the kind (evidence lines, the action proposed, the case id…). */
  data?: Record<string, unknown>;
};

export type ChatMessage = {
  id: string;
  conversationId: string;
  /** 1, 2, 3… per conversation, without gaps: the order everyone sees and the resume point. */
  seq: number;
  author: Author;
  body: string;
  payload: MessagePayload | null;
  /** The sender's id for the message, so that a resend after a dropped connection is not stored twice. */
  clientId: string | null;
  createdAt: string;
};

export type ChatConversation = {
  id: string;
  /** The member's account; null for a visitor with a verified email. */
  accountId: string | null;
  visitorEmail: string | null;
  intent: string;
  country: string;
  language: string;
  status: ConversationStatus;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
};

/** How the assistant and the desk speak in a conversation. */
export type ChatPort = {
  get(conversationId: string): Promise<ChatConversation | null>;
  /**
   * Redacts, stores (next seq), then publishes to every process. `address`:
   * the sender's, for a member's message from the socket or the HTTP route,
   * so a service code typed in it can be checked under identity's limits.
   */
  post(options: { conversationId: string; author: Author; body: string; payload?: MessagePayload | null; clientId?: string | null; address?: string }): Promise<ChatMessage>;
  history(conversationId: string, afterSeq?: number): Promise<ChatMessage[]>;
  /** Changes the status and tells the participants (a `status` frame). */
  setStatus(conversationId: string, status: ConversationStatus): Promise<void>;
  /**
   * Takes service codes out of the member's stored messages (kept until
   * then, so the agent could read the code out): the desk calls it once the
   * code has verified them. The number of messages changed.
   */
  forgetServiceCodes?(conversationId: string): Promise<number>;
  /**
   * Tells every open socket of the conversation, at once, that the member's
   * service code matched (a `verified` frame): the agent's socket lifts its
   * before-verification view without waiting for another message.
   */
  announceVerified?(conversationId: string, verifiedAt: string): Promise<void>;
};

/**
 * The desk's side of a service code typed into an ordinary message while an
 * agent waits for one: taken out before the message is stored, then checked.
 */
export type ServiceCodeScreen = {
  /** The message without the code, and the code; null when the message has none or nobody is waiting for one. */
  takeFromMessage(conversationId: string, body: string): Promise<{ body: string; code: string } | null>;
  /** Checks it (the member hears the outcome in the chat); never throws. */
  checkFromMessage(options: { conversationId: string; code: string; address: string }): Promise<void>;
};
