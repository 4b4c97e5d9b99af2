import { formatMoney, type MembershipNotice } from '../billing/index.ts';
import type { IdentityContext } from './identity-context.ts';
import { findAccount } from './accounts.repository.ts';

export type NoticeMessage = { subject: string; body: string };

function readable(date: unknown): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'the date shown in your account';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

function money(amount: unknown, currency: string): string | null {
  return typeof amount === 'number' && amount > 0 && currency !== '' ? formatMoney(amount, currency) : null;
}

function planName(plan: unknown): string {
  return typeof plan === 'string' && plan !== '' ? plan.charAt(0).toUpperCase() + plan.slice(1) : 'your plan';
}

/**
 * The confirmation of one membership change, in plain words; null for events
 * that need none (a pause starting or ending on its planned date, a price
 * change, which has its own notice).
 */
export function describeMembershipNotice(notice: MembershipNotice, serviceName: string): NoticeMessage | null {
  const d = notice.details;
  const charged = money(d.charged, notice.currency);
  const chargedLine = charged ? ` We charged ${charged}.` : '';
  switch (notice.type) {
    case 'joined':
      return { subject: `Welcome to ${serviceName}`, body: `Your ${planName(d.plan)} membership started on ${readable(notice.date)}.` };
    case 'plan_changed':
      return { subject: 'Your plan was changed', body: `Your plan changed from ${planName(d.from)} to ${planName(d.to)} on ${readable(notice.date)}.${chargedLine}` };
    case 'downgrade_scheduled':
      return { subject: 'Your plan change is scheduled', body: `Your plan changes from ${planName(d.from)} to ${planName(d.to)} on ${readable(d.effective)}. Until then nothing changes.` };
    case 'downgrade_applied':
      return { subject: 'Your new plan has started', body: `Your plan is now ${planName(d.to)} (was ${planName(d.from)}), from ${readable(notice.date)}.` };
    case 'extra_member_added':
      return { subject: 'An extra member slot was added', body: `An extra member slot was added to your membership on ${readable(notice.date)}.${chargedLine} It is charged with every renewal until you remove it.` };
    case 'extra_member_removed':
      return { subject: 'An extra member was removed', body: `An extra member slot was removed on ${readable(notice.date)}. The extra member keeps access until ${readable(d.access_until)}; after that the slot is no longer charged.` };
    case 'pause_scheduled':
      return { subject: 'Your membership will pause', body: `Your membership pauses on ${readable(d.starts)} and resumes on ${readable(d.resumes)}, when billing starts again. You can't watch while it is paused.` };
    case 'pause_extended':
      return { subject: 'Your pause was extended', body: `Your membership now resumes on ${readable(d.resumes)}, when billing starts again.` };
    case 'pause_withdrawn':
      return { subject: 'Your pause was withdrawn', body: `The pause you scheduled was withdrawn on ${readable(notice.date)}. Your membership and billing continue as before.` };
    case 'unpaused':
      return { subject: 'Your membership is active again', body: `You ended your pause on ${readable(notice.date)}.${chargedLine} Your billing day is now this day of the month.` };
    case 'cancel_requested':
      return { subject: 'Your membership is cancelled', body: `You cancelled your membership on ${readable(notice.date)}. You can keep watching until ${readable(d.access_until)}, your final service date. Nothing more will be charged. You can restart any time.` };
    case 'canceled':
      return d.reason === 'payment_failed'
        ? { subject: 'Your membership has ended', body: `Your membership ended on ${readable(notice.date)} because the payment could not be collected. You can restart it with another payment method.` }
        : { subject: 'Your membership has ended', body: `Your membership ended on ${readable(notice.date)}. Nothing more will be charged. You can restart it any time.` };
    case 'cancellation_withdrawn':
      return { subject: 'Your membership continues', body: `Your cancellation was withdrawn on ${readable(notice.date)}: your membership continues and renews on its usual billing day.` };
    case 'restarted':
      return { subject: 'Your membership was restarted', body: `Your ${planName(d.plan)} membership was restarted on ${readable(notice.date)}.${chargedLine}` };
    case 'payment_method_updated':
      return { subject: 'Your payment method was updated', body: `The payment method of your membership was updated on ${readable(notice.date)}. Future charges use the new card.` };
    case 'payment_failed': {
      const amount = money(d.amount, notice.currency);
      return { subject: 'We could not collect your payment', body: `The payment${amount ? ` of ${amount}` : ''} due on ${readable(notice.date)} did not go through, and your membership is on hold. We will try again on ${readable(d.next_retry)}. Update your payment method in your account to watch again now.` };
    }
    case 'payment_recovered':
      return { subject: 'Your payment went through', body: `Your payment was collected on ${readable(notice.date)}${money(d.amount, notice.currency) ? ` (${money(d.amount, notice.currency)})` : ''} and your membership is active again.` };
    case 'gift_card_redeemed':
      return { subject: 'A gift card was added to your account', body: `A gift card${money(d.amount, notice.currency) ? ` of ${money(d.amount, notice.currency)}` : ''} was added to your gift balance on ${readable(notice.date)}. Your next charges are paid from the balance first.` };
    case 'paused':
    case 'resumed':
    case 'price_change_announced':
      return null;
  }
}

const FOOTER = (serviceName: string) =>
  `\n\nIf you did not make this change, change your password and sign out of all devices in your account's security page, then contact us from the Help Center.\n\n${serviceName} will never ask for your password, a code or your full card number by email.`;

/**
 * Emails the account owner one confirmation per event, after billing stored
 * it. An account without a login (synthetic data) is skipped; a failing
 * message is logged and the others still go.
 */
export async function sendMembershipNotices(ctx: IdentityContext, notices: readonly MembershipNotice[]): Promise<void> {
  for (const notice of notices) {
    const message = describeMembershipNotice(notice, ctx.settings.serviceName);
    if (!message) continue;
    const account = await findAccount(ctx.db, notice.accountId);
    if (!account) continue;
    try {
      await ctx.mailer.send({ channel: 'email', to: account.email, subject: message.subject, purpose: 'the confirmation of a change to your membership', body: `Hi ${account.name},\n\n${message.body}${FOOTER(ctx.settings.serviceName)}` });
    } catch (error) {
      ctx.logger?.error({ err: error, accountId: notice.accountId, event: notice.type }, 'membership confirmation email failed');
    }
  }
}
