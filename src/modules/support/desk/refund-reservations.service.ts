import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { formatMoney } from '../../billing/index.ts';
import { findAgent } from './agents.repository.ts';
import { findAuditByKey, refundedOnCase } from './case-records.repository.ts';
import { findCase, lockCase, type DeskCase } from './cases.repository.ts';
import { audit, firstName, recordStep, tellChat, withCaseLocked, type Actor, type DeskContext } from './desk-context.ts';
import { verificationRequired } from './desk.errors.ts';
import type { RefundDecision } from './refund.rules.ts';
import { longDate } from '../assistant/charges/charge-dates.ts';
import {
  deleteReservation, findReservationByKey, insertReservation, listReservationsBefore, reservedOnCase, type RefundReservation,
} from './refund-reservations.repository.ts';

/**
 * A reservation this old is taken to be left behind by a process that
 * stopped between reserving and recording (billing answers in well under a
 * second): the desk's start, its sweep and the next refund on the case settle
 * it. Until then it keeps counting against the limit.
 */
export const STALE_RESERVATION_MS = 2 * 60 * 1000;

export type RefundDetails = { membership_id: string; charge_id: string; charge_date: string; amount: number; currency: string };
export type RefundTerms = Omit<RefundReservation, 'id' | 'caseId' | 'agentId' | 'idempotencyKey' | 'createdAt'>;

export type Reserved =
  /** The key was used and the refund is recorded: answer what it did. */
  | { kind: 'done'; details: RefundDetails }
  | { kind: 'refused'; decision: Exclude<RefundDecision, { ok: true }> }
  /** `created`: this request made the reservation; otherwise one with the same key was waiting for billing. */
  | { kind: 'reserved'; reservation: RefundReservation; created: boolean };

const billingKey = (reservation: RefundReservation): string => `desk:${reservation.caseId}:${reservation.idempotencyKey}`;

export const detailsOf = (reservation: RefundReservation): RefundDetails => ({
  membership_id: reservation.membershipId, charge_id: reservation.chargeId, charge_date: reservation.chargeDate, amount: reservation.amount, currency: reservation.currency,
});

export async function tellMember(ctx: DeskContext, deskCase: DeskCase, body: string, action: string): Promise<void> {
  await tellChat(ctx, action, () => ctx.chat.post({
    conversationId: deskCase.conversationId, author: { kind: 'system', id: null, name: 'Support' }, body,
    payload: { kind: 'action_done', data: { action, case_id: deskCase.id } },
  }));
}

/**
 * The limit check and the reservation of the amount, in one transaction with
 * the case row locked, so every process takes its turn: what was refunded and
 * what is reserved are counted together. A repeated key reserves nothing
 * again. A refusal is audited here and thrown by the caller.
 */
export async function reserveRefund(
  ctx: DeskContext,
  agent: Actor,
  options: { deskCase: DeskCase; idempotencyKey: string; terms: RefundTerms; decide: (onCase: { refunded: number; reserved: number }) => RefundDecision },
): Promise<Reserved> {
  return withCaseLocked(ctx, agent, options.deskCase.id, { open: true }, async (tx, locked): Promise<Reserved> => {
    if (locked.verifiedAccountId !== options.deskCase.verifiedAccountId) throw verificationRequired();
    const done = await findAuditByKey(tx.db, locked.id, 'refund', options.idempotencyKey);
    if (done) return { kind: 'done', details: done.details as RefundDetails };
    const waiting = await findReservationByKey(tx.db, locked.id, options.idempotencyKey);
    if (waiting) return { kind: 'reserved', reservation: waiting, created: false };
    const decision = options.decide({ refunded: await refundedOnCase(tx.db, locked.id), reserved: await reservedOnCase(tx.db, locked.id) });
    if (!decision.ok) {
      await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'refund_refused', details: { code: decision.code, membership_id: options.terms.membershipId, charge_id: options.terms.chargeId, amount: options.terms.amount } });
      return { kind: 'refused', decision };
    }
    const reservation: RefundReservation = { ...options.terms, id: newId('rsv'), caseId: locked.id, agentId: agent.id, idempotencyKey: options.idempotencyKey, createdAt: ctx.clock.now() };
    await insertReservation(tx.db, reservation);
    return { kind: 'reserved', reservation, created: true };
  });
}

