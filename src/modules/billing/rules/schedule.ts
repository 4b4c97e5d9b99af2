import { addDays, addMonthsClamped, EARLIEST_DATE, isIsoDate, LATEST_DATE, monthsSince, nextPeriodStart, type IsoDate } from './calendar.ts';
import {
  accepted,
  chargeLine,
  failedLine,
  periodBase,
  settle,
  taxed,
  type Accepted,
  type BillingContext,
  type ChargeAttempt,
} from './context.ts';
import type { LedgerLine, Membership, MembershipEvent, PaymentHold } from './membership.ts';

/** Days after the due date on which a failed charge is tried again. */
export const RETRY_OFFSETS_DAYS = [1, 3, 7] as const;

export function resumeDate(membership: Membership): IsoDate | null {
  const { pause, anchor } = membership;
  if (!pause || !anchor) return null;
  return addMonthsClamped(anchor, monthsSince(anchor, pause.start) + pause.months);
}

/** The next date on which the billing run has something to do for this membership. */
export function nextScheduledDate(membership: Membership): IsoDate | null {
  if (membership.billing.kind === 'partner') return null;
  switch (membership.status) {
    case 'active':
      return membership.periodEnd;
    case 'canceled_pending':
      return membership.accessUntil;
    case 'paused':
      return resumeDate(membership);
    case 'on_hold': {
      const hold = membership.hold;
      return hold ? addDays(hold.dueDate, RETRY_OFFSETS_DAYS[hold.failedAttempts - 1] ?? 0) : null;
    }
    default:
      return null;
  }
}

/** The next date a charge will be attempted, as the member is told. */
export function nextBillingDate(membership: Membership): IsoDate | null {
  if (membership.billing.kind === 'partner') return null;
  if (membership.status === 'active' && membership.pause) return resumeDate(membership);
  if (membership.status === 'canceled_pending') return null;
  return nextScheduledDate(membership);
}

/**
 * Applies what is due on `date` (which must be the next scheduled date):
 * a renewal, a pause start or end, a retry, or a cancellation taking effect.
 */
export function runScheduled(membership: Membership, date: IsoDate, ctx: BillingContext): Accepted {
  switch (membership.status) {
    case 'active':
      return membership.pause && membership.pause.start === date ? startPause(membership, date) : renew(atPeriodBoundary(membership), date, ctx, []);
    case 'paused':
      return renew({ ...membership, pause: null, status: 'active' }, date, ctx, [{ date, type: 'resumed' }]);
    case 'canceled_pending':
      return accepted(
        { ...membership, status: 'canceled', slots: 0, removedSlots: 0, pendingPlan: null, pause: null },
        [],
        [{ date, type: 'canceled', details: { reason: membership.cancelReason } }],
      );
    case 'on_hold':
      return retry(membership, date, ctx);
    default:
      return accepted(membership);
  }
}

/** At a period start removed slots end and a scheduled downgrade takes over. */
function atPeriodBoundary(membership: Membership): Membership {
  if (!membership.pendingPlan && membership.removedSlots === 0) return membership;
  return { ...membership, plan: membership.pendingPlan ?? membership.plan, pendingPlan: null, removedSlots: 0 };
}

function downgradeEvents(before: Membership, after: Membership, date: IsoDate): MembershipEvent[] {
  return before.pendingPlan ? [{ date, type: 'downgrade_applied', details: { from: before.plan, to: after.plan } }] : [];
}

function startPause(membership: Membership, date: IsoDate): Accepted {
  const next = { ...atPeriodBoundary(membership), status: 'paused' as const };
  return accepted(next, [], [...downgradeEvents(membership, next, date), { date, type: 'paused', details: { until: resumeDate(next) } }]);
}

function renew(membership: Membership, date: IsoDate, ctx: BillingContext, events: MembershipEvent[]): Accepted {
  const plan = membership.plan as string;
  const attempt = taxed(ctx, membership, periodBase(ctx, membership, plan, date), date, 'renewal');
  const paid = settle(ctx, membership, attempt);
  if (!paid) {
    const hold = { dueDate: date, base: attempt.base, tax: attempt.tax, amount: attempt.amount, failedAttempts: 1 };
    return accepted({ ...membership, status: 'on_hold', hold }, [failedLine(attempt)], [
      ...events,
      { date, type: 'payment_failed', details: { amount: attempt.amount, next_retry: addDays(date, RETRY_OFFSETS_DAYS[0]) } },
    ]);
  }
  const periodEnd = nextPeriodStart(membership.anchor as IsoDate, date);
  const lines: LedgerLine[] = [chargeLine(paid.attempt, date, periodEnd)];
  // The ledger line is the record of a renewal: no event, to keep the billing run's writes lean.
  return accepted({ ...paid.membership, periodStart: date, periodEnd }, lines, events);
}

