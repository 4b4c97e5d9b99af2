import { sql, type Kysely } from 'kysely';
import type { DeskTables } from '../desk/desk.tables.ts';
import type {
  ActorKind, EscalationKind, EscalationOutcome, EscalationSource, EscalationStatus, EscalationTopic, StepKind,
} from './escalation.rules.ts';

export type EscalationRow = {
  id: string; reference: string; kind: EscalationKind; account_id: string; source: EscalationSource;
  conversation_id: string | null; case_id: string | null; topic: EscalationTopic; description: string;
  billing_partner: string | null; country: string; status: EscalationStatus; assigned_agent_id: string | null;
  acknowledge_due: Date; answer_due: Date; acknowledged_at: Date | null; resolved_at: Date | null;
  outcome: EscalationOutcome | null; created_at: Date; updated_at: Date;
};

export type EscalationStepRow = {
  id: string; escalation_id: string; kind: StepKind; actor_kind: ActorKind; actor_id: string | null; actor_name: string;
  summary: string; visible_to_member: boolean; at: Date;
};

export type EscalationTables = DeskTables & { support_escalations: EscalationRow; support_escalation_steps: EscalationStepRow };
export type EscalationDb = Kysely<EscalationTables>;

export type Escalation = {
  id: string; reference: string; kind: EscalationKind; accountId: string; source: EscalationSource;
  conversationId: string | null; caseId: string | null; topic: EscalationTopic; description: string;
  billingPartner: string | null; country: string; status: EscalationStatus;
  assignedAgent: { id: string; name: string } | null;
  acknowledgeDue: Date; answerDue: Date; acknowledgedAt: Date | null; resolvedAt: Date | null;
  outcome: EscalationOutcome | null; createdAt: Date; updatedAt: Date;
};

export type EscalationStep = {
  id: string; escalationId: string; kind: StepKind; actorKind: ActorKind; actorId: string | null; actorName: string;
  summary: string; visibleToMember: boolean; at: Date;
};

type Joined = EscalationRow & { agent_name: string | null };

function toEscalation(row: Joined): Escalation {
  return {
    id: row.id, reference: row.reference, kind: row.kind, accountId: row.account_id, source: row.source,
    conversationId: row.conversation_id, caseId: row.case_id, topic: row.topic, description: row.description,
    billingPartner: row.billing_partner, country: row.country, status: row.status,
    assignedAgent: row.assigned_agent_id && row.agent_name ? { id: row.assigned_agent_id, name: row.agent_name } : null,
    acknowledgeDue: new Date(row.acknowledge_due), answerDue: new Date(row.answer_due),
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null, resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    outcome: row.outcome, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
  };
}

const selectJoined = (db: EscalationDb) => db.selectFrom('support_escalations as e').leftJoin('desk_agents as a', 'a.id', 'e.assigned_agent_id')
  .selectAll('e').select('a.name as agent_name');

export async function insertEscalation(db: EscalationDb, row: EscalationRow): Promise<void> {
  await db.insertInto('support_escalations').values(row).execute();
}

export async function findEscalation(db: EscalationDb, id: string): Promise<Escalation | undefined> {
  const row = await selectJoined(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toEscalation(row) : undefined;
}

export async function findEscalationByReference(db: EscalationDb, reference: string): Promise<Escalation | undefined> {
  const row = await selectJoined(db).where('e.reference', '=', reference).executeTakeFirst();
  return row ? toEscalation(row) : undefined;
}

/** Locks the row for one step: two people acting at once take turns. */
export async function lockEscalation(db: EscalationDb, id: string): Promise<Escalation | undefined> {
  const locked = await db.selectFrom('support_escalations').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findEscalation(db, id) : undefined;
}

export async function updateEscalation(db: EscalationDb, id: string, patch: Partial<Pick<EscalationRow, 'status' | 'assigned_agent_id' | 'acknowledged_at' | 'resolved_at' | 'outcome'>> & { updated_at: Date }): Promise<void> {
  await db.updateTable('support_escalations').set(patch).where('id', '=', id).execute();
}

export async function listEscalationsOfAccount(db: EscalationDb, accountId: string): Promise<Escalation[]> {
  const rows = await selectJoined(db).where('e.account_id', '=', accountId).orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').execute();
  return rows.map(toEscalation);
}

/** Open ones (any number) and the latest resolved ones; `agentId`: only those assigned to that agent. */
export async function listEscalationsForDesk(db: EscalationDb, options: { agentId: string | null; state: 'open' | 'resolved'; limit: number }): Promise<Escalation[]> {
  let query = selectJoined(db);
  query = options.state === 'open' ? query.where('e.status', '<>', 'resolved') : query.where('e.status', '=', 'resolved');
  if (options.agentId !== null) query = query.where('e.assigned_agent_id', '=', options.agentId);
  // The limit keeps the open ones due first and the resolved ones newest first (the order the desk shows them in).
  const ordered = options.state === 'open' ? query.orderBy('e.answer_due').orderBy('e.id') : query.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc');
  const rows = await ordered.limit(options.limit).execute();
  return rows.map(toEscalation);
}

export async function insertEscalationStep(db: EscalationDb, step: EscalationStep): Promise<void> {
  await db.insertInto('support_escalation_steps').values({
    id: step.id, escalation_id: step.escalationId, kind: step.kind, actor_kind: step.actorKind, actor_id: step.actorId,
    actor_name: step.actorName, summary: step.summary, visible_to_member: step.visibleToMember, at: step.at,
  }).execute();
}

export async function listEscalationSteps(db: EscalationDb, escalationId: string, options: { memberOnly: boolean }): Promise<EscalationStep[]> {
  return listStepsOfEscalations(db, [escalationId], options);
}

/** The steps of several escalations in one query, in the order they happened. */
export async function listStepsOfEscalations(db: EscalationDb, escalationIds: readonly string[], options: { memberOnly: boolean }): Promise<EscalationStep[]> {
  if (escalationIds.length === 0) return [];
  let query = db.selectFrom('support_escalation_steps').selectAll().where('escalation_id', 'in', escalationIds);
  if (options.memberOnly) query = query.where('visible_to_member', '=', true);
  const rows = await query.orderBy('at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, escalationId: row.escalation_id, kind: row.kind, actorKind: row.actor_kind, actorId: row.actor_id, actorName: row.actor_name,
    summary: row.summary, visibleToMember: row.visible_to_member, at: new Date(row.at),
  }));
}

/**
 * Filing for one account takes turns across processes (a transaction-scoped
 * advisory lock): the "already open from this chat" check and the daily
 * count see each other's rows, so two taps at once file one.
 */
export async function lockAccountFiling(db: EscalationDb, accountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`escalation|${accountId}`}, 0))`.execute(db);
}

/** Open escalations with a date that has passed (an unacknowledged one past its acknowledgement date, or past its answer date). */
export async function listPastDue(db: EscalationDb, now: Date, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('support_escalations').select('id').where('status', '<>', 'resolved')
    .where((eb) => eb.or([eb.and([eb('acknowledged_at', 'is', null), eb('acknowledge_due', '<', now)]), eb('answer_due', '<', now)]))
    .orderBy('answer_due').limit(limit).execute();
  return rows.map((row) => row.id);
}
