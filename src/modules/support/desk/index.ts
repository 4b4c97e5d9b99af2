import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import { withTables, type Db } from '../../../platform/db/database.ts';
import type { RoutesPlugin } from '../../../platform/http/server.ts';
import { repeatingTask } from '../../../platform/repeating-task.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ChatConversation, ChatMessage, ChatPort, ServiceCodeScreen } from '../chat/chat.types.ts';
import { checkCodeFromMessage, takeCodeFromMessage, verifyFromMember } from './service-code-request.service.ts';
import type { SupportAccountPort } from '../support.ports.ts';
import { askedCredential, checkAgentMessage } from './agent-message.ts';
import { currentAgent, requireAgent } from './agent-auth.service.ts';
import { findAgent, type Agent } from './agents.repository.ts';
import { assignWaiting, createHandOff } from './assignment.service.ts';
import type { HandOff, Queue } from './case-file.ts';
import { recordAgentReply } from './case-workflow.service.ts';
import { conversationHasCase, conversationVerified, findOpenCaseOfConversation } from './cases.repository.ts';
import { messageBeforeVerification } from './verification-view.rules.ts';
import { audit, firstName, type DeskContext } from './desk-context.ts';
import { seedDemoAgents } from './desk-demo.ts';
import { deskCaseRoutes } from './desk-cases.routes.ts';
import { giftBalanceRoutes } from './gift-balance.routes.ts';
import { deskRoutes, type MemberAuth } from './desk.routes.ts';
import { securityDeskRoutes } from './security/security-desk.routes.ts';
import type { SecurityDeskPort } from './security/security-desk.service.ts';
import type { DeskTables } from './desk.tables.ts';
import { settleStaleRefunds } from './refund-reservations.service.ts';
import { slaTargetsFrom, type SlaTarget } from './sla.rules.ts';

export type { Agent } from './agents.repository.ts';
export type { MemberAuth } from './desk.routes.ts';
export type { SecurityDeskPort } from './security/security-desk.service.ts';
export type { SlaTarget, SlaTargets } from './sla.rules.ts';
export type { CaseOutcome, AgentRole } from './desk.tables.ts';
export { checkAgentMessage } from './agent-message.ts';
export { DEMO_AGENTS } from './desk-demo.ts';
export { DEFAULT_SLAS } from './sla.rules.ts';
export { AGENT_SESSION_COOKIE } from './agent-auth.service.ts';

/** How often waiting cases are offered again to agents who came free (besides resolve, transfer and sign-in). */
export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;

export type DeskDeps = {
  db: Db;
  clock: Clock;
  chat: ChatPort;
  account: SupportAccountPort;
  /** The signed-in member, for `GET /api/me/support/cases`. */
  memberAuth: MemberAuth;
  logger?: Logger;
  /** Per-queue targets in milliseconds; what is not given keeps DEFAULT_SLAS. */
  slas?: Partial<Record<Queue, Partial<SlaTarget>>>;
  /** `USHER_ADMIN_KEY`: enables `POST /api/desk/admin/agents`. */
  adminKey?: string | null;
  /** The safety module's phishing reports: with it, the security team's routes (`/api/desk/security/…`). */
  security?: SecurityDeskPort;
  /** 0 turns the periodic assignment off (tests); default 30 s. */
  sweepIntervalMs?: number;
};

/** The agent as the chat sees it: members see the first name. */
export type ChatAgent = { agentId: string; name: string; role: 'agent' | 'supervisor' };