function retry(membership: Membership, date: IsoDate, ctx: BillingContext): Accepted {
  const hold = membership.hold;
  if (!hold) return accepted(membership);
  const attempt = retryAttempt(membership, hold, date, ctx);
  const paid = settle(ctx, membership, attempt);
  if (paid) return recoverPayment(membership, date, paid.attempt);
  const failedAttempts = hold.failedAttempts + 1;
  if (failedAttempts > RETRY_OFFSETS_DAYS.length) {
    return accepted(
      { ...membership, status: 'canceled', hold: null, slots: 0, removedSlots: 0, pendingPlan: null, accessUntil: membership.periodEnd, cancelReason: 'payment_failed' },
      [failedLine(attempt)],
      [{ date, type: 'canceled', details: { reason: 'payment_failed' } }],
    );
  }
  return accepted({ ...membership, hold: { ...hold, failedAttempts } }, [failedLine(attempt)], [
    { date, type: 'payment_failed', details: { amount: hold.amount, next_retry: addDays(hold.dueDate, RETRY_OFFSETS_DAYS[failedAttempts - 1]) } },
  ]);
}

function retryAttempt(membership: Membership, hold: PaymentHold, date: IsoDate, ctx: BillingContext): ChargeAttempt {
  return { date, reason: 'payment_retry', base: hold.base, tax: hold.tax, amount: hold.amount, currency: ctx.book.catalog[membership.country].currency, gift: 0 };
}

/**
 * A retry outside the schedule (a gift card redeemed while on hold): balance
 * first, then the method. Still declined, it writes its `payment_failed`
 * line and the hold and its retry dates go on unchanged.
 */
export function retryNow(membership: Membership, date: IsoDate, ctx: BillingContext): Accepted {
  const hold = membership.hold;
  if (membership.status !== 'on_hold' || !hold) return accepted(membership);
  const attempt = retryAttempt(membership, hold, date, ctx);
  const paid = settle(ctx, membership, attempt);
  if (paid) return recoverPayment(membership, date, paid.attempt);
  return accepted(membership, [failedLine(attempt)], [{ date, type: 'payment_failed', details: { amount: hold.amount, next_retry: nextScheduledDate(membership) } }]);
}

/**
 * A successful retry pays the failed amount, ends the hold and moves the
 * anchor to that day; `attempt.gift` is taken from the balance.
 */
export function recoverPayment(
  membership: Membership,
  date: IsoDate,
  attempt: { base: number; tax: number; amount: number; currency: string; gift: number },
): Accepted {
  const periodEnd = addMonthsClamped(date, 1);
  const line = chargeLine({ ...attempt, date, reason: 'payment_retry' }, date, periodEnd);
  return accepted(
    { ...membership, status: 'active', hold: null, anchor: date, periodStart: date, periodEnd, giftBalance: membership.giftBalance - attempt.gift },
    [line],
    [{ date, type: 'payment_recovered', details: { amount: attempt.amount } }],
  );
}

/**
 * The most scheduled steps one catch-up may take. Left alone, a membership
 * does at most one thing a month (a renewal), or four in a month that ends
 * it (a failed renewal, three failed retries, the last one cancelling); EARLIEST_DATE
 * to LATEST_DATE is 1,212 months. A catch-up that needs more is a corrupt
 * row or a bug, and stops here instead of running until memory runs out.
 */
export const MAX_SCHEDULED_STEPS = 5_000;

/** A catch-up that would not end: past the supported dates, or beyond MAX_SCHEDULED_STEPS. */
export class ScheduleLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleLimitError';
  }
}

/**
 * Runs everything due up to and including `date`. Both ends are checked
 * first: the target is at most LATEST_DATE (as text, past 9999 a date no
 * longer sorts and the loop below would never end), and a schedule due before
 * EARLIEST_DATE is a corrupt row, refused before it costs a thousand
 * renewals. Between the two there are at most 1,212 months of work, and
 * `maxSteps` stops anything else.
 */
export function advanceTo(membership: Membership, date: IsoDate, ctx: BillingContext, limits: { maxSteps?: number } = {}): Accepted {
  const maxSteps = limits.maxSteps ?? MAX_SCHEDULED_STEPS;
  if (!isIsoDate(date) || date > LATEST_DATE) throw new ScheduleLimitError(`Billing runs up to ${LATEST_DATE}, not ${date}.`);
  const first = nextScheduledDate(membership);
  if (first !== null && first < EARLIEST_DATE && first <= date) {
    throw new ScheduleLimitError(`The membership's next billing date ${first} is before ${EARLIEST_DATE}: its stored dates are wrong.`);
  }
  let current = membership;
  const lines: LedgerLine[] = [];
  const events: MembershipEvent[] = [];
  let steps = 0;
  for (let due = first; due !== null && due <= date; due = nextScheduledDate(current)) {
    if (++steps > maxSteps) throw new ScheduleLimitError(`Catching up to ${date} took more than ${maxSteps} scheduled steps (stopped at ${due}).`);
    const step = runScheduled(current, due, ctx);
    current = step.membership;
    lines.push(...step.lines);
    events.push(...step.events);
  }
  return accepted(current, lines, events);
}
