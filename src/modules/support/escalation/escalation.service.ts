import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import { redact } from '../../safety/redaction/index.ts';
import type { ChatPort } from '../chat/chat.types.ts';
import { checkAgentMessage, credentialRequestBlocked } from '../desk/agent-message.ts';
import { findAgent, type Agent } from '../desk/agents.repository.ts';
import { insertAudit, insertStep as insertCaseStep } from '../desk/case-records.repository.ts';
import type { DeskDb } from '../desk/desk.tables.ts';
import type { SupportAccountPort } from '../support.ports.ts';
import { agentNotFound, conversationNotFound, escalationNotFound, stepRefused, tooManyEscalations } from './escalation.errors.ts';
import {
  findEscalation, findEscalationByReference, insertEscalation, insertEscalationStep, listEscalationsForDesk, listEscalationsOfAccount, listStepsOfEscalations,
  listEscalationSteps, listPastDue, lockAccountFiling, lockEscalation, updateEscalation, type Escalation, type EscalationDb, type EscalationStep,
} from './escalation.repository.ts';
import {
  day, deskOrder, dueDates, KIND_NAMES, makeReference, openedSummary, overdueSteps, overdueSummary, refuseStep, statusAfter, visibleToMember,
  type ActorKind, type DeskStepKind, type EscalationDeadlines, type EscalationKind, type EscalationOutcome, type EscalationSource, type EscalationTopic,
} from './escalation.rules.ts';

/** What the escalation use cases share; built once by `createEscalations`. */
export type EscalationContext = {
  db: EscalationDb;
  clock: Clock;
  account: SupportAccountPort;
  chat: ChatPort;
  deadlines: EscalationDeadlines;
  /** Filed per account in 24 hours before RATE_LIMITED. */
  dailyLimit: number;
  logger?: Logger;
};

export const DEFAULT_DAILY_ESCALATIONS = 10;

const DAY_MS = 86_400_000;
const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;
/** What people write that is kept: card numbers, passwords, codes and service codes removed. */
const clean = (text: string): string => redact(text.trim(), { serviceCodes: 'remove' }).text;
const deskDb = (db: EscalationDb): DeskDb => db as unknown as DeskDb;

export type FileEscalation = {
  accountId: string; kind: EscalationKind; topic: EscalationTopic; description: string; source: EscalationSource; conversationId?: string | null;
};

/**
 * A member files a complaint or asks for a specialist. From a chat it is
 * linked to the conversation and its latest desk case (which records it as a
 * step too); the same kind filed again from the same conversation while the
 * first is open answers the first (`repeated`). Partner and country are read
 * from the account once, when it is filed.
 */
export async function fileEscalation(ctx: EscalationContext, input: FileEscalation): Promise<{ escalation: Escalation; repeated: boolean }> {
  const conversationId = input.conversationId ?? null;
  if (conversationId !== null) {
    const conversation = await ctx.chat.get(conversationId);
    if (!conversation || conversation.accountId !== input.accountId) throw conversationNotFound();
  }
  const snapshot = await ctx.account.snapshot(input.accountId);
  const billedBy = snapshot?.membership?.billed_by;
  const partner = billedBy?.kind === 'partner' ? billedBy.partner : null;
  const country = snapshot?.membership?.country ?? snapshot?.account.country ?? 'US';
  const memberName = snapshot ? firstName(snapshot.account.name) : 'Member';
  const now = ctx.clock.now();

  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockAccountFiling(trx, input.accountId);
    if (conversationId !== null) {
      const open = await trx.selectFrom('support_escalations').select('id')
        .where('conversation_id', '=', conversationId).where('kind', '=', input.kind).where('status', '<>', 'resolved').executeTakeFirst();
      if (open) return { id: open.id, repeated: true };
    }
    const recent = await trx.selectFrom('support_escalations').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', input.accountId).where('created_at', '>', new Date(now.getTime() - DAY_MS)).executeTakeFirstOrThrow();
    if (Number(recent.n) >= ctx.dailyLimit) throw tooManyEscalations(ctx.dailyLimit);
    const sourceCase = conversationId === null ? undefined : await trx.selectFrom('desk_cases').select('id')
      .where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    const due = dueDates(input.kind, now, ctx.deadlines);
    const id = newId('esc');
    const reference = makeReference(input.kind, (count) => randomBytes(count));
    await insertEscalation(trx, {
      id, reference, kind: input.kind, account_id: input.accountId, source: input.source, conversation_id: conversationId,
      case_id: sourceCase?.id ?? null, topic: input.topic, description: clean(input.description).slice(0, 4000), billing_partner: partner,
      country, status: 'open', assigned_agent_id: null, acknowledge_due: due.acknowledgeDue, answer_due: due.answerDue,
      acknowledged_at: null, resolved_at: null, outcome: null, created_at: now, updated_at: now,
    });
    await insertEscalationStep(trx, {
      id: newId('est'), escalationId: id, kind: 'opened', actorKind: 'member', actorId: input.accountId, actorName: memberName,
      summary: openedSummary(input.kind, reference, due.acknowledgeDue, due.answerDue), visibleToMember: true, at: now,
    });
    if (sourceCase) {
      await insertCaseStep(deskDb(trx), { id: newId('stp'), caseId: sourceCase.id, kind: 'escalation_opened', summary: `The member filed a ${KIND_NAMES[input.kind]}: ${reference}.`, agentId: null, at: now });
    }
    await insertAudit(deskDb(trx), {
      id: newId('aud'), agentId: null, caseId: sourceCase?.id ?? null, action: 'escalation_opened',
      details: { escalation_id: id, reference, kind: input.kind, source: input.source, by: 'member' }, idempotencyKey: null, at: now,
    });
    return { id, repeated: false };
  });
  const escalation = await findEscalation(ctx.db, result.id);
  if (!escalation) throw escalationNotFound();
  return { escalation, repeated: result.repeated };
}