/**
 * The refund in the audit log and on the case's story, and the reservation
 * gone, in one transaction with the case locked (a reservation being made
 * meanwhile sees both or neither). False when the key was already recorded.
 */
async function recordRefund(ctx: DeskContext, reservation: RefundReservation, agentName: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    await lockCase(trx, reservation.caseId);
    const money = formatMoney(reservation.amount, reservation.currency);
    const first = await audit(tx, { agentId: reservation.agentId, caseId: reservation.caseId, action: 'refund', details: { ...detailsOf(reservation), reason: reservation.reason }, idempotencyKey: reservation.idempotencyKey });
    if (first) {
      await recordStep(tx, { caseId: reservation.caseId, kind: 'refund', agentId: reservation.agentId, summary: `Refunded ${money} of the charge of ${reservation.chargeDate} (${reservation.reason}) by ${agentName}.` });
    }
    await deleteReservation(trx, reservation.id);
    return first;
  });
}

async function tellRefunded(ctx: DeskContext, reservation: RefundReservation, agentName: string, deskCase?: DeskCase): Promise<void> {
  const target = deskCase ?? (await findCase(ctx.db, reservation.caseId));
  if (!target) return;
  const money = formatMoney(reservation.amount, reservation.currency);
  await tellMember(ctx, target, `${firstName(agentName)} refunded ${money} of the charge of ${longDate(reservation.chargeDate)}. Your bank usually shows it within 5 to 10 working days.`, 'refund');
}

const callBilling = (ctx: DeskContext, reservation: RefundReservation) => ctx.account.refund({
  membershipId: reservation.membershipId, chargeDate: reservation.chargeDate, amount: reservation.amount, reason: reservation.reason, idempotencyKey: billingKey(reservation),
});

/**
 * Billing refunds (once per key, however often asked), then the refund is
 * recorded and the member told, once. When billing refuses or fails, the
 * request that made the reservation removes it, so the amount is free again;
 * a request that only joined it leaves it to its maker.
 */
export async function carryOutRefund(ctx: DeskContext, deskCase: DeskCase, held: { reservation: RefundReservation; created: boolean }, agentName: string): Promise<void> {
  try {
    await callBilling(ctx, held.reservation);
  } catch (error) {
    if (held.created) await deleteReservation(ctx.db, held.reservation.id);
    throw error;
  }
  const name = held.created ? agentName : ((await findAgent(ctx.db, held.reservation.agentId))?.name ?? agentName);
  if (await recordRefund(ctx, held.reservation, name)) await tellRefunded(ctx, held.reservation, name, deskCase);
}

/**
 * Settles reservations older than STALE_RESERVATION_MS (all cases, or one):
 * billing is asked again with the same key, which refunds once whatever
 * happened before the process stopped, and the refund is recorded; a
 * refusal frees the amount. A failure of billing leaves the reservation for
 * the next time. The number settled.
 */
export async function settleStaleRefunds(ctx: DeskContext, options: { caseId?: string } = {}): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - STALE_RESERVATION_MS);
  const stale = await listReservationsBefore(ctx.db, { before, limit: 50, ...(options.caseId === undefined ? {} : { caseId: options.caseId }) });
  let settled = 0;
  for (const reservation of stale) {
    try {
      await callBilling(ctx, reservation);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) {
        ctx.logger?.warn({ err: error, reservationId: reservation.id, caseId: reservation.caseId }, 'billing did not answer a left-behind refund; trying again later');
        continue;
      }
      if (await deleteReservation(ctx.db, reservation.id)) {
        await audit(ctx, { agentId: reservation.agentId, caseId: reservation.caseId, action: 'refund_refused', details: { code: error.code, membership_id: reservation.membershipId, charge_id: reservation.chargeId, amount: reservation.amount } });
      }
      settled += 1;
      continue;
    }
    const agentName = (await findAgent(ctx.db, reservation.agentId))?.name ?? 'Support';
    if (await recordRefund(ctx, reservation, agentName)) await tellRefunded(ctx, reservation, agentName);
    settled += 1;
  }
  return settled;
}
