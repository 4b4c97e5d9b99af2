import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { addGiftBalance, findMembership, findMembershipByAccount, type BillingDb } from '../billing.repository.ts';
import { membershipNotFound } from '../billing.errors.ts';
import type { ActionActor, MembershipService } from '../membership.service.ts';
import type { MembershipView } from '../membership-view.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { runWithProvider } from '../payments/pay-with-provider.ts';
import type { Catalog } from '../rules/catalog.ts';
import { giftCardRefusal, redeemGiftCard } from '../rules/gift-cards.ts';
import { rowToMembership } from '../membership-row.ts';
import { redactForStorage } from '../../safety/redaction/index.ts';
import { formatGiftCode, giftCodeHash, giftCodeHint, newGiftCode, parseGiftCode } from './gift-card-codes.ts';
import {
  claimGiftCard,
  findGiftAdjustmentByKey,
  findGiftCardByHash,
  insertGiftAdjustment,
  insertGiftCards,
  listGiftAdjustments,
  listRedeemedGiftCards,
} from './gift-card.repository.ts';

export type GiftCardServiceDeps = { db: BillingDb; clock: Clock; provider: PaymentProvider; catalog: Catalog; membership: MembershipService; key: string };

export type RedeemRequest = { accountId: string; code: string; idempotencyKey?: string; actor?: ActionActor };
export type GiftRestoreRequest = { membershipId: string; amount: number; reason: string; restoredBy: string; idempotencyKey?: string };

const notACode = () => new AppError({
  code: 'GIFT_CARD_CODE_INVALID', status: 422, field: 'code',
  message: 'That is not a gift card code. A code has 16 letters and digits, like ABCD-EFGH-JKLM-NPQR (no O, 0, I or 1): copy it from the card or the gift email.',
});
const unknownCode = () => new AppError({
  code: 'GIFT_CARD_NOT_FOUND', status: 404, field: 'code',
  message: 'No gift card has this code. Check it character by character; if it still does not work, contact us with the code and where the card was bought.',
});

