import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import { withTables, type Database } from '../../../platform/db/database.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { readCookie } from '../../identity/index.ts';
import type { ChatAccessDeps, ChatIdentity } from './chat.access.ts';
import { createChatHub, type ChatHub } from './chat-hub.ts';
import type { ChatTables } from './chat.repository.ts';
import { chatRoutes, VISITOR_COOKIE, type ChatRoutesDeps } from './chat.routes.ts';
import type { ServiceCodeScreen } from './chat.types.ts';
import type { ChatSocketDeps } from './chat.socket.ts';
import { createChatService, type ChatService } from './chat.service.ts';
import { createVisitorSessions, type VisitorSessions } from './visitor-sessions.ts';

/** The signed-in member as the chat needs them (identity, wired by the registry). */
export type ChatMember = { accountId: string; name: string; email: string; country: string; language: string };

export type ChatDeps = {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  logger?: Logger;
  serviceName: string;
  member(request: FastifyRequest): Promise<ChatMember | null>;
  /** The desk's side, once it exists: who the agent is, which conversations they may join, what they may not write. */
  desk?: Pick<ChatAccessDeps, 'agent' | 'mayAgentJoin' | 'agentView'> & Pick<ChatSocketDeps, 'checkAgentMessage' | 'agentMessageBlocked'>
    & Pick<ChatRoutesDeps, 'verifyServiceCode'> & { serviceCodes?: ServiceCodeScreen };
  allowedOrigins?: readonly string[];
  /** Where visitors' chats are counted when no account says (the first configured country). */
  visitorWhere: { country: string; language: string };
};

export type Chat = { service: ChatService; hub: ChatHub; visitors: VisitorSessions; routes: ReturnType<typeof chatRoutes> };

export function createChat(deps: ChatDeps): Chat {
  const db = withTables<ChatTables>(deps.database.db);
  const hub = createChatHub({ database: deps.database, loadMessages: (id, after, upto) => service.loadMessages(id, after, upto), ...(deps.logger ? { logger: deps.logger } : {}) });
  const service = createChatService({ db, clock: deps.clock, hub, serviceCodes: () => deps.desk?.serviceCodes, ...(deps.logger ? { logger: deps.logger } : {}) });
  const visitors = createVisitorSessions({ db, clock: deps.clock, mailer: deps.mailer, serviceName: deps.serviceName });
  const access: ChatAccessDeps = {
    member: deps.member,
    visitor: (request) => visitors.visitorFor(readCookie(request, VISITOR_COOKIE)),
    ...(deps.desk?.agent ? { agent: deps.desk.agent } : {}),
    ...(deps.desk?.mayAgentJoin ? { mayAgentJoin: deps.desk.mayAgentJoin } : {}),
    ...(deps.desk?.agentView ? { agentView: deps.desk.agentView } : {}),
  };
  const routes = chatRoutes({
    chat: service, hub, access, visitors, mailer: deps.mailer, clock: deps.clock, serviceName: deps.serviceName,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.allowedOrigins ? { allowedOrigins: deps.allowedOrigins } : {}),
    ...(deps.desk?.checkAgentMessage ? { checkAgentMessage: deps.desk.checkAgentMessage } : {}),
    ...(deps.desk?.agentMessageBlocked ? { agentMessageBlocked: deps.desk.agentMessageBlocked } : {}),
    ...(deps.desk?.verifyServiceCode ? { verifyServiceCode: deps.desk.verifyServiceCode } : {}),
    whereOf: async (identity: ChatIdentity) =>
      identity.kind === 'member' && identity.country && identity.language ? { country: identity.country, language: identity.language } : deps.visitorWhere,
    emailOf: async (identity: ChatIdentity) => (identity.kind === 'agent' ? null : (identity.email ?? null)),
  });
  return { service, hub, visitors, routes };
}
