import type { ChatMessage } from '../chat/chat.types.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { agentsOnDutyIds, listAgents, type Agent } from './agents.repository.ts';
import { QUEUES } from './case-file.ts';
import { listAudit, listNotes, listSteps, refundedOnCase } from './case-records.repository.ts';
import { reservedOnCase } from './refund-reservations.repository.ts';
import { auditView, agentView, caseFileView, caseMessageView, caseSummaryView, noteView, stepView } from './case-view.ts';
import { caseIdsOfAgent, countLoads, listAllCases, listCasesOfAccount, listCasesOfAgent, listWaitingCases, type DeskCase } from './cases.repository.ts';
import { caseForAgent, type Actor, type DeskContext } from './desk-context.ts';
import { onePeriodCharge, refundableInLastYear } from './refund.rules.ts';
import { waitingSeconds } from './sla.rules.ts';
import { giftFigures } from './gift-restore.rules.ts';

const agentMap = async (ctx: DeskContext): Promise<Map<string, Agent>> => new Map((await listAgents(ctx.db)).map((agent) => [agent.id, agent]));

/** Each queue's waiting cases, oldest first; for a supervisor also every agent's load and whether they are on duty. */
export async function queuesView(ctx: DeskContext, viewer: Actor) {
  const now = ctx.clock.now();
  const [waiting, agents] = await Promise.all([listWaitingCases(ctx.db), agentMap(ctx)]);
  const queues = QUEUES.map((queue) => {
    const cases = waiting.filter((item) => item.queue === queue);
    return {
      queue,
      waiting: cases.length,
      oldest_waiting_seconds: cases.length === 0 ? null : Math.max(...cases.map((item) => waitingSeconds(item.queuedAt, now))),
      targets: { first_response_seconds: ctx.slas[queue].firstResponseMs / 1000, resolution_seconds: ctx.slas[queue].resolutionMs / 1000 },
      cases: cases.map((item) => caseSummaryView(item, agents, now)),
    };
  });
  if (viewer.role !== 'supervisor') return { queues, agents: null };
  const [loads, onDuty] = await Promise.all([countLoads(ctx.db), agentsOnDutyIds(ctx.db, now)]);
  return {
    queues,
    // An agent with no queue (the security team's reviewers) takes no cases: no load to show.
    agents: [...agents.values()].filter((agent) => agent.active && agent.skills.length > 0).map((agent) => ({
      ...agentView(agent), load: loads.get(agent.id) ?? 0, on_duty: onDuty.has(agent.id),
    })),
  };
}

/** The agent's own cases; a supervisor may ask for everyone's. */
export async function listCases(ctx: DeskContext, viewer: Actor, options: { state: 'open' | 'resolved'; scope: 'mine' | 'all' }) {
  const now = ctx.clock.now();
  const everyone = options.scope === 'all' && viewer.role === 'supervisor';
  const [cases, agents] = await Promise.all([
    everyone ? listAllCases(ctx.db, options.state) : listCasesOfAgent(ctx.db, viewer.id, options.state),
    agentMap(ctx),
  ]);
  return { cases: cases.map((item) => caseSummaryView(item, agents, now)) };
}

async function historyOf(ctx: DeskContext, conversationId: string): Promise<ChatMessage[]> {
  try {
    return await ctx.chat.history(conversationId);
  } catch (error) {
    ctx.logger?.warn({ err: error, conversationId }, 'could not read the conversation for the desk');
    return [];
  }
}

/** What the desk may refund on this case, drawn beside the ledger (the limits themselves are checked on every refund). */
function refundPolicy(deskCase: DeskCase, snapshot: AccountSnapshot | null, onCase: { refunded: number; reserved: number }, today: string, viewer: Actor) {
  const membership = snapshot?.membership;
  if (!membership) return null;
  const period = onePeriodCharge(membership.ledger, today);
  const year = refundableInLastYear(membership.ledger, today);
  return {
    membership_id: membership.id,
    currency: membership.currency,
    one_period_charge: period,
    refunded_on_case: onCase.refunded,
    refundable_last_12_months: year,
    // Refunds still waiting for billing's answer count against the agent's limit already.
    your_limit_left: viewer.role === 'supervisor' ? year : Math.max(0, Math.min(year, period - onCase.refunded - onCase.reserved)),
    case_id: deskCase.id,
  };
}

/**
 * Everything about one case for its agent or a supervisor: the case file and
 * the conversation at the level verification allows, the live account only
 * once verified, notes, steps, audit trail and SLA timers.
 */
export async function caseDetail(ctx: DeskContext, viewer: Actor, caseId: string) {
  const deskCase = await caseForAgent(ctx, viewer, caseId, { open: false });
  const now = ctx.clock.now();
  const verified = deskCase.verifiedAccountId !== null;
  const [messages, notes, steps, trail, agents, refunded, reserved] = await Promise.all([
    historyOf(ctx, deskCase.conversationId), listNotes(ctx.db, caseId), listSteps(ctx.db, caseId),
    listAudit(ctx.db, { caseId, limit: 500 }), agentMap(ctx), refundedOnCase(ctx.db, caseId), reservedOnCase(ctx.db, caseId),
  ]);
  const account = verified ? await ctx.account.snapshot(deskCase.verifiedAccountId as string) : null;
  const verifier = deskCase.verifiedBy === null ? null : agents.get(deskCase.verifiedBy);
  return {
    case: { ...caseSummaryView(deskCase, agents, now), summary: deskCase.summary },
    case_file: caseFileView(deskCase.caseFile, verified),
    verification: {
      verified,
      account_id: deskCase.verifiedAccountId,
      verified_at: deskCase.verifiedAt?.toISOString() ?? null,
      verified_by: verifier ? { id: verifier.id, name: verifier.name } : null,
      service_code_asked_at: deskCase.serviceCodeAskedAt?.toISOString() ?? null,
    },
    account,
    refund_policy: verified ? refundPolicy(deskCase, account, { refunded, reserved }, ctx.clock.today(), viewer) : null,
    gift_balance: verified && account?.membership ? { ...giftFigures(account.membership), can_restore: viewer.role === 'supervisor' && account.account.role === 'owner' } : null,
    messages: messages.map((message) => caseMessageView(message, verified)),
    notes: notes.map(noteView),
    steps: steps.map(stepView),
    audit: trail.map(auditView),
  };
}

/** Supervisors read everything; an agent their own entries and those of the cases assigned to them. */
export async function auditTrail(ctx: DeskContext, viewer: Actor, options: { caseId?: string; limit: number }) {
  const filter = viewer.role === 'supervisor'
    ? { ...(options.caseId === undefined ? {} : { caseId: options.caseId }), limit: options.limit }
    : { ...(options.caseId === undefined ? {} : { caseId: options.caseId }), limit: options.limit, visibleTo: { agentId: viewer.id, caseIds: await caseIdsOfAgent(ctx.db, viewer.id) } };
  return { entries: (await listAudit(ctx.db, filter)).map(auditView) };
}

/** A member's own cases: status, outcome and the summary written for them; never notes or the audit log. */
export async function memberCases(ctx: DeskContext, accountId: string) {
  const cases = await listCasesOfAccount(ctx.db, accountId);
  return {
    cases: cases.map((item) => ({
      id: item.id,
      conversation_id: item.conversationId,
      queue: item.queue,
      status: item.status === 'resolved' ? 'resolved' as const : 'open' as const,
      outcome: item.outcome,
      summary: item.summary,
      opened_at: item.createdAt.toISOString(),
      resolved_at: item.resolvedAt?.toISOString() ?? null,
    })),
  };
}
