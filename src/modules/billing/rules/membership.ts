import type { IsoDate } from './calendar.ts';

export type MembershipStatus = 'active' | 'paused' | 'on_hold' | 'canceled_pending' | 'canceled';

export type Billing = { kind: 'direct' } | { kind: 'partner'; partner: string };

export type CancelReason = 'member' | 'payment_failed';

/** A failed charge waiting for its retries at +1, +3 and +7 days. */
export type PaymentHold = {
  dueDate: IsoDate;
  base: number;
  tax: number;
  amount: number;
  failedAttempts: number;
};

export type Pause = { start: IsoDate; months: number };

/**
 * Everything the rules need to know about one membership. `periodStart` and
 * `periodEnd` are the last paid period: the current one while active, the
 * one that ended before a pause, hold or cancellation otherwise.
 */
export type Membership = {
  status: MembershipStatus | 'none';
  country: string;
  region: string | null;
  billing: Billing;
  plan: string | null;
  anchor: IsoDate | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  slots: number;
  removedSlots: number;
  pendingPlan: string | null;
  pause: Pause | null;
  hold: PaymentHold | null;
  accessUntil: IsoDate | null;
  cancelReason: CancelReason | null;
  /** Unused gift-card value in minor units: pays every charge first, never expires. */
  giftBalance: number;
};

export type LedgerLineType = 'charge' | 'payment_failed' | 'authorization' | 'authorization_void' | 'refund' | 'gift_card';

export type ChargeReason =
  | 'signup'
  | 'renewal'
  | 'plan_upgrade'
  | 'extra_member_added'
  | 'restart'
  | 'unpause'
  | 'payment_retry';

export type LedgerLine = {
  date: IsoDate;
  type: LedgerLineType;
  amount: number;
  currency: string;
  tax?: number;
  reason?: ChargeReason;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  /** For a failed attempt: what it tried to charge. */
  attempted?: ChargeReason;
  /** For a charge: the part paid from the gift balance; for a refund: the part returned to it. */
  gift?: number;
  /** For a refund: the refunded charge's date. */
  of?: IsoDate;
  refundReason?: string;
};

/** What happened to the membership, for notices, history and the assistant. */
export type MembershipEventType =
  | 'joined'
  | 'plan_changed'
  | 'downgrade_scheduled'
  | 'downgrade_applied'
  | 'extra_member_added'
  | 'extra_member_removed'
  | 'pause_scheduled'
  | 'pause_extended'
  | 'pause_withdrawn'
  | 'paused'
  | 'resumed'
  | 'unpaused'
  | 'cancel_requested'
  | 'canceled'
  | 'restarted'
  | 'cancellation_withdrawn'
  | 'payment_failed'
  | 'payment_recovered'
  | 'payment_method_updated'
  | 'price_change_announced'
  | 'gift_card_redeemed';

export type MembershipEvent = { date: IsoDate; type: MembershipEventType; details?: Record<string, string | number | null> };

/** A stored membership event told to other modules after commit (confirmation emails). */
export type MembershipNotice = {
  accountId: string;
  membershipId: string;
  date: IsoDate;
  type: MembershipEventType;
  details: Record<string, string | number | null>;
  currency: string;
};

/** Receives notices after they are stored; its failures are logged, never undo or fail the change. */
export type OnMembershipEvents = (events: MembershipNotice[]) => Promise<void>;

export function emptyMembership(country: string, region: string | null, billing: Billing): Membership {
  return {
    status: 'none',
    country,
    region,
    billing,
    plan: null,
    anchor: null,
    periodStart: null,
    periodEnd: null,
    slots: 0,
    removedSlots: 0,
    pendingPlan: null,
    pause: null,
    hold: null,
    accessUntil: null,
    cancelReason: null,
    giftBalance: 0,
  };
}
