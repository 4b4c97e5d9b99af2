import { addMonthsClamped, daysBetween, type IsoDate } from './calendar.ts';
import { planPriceOn } from './catalog.ts';
import {
  accepted,
  chargeLine,
  currencyOf,
  periodBase,
  planOffer,
  settle,
  taxed,
  type BillingContext,
  type Outcome,
} from './context.ts';
import type { LedgerLine, Membership } from './membership.ts';
import { prorate } from './money.ts';
import { refuse, type Refusal } from './refusals.ts';
import { recoverPayment, resumeDate } from './schedule.ts';

export const MAX_PAUSE_MONTHS = 3;
export const AUTHORIZATION_AMOUNT = 100;

export type MemberAction =
  | { type: 'signup'; plan: string }
  | { type: 'change_plan'; plan: string }
  | { type: 'add_extra_member' }
  | { type: 'remove_extra_member' }
  | { type: 'pause'; months: number }
  | { type: 'extend_pause'; months: number }
  | { type: 'withdraw_pause' }
  | { type: 'unpause' }
  | { type: 'cancel' }
  | { type: 'restart'; plan?: string }
  /** `declines`: the new method refused the 1.00 authorization. */
  | { type: 'update_payment_method'; declines: boolean };

export type MemberActionType = MemberAction['type'];

/** Applies a member's own action on `date`, after the scheduled billing of that date. */
export function applyMemberAction(membership: Membership, action: MemberAction, date: IsoDate, ctx: BillingContext): Outcome {
  switch (action.type) {
    case 'signup':
      return signUp(membership, action.plan, date, ctx);
    case 'change_plan':
      return changePlan(membership, action.plan, date, ctx);
    case 'add_extra_member':
      return addExtraMember(membership, date, ctx);
    case 'remove_extra_member':
      return removeExtraMember(membership, date);
    case 'pause':
      return pause(membership, action.months, date);
    case 'extend_pause':
      return extendPause(membership, action.months, date);
    case 'withdraw_pause':
      return withdrawPause(membership, date);
    case 'unpause':
      return unpause(membership, date, ctx);
    case 'cancel':
      return cancel(membership, date);
    case 'restart':
      return restart(membership, action.plan, date, ctx);
    case 'update_payment_method':
      return updatePaymentMethod(membership, action.declines, date, ctx);
  }
}

export function partnerRefusal(membership: Membership): Refusal | null {
  if (membership.billing.kind !== 'partner') return null;
  const partner = membership.billing.partner;
  return refuse('BILLED_BY_PARTNER', `This membership is billed by ${partner}. Make this change in your ${partner} account, or contact ${partner}.`);
}

function isRunning(membership: Membership): boolean {
  return membership.status === 'active' || membership.status === 'canceled_pending';
}

const notActive = (what: string): Refusal =>
  refuse('NOT_ACTIVE', `To ${what}, the membership must be active (or cancelled but still running until its end date).`);

const declined = (what: string): Refusal =>
  refuse('PAYMENT_METHOD_DECLINED', `The payment method on file declined the charge to ${what}; nothing was changed. Update the payment method and try again.`);

/** A new first period starting on `date`: sign-up, restart after access ended, early unpause. */
function startFresh(membership: Membership, date: IsoDate, plan: string): Membership {
  return {
    ...membership,
    status: 'active',
    plan,
    anchor: date,
    periodStart: date,
    periodEnd: addMonthsClamped(date, 1),
    pendingPlan: null,
    pause: null,
    hold: null,
    accessUntil: null,
    cancelReason: null,
  };
}

function signUp(membership: Membership, plan: string, date: IsoDate, ctx: BillingContext): Outcome {
  if (!planOffer(ctx, membership, plan)) return unknownPlan(plan);
  if (membership.status !== 'none' && membership.status !== 'canceled') {
    return refuse('ALREADY_ACTIVE', 'This account already has a membership.');
  }
  if (membership.billing.kind === 'partner') {
    return accepted(startFresh({ ...membership, slots: 0, removedSlots: 0 }, date, plan), [], [{ date, type: 'joined', details: { plan } }]);
  }
  const paid = settle(ctx, membership, taxed(ctx, membership, planPriceOn(ctx.book, membership.country, plan, date), date, 'signup'));
  if (!paid) return declined('join');
  const next = startFresh({ ...paid.membership, slots: 0, removedSlots: 0 }, date, plan);
  return accepted(next, [chargeLine(paid.attempt, date, next.periodEnd as IsoDate)], [{ date, type: 'joined', details: { plan } }]);
}

function unknownPlan(plan: string): Refusal {
  return refuse('UNKNOWN_PLAN', `There is no plan called "${plan}" in this country.`);
}

/** A prorated charge for [date, periodEnd) of the current period. */
function prorated(membership: Membership, base: number, date: IsoDate): number {
  const remaining = daysBetween(date, membership.periodEnd as IsoDate);
  const periodDays = daysBetween(membership.periodStart as IsoDate, membership.periodEnd as IsoDate);
  return prorate(base, remaining, periodDays);
}

