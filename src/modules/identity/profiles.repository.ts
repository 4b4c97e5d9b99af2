import type { IdentityDb } from './accounts.repository.ts';
import type { ProfileRecord, ViewingRecord } from './identity.tables.ts';

/** The only SQL over profiles and viewing activity. */

export async function insertProfile(db: IdentityDb, profile: ProfileRecord): Promise<void> {
  await db.insertInto('identity_profiles').values(profile).execute();
}

export async function listProfiles(db: IdentityDb, accountId: string): Promise<ProfileRecord[]> {
  return db.selectFrom('identity_profiles').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

/** The account's profile with this id; undefined for another account's. */
export async function findProfile(db: IdentityDb, accountId: string, id: string): Promise<ProfileRecord | undefined> {
  return db.selectFrom('identity_profiles').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function findProfileByName(db: IdentityDb, accountId: string, name: string): Promise<ProfileRecord | undefined> {
  return db.selectFrom('identity_profiles').selectAll()
    .where('account_id', '=', accountId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Deletes the account's profile (its viewing goes with it); false when it is not theirs. */
export async function deleteProfile(db: IdentityDb, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('identity_profiles').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Gives a profile and its viewing history to another account; device ids stay behind (they name the old account's devices). */
export async function moveProfile(db: IdentityDb, profileId: string, toAccountId: string, at: Date): Promise<void> {
  await db.updateTable('identity_profiles')
    .set({ account_id: toAccountId, created_on_device_id: null, created_by: 'owner', transferred_at: at })
    .where('id', '=', profileId).execute();
  await db.updateTable('identity_viewing').set({ account_id: toAccountId, device_id: null }).where('profile_id', '=', profileId).execute();
}

export async function insertViewing(db: IdentityDb, viewing: ViewingRecord): Promise<void> {
  await db.insertInto('identity_viewing').values(viewing).execute();
}

export async function listViewing(db: IdentityDb, accountId: string, options: { limit: number; since?: Date }): Promise<ViewingRecord[]> {
  let query = db.selectFrom('identity_viewing').selectAll().where('account_id', '=', accountId);
  if (options.since) query = query.where('watched_at', '>=', options.since);
  return query.orderBy('watched_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Every session the account ever had (ended ones too): where the owner has been signed in. */
export async function listSessionPlaces(db: IdentityDb, accountId: string): Promise<{ device_id: string | null; location: string | null }[]> {
  return db.selectFrom('identity_sessions').select(['device_id', 'location']).where('account_id', '=', accountId).execute();
}
