import type { IsoDate } from './calendar.ts';
import type { LedgerLine } from './membership.ts';
import { prorate } from './money.ts';
import { refuse, type Refusal } from './refusals.ts';

/**
 * A charge as the refund rules see it: what it was, the part the gift
 * balance paid (`gift`), what was refunded already and how much of that
 * went back to the payment method (`cardRefunded`).
 */
export type RefundableCharge<Id> = { id: Id; date: IsoDate; amount: number; tax: number; currency: string; gift: number; refunded: number; cardRefunded: number };

export type RefundRequest = { chargeDate: IsoDate; amount?: number; reason?: string };

export type RefundDecision<Id> = { ok: true; chargeId: Id; line: LedgerLine } | Refusal;

/**
 * Refunds the latest charge on `chargeDate`, in full by default or partly.
 * Idempotency keys are the caller's to check: a key already used means no call.
 */
export function decideRefund<Id>(charges: readonly RefundableCharge<Id>[], request: RefundRequest, date: IsoDate): RefundDecision<Id> {
  const onDate = charges.filter((charge) => charge.date === request.chargeDate);
  const charge = onDate[onDate.length - 1];
  if (!charge) return refuse('NO_CHARGE', `There is no charge on ${request.chargeDate} to refund.`);
  const left = charge.amount - charge.refunded;
  const amount = request.amount ?? left;
  if (amount > left || amount <= 0) {
    return refuse('REFUND_EXCEEDS_CHARGE', left > 0
      ? `At most ${left} (minor units) of the charge on ${charge.date} can still be refunded.`
      : `The charge on ${charge.date} has been refunded in full already.`);
  }
  // Back to the payment method up to what it paid and has not had back; the rest to the gift balance.
  const toCard = Math.min(amount, Math.max(charge.amount - charge.gift - charge.cardRefunded, 0));
  const line: LedgerLine = {
    date,
    type: 'refund',
    amount,
    gift: amount - toCard,
    tax: charge.amount === 0 ? 0 : prorate(charge.tax, amount, charge.amount),
    currency: charge.currency,
    of: charge.date,
    ...(request.reason ? { refundReason: request.reason } : {}),
  };
  return { ok: true, chargeId: charge.id, line };
}
