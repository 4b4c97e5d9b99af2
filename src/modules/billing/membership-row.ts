import type { MembershipRecord } from './billing.tables.ts';
import type { IsoDate } from './rules/calendar.ts';
import type { Membership, MembershipStatus } from './rules/membership.ts';
import { nextScheduledDate } from './rules/schedule.ts';

/** The columns that hold the rules' state (everything but ids and bookkeeping). */
export type MembershipStateColumns = Omit<MembershipRecord, 'id' | 'account_id' | 'payment_method_id' | 'version' | 'created_at' | 'updated_at'>;

export function rowToMembership(row: MembershipStateColumns): Membership {
  return {
    status: row.status as MembershipStatus,
    country: row.country,
    region: row.region,
    billing: row.partner ? { kind: 'partner', partner: row.partner } : { kind: 'direct' },
    plan: row.plan,
    anchor: row.anchor,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    slots: row.slots,
    removedSlots: row.removed_slots,
    pendingPlan: row.pending_plan,
    pause: row.pause_start !== null && row.pause_months !== null ? { start: row.pause_start, months: row.pause_months } : null,
    hold:
      row.hold_due_date !== null
        ? {
            dueDate: row.hold_due_date,
            base: row.hold_base ?? 0,
            tax: row.hold_tax ?? 0,
            amount: row.hold_amount ?? 0,
            failedAttempts: row.hold_failed_attempts ?? 1,
          }
        : null,
    accessUntil: row.access_until,
    cancelReason: row.cancel_reason === 'member' || row.cancel_reason === 'payment_failed' ? row.cancel_reason : null,
    giftBalance: row.gift_balance ?? 0,
  };
}

export function membershipToColumns(membership: Membership): MembershipStateColumns {
  if (membership.status === 'none') throw new RangeError('a membership is stored only once it has started');
  return {
    status: membership.status,
    country: membership.country,
    region: membership.region,
    partner: membership.billing.kind === 'partner' ? membership.billing.partner : null,
    plan: membership.plan as string,
    anchor: membership.anchor as IsoDate,
    period_start: membership.periodStart as IsoDate,
    period_end: membership.periodEnd as IsoDate,
    slots: membership.slots,
    removed_slots: membership.removedSlots,
    pending_plan: membership.pendingPlan,
    pause_start: membership.pause?.start ?? null,
    pause_months: membership.pause?.months ?? null,
    hold_due_date: membership.hold?.dueDate ?? null,
    hold_base: membership.hold?.base ?? null,
    hold_tax: membership.hold?.tax ?? null,
    hold_amount: membership.hold?.amount ?? null,
    hold_failed_attempts: membership.hold?.failedAttempts ?? null,
    access_until: membership.accessUntil,
    cancel_reason: membership.cancelReason,
    gift_balance: membership.giftBalance,
    next_run_date: nextScheduledDate(membership),
  };
}

export function isStoredStatus(status: Membership['status']): status is MembershipStatus {
  return status !== 'none';
}
