import type { Selectable } from 'kysely';
import type { CaseFile, Queue } from './case-file.ts';
import type { CaseOutcome, CaseRow, CaseStatus, DeskDb } from './desk.tables.ts';

export type DeskCase = {
  id: string;
  conversationId: string;
  accountId: string | null;
  queue: Queue;
  status: CaseStatus;
  caseFile: CaseFile;
  assignedAgentId: string | null;
  assignedAt: Date | null;
  verifiedAccountId: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  /** When an agent asked for the service code in the chat (the member's secure field), and who; null when nobody is waiting for it. */
  serviceCodeAskedAt: Date | null;
  serviceCodeAskedBy: string | null;
  escalationLevel: number;
  createdAt: Date;
  queuedAt: Date;
  firstResponseDue: Date;
  resolutionDue: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  outcome: CaseOutcome | null;
  summary: string | null;
  updatedAt: Date;
};

/** The columns a use case may change, in the domain's words. */
export type CasePatch = Partial<Pick<DeskCase,
  | 'accountId' | 'queue' | 'status' | 'assignedAgentId' | 'assignedAt' | 'verifiedAccountId' | 'verifiedAt' | 'verifiedBy' | 'serviceCodeAskedAt' | 'serviceCodeAskedBy' | 'escalationLevel'
  | 'queuedAt' | 'firstResponseDue' | 'resolutionDue' | 'firstResponseAt' | 'resolvedAt' | 'outcome' | 'summary'>> & { updatedAt: Date };

const COLUMN: Record<keyof CasePatch, keyof CaseRow> = {
  accountId: 'account_id', queue: 'queue', status: 'status', assignedAgentId: 'assigned_agent_id', assignedAt: 'assigned_at',
  verifiedAccountId: 'verified_account_id', verifiedAt: 'verified_at', verifiedBy: 'verified_by', serviceCodeAskedAt: 'service_code_asked_at', serviceCodeAskedBy: 'service_code_asked_by', escalationLevel: 'escalation_level',
  queuedAt: 'queued_at', firstResponseDue: 'first_response_due', resolutionDue: 'resolution_due', firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at', outcome: 'outcome', summary: 'summary', updatedAt: 'updated_at',
};

const toCase = (row: Selectable<CaseRow>): DeskCase => ({
  id: row.id, conversationId: row.conversation_id, accountId: row.account_id, queue: row.queue, status: row.status, caseFile: row.case_file,
  assignedAgentId: row.assigned_agent_id, assignedAt: row.assigned_at, verifiedAccountId: row.verified_account_id, verifiedAt: row.verified_at,
  verifiedBy: row.verified_by, serviceCodeAskedAt: row.service_code_asked_at ?? null, serviceCodeAskedBy: row.service_code_asked_by ?? null, escalationLevel: row.escalation_level, createdAt: row.created_at, queuedAt: row.queued_at,
  firstResponseDue: row.first_response_due, resolutionDue: row.resolution_due, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at,
  outcome: row.outcome, summary: row.summary, updatedAt: row.updated_at,
});

export async function insertCase(db: DeskDb, deskCase: DeskCase): Promise<void> {
  await db.insertInto('desk_cases').values({
    id: deskCase.id, conversation_id: deskCase.conversationId, account_id: deskCase.accountId, queue: deskCase.queue, status: deskCase.status,
    case_file: JSON.stringify(deskCase.caseFile), assigned_agent_id: deskCase.assignedAgentId, assigned_at: deskCase.assignedAt,
    verified_account_id: deskCase.verifiedAccountId, verified_at: deskCase.verifiedAt, verified_by: deskCase.verifiedBy,
    service_code_asked_at: deskCase.serviceCodeAskedAt, service_code_asked_by: deskCase.serviceCodeAskedBy,
    escalation_level: deskCase.escalationLevel, created_at: deskCase.createdAt, queued_at: deskCase.queuedAt,
    first_response_due: deskCase.firstResponseDue, resolution_due: deskCase.resolutionDue, first_response_at: deskCase.firstResponseAt,
    resolved_at: deskCase.resolvedAt, outcome: deskCase.outcome, summary: deskCase.summary, updated_at: deskCase.updatedAt,
  }).execute();
}

