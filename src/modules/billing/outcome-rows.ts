import { newId } from '../../platform/ids.ts';
import type { NewEventRow, NewLedgerRow } from './billing.repository.ts';
import type { AnsweredAttempt } from './payments/pay-with-provider.ts';
import type { LedgerLine, MembershipEvent } from './rules/membership.ts';

/**
 * Ledger rows for the lines a rule produced. Charges and failed attempts are
 * matched, in order, with the provider answers that produced them.
 */
export function toLedgerRows(options: {
  membershipId: string;
  lines: readonly LedgerLine[];
  attempts: readonly AnsweredAttempt[];
  keyFor: (line: LedgerLine, index: number) => string;
  paymentMethodId: string | null;
  refundOf?: string;
  providerReference?: string;
}): NewLedgerRow[] {
  let attempt = 0;
  return options.lines.map((line, index) => {
    const answered = line.type === 'charge' || line.type === 'payment_failed' ? options.attempts[attempt++] : undefined;
    return {
      id: newId('led'),
      membership_id: options.membershipId,
      date: line.date,
      type: line.type,
      reason: line.reason ?? line.attempted ?? null,
      amount: line.amount,
      tax: line.tax ?? null,
      currency: line.currency,
      period_start: line.periodStart ?? null,
      period_end: line.periodEnd ?? null,
      refund_of: options.refundOf ?? null,
      gift: line.type === 'charge' || line.type === 'refund' ? line.gift ?? 0 : null,
      note: line.refundReason ?? null,
      payment_method_id: options.paymentMethodId,
      provider_reference: answered?.result.reference || options.providerReference || null,
      idempotency_key: answered?.idempotencyKey ?? options.keyFor(line, index),
    };
  });
}

/** `extra`: details the rules do not know, such as who acted (`actor`), added to every event. */
export function toEventRows(membershipId: string, events: readonly MembershipEvent[], extra?: Record<string, unknown>): NewEventRow[] {
  return events.map((event) => ({ id: newId('mev'), membership_id: membershipId, date: event.date, type: event.type, details: { ...event.details, ...extra } }));
}

/**
 * Scheduled work has one deterministic key per membership, date and kind of
 * line. Date first: a day's keys are neighbours in the unique index.
 */
export function scheduledKey(membershipId: string, date: string, kind: string): string {
  return `sched:${date}:${membershipId}:${kind}`;
}