function changePlan(membership: Membership, plan: string, date: IsoDate, ctx: BillingContext): Outcome {
  const offer = planOffer(ctx, membership, plan);
  if (!offer) return unknownPlan(plan);
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!isRunning(membership)) return notActive('change plans');
  const current = membership.plan as string;
  if (plan === current) return refuse('NO_CHANGE', `The membership is already on the ${plan} plan.`);
  if (plan === membership.pendingPlan) return refuse('NO_CHANGE', `A change to the ${plan} plan is already scheduled.`);
  if (membership.slots > offer.slots) {
    return refuse('EXTRA_MEMBER_LIMIT', `The ${plan} plan allows ${offer.slots} extra member slot(s) and this membership has ${membership.slots}. Remove extra members first.`);
  }
  const oldPrice = planPriceOn(ctx.book, membership.country, current, date);
  const newPrice = planPriceOn(ctx.book, membership.country, plan, date);
  if (newPrice <= oldPrice) {
    return accepted({ ...membership, pendingPlan: plan }, [], [
      { date, type: 'downgrade_scheduled', details: { from: current, to: plan, effective: membership.periodEnd } },
    ]);
  }
  const paid = settle(ctx, membership, taxed(ctx, membership, prorated(membership, newPrice - oldPrice, date), date, 'plan_upgrade'));
  if (!paid) return declined('upgrade');
  return accepted(
    { ...paid.membership, plan, pendingPlan: null },
    [chargeLine(paid.attempt, date, membership.periodEnd as IsoDate)],
    [{ date, type: 'plan_changed', details: { from: current, to: plan, charged: paid.attempt.amount } }],
  );
}

function addExtraMember(membership: Membership, date: IsoDate, ctx: BillingContext): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!isRunning(membership)) return notActive('add an extra member');
  if (!ctx.book.catalog[membership.country].extraMembers) {
    return refuse('EXTRA_MEMBER_UNAVAILABLE', 'Extra members are not offered in this country.');
  }
  const offer = planOffer(ctx, membership, membership.plan as string);
  const held = membership.slots + membership.removedSlots;
  if (!offer || held >= offer.slots) {
    return refuse('EXTRA_MEMBER_LIMIT', offer && offer.slots > 0
      ? `The ${membership.plan} plan allows ${offer.slots} extra member slot(s), and all are in use until the period ends.`
      : `The ${membership.plan} plan does not include extra members. Upgrade to add one.`);
  }
  const paid = settle(ctx, membership, taxed(ctx, membership, prorated(membership, offer.slotPrice, date), date, 'extra_member_added'));
  if (!paid) return declined('add an extra member');
  return accepted(
    { ...paid.membership, slots: membership.slots + 1 },
    [chargeLine(paid.attempt, date, membership.periodEnd as IsoDate)],
    [{ date, type: 'extra_member_added', details: { charged: paid.attempt.amount } }],
  );
}

function removeExtraMember(membership: Membership, date: IsoDate): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!isRunning(membership) && membership.status !== 'paused') return notActive('remove an extra member');
  if (membership.slots === 0) return refuse('NO_EXTRA_MEMBER', 'There is no extra member slot to remove.');
  // While paused no period is running, so the slot ends at once.
  const next = membership.status === 'paused'
    ? { ...membership, slots: membership.slots - 1 }
    : { ...membership, slots: membership.slots - 1, removedSlots: membership.removedSlots + 1 };
  return accepted(next, [], [{ date, type: 'extra_member_removed', details: { access_until: membership.status === 'paused' ? date : membership.periodEnd } }]);
}

function pauseLimit(): Refusal {
  return refuse('PAUSE_LIMIT', `A pause lasts 1 to ${MAX_PAUSE_MONTHS} months in total.`);
}

function validMonths(months: number): boolean {
  return Number.isInteger(months) && months >= 1 && months <= MAX_PAUSE_MONTHS;
}

function pause(membership: Membership, months: number, date: IsoDate): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (membership.status !== 'active' || membership.pause) {
    return refuse('NOT_ELIGIBLE', membership.pause
      ? 'A pause is already scheduled or running; extend it instead.'
      : 'Only an active membership that is not on hold or being cancelled can be paused.');
  }
  if (!validMonths(months)) return pauseLimit();
  const next = { ...membership, pause: { start: membership.periodEnd as IsoDate, months } };
  return accepted(next, [], [{ date, type: 'pause_scheduled', details: { starts: next.pause.start, resumes: resumeDate(next), months } }]);
}

function extendPause(membership: Membership, months: number, date: IsoDate): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!membership.pause) return refuse('NO_PAUSE', 'There is no pause to extend.');
  if (!Number.isInteger(months) || months < 1 || membership.pause.months + months > MAX_PAUSE_MONTHS) return pauseLimit();
  const next = { ...membership, pause: { ...membership.pause, months: membership.pause.months + months } };
  return accepted(next, [], [{ date, type: 'pause_extended', details: { resumes: resumeDate(next) } }]);
}

