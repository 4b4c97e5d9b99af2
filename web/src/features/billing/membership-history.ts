import type { MyMembership } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { planName } from './membership-words.ts';

type HistoryEvent = MyMembership['events'][number];

/** One line of membership history, in the member's words. */
export function describeEvent(event: HistoryEvent, membership: MyMembership): string {
  const detail = event.details ?? {};
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
  const amount = (key: string) => (typeof detail[key] === 'number' ? formatMoney(detail[key] as number, membership.currency) : null);
  const plan = (key: string) => planName(membership, text(key));
  switch (event.type) {
    case 'joined':
      return `Joined on the ${plan('plan') || 'chosen'} plan.`;
    case 'plan_changed':
      return `Plan changed from ${plan('from')} to ${plan('to')}${amount('charged') ? `, charged ${amount('charged')}` : ''}.`;
    case 'downgrade_scheduled':
      return `Change to ${plan('to')} scheduled for ${formatDate(text('effective'))}.`;
    case 'downgrade_applied':
      return 'Plan changed at the start of the billing period.';
    case 'extra_member_added':
      return 'Extra member slot added.';
    case 'extra_member_removed':
      return `Extra member removed${text('access_until') ? `; their access lasts until ${formatDate(text('access_until'))}` : ''}.`;
    case 'pause_scheduled':
      return `Pause scheduled from ${formatDate(text('starts'))}, restarting on ${formatDate(text('resumes'))}.`;
    case 'pause_extended':
      return `Pause extended; restarts on ${formatDate(text('resumes'))}.`;
    case 'pause_withdrawn':
      return 'Scheduled pause withdrawn.';
    case 'paused':
      return 'Membership paused.';
    case 'resumed':
      return 'Membership restarted after the pause.';
    case 'unpaused':
      return 'Pause ended early.';
    case 'cancel_requested':
      return 'Cancellation requested.';
    case 'canceled':
      return detail.reason === 'payment_failed' ? 'Membership ended because payments kept failing.' : 'Membership ended.';
    case 'restarted':
      return 'Membership restarted.';
    case 'cancellation_withdrawn':
      return 'Cancellation withdrawn: the membership continues.';
    case 'payment_failed':
      return 'A payment failed.';
    case 'payment_recovered':
      return 'The failed payment went through.';
    case 'payment_method_updated':
      return 'Payment method updated.';
    case 'gift_card_redeemed':
      return `Gift card redeemed${amount('amount') ? `: ${amount('amount')} added` : ''}${amount('balance') ? `, gift balance ${amount('balance')}` : ''}.`;
    case 'price_change_announced':
      return `Price change announced${text('effective') ? ` from ${formatDate(text('effective'))}` : ''}.`;
    default:
      return event.type.replace(/_/g, ' ');
  }
}
