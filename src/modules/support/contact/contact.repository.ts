import type { Kysely } from 'kysely';

export type CallbackStatus = 'requested' | 'called' | 'cancelled';

export type ContactTables = {
  support_callback_requests: {
    id: string; account_id: string | null; service_code: string; intent: string; summary: string; country: string; language: string;
    status: CallbackStatus; created_at: Date;
  };
};
export type ContactDb = Kysely<ContactTables>;

export type CallbackRequest = {
  id: string; accountId: string | null; serviceCode: string; intent: string; summary: string; country: string; language: string; status: CallbackStatus; createdAt: Date;
};

export async function insertCallbackRequest(db: ContactDb, request: CallbackRequest): Promise<void> {
  await db.insertInto('support_callback_requests').values({
    id: request.id, account_id: request.accountId, service_code: request.serviceCode, intent: request.intent, summary: request.summary,
    country: request.country, language: request.language, status: request.status, created_at: request.createdAt,
  }).execute();
}

export async function listCallbackRequests(db: ContactDb, status: CallbackStatus): Promise<CallbackRequest[]> {
  const rows = await db.selectFrom('support_callback_requests').selectAll().where('status', '=', status).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, accountId: row.account_id, serviceCode: row.service_code, intent: row.intent, summary: row.summary, country: row.country,
    language: row.language, status: row.status, createdAt: new Date(row.created_at),
  }));
}
