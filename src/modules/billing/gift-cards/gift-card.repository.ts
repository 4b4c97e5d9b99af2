import type { BillingDb } from '../billing.repository.ts';
import type { GiftAdjustmentRow, GiftCardRow } from '../billing.tables.ts';

export type StoredGiftCard = Omit<GiftCardRow, 'created_at'>;
export type NewGiftCard = Pick<GiftCardRow, 'id' | 'code_hash' | 'code_hint' | 'amount' | 'currency'>;

/** Inserts cards; a code already issued (same hash) is left as it is, so seeding twice changes nothing. */
export async function insertGiftCards(db: BillingDb, cards: readonly NewGiftCard[]): Promise<void> {
  if (cards.length === 0) return;
  await db.insertInto('billing_gift_cards').values([...cards]).onConflict((oc) => oc.column('code_hash').doNothing()).execute();
}

export async function findGiftCardByHash(db: BillingDb, codeHash: string): Promise<StoredGiftCard | undefined> {
  return db
    .selectFrom('billing_gift_cards')
    .select(['id', 'code_hash', 'code_hint', 'amount', 'currency', 'redeemed_by_account', 'redeemed_membership_id', 'redeemed_at'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

/**
 * Marks the card redeemed if nobody has: one conditional UPDATE. Two
 * transactions racing for one card both reach this row; PostgreSQL makes the
 * second wait for the first and then re-checks `redeemed_at IS NULL`, which
 * no longer holds, so exactly one gets the row back. Run it in the
 * transaction that adds the value to the balance.
 */
export async function claimGiftCard(db: BillingDb, claim: { id: string; accountId: string; membershipId: string; at: Date }): Promise<boolean> {
  const row = await db
    .updateTable('billing_gift_cards')
    .set({ redeemed_at: claim.at, redeemed_by_account: claim.accountId, redeemed_membership_id: claim.membershipId })
    .where('id', '=', claim.id)
    .where('redeemed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Cards redeemed on a membership, newest first (what the member and the desk see: never a code). */
export async function listRedeemedGiftCards(db: BillingDb, membershipId: string) {
  return db
    .selectFrom('billing_gift_cards')
    .select(['id', 'code_hint', 'amount', 'currency', 'redeemed_at'])
    .where('redeemed_membership_id', '=', membershipId)
    .orderBy('redeemed_at', 'desc')
    .execute();
}

export async function insertGiftAdjustment(db: BillingDb, row: Omit<GiftAdjustmentRow, 'created_at'>): Promise<void> {
  await db.insertInto('billing_gift_adjustments').values(row).execute();
}

export async function findGiftAdjustmentByKey(db: BillingDb, idempotencyKey: string) {
  return db.selectFrom('billing_gift_adjustments').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export async function listGiftAdjustments(db: BillingDb, membershipId: string) {
  return db.selectFrom('billing_gift_adjustments').selectAll().where('membership_id', '=', membershipId).orderBy('created_at').execute();
}
