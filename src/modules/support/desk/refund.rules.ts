import { formatMoney, type MembershipView } from '../../billing/index.ts';
import type { AgentRole } from './desk.tables.ts';
import { longDate } from '../assistant/charges/charge-dates.ts';

type LedgerLine = MembershipView['ledger'][number];

/** Charges that pay for a whole period; prorated ones (upgrade, extra-member slot) cover the rest of one. */
const WHOLE_PERIOD_REASONS = new Set(['signup', 'renewal', 'restart', 'unpause', 'payment_retry']);

export type RefundRefusal = { ok: false; code: 'REFUND_LIMIT' | 'REFUND_EXCEEDS_CHARGE' | 'REFUND_TOO_OLD' | 'NO_CHARGE'; message: string; status: number };
export type RefundDecision = { ok: true } | RefundRefusal;

const charges = (ledger: readonly LedgerLine[]): LedgerLine[] => ledger.filter((line) => line.type === 'charge');

/** By id, or the latest charge on a date (the one billing refunds for that date). */
export function findCharge(ledger: readonly LedgerLine[], which: { chargeId?: string; chargeDate?: string }): LedgerLine | null {
  const all = charges(ledger);
  if (which.chargeId !== undefined) return all.find((line) => line.id === which.chargeId) ?? null;
  return all.filter((line) => line.date === which.chargeDate).at(-1) ?? null;
}

/** Whether `charge` is what billing refunds when asked for its date (the latest charge that day). */
export function isLatestOnItsDate(ledger: readonly LedgerLine[], charge: LedgerLine): boolean {
  return findCharge(ledger, { chargeDate: charge.date })?.id === charge.id;
}

export function refundedOf(ledger: readonly LedgerLine[], chargeId: string): number {
  return ledger.filter((line) => line.type === 'refund' && line.refund_of === chargeId).reduce((sum, line) => sum + line.amount, 0);
}

/** The same calendar day a year earlier (29 February becomes the 28th). */
export function yearBefore(today: string): string {
  const [year, month, day] = today.split('-');
  const date = `${Number(year) - 1}-${month}-${day}`;
  return month === '02' && day === '29' ? date.replace(/-29$/, '-28') : date;
}

/**
 * "One period's charge": the largest single charge line (tax included)
 * dated within the last billing period, that is [period_start, period_end)
 * of the latest charge that pays for a whole period (sign-up, renewal,
 * restart, unpause, retry). With no such charge, the largest charge line of
 * the last 12 months. 0 when nothing was charged.
 */
export function onePeriodCharge(ledger: readonly LedgerLine[], today: string): number {
  const all = charges(ledger);
  const last = all.filter((line) => line.reason !== null && WHOLE_PERIOD_REASONS.has(line.reason) && line.period_start !== null && line.period_end !== null).at(-1);
  const since = yearBefore(today);
  const window = last
    ? all.filter((line) => line.date >= (last.period_start as string) && line.date < (last.period_end as string))
    : all.filter((line) => line.date >= since);
  return Math.max(0, ...window.map((line) => line.amount));
}

/** Charged in the last 12 months (from `today`, inclusive) and not refunded yet. */
export function refundableInLastYear(ledger: readonly LedgerLine[], today: string): number {
  const since = yearBefore(today);
  return charges(ledger)
    .filter((line) => line.date >= since)
    .reduce((sum, line) => sum + Math.max(0, line.amount - refundedOf(ledger, line.id)), 0);
}

/**
 * An agent refunds at most one period's charge per case (all the desk's
 * refunds on the case together, those still in progress included); a supervisor at most what was charged in
 * the last 12 months and not refunded yet. For everyone: a charge of the
 * last 12 months, and never more than is left of it.
 */
export function decideRefund(options: {
  role: AgentRole;
  ledger: readonly LedgerLine[];
  charge: LedgerLine;
  amount: number;
  today: string;
  /** What the desk already refunded on this case. */
  refundedOnCase: number;
  /** Refunds on this case decided and reserved, still waiting for billing's answer (another request, maybe another process). */
  reservedOnCase?: number;
}): RefundDecision {
  const { ledger, charge, amount, today } = options;
  const money = (minor: number) => formatMoney(minor, charge.currency);
  if (charge.date < yearBefore(today)) {
    return { ok: false, code: 'REFUND_TOO_OLD', status: 422, message: `The charge of ${charge.date} is more than 12 months old, so it can't be refunded from the desk.` };
  }
  const left = charge.amount - refundedOf(ledger, charge.id);
  if (left <= 0) return { ok: false, code: 'NO_CHARGE', status: 422, message: `The charge of ${charge.date} has already been refunded in full.` };
  if (amount > left) {
    return { ok: false, code: 'REFUND_EXCEEDS_CHARGE', status: 422, message: `At most ${money(left)} of the charge of ${longDate(charge.date)} is left to refund.` };
  }
  // Only a supervisor goes past one period: a security-team member on a case counts as an agent.
  if (options.role !== 'supervisor') {
    const limit = onePeriodCharge(ledger, today);
    const reserved = options.reservedOnCase ?? 0;
    if (amount + options.refundedOnCase + reserved > limit) {
      const parts = [
        ...(options.refundedOnCase > 0 ? [`${money(options.refundedOnCase)} is already refunded on this case`] : []),
        ...(reserved > 0 ? [`${money(reserved)} is being refunded right now`] : []),
      ];
      const already = parts.length > 0 ? ` (${parts.join(', and ')})` : '';
      return {
        ok: false, code: 'REFUND_LIMIT', status: 403,
        message: `An agent can refund up to one period's charge, ${money(limit)}, per case${already}. A supervisor must do a larger refund: escalate the case.`,
      };
    }
    return { ok: true };
  }
  const yearLeft = refundableInLastYear(ledger, today);
  if (amount > yearLeft) {
    return { ok: false, code: 'REFUND_LIMIT', status: 403, message: `A refund can't exceed what was charged in the last 12 months and not refunded yet, ${money(yearLeft)}.` };
  }
  return { ok: true };
}
