import { request } from './client.ts';
import type { IsoDateTime } from './types.ts';
import type { CaseOutcome } from './desk.ts';

/** The shapes of docs/chat.md, as the web app reads them. */

export type ConversationStatus = 'assistant' | 'waiting' | 'active' | 'closed';
export type AuthorKind = 'member' | 'visitor' | 'assistant' | 'agent' | 'system';
export type ChatAuthor = { kind: AuthorKind; id: string | null; name: string };
export type ChatChoice = { id: string; label: string };

export type PayloadKind = 'text' | 'charge_explanation' | 'confirm_action' | 'action_done' | 'flow_step' | 'handoff' | 'summary' | 'notice';
export type ChatPayload = { kind: PayloadKind | string; choices?: ChatChoice[]; data?: Record<string, unknown> };

export type ChatMessage = {
  id: string;
  seq: number;
  author: ChatAuthor;
  body: string;
  payload: ChatPayload | null;
  client_id: string | null;
  created_at: IsoDateTime;
};

export type ChatConversation = {
  id: string;
  status: ConversationStatus;
  intent: string;
  last_seq: number;
  created_at: IsoDateTime;
  updated_at: IsoDateTime;
};

export type ConversationWithMessages = { conversation: ChatConversation; messages: ChatMessage[] };

/** A ledger line shown as evidence (the assistant's charge explanation, the desk's case file). */
export type EvidenceLine = {
  id: string;
  account?: 'this' | 'other';
  date: string;
  type: string;
  reason: string | null;
  amount: number;
  tax?: number | null;
  currency: string;
  period_start?: string | null;
  period_end?: string | null;
  refunded?: number;
};

export type ChargeFinding = { cause: string; title: string; headline?: string; explanation: string; evidence?: { lines?: EvidenceLine[]; dates?: { label: string; date: string }[] } };

export type ChargeExplanation = {
  currency?: string | null;
  explained?: boolean;
  disputedCharge?: EvidenceLine | null;
  findings?: ChargeFinding[];
  advice?: string[];
  notes?: string[];
};

export const sendVisitorCode = (email: string) => request<{ expires_at: IsoDateTime }>('POST', '/api/chat/visitor/code', { body: { email } });
export const verifyVisitor = (email: string, code: string) => request<{ email: string }>('POST', '/api/chat/visitor/verify', { body: { email, code } });

export const startConversation = (text: string) => request<ConversationWithMessages>('POST', '/api/chat/conversations', { body: { text } });
export const listConversations = () => request<{ conversations: ChatConversation[] }>('GET', '/api/chat/conversations');
export const getConversation = (id: string, afterSeq = 0) =>
  request<ConversationWithMessages>('GET', `/api/chat/conversations/${encodeURIComponent(id)}?after_seq=${afterSeq}`);

/** The service code the agent asked for, from the chat's secure field: checked at once, never stored (422 SERVICE_CODE_INVALID with the tries left). */
export const sendServiceCode = (id: string, code: string) =>
  request<{ verified: true; verified_at: IsoDateTime }>('POST', `/api/chat/conversations/${encodeURIComponent(id)}/service-code`, { body: { code } });
export const transcriptUrl = (id: string) => `/api/chat/conversations/${encodeURIComponent(id)}/transcript`;
export const emailTranscript = (id: string) => request<{ sent_to: string }>('POST', `/api/chat/conversations/${encodeURIComponent(id)}/transcript/email`);

/** The chat socket's address on this host; `as=agent` when the desk opens it (a browser may hold both cookies). */
export function chatSocketUrl(as: 'member' | 'agent'): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/chat/ws${as === 'agent' ? '?as=agent' : ''}`;
}

/** A support case of mine as the member sees it: never the agents' notes. */
export type MySupportCase = {
  id: string; conversation_id: string; queue: 'billing' | 'security' | 'technical' | 'general'; status: 'open' | 'resolved';
  outcome: CaseOutcome | null; summary: string | null; opened_at: IsoDateTime; resolved_at: IsoDateTime | null;
};
export const listMyCases = () => request<{ cases: MySupportCase[] }>('GET', '/api/me/support/cases');
