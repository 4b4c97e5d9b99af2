import type { HouseholdDb, UpdateCodeRow } from './household.tables.ts';

export type Network = { id: string; name: string };
export type Household = { accountId: string; primaryNetwork: Network; updatedAt: Date };
export type UpdateCode = Omit<UpdateCodeRow, 'failed_attempts'> & { failed_attempts: number };

/** Networks are named by whoever first reports them; a known one keeps its name. */
export async function ensureNetwork(db: HouseholdDb, network: Network): Promise<Network> {
  await db.insertInto('household_networks').values({ id: network.id, name: network.name }).onConflict((oc) => oc.column('id').doNothing()).execute();
  const row = await db.selectFrom('household_networks').select(['id', 'name']).where('id', '=', network.id).executeTakeFirstOrThrow();
  return row;
}

export async function findHousehold(db: HouseholdDb, accountId: string): Promise<Household | undefined> {
  const row = await db
    .selectFrom('household_households as h')
    .innerJoin('household_networks as n', 'n.id', 'h.primary_network_id')
    .select(['h.account_id', 'h.updated_at', 'n.id', 'n.name'])
    .where('h.account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { accountId: row.account_id, primaryNetwork: { id: row.id, name: row.name }, updatedAt: row.updated_at } : undefined;
}

/** Sets the primary network only when the account has no household yet; true when it did. */
export async function createHouseholdIfMissing(db: HouseholdDb, accountId: string, networkId: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('household_households')
    .values({ account_id: accountId, primary_network_id: networkId, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setPrimaryNetwork(db: HouseholdDb, accountId: string, networkId: string, now: Date): Promise<void> {
  await db
    .insertInto('household_households')
    .values({ account_id: accountId, primary_network_id: networkId, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ primary_network_id: networkId, updated_at: now }))
    .execute();
}

export async function recordSighting(db: HouseholdDb, sighting: { deviceId: string; accountId: string; networkId: string; at: Date }): Promise<void> {
  await db
    .insertInto('household_device_sightings')
    .values({ device_id: sighting.deviceId, account_id: sighting.accountId, network_id: sighting.networkId, first_seen_at: sighting.at, last_seen_at: sighting.at })
    .onConflict((oc) => oc.columns(['device_id', 'network_id']).doUpdateSet({ last_seen_at: sighting.at }))
    .execute();
}

export async function devicesSeenOn(db: HouseholdDb, accountId: string, networkId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('household_device_sightings').select('device_id').where('account_id', '=', accountId).where('network_id', '=', networkId).execute();
  return new Set(rows.map((row) => row.device_id));
}

/** Stores a new code and retires every earlier live one of the account: only the newest works. */
export async function issueUpdateCode(db: HouseholdDb, code: Omit<UpdateCode, 'used_at' | 'superseded_at' | 'failed_attempts'>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('household_update_codes')
      .set({ superseded_at: code.created_at })
      .where('account_id', '=', code.account_id)
      .where('used_at', 'is', null)
      .where('superseded_at', 'is', null)
      .execute();
    await trx.insertInto('household_update_codes').values({ ...code, used_at: null, superseded_at: null }).execute();
  });
}

/** The device's codes, newest first; a handful is enough to say why an old one fails. */
export async function listDeviceCodes(db: HouseholdDb, accountId: string, deviceId: string, limit = 10): Promise<UpdateCode[]> {
  return db
    .selectFrom('household_update_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('device_id', '=', deviceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Marks a code used unless someone else used it first; false then. The right guess's counted attempt is given back. */
export async function useUpdateCode(db: HouseholdDb, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('household_update_codes')
    .set((eb) => ({ used_at: now, failed_attempts: eb('failed_attempts', '-', 1) }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type CodeAttemptClaim = { counted: true; before: number } | { counted: false; reason: 'exhausted' | 'gone' };

/**
 * Counts one guess at a live code before it is compared, with the code's row
 * locked: guesses sent all at once (to one process or several) take turns,
 * and once `max` are counted the rest are refused uncompared. `gone`: the
 * code was used or replaced meanwhile.
 */
export async function claimCodeAttempt(db: HouseholdDb, id: string, max: number): Promise<CodeAttemptClaim> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('household_update_codes').select(['failed_attempts', 'used_at', 'superseded_at'])
      .where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || row.used_at !== null || row.superseded_at !== null) return { counted: false, reason: 'gone' } as const;
    if (row.failed_attempts >= max) return { counted: false, reason: 'exhausted' } as const;
    await trx.updateTable('household_update_codes').set({ failed_attempts: row.failed_attempts + 1 }).where('id', '=', id).execute();
    return { counted: true, before: row.failed_attempts } as const;
  });
}
