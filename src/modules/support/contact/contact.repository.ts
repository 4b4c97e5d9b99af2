import type { Kysely } from 'kysely';

export type CallbackStatus = 'requested' | 'called' | 'cancelled';
/** How the caller was known when the request was made: a service code the server checked, or the member's own session. */
export type CallbackVerification = 'service_code' | 'session';

export type ContactTables = {
  support_callback_requests: {
    id: string; account_id: string | null; intent: string; summary: string; country: string; language: string;
    status: CallbackStatus; created_at: Date; verified_at: Date | null; verified_with: CallbackVerification | null;
  };
};
export type ContactDb = Kysely<ContactTables>;

/** Never the service code: it is checked when the request is made and only the outcome is kept (0007_service_code_in_chat.sql). */
export type CallbackRequest = {
  id: string; accountId: string | null; intent: string; summary: string; country: string; language: string; status: CallbackStatus; createdAt: Date;
  verifiedAt: Date | null; verifiedWith: CallbackVerification | null;
};

export async function insertCallbackRequest(db: ContactDb, request: CallbackRequest): Promise<void> {
  await db.insertInto('support_callback_requests').values({
    id: request.id, account_id: request.accountId, intent: request.intent, summary: request.summary,
    country: request.country, language: request.language, status: request.status, created_at: request.createdAt,
    verified_at: request.verifiedAt, verified_with: request.verifiedWith,
  }).execute();
}

export async function listCallbackRequests(db: ContactDb, status: CallbackStatus): Promise<CallbackRequest[]> {
  const rows = await db.selectFrom('support_callback_requests').selectAll().where('status', '=', status).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, accountId: row.account_id, intent: row.intent, summary: row.summary, country: row.country,
    language: row.language, status: row.status, createdAt: new Date(row.created_at),
    verifiedAt: row.verified_at === null ? null : new Date(row.verified_at), verifiedWith: row.verified_with,
  }));
}
