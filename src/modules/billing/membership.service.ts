import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import {
  addGiftBalance,
  findLedgerByKey,
  findMembership,
  findMembershipByAccount,
  findPaymentMethod,
  findRequest,
  insertEventRows,
  insertLedgerRows,
  insertMembership,
  insertPaymentMethod,
  insertPriceChange,
  listChargesWithRefunds,
  listEvents,
  listLedger,
  listMembershipIdsSharingCard,
  listPriceChanges,
  recordPriceChangeNotices,
  markPaymentMethodReplaced,
  saveRequest,
  updateCardDetails,
  updateMembership,
  type BillingDb,
  type StoredMembership,
} from './billing.repository.ts';
import { membershipNotFound, refusalError } from './billing.errors.ts';
import { membershipToColumns, rowToMembership } from './membership-row.ts';
import { scheduledKey, toEventRows, toLedgerRows } from './outcome-rows.ts';
import type { CardDetails, PaymentProvider } from './payments/payment-provider.ts';
import { runWithProvider, type AnsweredAttempt } from './payments/pay-with-provider.ts';
import { AUTHORIZATION_AMOUNT, applyMemberAction, partnerRefusal, type MemberAction } from './rules/actions.ts';
import { priceChangeAppliesFrom, type Catalog, type PriceBook } from './rules/catalog.ts';
import { isSupportedDate, SUPPORTED_DATES, type IsoDate } from './rules/calendar.ts';
import type { Outcome } from './rules/context.ts';
import { emptyMembership, type Membership, type MembershipEvent, type OnMembershipEvents } from './rules/membership.ts';
import { decideRefund } from './rules/refunds.ts';
import { refuse } from './rules/refusals.ts';
import { advanceTo } from './rules/schedule.ts';
import { describeMembership, type MembershipView } from './membership-view.ts';
import { describeConsequence, type Consequence } from './consequences.ts';
import { describeGiftBalance } from './gift-cards/gift-balance-view.ts';

export type BillingServiceDeps = {
  db: BillingDb; clock: Clock; provider: PaymentProvider; catalog: Catalog; logger?: Logger;
  /** Told every event a member's change stored (catch-up included), after commit: the confirmation emails. */
  onEvents?: OnMembershipEvents;
};

/** Actions a member (or an agent for them) takes on a running membership. */
export type MembershipAction = Exclude<MemberAction, { type: 'signup' } | { type: 'update_payment_method' }>;

/** Who took an action, as far as the caller knows; kept in the event's details as `actor`. */
export type ActionActor = { deviceName?: string; deviceId?: string; accountId?: string; via?: string };

export type JoinRequest = {
  accountId: string;
  country: string;
  region: string | null;
  plan: string;
  payment: { card: CardDetails } | { partner: string };
};

