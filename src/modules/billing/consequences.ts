import type { Catalog } from './rules/catalog.ts';
import type { MemberAction } from './rules/actions.ts';
import type { LedgerLine, Membership } from './rules/membership.ts';
import { nextBillingDate, resumeDate } from './rules/schedule.ts';
import { formatMoney } from './money-format.ts';

/** `charge.gift`: the part the gift balance pays (0 when none). */
export type Consequence = { consequence: string; charge: { amount: number; tax: number; currency: string; date: string; gift: number } | null };

const readable = (date: string | null): string =>
  date ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';

/**
 * What an action will do, in the member's words, before they confirm it:
 * computed by the same rules on a copy of the membership.
 */
export function describeConsequence(before: Membership, after: Membership, lines: readonly LedgerLine[], action: MemberAction, catalog: Catalog): Consequence {
  const charge = lines.find((line) => line.type === 'charge');
  const money = (amount: number) => formatMoney(amount, catalog[before.country].currency);
  const planName = (plan: string | null) => (plan ? catalog[before.country].plans[plan]?.name ?? plan : '');
  const gift = charge?.gift ?? 0;
  // The gift balance pays first: say which part, so the member knows what reaches the card.
  const giftText = !charge || gift === 0 ? '' : gift >= charge.amount ? ' Your gift balance pays all of it.' : ` Your gift balance pays ${money(gift)} and your card ${money(charge.amount - gift)}.`;
  const chargeText = charge ? ` You will be charged ${money(charge.amount)} today${charge.periodEnd ? `, covering until ${readable(charge.periodEnd)}` : ''}.${giftText}` : '';
  const next = nextBillingDate(after);
  let text: string;
  switch (action.type) {
    case 'change_plan':
      text = after.plan === action.plan
        ? `Your plan changes to ${planName(action.plan)} now.${chargeText} From ${readable(next)} you pay the ${planName(action.plan)} price each month.`
        : `Your plan changes to ${planName(action.plan)} on ${readable(before.periodEnd)}, at your next billing date. Nothing is charged or refunded now.`;
      break;
    case 'cancel':
      text = after.status === 'canceled'
        ? 'Your membership ends today. Nothing more will be charged.'
        : `Your membership stays active until ${readable(after.accessUntil)}, your final service date. Nothing more will be charged. You can restart any time before then at no cost.`;
      break;
    case 'pause':
    case 'extend_pause':
      text = `Your membership pauses on ${readable(after.pause?.start ?? null)} and starts again by itself on ${readable(resumeDate(after))}, when you will be charged again. While paused you cannot watch or download.`;
      break;
    case 'withdraw_pause':
      text = `The pause is withdrawn: your membership keeps running and renews on ${readable(next)}.`;
      break;
    case 'unpause':
      text = charge
        ? `Your membership starts again now.${chargeText} Your billing date moves to the ${Number(charge.date.slice(8))}${ordinal(Number(charge.date.slice(8)))} of each month.`
        : 'The scheduled pause is withdrawn; nothing is charged now.';
      break;
    case 'restart':
      text = charge
        ? `Your membership restarts now on the ${planName(after.plan)} plan.${chargeText} Your billing date becomes the ${Number(charge.date.slice(8))}${ordinal(Number(charge.date.slice(8)))} of each month.`
        : `Your cancellation is withdrawn: your membership continues and renews on ${readable(next)}. Nothing is charged now.`;
      break;
    default:
      text = chargeText.trim() || 'This change takes effect now.';
  }
  return { consequence: text, charge: charge ? { amount: charge.amount, tax: charge.tax ?? 0, currency: charge.currency, date: charge.date, gift } : null };
}

function ordinal(day: number): string {
  if (day >= 11 && day <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}
