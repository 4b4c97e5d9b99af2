import type { DeskDb } from './desk.tables.ts';

/** One line of the case's story (§9): when, who, what happened. */
export type CaseStep = { id: string; caseId: string; kind: string; summary: string; agentId: string | null; agentName: string | null; at: Date };
export type Note = { id: string; caseId: string; agentId: string; agentName: string; body: string; createdAt: Date };
export type AuditEntry = {
  id: string; agentId: string | null; agentName: string | null; caseId: string | null; action: string;
  details: Record<string, unknown>; idempotencyKey: string | null; at: Date;
};

export async function insertStep(db: DeskDb, step: Omit<CaseStep, 'agentName'>): Promise<void> {
  await db.insertInto('desk_case_steps').values({ id: step.id, case_id: step.caseId, kind: step.kind, summary: step.summary, agent_id: step.agentId, at: step.at }).execute();
}

export async function listSteps(db: DeskDb, caseId: string): Promise<CaseStep[]> {
  const rows = await db.selectFrom('desk_case_steps as s').leftJoin('desk_agents as a', 'a.id', 's.agent_id')
    .select(['s.id', 's.case_id', 's.kind', 's.summary', 's.agent_id', 's.at', 'a.name as agent_name'])
    .where('s.case_id', '=', caseId).orderBy('s.at').orderBy('s.id').execute();
  return rows.map((row) => ({ id: row.id, caseId: row.case_id, kind: row.kind, summary: row.summary, agentId: row.agent_id, agentName: row.agent_name, at: row.at }));
}

export async function insertNote(db: DeskDb, note: Omit<Note, 'agentName'>): Promise<void> {
  await db.insertInto('desk_notes').values({ id: note.id, case_id: note.caseId, agent_id: note.agentId, body: note.body, created_at: note.createdAt }).execute();
}

export async function listNotes(db: DeskDb, caseId: string): Promise<Note[]> {
  const rows = await db.selectFrom('desk_notes as n').innerJoin('desk_agents as a', 'a.id', 'n.agent_id')
    .select(['n.id', 'n.case_id', 'n.agent_id', 'n.body', 'n.created_at', 'a.name as agent_name'])
    .where('n.case_id', '=', caseId).orderBy('n.created_at').orderBy('n.id').execute();
  return rows.map((row) => ({ id: row.id, caseId: row.case_id, agentId: row.agent_id, agentName: row.agent_name, body: row.body, createdAt: row.created_at }));
}

/** False when an entry with the same case, action and idempotency key already exists (the retried request). */
export async function insertAudit(db: DeskDb, entry: Omit<AuditEntry, 'agentName'>): Promise<boolean> {
  const result = await db.insertInto('desk_audit_log').values({
    id: entry.id, agent_id: entry.agentId, case_id: entry.caseId, action: entry.action, details: JSON.stringify(entry.details),
    idempotency_key: entry.idempotencyKey, at: entry.at,
  }).onConflict((oc) => oc.columns(['case_id', 'action', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const auditQuery = (db: DeskDb) => db.selectFrom('desk_audit_log as l').leftJoin('desk_agents as a', 'a.id', 'l.agent_id')
  .select(['l.id', 'l.agent_id', 'l.case_id', 'l.action', 'l.details', 'l.idempotency_key', 'l.at', 'a.name as agent_name']);

type AuditSelected = { id: string; agent_id: string | null; case_id: string | null; action: string; details: Record<string, unknown>; idempotency_key: string | null; at: Date; agent_name: string | null };
const toAudit = (row: AuditSelected): AuditEntry => ({
  id: row.id, agentId: row.agent_id, agentName: row.agent_name, caseId: row.case_id, action: row.action, details: row.details,
  idempotencyKey: row.idempotency_key, at: row.at,
});

export async function findAuditByKey(db: DeskDb, caseId: string, action: string, idempotencyKey: string): Promise<AuditEntry | undefined> {
  const row = await auditQuery(db).where('l.case_id', '=', caseId).where('l.action', '=', action).where('l.idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toAudit(row) : undefined;
}

/**
 * Newest first. `visibleTo`: an agent's own entries and those of the cases
 * given; omitted, everything (a supervisor).
 */
export async function listAudit(db: DeskDb, filter: { caseId?: string; visibleTo?: { agentId: string; caseIds: string[] }; limit: number }): Promise<AuditEntry[]> {
  let query = auditQuery(db);
  if (filter.caseId !== undefined) query = query.where('l.case_id', '=', filter.caseId);
  const visible = filter.visibleTo;
  if (visible) {
    query = query.where((eb) => eb.or([
      eb('l.agent_id', '=', visible.agentId),
      ...(visible.caseIds.length > 0 ? [eb('l.case_id', 'in', visible.caseIds)] : []),
    ]));
  }
  return (await query.orderBy('l.at', 'desc').orderBy('l.id', 'desc').limit(filter.limit).execute()).map(toAudit);
}

/** What the desk refunded on the case so far (the agent's limit counts it). */
export async function refundedOnCase(db: DeskDb, caseId: string): Promise<number> {
  const rows = await db.selectFrom('desk_audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'refund').execute();
  return rows.reduce((sum, row) => sum + (typeof row.details.amount === 'number' ? row.details.amount : 0), 0);
}

/** How many steps of a kind the case has had since a moment (wrong service codes since the agent asked). */
export async function countStepsSince(db: DeskDb, caseId: string, kind: string, since: Date): Promise<number> {
  const row = await db.selectFrom('desk_case_steps').select(db.fn.countAll<number>().as('count'))
    .where('case_id', '=', caseId).where('kind', '=', kind).where('at', '>=', since).executeTakeFirst();
  return Number(row?.count ?? 0);
}
