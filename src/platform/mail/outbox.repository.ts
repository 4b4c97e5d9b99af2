import type { Kysely } from 'kysely';
import { withTables, type Db } from '../db/database.ts';

/** The platform's `outbox_messages` table (migration 0001_outbox.sql). */
export type OutboxTables = {
  outbox_messages: {
    id: string; channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string; created_at: Date;
    /** `<msg_…@domain>` as sent in the Message-ID header (emails only). */
    message_id?: string | null;
    /** Why it was sent, in a few words (`password reset`, `membership change`); null when the sender did not say. */
    purpose?: string | null;
    /** `outbox`: kept for the demo outbox; `smtp`: left through SMTP, recorded without its body. */
    delivery?: 'outbox' | 'smtp';
  };
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
  let query = outboxDb(db).selectFrom('outbox_messages').selectAll().where('delivery', '=', 'outbox');
  if (options.to !== undefined) {
    const to = options.to.trim().toLowerCase();
    query = query.where((eb) => eb(eb.fn('lower', ['recipient']), '=', to));
  }
  // id breaks ties between messages written in the same millisecond: ids grow with time.
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** What is known of an email we sent, to tell a member who forwards it that it is genuine. */
export type SentEmail = { id: string; messageId: string | null; recipient: string; subject: string | null; purpose: string | null; sentAt: Date };

const toSent = (row: OutboxRecord): SentEmail => ({
  id: row.id, messageId: row.message_id ?? null, recipient: row.recipient, subject: row.subject, purpose: row.purpose ?? null, sentAt: new Date(row.created_at),
});

/** One email we sent, by its outbox id. */
export async function findSentEmailById(db: Db, id: string): Promise<SentEmail | null> {
  const row = await outboxDb(db).selectFrom('outbox_messages').selectAll().where('channel', '=', 'email').where('id', '=', id).executeTakeFirst();
  return row ? toSent(row) : null;
}

/** The email we sent with this Message-ID (angle brackets optional), or null. */
export async function findSentEmailByMessageId(db: Db, messageId: string): Promise<SentEmail | null> {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  const row = await outboxDb(db).selectFrom('outbox_messages').selectAll()
    .where('channel', '=', 'email').where('message_id', '=', `<${bare}>`).executeTakeFirst();
  return row ? toSent(row) : null;
}

/**
 * The emails we sent to `recipient` with exactly this subject between `from`
 * and `to`, newest first: the fallback when a forward lost the Message-ID.
 */
export async function findSentEmailsBySubject(db: Db, match: { recipient: string; subject: string; from: Date; to: Date }): Promise<SentEmail[]> {
  const rows = await outboxDb(db).selectFrom('outbox_messages').selectAll()
    .where('channel', '=', 'email')
    .where((eb) => eb(eb.fn('lower', ['recipient']), '=', match.recipient.trim().toLowerCase()))
    .where('subject', '=', match.subject)
    .where('created_at', '>=', match.from)
    .where('created_at', '<=', match.to)
    .orderBy('created_at', 'desc').limit(5).execute();
  return rows.map(toSent);
}
