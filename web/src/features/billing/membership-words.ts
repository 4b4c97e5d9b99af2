import type { MyMembership } from '../../api/types.ts';
import { addMonths, formatDate, formatMoney } from '../../ui/format.ts';

export type StatusWords = { label: string; tone: 'good' | 'warning' | 'bad' | 'neutral'; sentences: string[] };

export function planName(membership: Pick<MyMembership, 'plans'>, id: string | null): string {
  if (!id) return '';
  return membership.plans.find((plan) => plan.id === id)?.name ?? id;
}

/** What the member pays each month: the plan plus each extra-member slot. */
export function monthlyPrice(membership: MyMembership): number | null {
  const plan = membership.plans.find((entry) => entry.id === membership.state.plan);
  if (!plan) return null;
  return plan.price + membership.state.extra_members * plan.slot_price;
}

export function resumeDate(pause: { starts: string; months: number }): string {
  return addMonths(pause.starts, pause.months);
}

/** The membership's status in plain words, with the dates that matter. */
export function describeStatus(membership: MyMembership): StatusWords {
  const { state, pause, billed_by: billedBy } = membership;
  const price = monthlyPrice(membership);
  const money = price === null ? '' : formatMoney(price, membership.currency);
  const partner = billedBy.kind === 'partner' ? billedBy.partner : null;
  const sentences: string[] = [];

  switch (state.status) {
    case 'active': {
      if (partner) sentences.push(`${partner} bills you for this membership, on their own billing date.`);
      else if (state.next_billing_date) sentences.push(`Your next payment${money ? ` of ${money}` : ''} is on ${formatDate(state.next_billing_date)}.`);
      if (membership.pending_plan) sentences.push(`Your plan changes to ${planName(membership, membership.pending_plan)} on ${formatDate(state.next_billing_date)}.`);
      if (pause) {
        sentences.push(
          `A ${pause.months}-month pause starts on ${formatDate(pause.starts)}. Your membership restarts by itself on ${formatDate(resumeDate(pause))}, and payments start again that day.`,
        );
        return { label: 'Active, pause scheduled', tone: 'good', sentences };
      }
      return { label: 'Active', tone: 'good', sentences };
    }
    case 'paused':
      if (pause) sentences.push(`Paused since ${formatDate(pause.starts)}. It restarts by itself on ${formatDate(resumeDate(pause))}, with a payment${money ? ` of ${money}` : ''} that day.`);
      sentences.push('While paused you can’t watch or download, and you are not charged.');
      return { label: 'Paused', tone: 'neutral', sentences };
    case 'on_hold':
      sentences.push('Your last payment didn’t go through, so watching is on hold. We will try the card again over the next few days.');
      sentences.push('Update your payment method to pay now and keep watching. If every retry fails, the membership ends.');
      return { label: 'On hold: payment failed', tone: 'bad', sentences };
    case 'canceled_pending':
      sentences.push(`Cancelled. You can keep watching until ${formatDate(state.access_until)}. You won’t be charged again.`);
      sentences.push('Changed your mind? Restart before then and nothing changes, at no charge.');
      return { label: 'Cancelled, ends soon', tone: 'warning', sentences };
    case 'canceled':
      sentences.push(state.access_until ? `Your membership ended on ${formatDate(state.access_until)}.` : 'Your membership has ended.');
      sentences.push('Restart at any time: your profiles, lists and viewing history are kept for a while.');
      return { label: 'Ended', tone: 'neutral', sentences };
    default:
      return { label: 'No membership', tone: 'neutral', sentences: ['There is no membership on this account yet.'] };
  }
}

const MONTHS = (count: number) => `${count} month${count === 1 ? '' : 's'}`;
export { MONTHS as monthsText };
