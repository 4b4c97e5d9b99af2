import { sql, type ColumnType, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuthorKind, ChatConversation, ChatMessage, ConversationStatus, MessagePayload } from './chat.types.ts';

type Timestamp = ColumnType<Date, Date, Date>;

export type ChatTables = {
  support_conversations: {
    id: string; account_id: string | null; visitor_email: string | null; intent: string; first_message: string; country: string; language: string;
    status: ConversationStatus; last_seq: ColumnType<number, number | undefined, number>; created_at: Timestamp; updated_at: Timestamp;
  };
  support_messages: {
    conversation_id: string; seq: number; id: string; author_kind: AuthorKind; author_id: string | null; author_name: string; body: string;
    payload: ColumnType<MessagePayload | null, string | null, never>; client_id: string | null; created_at: Timestamp;
  };
  support_read_marks: {
    conversation_id: string; reader: string; reader_kind: string; reader_name: string; seq: number; updated_at: Timestamp;
  };
  support_visitor_codes: {
    id: string; email: string; code_hash: string; attempts: ColumnType<number, number | undefined, number>; expires_at: Timestamp; used_at: Date | null; created_at: Timestamp;
  };
  support_visitor_sessions: { token_hash: string; email: string; expires_at: Timestamp; created_at: Timestamp };
};
export type ChatDb = Kysely<ChatTables>;

/** The channel every process listens on; payloads are small JSON (see chat-hub.ts). */
export const CHAT_CHANNEL = 'usher_chat';

const toConversation = (row: Selectable<ChatTables['support_conversations']>): ChatConversation => ({
  id: row.id, accountId: row.account_id, visitorEmail: row.visitor_email, intent: row.intent, country: row.country, language: row.language,
  status: row.status, lastSeq: row.last_seq, createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
});

type MessageRow = Selectable<ChatTables['support_messages']>;
export const toMessage = (row: MessageRow): ChatMessage => ({
  id: row.id, conversationId: row.conversation_id, seq: row.seq, author: { kind: row.author_kind, id: row.author_id, name: row.author_name },
  body: row.body, payload: row.payload, clientId: row.client_id, createdAt: new Date(row.created_at).toISOString(),
});

export async function insertConversation(db: ChatDb, conversation: { id: string; accountId: string | null; visitorEmail: string | null; intent: string; firstMessage: string; country: string; language: string; status: ConversationStatus; at: Date }): Promise<void> {
  await db.insertInto('support_conversations').values({
    id: conversation.id, account_id: conversation.accountId, visitor_email: conversation.visitorEmail, intent: conversation.intent,
    first_message: conversation.firstMessage, country: conversation.country, language: conversation.language, status: conversation.status,
    created_at: conversation.at, updated_at: conversation.at,
  }).execute();
}

