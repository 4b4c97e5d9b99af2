import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import { withTables, type Db } from '../../../platform/db/database.ts';
import type { RoutesPlugin } from '../../../platform/http/server.ts';
import { repeatingTask } from '../../../platform/repeating-task.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { RenderHelpPage } from '../../helpcenter/flows/index.ts';
import type { ChatPort } from '../chat/chat.types.ts';
import type { Agent } from '../desk/agents.repository.ts';
import type { SupportAccountPort } from '../support.ports.ts';
import { createEscalationChat, type EscalationChat } from './escalation-chat.ts';
import { complaintPageRoutes } from './escalation.pages.ts';
import type { EscalationTables } from './escalation.repository.ts';
import { escalationRoutes } from './escalation.routes.ts';
import { DEFAULT_ESCALATION_DEADLINES, type EscalationDeadlines } from './escalation.rules.ts';
import { DEFAULT_DAILY_ESCALATIONS, recordOverdueSteps, type EscalationContext } from './escalation.service.ts';
import type { DisputeRoutesFor } from './escalation-view.ts';

export type { EscalationDeadlines } from './escalation.rules.ts';
export type { DisputeRoutesFor } from './escalation-view.ts';
export { DEFAULT_ESCALATION_DEADLINES } from './escalation.rules.ts';

export type EscalationDeps = {
  db: Db;
  clock: Clock;
  account: SupportAccountPort;
  chat: ChatPort;
  requireMember(request: FastifyRequest): Promise<{ accountId: string }>;
  /** For the contact page's form: the signed-in member or null (no CSRF header: a form post). */
  currentMember(request: FastifyRequest): Promise<{ accountId: string } | null>;
  requireAgent(request: FastifyRequest): Promise<Agent>;
  /** Billing's catalog, per country (`dispute_routes`). */
  disputeRoutes: DisputeRoutesFor;
  renderPage: RenderHelpPage;
  deadlines?: Partial<EscalationDeadlines>;
  dailyLimit?: number;
  /** How often passed dates are written down as the system's steps; 0 turns the timer off (tests). Default 60 s. */
  sweepIntervalMs?: number;
  logger?: Logger;
};

export type Escalations = {
  routes: RoutesPlugin;
  chat: EscalationChat;
  /** Writes the system's step for every promised date that has passed (once each); the number written. */
  recordOverdue(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export const DEFAULT_ESCALATION_SWEEP_MS = 60_000;

/** Complaints and specialist requests (PRODUCT.md §9, docs/escalation.md): member and desk routes, the contact form, the chat's offer. */
export function createEscalations(deps: EscalationDeps): Escalations {
  const ctx: EscalationContext = {
    db: withTables<EscalationTables>(deps.db), clock: deps.clock, account: deps.account, chat: deps.chat,
    deadlines: { ...DEFAULT_ESCALATION_DEADLINES, ...deps.deadlines }, dailyLimit: deps.dailyLimit ?? DEFAULT_DAILY_ESCALATIONS,
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  const routes: RoutesPlugin = async (app) => {
    await app.register(escalationRoutes({ ctx, disputeRoutes: deps.disputeRoutes, requireMember: deps.requireMember, requireAgent: deps.requireAgent }));
    await app.register(complaintPageRoutes({ ctx, renderPage: deps.renderPage, currentMember: deps.currentMember }));
  };
  const intervalMs = deps.sweepIntervalMs ?? DEFAULT_ESCALATION_SWEEP_MS;
  let sweeping = false;
  const tick = () => {
    if (sweeping) return;
    sweeping = true;
    recordOverdueSteps(ctx).catch((error: unknown) => ctx.logger?.error({ err: error }, 'recording overdue escalations failed')).finally(() => {
      sweeping = false;
    });
  };
  const repeating = repeatingTask(intervalMs, tick);
  return {
    routes,
    chat: createEscalationChat(ctx, deps.logger ? { logger: deps.logger } : {}),
    recordOverdue: () => recordOverdueSteps(ctx),
    async start() {
      repeating.start();
    },
    async stop() {
      repeating.stop();
    },
  };
}