export async function findCase(db: DeskDb, id: string): Promise<DeskCase | undefined> {
  const row = await db.selectFrom('desk_cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : undefined;
}

/** The case row, locked until the end of the transaction: two agents acting at once take turns. */
export async function lockCase(db: DeskDb, id: string): Promise<DeskCase | undefined> {
  const row = await db.selectFrom('desk_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toCase(row) : undefined;
}

export async function findOpenCaseOfConversation(db: DeskDb, conversationId: string): Promise<DeskCase | undefined> {
  const row = await db.selectFrom('desk_cases').selectAll().where('conversation_id', '=', conversationId).where('status', '<>', 'resolved').executeTakeFirst();
  return row ? toCase(row) : undefined;
}

/** Whether the member of the conversation's latest case was verified by a service code. */
export async function conversationVerified(db: DeskDb, conversationId: string): Promise<boolean> {
  const row = await db.selectFrom('desk_cases').select('verified_account_id').where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.verified_account_id != null;
}

/** Whether the conversation was ever handed to the desk (a case, open or resolved). */
export async function conversationHasCase(db: DeskDb, conversationId: string): Promise<boolean> {
  const row = await db.selectFrom('desk_cases').select('id').where('conversation_id', '=', conversationId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function updateCase(db: DeskDb, id: string, patch: CasePatch): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) values[COLUMN[key as keyof CasePatch]] = value;
  }
  await db.updateTable('desk_cases').set(values).where('id', '=', id).execute();
}

const waiting = (db: DeskDb) => db.selectFrom('desk_cases').selectAll()
  .where('assigned_agent_id', 'is', null).where('status', 'in', ['queued', 'escalated']);

/** Every case waiting for a person, oldest first. */
export async function listWaitingCases(db: DeskDb): Promise<DeskCase[]> {
  return (await waiting(db).orderBy('queued_at').orderBy('id').execute()).map(toCase);
}

/**
 * The oldest waiting cases no other process is assigning right now: a case
 * locked elsewhere is skipped, not waited for, and picked up next round.
 */
export async function lockWaitingCases(db: DeskDb, limit: number): Promise<DeskCase[]> {
  return (await waiting(db).orderBy('queued_at').orderBy('id').limit(limit).forUpdate().skipLocked().execute()).map(toCase);
}

/** Unresolved cases per assigned agent. */
export async function countLoads(db: DeskDb): Promise<Map<string, number>> {
  const rows = await db.selectFrom('desk_cases').select(['assigned_agent_id', db.fn.countAll<number>().as('load')])
    .where('assigned_agent_id', 'is not', null).where('status', '<>', 'resolved').groupBy('assigned_agent_id').execute();
  return new Map(rows.map((row) => [row.assigned_agent_id as string, Number(row.load)]));
}

export async function listCasesOfAgent(db: DeskDb, agentId: string, state: 'open' | 'resolved'): Promise<DeskCase[]> {
  let query = db.selectFrom('desk_cases').selectAll().where('assigned_agent_id', '=', agentId);
  query = state === 'open' ? query.where('status', '<>', 'resolved') : query.where('status', '=', 'resolved');
  return (await query.orderBy('queued_at', state === 'open' ? 'asc' : 'desc').orderBy('id').limit(200).execute()).map(toCase);
}

export async function listAllCases(db: DeskDb, state: 'open' | 'resolved'): Promise<DeskCase[]> {
  const query = db.selectFrom('desk_cases').selectAll();
  const filtered = state === 'open' ? query.where('status', '<>', 'resolved') : query.where('status', '=', 'resolved');
  return (await filtered.orderBy('queued_at', state === 'open' ? 'asc' : 'desc').orderBy('id').limit(200).execute()).map(toCase);
}

/** A member's cases, newest first: the ones opened from their account and the ones a service code linked to it. */
export async function listCasesOfAccount(db: DeskDb, accountId: string): Promise<DeskCase[]> {
  const rows = await db.selectFrom('desk_cases').selectAll()
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('verified_account_id', '=', accountId)]))
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();
  return rows.map(toCase);
}

/** Case ids assigned to the agent now, for their view of the audit log. */
export async function caseIdsOfAgent(db: DeskDb, agentId: string): Promise<string[]> {
  const rows = await db.selectFrom('desk_cases').select('id').where('assigned_agent_id', '=', agentId).execute();
  return rows.map((row) => row.id);
}

/** Sets the first reply's time once; false when it was already set. */
export async function setFirstResponse(db: DeskDb, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('desk_cases').set({ first_response_at: at, updated_at: at })
    .where('id', '=', id).where('first_response_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
