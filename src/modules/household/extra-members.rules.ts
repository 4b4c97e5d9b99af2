import type { Catalog, MembershipView } from '../billing/index.ts';

/** An invitation can be accepted for this long after it was (re)sent. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type StoredInvitationStatus = 'pending' | 'accepted' | 'cancelled';
export type InvitationStatus = StoredInvitationStatus | 'expired';

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_MS);
}

/** A pending invitation past its expiry shows, and acts, as expired. */
export function invitationStatus(invitation: { status: StoredInvitationStatus; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.status === 'pending' && now.getTime() >= invitation.expiresAt.getTime()) return 'expired';
  return invitation.status;
}

export type EligibilityCode = 'EXTRA_MEMBER_LIMIT' | 'EXTRA_MEMBER_UNAVAILABLE' | 'BILLED_BY_PARTNER' | 'NOT_ACTIVE';

export type ExtraMemberEligibility = {
  eligible: boolean;
  reasonCode?: EligibilityCode;
  slotsAllowed: number;
  slotsUsed: number;
  slotPrice: number;
  currency: string;
};

type MembershipFacts = Pick<MembershipView, 'country' | 'currency' | 'billed_by' | 'state'>;

/**
 * Whether one more extra member can be added, in the order billing's
 * `add_extra_member` refuses (partner, not running, country, slots), so the
 * page shows the code billing would answer. Billing's answer still decides.
 */
export function extraMemberEligibility(membership: MembershipFacts | null, catalog: Catalog): ExtraMemberEligibility {
  if (membership === null) return { eligible: false, reasonCode: 'NOT_ACTIVE', slotsAllowed: 0, slotsUsed: 0, slotPrice: 0, currency: '' };
  const country = catalog[membership.country];
  const plan = membership.state.plan !== null && country && Object.hasOwn(country.plans, membership.state.plan) ? country.plans[membership.state.plan] : undefined;
  const offered = country?.extraMembers === true;
  const base = {
    slotsAllowed: offered ? (plan?.slots ?? 0) : 0,
    slotsUsed: membership.state.extra_members,
    slotPrice: offered ? (plan?.slotPrice ?? 0) : 0,
    currency: membership.currency,
  };
  const refuse = (reasonCode: EligibilityCode): ExtraMemberEligibility => ({ eligible: false, reasonCode, ...base });
  if (membership.billed_by.kind === 'partner') return refuse('BILLED_BY_PARTNER');
  if (membership.state.status !== 'active' && membership.state.status !== 'canceled_pending') return refuse('NOT_ACTIVE');
  if (!offered) return refuse('EXTRA_MEMBER_UNAVAILABLE');
  if (base.slotsUsed >= base.slotsAllowed) return refuse('EXTRA_MEMBER_LIMIT');
  return { eligible: true, ...base };
}

/**
 * The last day an extra member can watch: the end of the period after a
 * removal, the membership's own end once it is cancelled, whichever is first;
 * null while access simply continues.
 */
export function extraMemberAccessUntil(removedAccessUntil: string | null, membershipAccessUntil: string | null): string | null {
  if (removedAccessUntil === null) return membershipAccessUntil;
  if (membershipAccessUntil === null) return removedAccessUntil;
  return removedAccessUntil < membershipAccessUntil ? removedAccessUntil : membershipAccessUntil;
}

/** The `access_until` of a slot removal, as billing recorded it in its event. */
export function removalAccessUntil(view: Pick<MembershipView, 'events' | 'state'>, fallback: string): string {
  const removal = [...view.events].reverse().find((event) => event.type === 'extra_member_removed');
  const recorded = removal?.details.access_until;
  return typeof recorded === 'string' ? recorded : (view.state.next_billing_date ?? view.state.access_until ?? fallback);
}
