import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { ChatConversation, ChatMessage } from './chat.types.ts';
import type { Participant } from './chat.service.ts';

/** Who is asking, as the chat sees it: a signed-in member, a visitor who proved their email, or an agent. */
export type ChatIdentity =
  | { kind: 'member'; accountId: string; name: string; email?: string; country?: string; language?: string }
  | { kind: 'visitor'; email: string }
  | { kind: 'agent'; agentId: string; name: string; role: 'agent' | 'supervisor' };

export type ChatAccessDeps = {
  /** The signed-in member on the request (session cookie), with the name they are shown by. */
  member(request: FastifyRequest): Promise<{ accountId: string; name: string; email?: string; country?: string; language?: string } | null>;
  /** The visitor's verified email (the chat's visitor cookie). */
  visitor(request: FastifyRequest): Promise<{ email: string } | null>;
  /** The desk's signed-in agent. */
  agent?(request: FastifyRequest): Promise<{ agentId: string; name: string; role: 'agent' | 'supervisor' } | null>;
  /** Agents join the conversations of their cases; supervisors any case's. */
  mayAgentJoin?(agentId: string, conversationId: string): Promise<boolean>;
  /**
   * What an agent may read of a conversation's messages: null for all of them (the member is verified),
   * else a view that withholds account facts. Until verification the agent's socket gets only that view.
   */
  agentView?(conversationId: string): Promise<((message: ChatMessage) => ChatMessage) | null>;
};

export const notAllowed = () => new AppError({ code: 'FORBIDDEN', message: 'This conversation is not yours.', status: 403 });
export const signInNeeded = () =>
  new AppError({ code: 'UNAUTHENTICATED', message: 'Sign in, or confirm your email address, to chat with us.', status: 401 });

/**
 * Agents first: an agent reading a member's chat in the same browser as
 * their own member login acts as the agent. Members and visitors are told
 * apart by their cookies.
 */
export async function identify(deps: ChatAccessDeps, request: FastifyRequest, prefer: 'agent' | 'member' = 'member'): Promise<ChatIdentity | null> {
  const asAgent = async (): Promise<ChatIdentity | null> => {
    const agent = await deps.agent?.(request);
    return agent ? { kind: 'agent', ...agent } : null;
  };
  const asMember = async (): Promise<ChatIdentity | null> => {
    const member = await deps.member(request);
    if (member) return { kind: 'member', ...member };
    const visitor = await deps.visitor(request);
    return visitor ? { kind: 'visitor', email: visitor.email } : null;
  };
  return prefer === 'agent' ? ((await asAgent()) ?? (await asMember())) : ((await asMember()) ?? (await asAgent()));
}

export async function mayJoin(deps: ChatAccessDeps, identity: ChatIdentity, conversation: ChatConversation): Promise<boolean> {
  switch (identity.kind) {
    case 'member':
      return conversation.accountId === identity.accountId;
    case 'visitor':
      return conversation.accountId === null && conversation.visitorEmail === identity.email;
    case 'agent':
      return (await deps.mayAgentJoin?.(identity.agentId, conversation.id)) ?? false;
  }
}

/** Who an identity is, as one string: to tell whether the cookies still name the same person, and to key rate limits. */
export const principalOf = (identity: ChatIdentity): string =>
  identity.kind === 'member' ? `member:${identity.accountId}` : identity.kind === 'visitor' ? `visitor:${identity.email}` : `agent:${identity.agentId}`;

export function participantOf(identity: ChatIdentity): Participant {
  switch (identity.kind) {
    case 'member':
      return { author: { kind: 'member', id: identity.accountId, name: identity.name }, reader: 'member' };
    case 'visitor':
      return { author: { kind: 'visitor', id: null, name: 'You' }, reader: 'member' };
    case 'agent':
      return { author: { kind: 'agent', id: identity.agentId, name: identity.name }, reader: identity.agentId };
  }
}

/**
 * Browsers send cookies with a WebSocket handshake from any site, and CORS
 * does not apply to it: a handshake whose Origin is another site is refused
 * (cross-site WebSocket hijacking). Non-browser clients send no Origin.
 */
export function sameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.host === request.headers.host || allowedOrigins.includes(url.origin);
  } catch {
    return false;
  }
}