export function createMembershipService(deps: BillingServiceDeps) {
  const { db, clock, provider, catalog } = deps;

  const priceBook = async (from: BillingDb = db): Promise<PriceBook> => ({ catalog, priceChanges: await listPriceChanges(from) });

  /** After commit: a failing notifier is logged; the change it confirms stands. */
  async function notify(membership: { id: string; account_id: string; country: string }, events: readonly MembershipEvent[]): Promise<void> {
    if (!deps.onEvents || events.length === 0) return;
    const currency = catalog[membership.country]?.currency ?? '';
    try {
      await deps.onEvents(events.map((event) => ({
        accountId: membership.account_id, membershipId: membership.id, date: event.date, type: event.type, details: event.details ?? {}, currency,
      })));
    } catch (error) {
      deps.logger?.error({ err: error, membershipId: membership.id }, 'membership event notification failed');
    }
  }

  async function view(from: BillingDb, id: string): Promise<MembershipView> {
    const row = await findMembership(from, id);
    if (!row) throw membershipNotFound(id);
    const method = row.payment_method_id ? await findPaymentMethod(from, row.payment_method_id) : undefined;
    const described = describeMembership(row, method, await listLedger(from, id), await listEvents(from, id), catalog);
    return { ...described, gift: describeGiftBalance(rowToMembership(row), await priceBook(from), clock.today()) };
  }

  /** Scheduled billing due by today comes first, as the contract orders a day. */
  async function catchUp(trx: BillingDb, row: StoredMembership, book: PriceBook, token: string | null) {
    const { result, attempts } = await runWithProvider({
      book,
      provider,
      token,
      keyFor: (attempt) => scheduledKey(row.id, attempt.date, attempt.reason),
      rule: (ctx) => advanceTo(rowToMembership(row), clock.today(), ctx),
    });
    await insertLedgerRows(trx, toLedgerRows({
      membershipId: row.id,
      lines: result.lines,
      attempts,
      keyFor: (line) => scheduledKey(row.id, line.date, `${line.type}:${line.reason ?? line.attempted ?? ''}`),
      paymentMethodId: row.payment_method_id,
    }));
    await insertEventRows(trx, toEventRows(row.id, result.events));
    return { membership: result.membership, events: result.events };
  }

  /**
   * Runs one change on a locked membership: catch up, decide, store. A
   * refusal still stores the catch-up (it happened) and is thrown after commit.
   */
  async function change(
    membershipId: string,
    idempotencyKey: string | undefined,
    decide: (membership: Membership, trx: BillingDb, book: PriceBook, row: StoredMembership, token: string | null) => Promise<{ outcome: Outcome; attempts: AnsweredAttempt[]; paymentMethodId?: string; providerReference?: string }>,
    actor?: ActionActor,
  ): Promise<MembershipView> {
    // Keys are the client's: scoped to the membership, one member's key never answers for another.
    const scopedKey = idempotencyKey ? `${membershipId}:${idempotencyKey}` : undefined;
    if (scopedKey) {
      const earlier = await findRequest(db, scopedKey);
      if (earlier) return earlier.response as MembershipView;
    }
    const requestKey = scopedKey ?? newId('req');
    const stored: { row?: StoredMembership; events: MembershipEvent[] } = { events: [] };
    const refusalOrView = await db.transaction().execute(async (trx) => {
      const row = await findMembership(trx, membershipId, { lock: true });
      if (!row) throw membershipNotFound(membershipId);
      const book = await priceBook(trx);
      const method = row.payment_method_id ? await findPaymentMethod(trx, row.payment_method_id) : undefined;
      const caughtUp = await catchUp(trx, row, book, method?.token ?? null);
      const current = caughtUp.membership;
      stored.row = row;
      stored.events = [...caughtUp.events];
      const { outcome, attempts, paymentMethodId, providerReference } = await decide(current, trx, book, row, method?.token ?? null);
      const next = outcome.ok ? outcome.membership : current;
      if (outcome.ok) {
        await insertLedgerRows(trx, toLedgerRows({
          membershipId,
          lines: outcome.lines,
          attempts,
          keyFor: (_line, index) => `${requestKey}:${index}`,
          paymentMethodId: paymentMethodId ?? row.payment_method_id,
          providerReference,
        }));
        await insertEventRows(trx, toEventRows(membershipId, outcome.events, actorDetails(actor)));
        stored.events.push(...outcome.events);
      }
      const saved = await updateMembership(trx, { id: membershipId, version: row.version, columns: membershipToColumns(next), paymentMethodId });
      if (!saved) throw new AppError({ code: 'CONFLICT', message: 'The membership changed at the same time; try again.', status: 409 });
      if (!outcome.ok) return outcome;
      const result = await view(trx, membershipId);
      if (scopedKey) await saveRequest(trx, scopedKey, membershipId, result);
      return result;
    });
    if (stored.row) await notify(stored.row, stored.events);
    if ('ok' in refusalOrView && refusalOrView.ok === false) throw refusalError(refusalOrView);
    return refusalOrView as MembershipView;
  }

  async function join(request: JoinRequest): Promise<MembershipView> {
    const country = catalog[request.country];
    if (!country) throw new AppError({ code: 'UNKNOWN_COUNTRY', message: `Reelhouse is not offered in "${request.country}".`, status: 422, field: 'country' });
    if (await findMembershipByAccount(db, request.accountId)) {
      throw refusalError(refuse('ALREADY_ACTIVE', 'This account already has a membership; restart it instead.'));
    }
    const billing = 'partner' in request.payment ? { kind: 'partner' as const, partner: request.payment.partner } : { kind: 'direct' as const };
    const stored = 'card' in request.payment ? await provider.tokenizeCard(request.payment.card) : null;
    if (stored && stored.status === 'declined') throw refusalError(refuse('PAYMENT_METHOD_DECLINED', 'The card was declined. Check the number and expiry, or use another card.'));
    const card = stored?.status === 'ok' ? stored.card : null;
    const membershipId = newId('mem');
    const paymentMethodId = card ? newId('pm') : null;
    const book = await priceBook();
    const { result: outcome, attempts } = await runWithProvider({
      book,
      provider,
      token: card?.token ?? null,
      keyFor: () => `join:${request.accountId}`,
      rule: (ctx) => applyMemberAction(emptyMembership(request.country, request.region, billing), { type: 'signup', plan: request.plan }, clock.today(), ctx),
    });
    if (!outcome.ok) throw refusalError(outcome);
    await db.transaction().execute(async (trx) => {
      await insertMembership(trx, { id: membershipId, account_id: request.accountId, payment_method_id: paymentMethodId, ...membershipToColumns(outcome.membership) })
        .catch((error: unknown) => {
          // Two joins of one account at once: the second finds the first's row.
          if ((error as { code?: string }).code === '23505') throw refusalError(refuse('ALREADY_ACTIVE', 'This account already has a membership; restart it instead.'));
          throw error;
        });
      if (card && paymentMethodId) {
        await insertPaymentMethod(trx, {
          id: paymentMethodId, membership_id: membershipId, provider: provider.name, token: card.token,
          brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear, fingerprint: card.fingerprint,
        });
      }
      await insertLedgerRows(trx, toLedgerRows({ membershipId, lines: outcome.lines, attempts, keyFor: (_l, i) => `join:${membershipId}:${i}`, paymentMethodId }));
      await insertEventRows(trx, toEventRows(membershipId, outcome.events));
    });
    await notify({ id: membershipId, account_id: request.accountId, country: request.country }, outcome.events);
    return view(db, membershipId);
  }

  async function act(options: { membershipId: string; action: MembershipAction; idempotencyKey?: string; actor?: ActionActor }): Promise<MembershipView> {
    return change(options.membershipId, options.idempotencyKey, async (membership, _trx, book, _row, token) => {
      const requestKey = options.idempotencyKey ? `${options.membershipId}:${options.idempotencyKey}` : newId('req');
      const { result, attempts } = await runWithProvider({
        book,
        provider,
        token,
        keyFor: (_attempt, index) => `${requestKey}:${index}`,
        rule: (ctx) => applyMemberAction(membership, options.action, clock.today(), ctx),
      });
      return { outcome: result, attempts };
    }, options.actor);
  }

  async function updatePaymentMethod(options: { membershipId: string; card: CardDetails; idempotencyKey?: string }): Promise<MembershipView> {
    const requestKey = options.idempotencyKey ? `${options.membershipId}:${options.idempotencyKey}` : newId('req');
    return change(options.membershipId, options.idempotencyKey, async (membership, trx, book, row) => {
      const partner = partnerRefusal(membership);
      if (partner) return { outcome: partner, attempts: [] };
      const declined = { outcome: refuse('PAYMENT_METHOD_DECLINED', 'The new card was declined; the card on file stays.'), attempts: [] };
      const tokenized = await provider.tokenizeCard(options.card);
      if (tokenized.status === 'declined') return declined;
      const currency = catalog[membership.country].currency;
      const check = await provider.authorizeAndVoid({ token: tokenized.card.token, amount: AUTHORIZATION_AMOUNT, currency, idempotencyKey: `${requestKey}:auth` });
      if (check.status !== 'succeeded') return declined;
      const outcome = applyMemberAction(membership, { type: 'update_payment_method', declines: false }, clock.today(), { book, pay: () => true });
      if (!outcome.ok) return { outcome, attempts: [] };
      const attempts: AnsweredAttempt[] = [];
      const retry = outcome.lines.find((line) => line.type === 'charge');
      const retryOnCard = retry ? retry.amount - (retry.gift ?? 0) : 0;
      // The gift balance pays first; the new card only the rest, and not at all when the balance covers it.
      if (retry && retryOnCard > 0) {
        const idempotencyKey = `${requestKey}:retry`;
        const result = await provider.charge({ token: tokenized.card.token, amount: retryOnCard, currency, idempotencyKey });
        if (result.status !== 'succeeded') return declined;
        attempts.push({ attempt: { date: retry.date, reason: 'payment_retry', base: retry.amount - (retry.tax ?? 0), tax: retry.tax ?? 0, amount: retry.amount, currency, gift: retry.gift ?? 0 }, idempotencyKey, result });
      }
      const paymentMethodId = newId('pm');
      const card = tokenized.card;
      await insertPaymentMethod(trx, {
        id: paymentMethodId, membership_id: row.id, provider: provider.name, token: card.token,
        brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear, fingerprint: card.fingerprint,
      });
      if (row.payment_method_id) await markPaymentMethodReplaced(trx, row.payment_method_id);
      return { outcome, attempts, paymentMethodId, providerReference: check.reference };
    });
  }

  /** Refunds part or all of a charge; a repeated idempotency key refunds once. */
  async function refund(options: { membershipId: string; chargeDate: IsoDate; amount?: number; reason?: string; idempotencyKey: string }): Promise<MembershipView> {
    const lineKey = `refund:${options.membershipId}:${options.idempotencyKey}`;
    await db.transaction().execute(async (trx) => {
      const row = await findMembership(trx, options.membershipId, { lock: true });
      if (!row) throw membershipNotFound(options.membershipId);
      if (await findLedgerByKey(trx, lineKey)) return;
      const charges = await listChargesWithRefunds(trx, options.membershipId, options.chargeDate);
      // The reason is an agent's words (the desk sends it redacted already): the ledger keeps it redacted whoever asks.
      const reason = options.reason === undefined ? undefined : redactForStorage(options.reason);
      const decision = decideRefund(charges, { chargeDate: options.chargeDate, amount: options.amount, reason }, clock.today());
      if (!decision.ok) throw refusalError(decision);
      const charge = charges.find((c) => c.id === decision.chargeId);
      // The card gets back what it paid and has not had back; the rest returns to the gift balance (no retry starts).
      const toBalance = decision.line.gift ?? 0;
      const toCard = decision.line.amount - toBalance;
      const answer = toCard > 0
        ? await provider.refund({ chargeReference: charge?.provider_reference ?? decision.chargeId, amount: toCard, currency: decision.line.currency, idempotencyKey: lineKey })
        : { reference: '' };
      if (toBalance > 0) await addGiftBalance(trx, options.membershipId, toBalance);
      await insertLedgerRows(trx, toLedgerRows({
        membershipId: options.membershipId,
        lines: [decision.line],
        attempts: [],
        keyFor: () => lineKey,
        paymentMethodId: row.payment_method_id,
        refundOf: decision.chargeId,
        providerReference: answer.reference || undefined,
      }));
    });
    return view(db, options.membershipId);
  }

  /** The bank's replacement card keeps being charged; Usher only refreshes what it shows. */
  async function refreshCard(membershipId: string): Promise<void> {
    const row = await findMembership(db, membershipId);
    const method = row?.payment_method_id ? await findPaymentMethod(db, row.payment_method_id) : undefined;
    if (!method) return;
    const update = await provider.cardUpdate(method.token);
    if (update && (update.last4 !== method.last4 || update.expYear !== method.exp_year || update.expMonth !== method.exp_month)) {
      await updateCardDetails(db, method.id, { last4: update.last4, exp_month: update.expMonth, exp_year: update.expYear });
    }
  }

  /** Announces a new price: renewals on or after max(effective, today + 30 days) pay it. */
  async function announcePriceChange(options: { country: string; plan: string; price: number; effective: IsoDate }): Promise<{ appliesFrom: IsoDate; notified: number }> {
    if (!catalog[options.country]?.plans[options.plan]) {
      throw refusalError(refuse('UNKNOWN_PLAN', `There is no plan "${options.plan}" in ${options.country}.`));
    }
    if (!isSupportedDate(options.effective)) {
      throw new AppError({ code: 'VALIDATION_FAILED', field: 'effective', message: `The effective date must be ${SUPPORTED_DATES}.` });
    }
    const change = { ...options, announced: clock.today() };
    const appliesFrom = priceChangeAppliesFrom(change);
    const notified = await db.transaction().execute(async (trx) => {
      await insertPriceChange(trx, { id: newId('prc'), ...change });
      return recordPriceChangeNotices(trx, { ...change, appliesFrom });
    });
    return { appliesFrom, notified };
  }

  /** What an action would do now, by the same rules, without doing it. */
  async function preview(options: { membershipId: string; action: MembershipAction }): Promise<Consequence> {
    const row = await findMembership(db, options.membershipId);
    if (!row) throw membershipNotFound(options.membershipId);
    const ctx = { book: await priceBook(), pay: () => true };
    const current = advanceTo(rowToMembership(row), clock.today(), ctx).membership;
    const outcome = applyMemberAction(current, options.action, clock.today(), ctx);
    if (!outcome.ok) throw refusalError(outcome);
    return describeConsequence(current, outcome.membership, outcome.lines, options.action, catalog);
  }

  return {
    /** Billing-internal (gift cards): one change on a locked membership, as act() makes it. */
    applyChange: change,
    join,
    preview,
    announcePriceChange,
    act,
    updatePaymentMethod,
    refund,
    refreshCard,
    refreshCardByAccount: async (accountId: string) => {
      const row = await findMembershipByAccount(db, accountId);
      if (row) await refreshCard(row.id);
    },
    get: (membershipId: string) => view(db, membershipId),
    /** The other memberships (any status) whose current card has this one's fingerprint. */
    membershipsSharingCard: async (membershipId: string): Promise<MembershipView[]> =>
      Promise.all((await listMembershipIdsSharingCard(db, membershipId)).map((id) => view(db, id))),
    findByAccount: async (accountId: string) => {
      const row = await findMembershipByAccount(db, accountId);
      return row ? view(db, row.id) : null;
    },
    priceBook,
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;

/** Only what is known is kept, in the snake_case of the other event details. */
function actorDetails(actor: ActionActor | undefined): Record<string, unknown> | undefined {
  if (!actor) return undefined;
  const known = Object.entries({ device_id: actor.deviceId, device_name: actor.deviceName, account_id: actor.accountId, via: actor.via })
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return known.length ? { actor: Object.fromEntries(known) } : undefined;
}