export async function findConversation(db: ChatDb, id: string): Promise<ChatConversation | null> {
  const row = await db.selectFrom('support_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toConversation(row) : null;
}

export async function listConversationsOf(db: ChatDb, owner: { accountId: string } | { visitorEmail: string }, limit: number): Promise<ChatConversation[]> {
  let query = db.selectFrom('support_conversations').selectAll();
  query = 'accountId' in owner ? query.where('account_id', '=', owner.accountId) : query.where('visitor_email', '=', owner.visitorEmail).where('account_id', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toConversation);
}

type AppendOutcome =
  | { outcome: 'missing' }
  | { outcome: 'closed' }
  | { outcome: 'stored' | 'duplicate'; message: MessageRow; conversation: Selectable<ChatTables['support_conversations']> };

/**
 * Stores a message as the conversation's next seq, in one round trip
 * (migrations/0006: the conversation row is locked, so seqs have no gaps; a
 * resend with the same client id finds the first copy; a closed
 * conversation takes nothing). Nothing is published here: see
 * `notifyAfterCommit`.
 */
export async function appendMessage(
  db: ChatDb,
  message: { conversationId: string; id: string; authorKind: AuthorKind; authorId: string | null; authorName: string; body: string; payload: MessagePayload | null; clientId: string | null; at: Date },
): Promise<{ message: ChatMessage; conversation: ChatConversation; duplicate: boolean } | 'missing' | 'closed'> {
  const input = {
    conversation_id: message.conversationId, id: message.id, author_kind: message.authorKind, author_id: message.authorId, author_name: message.authorName,
    body: message.body, payload: message.payload, client_id: message.clientId, at: message.at.toISOString(),
  };
  const { rows } = await sql<{ result: AppendOutcome }>`SELECT support_append_message(${JSON.stringify(input)}::jsonb) AS result`.execute(db);
  const result = rows[0]?.result;
  if (!result || result.outcome === 'missing') return 'missing';
  if (result.outcome === 'closed') return 'closed';
  return { message: toMessage(result.message), conversation: toConversation(result.conversation), duplicate: result.outcome === 'duplicate' };
}

/**
 * Publishes after the message is committed, in a transaction of its own
 * with asynchronous commit: the message is already durable, and a NOTIFY in
 * the storing transaction would make every commit wait for the one before
 * (PostgreSQL serialises the commits of notifying transactions). Should the
 * process stop in between, the next notification of the conversation, or the
 * sender's resend with the same client id, brings the message (the hub fills
 * gaps from the table).
 */
export async function notifyAfterCommit(db: ChatDb, payload: string): Promise<void> {
  await sql`SELECT set_config('synchronous_commit', 'off', true), pg_notify(${CHAT_CHANNEL}, ${payload})`.execute(db);
}

export async function notify(db: ChatDb | Transaction<ChatTables>, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${CHAT_CHANNEL}, ${payload})`.execute(db);
}

export async function listMessages(db: ChatDb, conversationId: string, range: { afterSeq?: number; uptoSeq?: number; limit?: number } = {}): Promise<ChatMessage[]> {
  let query = db.selectFrom('support_messages').selectAll().where('conversation_id', '=', conversationId).where('seq', '>', range.afterSeq ?? 0);
  if (range.uptoSeq !== undefined) query = query.where('seq', '<=', range.uptoSeq);
  const rows = await query.orderBy('seq').limit(range.limit ?? 1000).execute();
  return rows.map(toMessage);
}

/** Replaces stored bodies (a stricter redaction), and the conversation's copy of its first message, in one transaction. */
export async function rewriteMemberText(db: ChatDb, conversationId: string, bodies: readonly { seq: number; body: string }[], firstMessage: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { seq, body } of bodies) {
      await trx.updateTable('support_messages').set({ body }).where('conversation_id', '=', conversationId).where('seq', '=', seq).execute();
    }
    if (firstMessage !== null) await trx.updateTable('support_conversations').set({ first_message: firstMessage }).where('id', '=', conversationId).execute();
  });
}

export async function findFirstMessage(db: ChatDb, conversationId: string): Promise<string | null> {
  const row = await db.selectFrom('support_conversations').select('first_message').where('id', '=', conversationId).executeTakeFirst();
  return row?.first_message ?? null;
}

export async function setConversationStatus(db: ChatDb, id: string, status: ConversationStatus, at: Date, notification: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('support_conversations').set({ status, updated_at: at }).where('id', '=', id).where('status', '!=', status).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await notify(trx, notification);
    return true;
  });
}

export type ReadMark = { reader: string; readerKind: string; readerName: string; seq: number };

/** Read marks only move forward: a late, older "read" from another tab changes nothing. */
export async function saveReadMark(db: ChatDb, conversationId: string, mark: ReadMark, at: Date): Promise<boolean> {
  const result = await db.insertInto('support_read_marks').values({
    conversation_id: conversationId, reader: mark.reader, reader_kind: mark.readerKind, reader_name: mark.readerName, seq: mark.seq, updated_at: at,
  }).onConflict((conflict) => conflict.columns(['conversation_id', 'reader']).doUpdateSet({ seq: mark.seq, updated_at: at }).where('support_read_marks.seq', '<', mark.seq))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listReadMarks(db: ChatDb, conversationId: string): Promise<ReadMark[]> {
  const rows = await db.selectFrom('support_read_marks').selectAll().where('conversation_id', '=', conversationId).execute();
  return rows.map((row) => ({ reader: row.reader, readerKind: row.reader_kind, readerName: row.reader_name, seq: row.seq }));
}
