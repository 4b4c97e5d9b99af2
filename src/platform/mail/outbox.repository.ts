import type { Kysely } from 'kysely';
import { withTables, type Db } from '../db/database.ts';

/** The platform's `outbox_messages` table (migration 0001_outbox.sql). */
export type OutboxTables = {
  outbox_messages: { id: string; channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string; created_at: Date };
};

export type OutboxRecord = OutboxTables['outbox_messages'];

function outboxDb(db: Db): Kysely<OutboxTables> {
  return withTables<OutboxTables>(db);
}

export async function insertOutboxMessage(db: Db, message: OutboxRecord): Promise<void> {
  await outboxDb(db).insertInto('outbox_messages').values(message).execute();
}

/** Newest first; `to` narrows to one address or phone number (exact, case-insensitive for emails). */
export async function listOutboxMessages(db: Db, options: { to?: string; limit: number }): Promise<OutboxRecord[]> {
  let query = outboxDb(db).selectFrom('outbox_messages').selectAll();
  if (options.to !== undefined) {
    const to = options.to.trim().toLowerCase();
    query = query.where((eb) => eb(eb.fn('lower', ['recipient']), '=', to));
  }
  // id breaks ties between messages written in the same millisecond: ids grow with time.
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}
