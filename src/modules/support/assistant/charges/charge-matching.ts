import type { MembershipView } from '../../../billing/index.ts';
import type { SameCardMembership } from '../../support.ports.ts';
import { addDays, daysBetween } from './charge-dates.ts';
import type { ChargeQuestionDetail, EvidenceLine } from './charge-types.ts';
import { toEvidence, type LedgerLine } from './membership-reading.ts';

/** The ledger line the member asks about, and whose membership it is on. */
export type DisputedCharge = { line: LedgerLine; membership: MembershipView; account: 'this' | 'other'; evidence: EvidenceLine };

/** A statement date is usually a few days after the charge; a day before allows for time zones. */
const STATEMENT_DAYS_AFTER = 6;
const STATEMENT_DAYS_BEFORE = 1;

/** Lines a member can see on a statement or in their banking app; a void is its authorization's other half. */
const TYPE_RANK: Record<string, number> = { charge: 0, refund: 1, authorization: 2, payment_failed: 3 };

/** Bank apps round, convert currencies and show pending amounts: a near amount still counts, an exact one wins. */
function amountTolerance(amount: number): number {
  return Math.max(1, Math.round(amount * 0.02));
}

export function asksAboutACharge(question: ChargeQuestionDetail | undefined): boolean {
  return question?.amount !== undefined || question?.date !== undefined;
}

/**
 * Finds the charge the member means, by amount (± a little) and by date (on
 * or a few days before the date they saw), on their membership or on another
 * one paying with the same card. Without a date, the last three months.
 */
export function findDisputedCharge(options: {
  own: MembershipView;
  sameCard: readonly SameCardMembership[];
  question: ChargeQuestionDetail | undefined;
  windowFrom: string;
  today: string;
}): DisputedCharge | null {
  const { question } = options;
  if (!question || !asksAboutACharge(question)) return null;
  const from = question.date ? addDays(question.date, -STATEMENT_DAYS_AFTER) : options.windowFrom;
  const to = question.date ? addDays(question.date, STATEMENT_DAYS_BEFORE) : options.today;
  const memberships = [
    { membership: options.own, account: 'this' as const },
    ...options.sameCard.map((other) => ({ membership: other.membership, account: 'other' as const })),
  ];
  const candidates = memberships.flatMap(({ membership, account }) =>
    membership.ledger
      .filter((line) => line.type in TYPE_RANK && line.date >= from && line.date <= to)
      .filter((line) => question.amount === undefined || Math.abs(line.amount - question.amount) <= amountTolerance(question.amount))
      .map((line) => ({ line, membership, account, rank: rank(line, account, question) })),
  );
  candidates.sort((a, b) => compareRanks(a.rank, b.rank));
  const best = candidates[0];
  if (!best) return null;
  const refunded = best.membership.ledger.filter((line) => line.type === 'refund' && line.refund_of === best.line.id).reduce((sum, line) => sum + line.amount, 0);
  return { line: best.line, membership: best.membership, account: best.account, evidence: toEvidence(best.line, best.membership.id, best.account, refunded || undefined) };
}

function rank(line: LedgerLine, account: 'this' | 'other', question: ChargeQuestionDetail): number[] {
  const amountMiss = question.amount === undefined ? 0 : Math.abs(line.amount - question.amount);
  // A charge on or before the statement date is likelier than one after it.
  const distance = question.date
    ? (line.date <= question.date ? daysBetween(line.date, question.date) : daysBetween(question.date, line.date) + 0.5)
    : -daysBetween('2000-01-01', line.date);
  return [amountMiss === 0 ? 0 : 1, distance, TYPE_RANK[line.type] ?? 9, account === 'this' ? 0 : 1, amountMiss];
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
