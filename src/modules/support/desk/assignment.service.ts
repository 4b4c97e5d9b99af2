import { newId } from '../../../platform/ids.ts';
import { redact } from '../../safety/redaction/index.ts';
import { listAgents, lockAgentsOnDuty, markAssigned } from './agents.repository.ts';
import { planAssignments } from './assignment.rules.ts';
import type { CaseFile, HandOff, HandOffReason, Queue } from './case-file.ts';
import { countLoads, findOpenCaseOfConversation, insertCase, listWaitingCases, lockWaitingCases, updateCase, type DeskCase } from './cases.repository.ts';
import { firstName, recordStep, teamName, tellChat, type DeskContext } from './desk-context.ts';
import { dueDates } from './sla.rules.ts';

const REASONS: Record<HandOffReason, string> = {
  member_asked: 'the member asked for a person',
  assistant_failed_twice: 'the assistant could not help',
  takeover: 'signs of an account takeover',
  unexplained_charge: 'a charge the ledger does not explain',
  needs_agent: 'something only an agent may do',
};

/** How many waiting cases one round looks at; the rest wait for the next round. */
const ROUND_SIZE = 100;

export type Assigned = { caseId: string; conversationId: string; queue: Queue; agentId: string; agentName: string; escalated: boolean };

/**
 * Gives waiting cases to agents on duty (signed in, active) with room and the
 * skill. Safe with several processes: waiting cases are taken with SKIP
 * LOCKED and the agents' rows are locked while loads are counted. The chat
 * is told after the commit.
 */
export async function assignWaiting(ctx: DeskContext): Promise<Assigned[]> {
  const now = ctx.clock.now();
  const assigned = await ctx.db.transaction().execute(async (trx) => {
    const waiting = await lockWaitingCases(trx, ROUND_SIZE);
    if (waiting.length === 0) return [];
    const agents = await lockAgentsOnDuty(trx, now);
    if (agents.length === 0) return [];
    const loads = await countLoads(trx);
    const plan = planAssignments(
      agents.map((agent) => ({ ...agent, load: loads.get(agent.id) ?? 0 })),
      waiting.map((item) => ({ id: item.id, queue: item.queue, escalated: item.status === 'escalated' })),
      now,
    );
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    const cases = new Map(waiting.map((item) => [item.id, item]));
    const done: Assigned[] = [];
    for (const { caseId, agentId } of plan) {
      const item = cases.get(caseId) as DeskCase;
      const agent = byId.get(agentId);
      if (!agent) continue;
      const escalated = item.status === 'escalated';
      await updateCase(trx, caseId, { status: escalated ? 'escalated' : 'assigned', assignedAgentId: agentId, assignedAt: now, updatedAt: now });
      await recordStep({ ...ctx, db: trx }, {
        caseId, kind: 'assigned', agentId,
        summary: escalated ? `Escalation assigned to supervisor ${agent.name}.` : `Assigned to ${agent.name} (${item.queue} queue).`,
      });
      done.push({ caseId, conversationId: item.conversationId, queue: item.queue, agentId, agentName: agent.name, escalated });
    }
    await markAssigned(trx, [...new Set(done.map((item) => item.agentId))], now);
    return done;
  });
  for (const item of assigned) await announceJoin(ctx, item);
  return assigned;
}

async function announceJoin(ctx: DeskContext, item: Assigned): Promise<void> {
  const name = firstName(item.agentName);
  const body = item.escalated
    ? `${name}, a supervisor, has joined the chat. They can see everything so far, so you don't need to repeat anything.`
    : `${name} from the ${teamName(item.queue)} has joined the chat. They can see everything you've told us so far.`;
  await tellChat(ctx, 'agent joined', async () => {
    await ctx.chat.setStatus(item.conversationId, 'active');
    await ctx.chat.post({
      conversationId: item.conversationId, author: { kind: 'system', id: null, name: 'Support' }, body,
      payload: { kind: 'notice', data: { event: 'agent_joined', case_id: item.caseId, agent_name: name, queue: item.queue } },
    });
  });
}

/** 1 for the next case a free agent of the queue takes, 2 after it…; 0 once a person has it. */
export async function waitingPosition(ctx: DeskContext, deskCase: Pick<DeskCase, 'id' | 'queue'>): Promise<number> {
  const waiting = (await listWaitingCases(ctx.db)).filter((item) => item.queue === deskCase.queue);
  return waiting.findIndex((item) => item.id === deskCase.id) + 1;
}

/** Whether anyone could ever take cases of the queue (for logs: a queue nobody serves waits forever). */
async function anyoneServes(ctx: DeskContext, queue: Queue): Promise<boolean> {
  return (await listAgents(ctx.db)).some((agent) => agent.active && agent.skills.includes(queue));
}

/**
 * The assistant's door to a person: opens the case in the queue (one open
 * case per conversation; a repeated hand-off finds it), puts the chat in
 * `waiting`, and assigns it if an agent is free.
 */
export function createHandOff(ctx: DeskContext): HandOff {
  return async (options) => {
    const existing = await findOpenCaseOfConversation(ctx.db, options.conversationId);
    if (existing) return { caseId: existing.id, queue: existing.queue, position: await waitingPosition(ctx, existing) };
    const now = ctx.clock.now();
    const caseFile: CaseFile = { ...options.caseFile, problem: redact(options.caseFile.problem, { serviceCodes: 'remove' }).text };
    const due = dueDates(now, options.queue, ctx.slas);
    const deskCase: DeskCase = {
      id: newId('case'), conversationId: options.conversationId, accountId: options.accountId, queue: options.queue, status: 'queued', caseFile,
      assignedAgentId: null, assignedAt: null, verifiedAccountId: null, verifiedAt: null, verifiedBy: null, serviceCodeAskedAt: null, serviceCodeAskedBy: null, escalationLevel: 0,
      createdAt: now, queuedAt: now, firstResponseDue: due.firstResponseDue, resolutionDue: due.resolutionDue, firstResponseAt: null,
      resolvedAt: null, outcome: null, summary: null, updatedAt: now,
    };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await insertCase(trx, deskCase);
        await recordStep({ ...ctx, db: trx }, {
          caseId: deskCase.id, kind: 'opened', agentId: null, at: now,
          summary: `Handed off by the assistant to the ${options.queue} queue: ${REASONS[options.caseFile.reason]} (${caseFile.intent}).`,
        });
      });
    } catch (error) {
      // Two hand-offs of one conversation at once: the unique index lets one through.
      const winner = await findOpenCaseOfConversation(ctx.db, options.conversationId);
      if (!winner) throw error;
      return { caseId: winner.id, queue: winner.queue, position: await waitingPosition(ctx, winner) };
    }
    await tellChat(ctx, 'hand-off', () => ctx.chat.setStatus(options.conversationId, 'waiting'));
    if (options.announce) {
      const announce = options.announce;
      const placed = { caseId: deskCase.id, queue: options.queue, position: await waitingPosition(ctx, deskCase) };
      await tellChat(ctx, 'hand-off announcement', () => announce(placed));
    }
    await assignWaiting(ctx);
    if (!(await anyoneServes(ctx, options.queue))) ctx.logger?.warn({ queue: options.queue, caseId: deskCase.id }, 'no active agent has the skill for this queue');
    return { caseId: deskCase.id, queue: options.queue, position: await waitingPosition(ctx, deskCase) };
  };
}