/** Issuing, redeeming and restoring gift-card value; codes are only ever stored as keyed hashes. */
export function createGiftCardService(deps: GiftCardServiceDeps) {
  const { db, clock, provider, membership: memberships } = deps;
  const hashOf = (normalized: string) => giftCodeHash(deps.key, normalized);

  /**
   * Redeems a code on the account's membership, after the day's scheduled
   * billing (the contract orders a day so): refusals in the contract's order
   * and none of them uses up the code; the card is claimed by a conditional
   * UPDATE in the transaction that adds its value; on hold, the failed
   * amount is retried at once.
   */
  async function redeem(request: RedeemRequest): Promise<MembershipView> {
    const normalized = parseGiftCode(request.code);
    if (!normalized) throw notACode();
    const row = await findMembershipByAccount(db, request.accountId);
    if (!row) {
      throw new AppError({ code: 'NO_MEMBERSHIP', status: 409, message: 'Join Reelhouse first, then redeem the code here: the gift balance pays your first charges. Keep the code until then.' });
    }
    const codeHash = hashOf(normalized);
    const requestKey = request.idempotencyKey ? `${row.id}:${request.idempotencyKey}` : newId('req');
    return memberships.applyChange(row.id, request.idempotencyKey, async (current, trx, book, locked, token) => {
      const card = await findGiftCardByHash(trx, codeHash);
      if (!card) throw unknownCode();
      const asCard = { amount: card.amount, currency: card.currency };
      const ctx = { book, pay: () => true };
      const refusal = giftCardRefusal(current, { ...asCard, alreadyRedeemed: card.redeemed_at !== null }, ctx);
      if (refusal) return { outcome: refusal, attempts: [] };
      const claimed = await claimGiftCard(trx, { id: card.id, accountId: request.accountId, membershipId: locked.id, at: clock.now() });
      // Someone redeemed it between our read and our update: the rules' own refusal.
      if (!claimed) return { outcome: giftCardRefusal(current, { ...asCard, alreadyRedeemed: true }, ctx)!, attempts: [] };
      const { result, attempts } = await runWithProvider({
        book, provider, token,
        keyFor: (_attempt, index) => `${requestKey}:gift:${index}`,
        rule: (withProvider) => redeemGiftCard(current, { ...asCard, alreadyRedeemed: false }, clock.today(), withProvider),
      });
      return { outcome: result, attempts };
    }, request.actor);
  }

  /** New cards with random codes; the codes are returned once, here, and never stored. */
  async function issue(options: { amount: number; currency: string; count: number }): Promise<string[]> {
    if (!Number.isInteger(options.amount) || options.amount <= 0) throw new AppError({ code: 'VALIDATION_FAILED', field: 'amount', message: 'A gift card is worth a positive whole number of minor units.' });
    const codes = Array.from({ length: options.count }, () => newGiftCode());
    await issueKnown(codes.map((code) => ({ code, amount: options.amount, currency: options.currency })));
    return codes;
  }

  /** Cards with given codes (the demo's published ones); a code already issued is left as it is. */
  async function issueKnown(cards: readonly { code: string; amount: number; currency: string }[]): Promise<void> {
    await insertGiftCards(db, cards.map((card) => {
      const normalized = parseGiftCode(card.code);
      if (!normalized) throw new RangeError(`not a gift card code: ${formatGiftCode(card.code)}`);
      return { id: newId('gft'), code_hash: hashOf(normalized), code_hint: giftCodeHint(normalized), amount: card.amount, currency: card.currency.toUpperCase() };
    }));
  }

  /**
   * A supervisor puts value back on a gift balance (say, a card redeemed by
   * someone else on the member's account). Not a contract ledger line: it is
   * kept in billing_gift_adjustments with who and why, and adds to the
   * balance; while on hold it starts no retry (like a refund to the balance).
   * The caller (the desk) writes its own audit entry too. A repeated key restores once.
   */
  async function restoreGiftBalance(request: GiftRestoreRequest): Promise<MembershipView> {
    if (!Number.isInteger(request.amount) || request.amount <= 0) throw new AppError({ code: 'VALIDATION_FAILED', field: 'amount', message: 'Restore a positive whole number of minor units.' });
    // A supervisor's words: kept redacted whoever calls (the desk redacts already).
    const reason = redactForStorage(request.reason.trim());
    if (reason.length < 3) throw new AppError({ code: 'VALIDATION_FAILED', field: 'reason', message: 'Say why the balance is restored: it is kept with the restore.' });
    await db.transaction().execute(async (trx) => {
      const row = await findMembership(trx, request.membershipId, { lock: true });
      if (!row) throw membershipNotFound(request.membershipId);
      if (request.idempotencyKey && (await findGiftAdjustmentByKey(trx, request.idempotencyKey))) return;
      const balanceAfter = await addGiftBalance(trx, row.id, request.amount);
      await insertGiftAdjustment(trx, {
        id: newId('gadj'), membership_id: row.id, amount: request.amount, currency: deps.catalog[row.country]?.currency ?? '',
        reason, actor: request.restoredBy, balance_after: balanceAfter, idempotency_key: request.idempotencyKey ?? null,
      });
    });
    return memberships.get(request.membershipId);
  }

  /** The balance, what it lasts, the cards redeemed (hint only) and the restores, for the member and the desk. */
  async function balance(accountId: string) {
    const row = await findMembershipByAccount(db, accountId);
    if (!row) return null;
    const view = await memberships.get(row.id);
    return {
      membership_id: row.id,
      currency: view.currency,
      balance: rowToMembership(row).giftBalance,
      estimate: view.gift ?? null,
      cards: (await listRedeemedGiftCards(db, row.id)).map((card) => ({ ending: card.code_hint, amount: card.amount, currency: card.currency, redeemed_at: card.redeemed_at })),
      restores: (await listGiftAdjustments(db, row.id)).map((a) => ({ amount: a.amount, currency: a.currency, reason: a.reason, by: a.actor, at: a.created_at, balance_after: a.balance_after })),
    };
  }

  return { redeem, issue, issueKnown, restoreGiftBalance, balance };
}

export type GiftCardService = ReturnType<typeof createGiftCardService>;