export async function escalationsOfMember(ctx: EscalationContext, accountId: string): Promise<{ escalation: Escalation; steps: EscalationStep[] }[]> {
  const escalations = await listEscalationsOfAccount(ctx.db, accountId);
  const steps = await listStepsOfEscalations(ctx.db, escalations.map((escalation) => escalation.id), { memberOnly: true });
  return escalations.map((escalation) => ({ escalation, steps: steps.filter((step) => step.escalationId === escalation.id) }));
}

/** Someone else's reference is answered exactly like an unknown one. */
export async function escalationOfMember(ctx: EscalationContext, accountId: string, reference: string): Promise<{ escalation: Escalation; steps: EscalationStep[] }> {
  const escalation = await findEscalationByReference(ctx.db, reference.toUpperCase());
  if (!escalation || escalation.accountId !== accountId) throw escalationNotFound();
  return { escalation, steps: await listEscalationSteps(ctx.db, escalation.id, { memberOnly: true }) };
}

/** Supervisors see every escalation; agents (and the security team) those assigned to them. */
export async function escalationsForDesk(ctx: EscalationContext, agent: Agent, state: 'open' | 'resolved'): Promise<Escalation[]> {
  const found = await listEscalationsForDesk(ctx.db, { agentId: agent.role === 'supervisor' ? null : agent.id, state, limit: 500 });
  return deskOrder(found, ctx.clock.now());
}

const findByIdOrReference = (db: EscalationDb, idOrReference: string): Promise<Escalation | undefined> =>
  (idOrReference.startsWith('esc_') ? findEscalation(db, idOrReference) : findEscalationByReference(db, idOrReference.toUpperCase()));

export async function escalationForDesk(ctx: EscalationContext, agent: Agent, idOrReference: string): Promise<{ escalation: Escalation; steps: EscalationStep[] }> {
  const escalation = await findByIdOrReference(ctx.db, idOrReference);
  if (!escalation) throw escalationNotFound();
  if (agent.role !== 'supervisor' && escalation.assignedAgent?.id !== agent.id) throw stepRefused('not_yours');
  return { escalation, steps: await listEscalationSteps(ctx.db, escalation.id, { memberOnly: false }) };
}

const summaryNeeded = (): AppError => new AppError({ code: 'VALIDATION_FAILED', message: 'Write a short summary of this step.', field: 'body.summary', status: 400 });

/** `escalationId`: the `esc_…` id or the reference. */
export type AddStep = { escalationId: string; kind: DeskStepKind; summary?: string; outcome?: EscalationOutcome; assigneeId?: string };

function defaultSummary(kind: DeskStepKind, escalation: Escalation, assignee: Agent | undefined): string | null {
  if (kind === 'acknowledged') return `We have received your ${KIND_NAMES[escalation.kind]} and are looking into it. You will have our answer by ${day(escalation.answerDue)}.`;
  if (kind === 'assigned' && assignee) return `${firstName(assignee.name)}${assignee.role === 'supervisor' ? ', a supervisor,' : ', a specialist,'} is now handling it.`;
  return null;
}