function withdrawPause(membership: Membership, date: IsoDate): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!membership.pause) return refuse('NO_PAUSE', 'There is no pause to withdraw.');
  if (membership.status === 'paused') return refuse('NOT_ELIGIBLE', 'The pause has already started; resume the membership instead.');
  return accepted({ ...membership, pause: null }, [], [{ date, type: 'pause_withdrawn' }]);
}

function unpause(membership: Membership, date: IsoDate, ctx: BillingContext): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (!membership.pause) return refuse('NO_PAUSE', 'The membership is not paused.');
  // A pause that has not started yet only needs withdrawing: the current period is paid.
  if (membership.status !== 'paused') return withdrawPause(membership, date);
  const plan = membership.plan as string;
  const paid = settle(ctx, membership, taxed(ctx, membership, periodBase(ctx, membership, plan, date), date, 'unpause'));
  if (!paid) return declined('resume the membership');
  const next = startFresh(paid.membership, date, plan);
  return accepted(next, [chargeLine(paid.attempt, date, next.periodEnd as IsoDate)], [{ date, type: 'unpaused', details: { charged: paid.attempt.amount } }]);
}

function cancel(membership: Membership, date: IsoDate): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (membership.status === 'none' || membership.status === 'canceled' || membership.status === 'canceled_pending') {
    return refuse('NOT_ACTIVE', membership.status === 'canceled_pending'
      ? `The membership is already cancelled; it ends on ${membership.accessUntil}.`
      : 'There is no running membership to cancel.');
  }
  if (membership.status === 'paused' || membership.status === 'on_hold') {
    const next = { ...membership, status: 'canceled' as const, pause: null, hold: null, slots: 0, removedSlots: 0, pendingPlan: null, accessUntil: membership.periodEnd, cancelReason: 'member' as const };
    return accepted(next, [], [{ date, type: 'canceled', details: { reason: 'member' } }]);
  }
  const next = { ...membership, status: 'canceled_pending' as const, pause: null, accessUntil: membership.periodEnd, cancelReason: 'member' as const };
  return accepted(next, [], [{ date, type: 'cancel_requested', details: { access_until: membership.periodEnd } }]);
}

function restart(membership: Membership, plan: string | undefined, date: IsoDate, ctx: BillingContext): Outcome {
  if (plan !== undefined && !planOffer(ctx, membership, plan)) return unknownPlan(plan);
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (membership.status === 'none') return notActive('restart');
  if (membership.status === 'canceled_pending') {
    const resumed = { ...membership, status: 'active' as const, accessUntil: null, cancelReason: null };
    const withdrawn = accepted(resumed, [], [{ date, type: 'cancellation_withdrawn' }]);
    if (plan === undefined || plan === membership.plan) return withdrawn;
    const changed = changePlan(resumed, plan, date, ctx);
    return changed.ok ? accepted(changed.membership, changed.lines, [...withdrawn.events, ...changed.events]) : changed;
  }
  if (membership.status !== 'canceled') return refuse('ALREADY_ACTIVE', 'The membership is already running.');
  const chosen = plan ?? (membership.plan as string);
  if (!planOffer(ctx, membership, chosen)) return unknownPlan(chosen);
  const paid = settle(ctx, membership, taxed(ctx, membership, planPriceOn(ctx.book, membership.country, chosen, date), date, 'restart'));
  if (!paid) return declined('restart');
  const next = startFresh({ ...paid.membership, slots: 0, removedSlots: 0 }, date, chosen);
  return accepted(next, [chargeLine(paid.attempt, date, next.periodEnd as IsoDate)], [{ date, type: 'restarted', details: { plan: chosen, charged: paid.attempt.amount } }]);
}

function updatePaymentMethod(membership: Membership, declines: boolean, date: IsoDate, ctx: BillingContext): Outcome {
  const partner = partnerRefusal(membership);
  if (partner) return partner;
  if (membership.status === 'none') return notActive('update the payment method');
  if (declines) return refuse('PAYMENT_METHOD_DECLINED', 'The new payment method was declined; the old one stays on file.');
  const currency = currencyOf(ctx, membership);
  const lines: LedgerLine[] = [
    { date, type: 'authorization', amount: AUTHORIZATION_AMOUNT, currency },
    { date, type: 'authorization_void', amount: AUTHORIZATION_AMOUNT, currency },
  ];
  const events = [{ date, type: 'payment_method_updated' as const }];
  if (membership.status !== 'on_hold' || !membership.hold) return accepted(membership, lines, events);
  // The new method has just been checked: the balance pays first, the new method the rest.
  const gift = Math.min(membership.giftBalance, membership.hold.amount);
  const recovered = recoverPayment(membership, date, { ...membership.hold, currency, gift });
  return accepted(recovered.membership, [...lines, ...recovered.lines], [...events, ...recovered.events]);
}
