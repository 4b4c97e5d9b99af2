import { sql, type Selectable } from 'kysely';
import type { Queue } from './case-file.ts';
import type { AgentRole, AgentRow, DeskDb } from './desk.tables.ts';

export type Agent = {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  skills: Queue[];
  maxConcurrent: number;
  active: boolean;
  lastAssignedAt: Date | null;
};

const toAgent = (row: Omit<Selectable<AgentRow>, 'password_hash' | 'created_at'>): Agent => ({
  id: row.id, name: row.name, email: row.email, role: row.role, skills: row.skills, maxConcurrent: row.max_concurrent,
  active: row.active, lastAssignedAt: row.last_assigned_at,
});

const AGENT_COLUMNS = ['id', 'name', 'email', 'role', 'skills', 'max_concurrent', 'active', 'last_assigned_at'] as const;

export async function insertAgent(db: DeskDb, agent: Omit<Agent, 'active' | 'lastAssignedAt'> & { passwordHash: string; createdAt: Date }): Promise<boolean> {
  const result = await db.insertInto('desk_agents').values({
    id: agent.id, name: agent.name, email: agent.email.toLowerCase(), role: agent.role, skills: JSON.stringify(agent.skills),
    max_concurrent: agent.maxConcurrent, password_hash: agent.passwordHash, created_at: agent.createdAt,
  }).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findAgentLogin(db: DeskDb, email: string): Promise<(Agent & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('desk_agents').select([...AGENT_COLUMNS, 'password_hash']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? { ...toAgent(row), passwordHash: row.password_hash } : undefined;
}

export async function findAgent(db: DeskDb, id: string): Promise<Agent | undefined> {
  const row = await db.selectFrom('desk_agents').select(AGENT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

export async function listAgents(db: DeskDb): Promise<Agent[]> {
  return (await db.selectFrom('desk_agents').select(AGENT_COLUMNS).orderBy('name').orderBy('id').execute()).map(toAgent);
}

export async function insertSession(db: DeskDb, session: { tokenHash: string; agentId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('desk_agent_sessions').values({
    token_hash: session.tokenHash, agent_id: session.agentId, created_at: session.createdAt, expires_at: session.expiresAt,
  }).execute();
}

/** The active agent behind a live session token hash. */
export async function findSessionAgent(db: DeskDb, tokenHash: string, now: Date): Promise<Agent | undefined> {
  const row = await db.selectFrom('desk_agent_sessions as s')
    .innerJoin('desk_agents as a', 'a.id', 's.agent_id')
    .select(['a.id', 'a.name', 'a.email', 'a.role', 'a.skills', 'a.max_concurrent', 'a.active', 'a.last_assigned_at'])
    .where('s.token_hash', '=', tokenHash).where('s.expires_at', '>', now).where('a.active', '=', true)
    .executeTakeFirst();
  return row ? toAgent(row) : undefined;
}

export async function deleteSession(db: DeskDb, tokenHash: string): Promise<void> {
  await db.deleteFrom('desk_agent_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Expired sessions go when their agent signs in again: the table stays small without a job. */
export async function deleteExpiredSessions(db: DeskDb, agentId: string, now: Date): Promise<void> {
  await db.deleteFrom('desk_agent_sessions').where('agent_id', '=', agentId).where('expires_at', '<=', now).execute();
}

export async function listFailures(db: DeskDb, subject: string, since: Date): Promise<Date[]> {
  const rows = await db.selectFrom('desk_sign_in_failures').select('at').where('subject', '=', subject).where('at', '>', since).execute();
  return rows.map((row) => row.at);
}

export async function insertFailure(db: DeskDb, failure: { id: string; subject: string; at: Date }): Promise<void> {
  await db.insertInto('desk_sign_in_failures').values(failure).execute();
}

/** Failures older than every window are useless: the table stays small without a job. */
export async function forgetOldFailures(db: DeskDb, before: Date): Promise<void> {
  await db.deleteFrom('desk_sign_in_failures').where('at', '<', before).execute();
}

/**
 * Until the end of the transaction, one sign-in counter at a time per
 * subject across every process; taken in a fixed order, so two attempts
 * needing the same counters never wait on each other in a circle.
 */
export async function lockFailureSubjects(trx: DeskDb, subjects: readonly string[]): Promise<void> {
  for (const subject of [...new Set(subjects)].sort()) await sql`select pg_advisory_xact_lock(hashtextextended(${`desk_sign_in|${subject}`}, 0))`.execute(trx);
}

export async function deleteFailure(db: DeskDb, id: string): Promise<void> {
  await db.deleteFrom('desk_sign_in_failures').where('id', '=', id).execute();
}

/** How many failures went. */
export async function clearFailures(db: DeskDb, subject: string): Promise<number> {
  const result = await db.deleteFrom('desk_sign_in_failures').where('subject', '=', subject).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Agents on duty (active, with a live session), locked until the end of the
 * transaction: two processes assigning at once take turns, so nobody goes
 * over their maximum. NO KEY UPDATE leaves sessions and cases free to
 * reference the rows meanwhile.
 */
export async function lockAgentsOnDuty(db: DeskDb, now: Date): Promise<Agent[]> {
  const rows = await db.selectFrom('desk_agents as a').select(AGENT_COLUMNS)
    .where('a.active', '=', true)
    .where(({ exists, selectFrom }) => exists(selectFrom('desk_agent_sessions as s').select(sql<number>`1`.as('one')).whereRef('s.agent_id', '=', 'a.id').where('s.expires_at', '>', now)))
    .orderBy('a.id').forNoKeyUpdate().execute();
  return rows.map(toAgent);
}

export async function agentsOnDutyIds(db: DeskDb, now: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('desk_agent_sessions').select('agent_id').distinct().where('expires_at', '>', now).execute();
  return new Set(rows.map((row) => row.agent_id));
}

export async function markAssigned(db: DeskDb, agentIds: readonly string[], now: Date): Promise<void> {
  if (agentIds.length === 0) return;
  await db.updateTable('desk_agents').set({ last_assigned_at: now }).where('id', 'in', [...agentIds]).execute();
}