export type Desk = {
  routes: RoutesPlugin;
  /** The assistant's door: opens a case in a queue and assigns it when an agent is free. */
  handOff: HandOff;
  /** The signed-in agent (usher_agent_session cookie) or 401; state-changing requests also need the CSRF header. */
  requireAgent(request: FastifyRequest): Promise<Agent>;
  /** The signed-in agent for the chat's WebSocket handshake, or null. */
  currentAgent(request: FastifyRequest): Promise<ChatAgent | null>;
  /** Agents join the conversations of their open cases; supervisors those of any case. */
  mayAgentJoin(agentId: string, conversationId: string): Promise<boolean>;
  /**
   * How an agent's chat socket shows the conversation's messages: null once the member is verified
   * (whole), else the desk's before-verification view, so account facts never reach the agent's browser.
   */
  agentView(conversationId: string): Promise<((message: ChatMessage) => ChatMessage) | null>;
  /** The explanation when an agent's message asks for a password or a code, else null (the chat's WebSocket uses it). */
  checkAgentMessage(body: string): string | null;
  /** The chat's WebSocket refused an agent's message (checkAgentMessage): the audit log keeps what kind was asked for, never the text. */
  recordBlockedMessage(options: { agentId: string; conversationId: string; body: string }): Promise<void>;
  /** For the chat's `onMessageStored`: an agent's message stops the case's first-response clock. */
  onMessageStored(conversation: ChatConversation, message: ChatMessage): Promise<void>;
  /** The service code the member typed in the chat's secure field, after the agent asked for it (SERVICE_CODE_INVALID, SERVICE_CODE_NOT_ASKED). */
  verifyFromMember(options: { conversationId: string; code: string; address: string }): Promise<{ verified: true; verified_at: string }>;
  /** For the chat: a code typed into a message while the agent waits for one is taken out before storing, then checked. */
  serviceCodes: ServiceCodeScreen;
  /** Offers waiting cases to free agents now; the number assigned. */
  assignWaiting(): Promise<number>;
  /**
   * Refunds a stopped process left between the limit check and billing's
   * answer (older than a couple of minutes): billing is asked again with the
   * same key and the refund recorded, or the amount freed. The number settled.
   * Runs on start, with the sweep, and before every refund on the case.
   */
  settleRefunds(): Promise<number>;
  /** The demo agents (Sam, Priya, Morgan; password `reelhouse-demo`), once. */
  seedDemo(): Promise<{ created: number }>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createDesk(deps: DeskDeps): Desk {
  const ctx: DeskContext = {
    db: withTables<DeskTables>(deps.db), clock: deps.clock, chat: deps.chat, account: deps.account, slas: slaTargetsFrom(deps.slas),
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  const intervalMs = deps.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  let sweeping = false;

  const sweep = async (): Promise<number> => (await assignWaiting(ctx)).length;
  const settle = async (): Promise<void> => {
    await settleStaleRefunds(ctx).catch((error: unknown) => ctx.logger?.error({ err: error }, 'settling left-behind refunds failed'));
  };
  const tick = () => {
    if (sweeping) return;
    sweeping = true;
    sweep().catch((error: unknown) => ctx.logger?.error({ err: error }, 'assigning waiting cases failed')).then(settle).finally(() => {
      sweeping = false;
    });
  };
  const repeating = repeatingTask(intervalMs, tick);

  const routes: RoutesPlugin = async (app) => {
    await app.register(deskRoutes(ctx, { memberAuth: deps.memberAuth, adminKey: deps.adminKey ?? null }));
    await app.register(deskCaseRoutes(ctx));
    await app.register(giftBalanceRoutes(ctx));
    if (deps.security) await app.register(securityDeskRoutes(ctx, deps.security));
  };

  return {
    routes,
    handOff: createHandOff(ctx),
    requireAgent: (request) => requireAgent(ctx, request),
    async currentAgent(request) {
      const agent = await currentAgent(ctx, request);
      // In a chat a security-team member is an agent like any other.
      return agent ? { agentId: agent.id, name: firstName(agent.name), role: agent.role === 'supervisor' ? 'supervisor' : 'agent' } : null;
    },
    async mayAgentJoin(agentId, conversationId) {
      const agent = await findAgent(ctx.db, agentId);
      if (!agent?.active) return false;
      // A conversation the assistant never handed off is the member's alone, supervisors included.
      if (agent.role === 'supervisor') return conversationHasCase(ctx.db, conversationId);
      return (await findOpenCaseOfConversation(ctx.db, conversationId))?.assignedAgentId === agentId;
    },
    async agentView(conversationId) {
      return (await conversationVerified(ctx.db, conversationId)) ? null : messageBeforeVerification;
    },
    checkAgentMessage,
    async recordBlockedMessage(options) {
      const deskCase = await findOpenCaseOfConversation(ctx.db, options.conversationId);
      await audit(ctx, { agentId: options.agentId, caseId: deskCase?.id ?? null, action: 'message_blocked', details: { asked_for: askedCredential(options.body), via: 'chat_socket' } });
    },
    async onMessageStored(conversation, message) {
      if (message.author.kind !== 'agent' || message.author.id === null) return;
      await recordAgentReply(ctx, { conversationId: conversation.id, agentId: message.author.id, at: new Date(message.createdAt) });
    },
    verifyFromMember: (options) => verifyFromMember(ctx, { ...options, route: 'secure_field' }),
    serviceCodes: {
      takeFromMessage: (conversationId, body) => takeCodeFromMessage(ctx, conversationId, body),
      checkFromMessage: (options) => checkCodeFromMessage(ctx, options),
    },
    assignWaiting: sweep,
    settleRefunds: () => settleStaleRefunds(ctx),
    seedDemo: () => seedDemoAgents(ctx),
    async start() {
      await settle();
      repeating.start();
    },
    async stop() {
      repeating.stop();
    },
  };
}
