import { sql, type Kysely, type Transaction } from 'kysely';
import type { AccountRecord, DeviceRecord, DeviceType, IdentityTables, SessionRecord } from './identity.tables.ts';

/** The only SQL over accounts, devices and sessions. */
export type IdentityDb = Kysely<IdentityTables> | Transaction<IdentityTables>;

export async function insertAccount(db: IdentityDb, account: AccountRecord): Promise<void> {
  await db.insertInto('identity_accounts').values(account).execute();
}

export async function deleteAccount(db: IdentityDb, id: string): Promise<void> {
  await db.deleteFrom('identity_accounts').where('id', '=', id).execute();
}

export async function findAccount(db: IdentityDb, id: string): Promise<AccountRecord | undefined> {
  return db.selectFrom('identity_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByEmail(db: IdentityDb, email: string): Promise<AccountRecord | undefined> {
  return db.selectFrom('identity_accounts').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findAccountByPhone(db: IdentityDb, phone: string): Promise<AccountRecord | undefined> {
  return db.selectFrom('identity_accounts').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export async function findOwnersByName(db: IdentityDb, country: string, name: string): Promise<AccountRecord[]> {
  return db.selectFrom('identity_accounts').selectAll()
    .where('country', '=', country).where('role', '=', 'owner')
    .where(sql<string>`lower(name)`, '=', name.trim().replace(/\s+/g, ' ').toLowerCase())
    .limit(20).execute();
}

export async function updateAccount(db: IdentityDb, id: string, changes: Partial<Pick<AccountRecord, 'email' | 'phone' | 'password_hash'>> & { updated_at: Date }): Promise<void> {
  await db.updateTable('identity_accounts').set(changes).where('id', '=', id).execute();
}

/** True when the error is a unique-index violation (a taken email or phone). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export async function insertDevice(db: IdentityDb, device: DeviceRecord): Promise<void> {
  await db.insertInto('identity_devices').values(device).execute();
}

export async function findDevice(db: IdentityDb, id: string): Promise<DeviceRecord | undefined> {
  return db.selectFrom('identity_devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeviceByName(db: IdentityDb, accountId: string, type: DeviceType, name: string): Promise<DeviceRecord | undefined> {
  return db.selectFrom('identity_devices').selectAll()
    .where('account_id', '=', accountId).where('type', '=', type).where('name', '=', name).where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function listDevices(db: IdentityDb, accountId: string, options: { includeRemoved: boolean }): Promise<DeviceRecord[]> {
  let query = db.selectFrom('identity_devices').selectAll().where('account_id', '=', accountId);
  if (!options.includeRemoved) query = query.where('removed_at', 'is', null);
  return query.orderBy('last_used_at', 'desc').orderBy('id').execute();
}

export async function touchDevice(db: IdentityDb, id: string, at: Date, changes: { location?: string | null; networkId?: string | null } = {}): Promise<void> {
  await db.updateTable('identity_devices')
    .set({ last_used_at: at, ...(changes.location === undefined ? {} : { location: changes.location }), ...(changes.networkId === undefined ? {} : { network_id: changes.networkId }) })
    .where('id', '=', id).execute();
}

/** Removes one of the account's devices; false when it is not theirs or already removed. */
export async function removeDevice(db: IdentityDb, accountId: string, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('identity_devices').set({ removed_at: at })
    .where('id', '=', id).where('account_id', '=', accountId).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertSession(db: IdentityDb, session: SessionRecord): Promise<void> {
  await db.insertInto('identity_sessions').values(session).execute();
}

export async function findSessionByTokenHash(db: IdentityDb, tokenHash: string): Promise<SessionRecord | undefined> {
  return db.selectFrom('identity_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: IdentityDb, id: string, at: Date): Promise<void> {
  await db.updateTable('identity_sessions').set({ last_used_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

export async function listOpenSessions(db: IdentityDb, accountId: string): Promise<SessionRecord[]> {
  return db.selectFrom('identity_sessions').selectAll()
    .where('account_id', '=', accountId).where('ended_at', 'is', null)
    .orderBy('last_used_at', 'desc').orderBy('id').execute();
}

/** Ends the account's open sessions: all, one, or one device's. */
export async function endSessions(db: IdentityDb, accountId: string, at: Date, only: { sessionId?: string; deviceId?: string } = {}): Promise<number> {
  let query = db.updateTable('identity_sessions').set({ ended_at: at }).where('account_id', '=', accountId).where('ended_at', 'is', null);
  if (only.sessionId !== undefined) query = query.where('id', '=', only.sessionId);
  if (only.deviceId !== undefined) query = query.where('device_id', '=', only.deviceId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
