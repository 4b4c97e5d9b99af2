import { sql } from 'kysely';
import type { IdentityDb } from './accounts.repository.ts';
import type { Channel, LoginHelpTokenRecord, SecurityEventRecord, UndoTokenRecord } from './identity.tables.ts';

/** The only SQL over one-time tokens, service codes, security events and attempt counters. */

/** Until the end of the transaction, one reset being issued at a time per account (every process): the newest supersedes the others. */
export async function lockLoginHelp(trx: IdentityDb, accountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login_help|${accountId}`}, 0))`.execute(trx);
}

export async function supersedeLoginHelp(db: IdentityDb, accountId: string, at: Date): Promise<void> {
  await db.updateTable('identity_login_help_tokens').set({ superseded_at: at })
    .where('account_id', '=', accountId).where('used_at', 'is', null).where('superseded_at', 'is', null).execute();
}

export async function insertLoginHelp(db: IdentityDb, token: LoginHelpTokenRecord): Promise<void> {
  await db.insertInto('identity_login_help_tokens').values(token).execute();
}

export async function findLoginHelpByHash(db: IdentityDb, tokenHash: string, channel: Channel): Promise<LoginHelpTokenRecord | undefined> {
  return db.selectFrom('identity_login_help_tokens').selectAll().where('token_hash', '=', tokenHash).where('channel', '=', channel).executeTakeFirst();
}

/** Single use even when two confirmations race: only one update finds it unused. */
export async function useLoginHelp(db: IdentityDb, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('identity_login_help_tokens').set({ used_at: at })
    .where('id', '=', id).where('used_at', 'is', null).where('superseded_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertSecurityEvent(db: IdentityDb, event: SecurityEventRecord): Promise<void> {
  await db.insertInto('identity_security_events').values({ ...event, details: JSON.stringify(event.details) }).execute();
}

export async function listSecurityEvents(db: IdentityDb, accountId: string, since: Date): Promise<SecurityEventRecord[]> {
  return db.selectFrom('identity_security_events').selectAll()
    .where('account_id', '=', accountId).where('at', '>=', since).orderBy('at', 'desc').execute();
}

/**
 * Inserts the event unless the account has one of its kind from the same
 * (coarse) address since `since`; false then. The check and the insert hold
 * a lock per account, kind and address (every process), so events recorded
 * at once still make one.
 */
export async function insertSecurityEventUnlessRecent(db: IdentityDb, event: SecurityEventRecord & { details: { address: string } }, since: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`security_event|${event.account_id}|${event.kind}|${event.details.address}`}, 0))`.execute(trx);
    const recent = await trx.selectFrom('identity_security_events').select('id')
      .where('account_id', '=', event.account_id).where('kind', '=', event.kind).where('at', '>=', since)
      .where(sql<string>`details->>'address'`, '=', event.details.address).limit(1).executeTakeFirst();
    if (recent) return false;
    await insertSecurityEvent(trx, event);
    return true;
  });
}

export async function countSecurityEvents(db: IdentityDb, accountId: string, kind: string): Promise<number> {
  const row = await db.selectFrom('identity_security_events').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId).where('kind', '=', kind).executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function insertUndo(db: IdentityDb, token: UndoTokenRecord): Promise<void> {
  await db.insertInto('identity_change_undo_tokens').values(token).execute();
}

export async function findUndoByHash(db: IdentityDb, tokenHash: string): Promise<UndoTokenRecord | undefined> {
  return db.selectFrom('identity_change_undo_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function useUndo(db: IdentityDb, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('identity_change_undo_tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceServiceCodes(db: IdentityDb, accountId: string, at: Date): Promise<void> {
  await db.updateTable('identity_service_codes').set({ replaced_at: at }).where('account_id', '=', accountId).where('replaced_at', 'is', null).execute();
}

export async function insertServiceCode(db: IdentityDb, code: { id: string; account_id: string; code_hash: string; created_at: Date; expires_at: Date }): Promise<void> {
  await db.insertInto('identity_service_codes').values({ ...code, replaced_at: null }).execute();
}

export async function findLiveServiceCodes(db: IdentityDb, codeHash: string, now: Date): Promise<{ account_id: string }[]> {
  return db.selectFrom('identity_service_codes').select('account_id')
    .where('code_hash', '=', codeHash).where('replaced_at', 'is', null).where('expires_at', '>', now).execute();
}

export async function insertServiceCodeCheck(db: IdentityDb, check: { id: string; at: Date; valid: boolean; account_id: string | null; address: string | null }): Promise<void> {
  await db.insertInto('identity_service_code_checks').values(check).execute();
}

export async function listServiceCodeChecks(db: IdentityDb, limit: number): Promise<{ id: string; at: Date; valid: boolean; account_id: string | null; address: string | null }[]> {
  return db.selectFrom('identity_service_code_checks').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertFailure(db: IdentityDb, failure: { id: string; scope: string; subject: string; at: Date }, pruneBefore: Date): Promise<void> {
  // Rows older than any window are useless: each insert clears its subject's old ones.
  await db.deleteFrom('identity_attempt_failures').where('scope', '=', failure.scope).where('subject', '=', failure.subject).where('at', '<', pruneBefore).execute();
  await db.insertInto('identity_attempt_failures').values(failure).execute();
}

/**
 * Until the end of the transaction, one counter at a time per (scope,
 * subject) across every process: taken in a fixed order, so two attempts
 * needing the same counters never wait on each other in a circle.
 */
export async function lockAttemptSubjects(trx: IdentityDb, subjects: readonly { scope: string; subject: string }[]): Promise<void> {
  const keys = [...new Set(subjects.map((item) => `${item.scope}|${item.subject}`))].sort();
  for (const key of keys) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

export async function deleteFailures(db: IdentityDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('identity_attempt_failures').where('id', 'in', [...ids]).execute();
}

export async function listFailures(db: IdentityDb, scope: string, subject: string, since: Date): Promise<Date[]> {
  const rows = await db.selectFrom('identity_attempt_failures').select('at')
    .where('scope', '=', scope).where('subject', '=', subject).where('at', '>', since).orderBy('at', 'desc').limit(100).execute();
  return rows.map((row) => new Date(row.at));
}

export async function clearFailures(db: IdentityDb, scope: string, subject: string): Promise<void> {
  await db.deleteFrom('identity_attempt_failures').where('scope', '=', scope).where('subject', '=', subject).execute();
}

/** The account's most recently issued reset link or code, whatever its state. */
export async function latestLoginHelp(db: IdentityDb, accountId: string): Promise<LoginHelpTokenRecord | undefined> {
  return db.selectFrom('identity_login_help_tokens').selectAll()
    .where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
