import type { ExtraMemberRow, HouseholdDb, InvitationRow } from './household.tables.ts';

export type Invitation = Omit<InvitationRow, 'resent_count'> & { resent_count: number };
export type ExtraMember = ExtraMemberRow;

export async function insertInvitation(db: HouseholdDb, invitation: Omit<Invitation, 'accepted_account_id' | 'accepted_at' | 'cancelled_at' | 'resent_count'>): Promise<void> {
  await db.insertInto('household_invitations').values({ ...invitation, resent_count: 0, accepted_account_id: null, accepted_at: null, cancelled_at: null }).execute();
}

/** An owner's invitation: another owner's id is as good as unknown. */
export async function findOwnedInvitation(db: HouseholdDb, ownerAccountId: string, id: string): Promise<Invitation | undefined> {
  return db.selectFrom('household_invitations').selectAll().where('id', '=', id).where('owner_account_id', '=', ownerAccountId).executeTakeFirst();
}

export async function findInvitationByTokenHash(db: HouseholdDb, tokenHash: string): Promise<Invitation | undefined> {
  return db.selectFrom('household_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listInvitations(db: HouseholdDb, ownerAccountId: string): Promise<Invitation[]> {
  return db.selectFrom('household_invitations').selectAll().where('owner_account_id', '=', ownerAccountId).orderBy('created_at').orderBy('id').execute();
}

/** Pending or accepted invitations of an owner to one address (case-insensitive). */
export async function findOpenInvitationsTo(db: HouseholdDb, ownerAccountId: string, email: string): Promise<Invitation[]> {
  return db
    .selectFrom('household_invitations')
    .selectAll()
    .where('owner_account_id', '=', ownerAccountId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
}

type InvitationChange = Partial<Pick<Invitation, 'email' | 'token_hash' | 'status' | 'sent_at' | 'expires_at' | 'resent_count' | 'accepted_account_id' | 'accepted_at' | 'cancelled_at'>>;

/** Changes an invitation only while it is still in `fromStatus`; false when it was not (a concurrent change won). */
export async function updateInvitation(db: HouseholdDb, id: string, fromStatus: Invitation['status'], change: InvitationChange): Promise<boolean> {
  const result = await db.updateTable('household_invitations').set(change).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertExtraMember(db: HouseholdDb, member: Omit<ExtraMember, 'removed_at' | 'access_until'>): Promise<void> {
  await db.insertInto('household_extra_members').values({ ...member, removed_at: null, access_until: null }).execute();
}

export async function listExtraMembers(db: HouseholdDb, ownerAccountId: string): Promise<ExtraMember[]> {
  return db.selectFrom('household_extra_members').selectAll().where('owner_account_id', '=', ownerAccountId).orderBy('added_at').orderBy('id').execute();
}

export async function findOwnedExtraMember(db: HouseholdDb, ownerAccountId: string, memberAccountId: string): Promise<ExtraMember | undefined> {
  return db
    .selectFrom('household_extra_members')
    .selectAll()
    .where('owner_account_id', '=', ownerAccountId)
    .where('member_account_id', '=', memberAccountId)
    .executeTakeFirst();
}

export async function markExtraMemberRemoved(db: HouseholdDb, id: string, removedAt: Date, accessUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('household_extra_members')
    .set({ removed_at: removedAt, access_until: accessUntil })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertProfileTransfer(db: HouseholdDb, transfer: { id: string; ownerAccountId: string; memberAccountId: string; profileName: string; at: Date }): Promise<void> {
  await db
    .insertInto('household_profile_transfers')
    .values({ id: transfer.id, owner_account_id: transfer.ownerAccountId, member_account_id: transfer.memberAccountId, profile_name: transfer.profileName, transferred_at: transfer.at })
    .execute();
}

export async function restoreExtraMember(db: HouseholdDb, id: string): Promise<void> {
  await db.updateTable('household_extra_members').set({ removed_at: null, access_until: null }).where('id', '=', id).execute();
}

export async function setExtraMemberAccessUntil(db: HouseholdDb, id: string, accessUntil: string): Promise<void> {
  await db.updateTable('household_extra_members').set({ access_until: accessUntil }).where('id', '=', id).execute();
}

export async function findExtraMemberByAccount(db: HouseholdDb, memberAccountId: string): Promise<ExtraMember | undefined> {
  return db.selectFrom('household_extra_members').selectAll().where('member_account_id', '=', memberAccountId).executeTakeFirst();
}

/** Demo seeding: an accepted invitation and its extra member under fixed ids, once. */
export async function seedAcceptedExtraMember(db: HouseholdDb, seed: { invitation: Omit<Invitation, 'resent_count' | 'cancelled_at'>; member: Omit<ExtraMember, 'removed_at' | 'access_until'> }): Promise<boolean> {
  const inserted = await db
    .insertInto('household_invitations')
    .values({ ...seed.invitation, resent_count: 0, cancelled_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  await db.insertInto('household_extra_members').values({ ...seed.member, removed_at: null, access_until: null }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}
