import type { Selectable } from 'kysely';
import type { DeskDb, RefundReservationRow } from './desk.tables.ts';

/** A refund the desk decided on and reserved against the agent's limit, not yet answered by billing. */
export type RefundReservation = {
  id: string;
  caseId: string;
  agentId: string;
  idempotencyKey: string;
  membershipId: string;
  chargeId: string;
  chargeDate: string;
  amount: number;
  currency: string;
  reason: string;
  createdAt: Date;
};

const toReservation = (row: Selectable<RefundReservationRow>): RefundReservation => ({
  id: row.id, caseId: row.case_id, agentId: row.agent_id, idempotencyKey: row.idempotency_key, membershipId: row.membership_id,
  chargeId: row.charge_id, chargeDate: row.charge_date, amount: row.amount, currency: row.currency, reason: row.reason, createdAt: row.created_at,
});

export async function insertReservation(db: DeskDb, reservation: RefundReservation): Promise<void> {
  await db.insertInto('desk_refund_reservations').values({
    id: reservation.id, case_id: reservation.caseId, agent_id: reservation.agentId, idempotency_key: reservation.idempotencyKey,
    membership_id: reservation.membershipId, charge_id: reservation.chargeId, charge_date: reservation.chargeDate, amount: reservation.amount,
    currency: reservation.currency, reason: reservation.reason, created_at: reservation.createdAt,
  }).execute();
}

export async function findReservationByKey(db: DeskDb, caseId: string, idempotencyKey: string): Promise<RefundReservation | undefined> {
  const row = await db.selectFrom('desk_refund_reservations').selectAll().where('case_id', '=', caseId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toReservation(row) : undefined;
}

/** What is reserved on the case and not answered by billing yet (the agent's limit counts it). */
export async function reservedOnCase(db: DeskDb, caseId: string): Promise<number> {
  const row = await db.selectFrom('desk_refund_reservations').select((eb) => eb.fn.sum<string | number | null>('amount').as('total'))
    .where('case_id', '=', caseId).executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Reservations made before `before`, oldest first: left behind by a process that stopped, or still waiting on billing. */
export async function listReservationsBefore(db: DeskDb, options: { before: Date; caseId?: string; limit: number }): Promise<RefundReservation[]> {
  let query = db.selectFrom('desk_refund_reservations').selectAll().where('created_at', '<', options.before);
  if (options.caseId !== undefined) query = query.where('case_id', '=', options.caseId);
  return (await query.orderBy('created_at').orderBy('id').limit(options.limit).execute()).map(toReservation);
}

/** False when it was already gone (another process settled it). */
export async function deleteReservation(db: DeskDb, id: string): Promise<boolean> {
  const result = await db.deleteFrom('desk_refund_reservations').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