/**
 * An agent or supervisor adds a step: checked (refuseStep), the words kept
 * redacted, a message to the member refused when it asks for a password or
 * code; the step, the new status and the audit entry in one transaction with
 * the row locked.
 */
export async function addEscalationStep(ctx: EscalationContext, agent: Agent, input: AddStep): Promise<{ escalation: Escalation; steps: EscalationStep[] }> {
  const assignee = input.assigneeId === undefined ? undefined : await findAgent(deskDb(ctx.db), input.assigneeId);
  if (input.assigneeId !== undefined && (!assignee || !assignee.active)) throw agentNotFound();
  const written = input.summary?.trim() ?? '';
  if (visibleToMember(input.kind) && written !== '') {
    const blocked = checkAgentMessage(written);
    if (blocked) throw credentialRequestBlocked(blocked);
  }
  const target = await findByIdOrReference(ctx.db, input.escalationId);
  if (!target) throw escalationNotFound();
  await ctx.db.transaction().execute(async (trx) => {
    const escalation = await lockEscalation(trx, target.id);
    if (!escalation) throw escalationNotFound();
    const refusal = refuseStep({
      actor: agent, escalation: { status: escalation.status, assignedAgentId: escalation.assignedAgent?.id ?? null },
      kind: input.kind, outcome: input.outcome ?? null, assigneeId: input.assigneeId ?? null,
    });
    if (refusal) throw stepRefused(refusal);
    const summary = written !== '' ? clean(written) : defaultSummary(input.kind, escalation, assignee);
    if (summary === null) throw summaryNeeded();
    const now = ctx.clock.now();
    const actorKind: ActorKind = agent.role === 'supervisor' ? 'supervisor' : 'agent';
    const visible = visibleToMember(input.kind);
    await insertEscalationStep(trx, {
      id: newId('est'), escalationId: escalation.id, kind: input.kind, actorKind, actorId: agent.id, actorName: agent.name,
      summary, visibleToMember: visible, at: now,
    });
    await updateEscalation(trx, escalation.id, {
      status: statusAfter(escalation.status, input.kind),
      ...(input.kind === 'assigned' && assignee ? { assigned_agent_id: assignee.id } : {}),
      ...(visible && escalation.acknowledgedAt === null && input.kind !== 'assigned' ? { acknowledged_at: now } : {}),
      ...(input.kind === 'resolved' ? { resolved_at: now, outcome: input.outcome ?? null } : {}),
      updated_at: now,
    });
    await insertAudit(deskDb(trx), {
      id: newId('aud'), agentId: agent.id, caseId: escalation.caseId, action: `escalation_${input.kind}`,
      details: {
        escalation_id: escalation.id, reference: escalation.reference, visible_to_member: visible,
        ...(input.outcome ? { outcome: input.outcome } : {}), ...(assignee ? { assignee_id: assignee.id } : {}),
      },
      idempotencyKey: null, at: now,
    });
  });
  return escalationForDeskAfterStep(ctx, target.id);
}

async function escalationForDeskAfterStep(ctx: EscalationContext, id: string): Promise<{ escalation: Escalation; steps: EscalationStep[] }> {
  const escalation = await findEscalation(ctx.db, id);
  if (!escalation) throw escalationNotFound();
  return { escalation, steps: await listEscalationSteps(ctx.db, id, { memberOnly: false }) };
}


/**
 * The system's own steps when a date we gave the member passes (once per
 * date), each with its audit entry, in one transaction per escalation with
 * the row locked. The number of steps written. Runs on a timer (`start`).
 */
export async function recordOverdueSteps(ctx: EscalationContext): Promise<number> {
  const now = ctx.clock.now();
  let written = 0;
  for (const id of await listPastDue(ctx.db, now, 500)) {
    written += await ctx.db.transaction().execute(async (trx) => {
      const escalation = await lockEscalation(trx, id);
      if (!escalation) return 0;
      const recorded = (await listEscalationSteps(trx, id, { memberOnly: false })).map((step) => step.kind);
      const due = overdueSteps(escalation, recorded, now);
      for (const kind of due) {
        await insertEscalationStep(trx, {
          id: newId('est'), escalationId: id, kind, actorKind: 'system', actorId: null, actorName: 'Reelhouse',
          summary: overdueSummary(kind, escalation), visibleToMember: true, at: now,
        });
        await insertAudit(deskDb(trx), {
          id: newId('aud'), agentId: null, caseId: escalation.caseId, action: 'escalation_overdue',
          details: { escalation_id: id, reference: escalation.reference, step: kind }, idempotencyKey: null, at: now,
        });
      }
      return due.length;
    });
  }
  return written;
}
