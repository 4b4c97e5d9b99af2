import type { Intent } from '../../triage/index.ts';
import { maskEmail } from '../account/account-snapshot.ts';
import type { Choice } from '../chat/chat.types.ts';
import type { HandOffReason, Queue } from '../desk/case-file.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { paidUntil } from './actions.rules.ts';
import type { AssistantState, AssistantTools, FlowProgress, Offer, PendingAction, Reply } from './assistant.types.ts';
import { amountToMinor, normaliseDate } from './message-reading.rules.ts';
import { addMonths, longDate } from './charges/charge-dates.ts';

const longDateOr = (date: string | null | undefined, otherwise: string) => (date ? longDate(date) : otherwise);

/**
 * What the assistant says about the account itself: charges from the ledger,
 * whether a cancellation went through, who bills, the household and its
 * devices, extra members' invitations. Pure: the snapshot and the explainer
 * come in, sentences and offers go out.
 */

export type TopicOutcome = {
  replies: Reply[];
  tried?: string[];
  findings?: string[];
  evidence?: Record<string, unknown>;
  offer?: Offer | null;
  pending?: PendingAction | null;
  flow?: FlowProgress | null;
  handOff?: { queue: Queue; reason: HandOffReason };
};

export const say = (body: string, choices?: Choice[]): Reply => ({ body, payload: choices ? { kind: 'text', choices } : { kind: 'text' } });

export const FEEDBACK_CHOICES: Choice[] = [{ id: 'helped', label: 'That answers it' }, { id: 'not_helped', label: 'It doesn’t help' }];
export const HANDOFF_CHOICES: Choice[] = [{ id: 'handoff', label: 'Yes, pass me to a person' }, { id: 'no_handoff', label: 'No, thanks' }];

export function partnerOf(snapshot: AccountSnapshot): string | null {
  const billedBy = snapshot.membership?.billed_by;
  return billedBy?.kind === 'partner' ? billedBy.partner : null;
}

/** Whether a cancellation is done, pending (with the last day) or not made; a partner's cancellations go through the partner. */
export function cancellationStatus(snapshot: AccountSnapshot): string {
  const membership = snapshot.membership;
  if (!membership || membership.state.status === 'none') return 'I don’t see a Reelhouse membership on this account.';
  const partner = partnerOf(snapshot);
  const { status, access_until: accessUntil, next_billing_date: next } = membership.state;
  const via = partner ? ` ${partner} bills your membership, so cancelling it and any charges go through ${partner}.` : '';
  switch (status) {
    case 'canceled_pending':
      return `Your cancellation went through. You can keep watching until ${longDateOr(accessUntil ?? paidUntil(membership), 'the end of the paid period')}, and nothing more will be charged.${via}`;
    case 'canceled':
      return `Your membership is cancelled${accessUntil ? ` and ended on ${longDate(accessUntil)}` : ''}. Nothing more will be charged.${via}`;
    case 'paused':
      return `Your membership is not cancelled: it’s paused${membership.pause?.resumes ? ` and restarts on ${longDate(membership.pause.resumes)}` : ''}.${via}`;
    case 'on_hold':
      return `Your membership is not cancelled: it’s on hold because a payment didn’t go through.${via}`;
    default:
      return `Your membership is not cancelled: it’s active${next ? ` and renews on ${longDate(next)}` : ''}.${via}`;
  }
}

export function whoBills(snapshot: AccountSnapshot): string {
  const membership = snapshot.membership;
  if (!membership) return 'There’s no membership on this account, so nobody bills you for it.';
  const partner = partnerOf(snapshot);
  if (partner) return `${partner} bills your membership: the charges appear on your ${partner} bill, and cancelling, pausing or changing how you pay goes through them.`;
  if (snapshot.account.role === 'extra_member') return 'Reelhouse bills the account owner directly for the membership, your extra member place included.';
  // The owner's card is theirs: an extra member only hears who bills.
  const card = membership.payment_method && snapshot.account.role === 'owner' ? ` on your ${membership.payment_method.brand} card ending ${membership.payment_method.last4}` : '';
  return `Reelhouse bills you directly${card}.`;
}

/** "6 dollar 95", "4 euros 39": an amount written in words around the number, in minor units. */
function spelledAmount(text: string): number | null {
  const m = /\b(\d{1,5})\s*(?:dollars?|euros?|pounds?|reais|real|bucks|quid)\s*(?:and\s*)?(\d{2})\b/i.exec(text);
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

const UNEXPLAINED_ADVICE = 'change your password from your account page and sign out of any devices you don’t recognise. If the charge isn’t from Reelhouse at all, your bank can dispute it.';

const CHARGE_INTENTS = new Set<string>([
  'billing.unexpected_charge', 'billing.price_increase', 'billing.multiple_charges', 'billing.charged_after_cancel',
  'billing.payment_declined', 'billing.refund', 'extra_member.billing',
]);

export function isChargeIntent(intent: string): boolean {
  return CHARGE_INTENTS.has(intent);
}

/** Explains the charges from the ledger with evidence; an unexplained one goes to billing at once with safety advice. */
export function explainChargesTopic(options: { intent: Intent; state: AssistantState; snapshot: AccountSnapshot; tools: AssistantTools; today: string; text: string }): TopicOutcome {
  const { intent, state, snapshot, tools, today, text } = options;
  const membership = snapshot.membership;
  // Two amounts ("last month 15.49 now 17.99") ask about a difference, not about one disputed charge.
  const amountsSaid = new Set((text.match(/\d{1,6}[.,]\d{2}\b/g) ?? []).map((said) => amountToMinor(said, membership?.currency ?? null)));
  // "the difference … is 2.26", "went up by 2.26": the amount is a difference between two bills, not a charge to search.
  const difference = /\bdifference\b|\b(?:more|less|higher|lower) (?:than|by)\b|\b(?:increase|went up|gone up|go up|rise|rose) (?:of|by)\b/i.test(text);
  const comparing = amountsSaid.size >= 2 || (difference && amountsSaid.size > 0);
  // The one amount written in the message is the charge asked about even when triage did not pick it out ("I saw 18.99 leave my account").
  const amount = comparing ? null : state.entities.amount ? amountToMinor(state.entities.amount, membership?.currency ?? null) : amountsSaid.size === 1 ? [...amountsSaid][0] : null;
  // "On monday I saw…" says when the member looked, not when the charge was made.
  const read = state.entities.date && !WEEKDAY.test(state.entities.date) && !comparing ? normaliseDate(state.entities.date, today) : null;
  // A day without a year that only fits last year ("my renewal says nov 30" on November 27) is a date ahead, not a charge to search.
  const date = read && !/\b\d{4}\b/.test(state.entities.date ?? '') && read < addMonths(today, -6) ? null : read;
  const ask = (question: { amount?: number; date?: string }) => tools.explainCharges({ membership, sameCard: snapshot.sameCard, today, question: { ...question, text } });
  let explanation = ask({ ...(amount !== null ? { amount } : {}), ...(date !== null ? { date } : {}) });
  // A date misread from the message ("19. November 4,39 €") must not hide a charge the amount alone finds.
  if (!explanation.explained && amount !== null && date !== null) {
    const byAmount = ask({ amount });
    if (byAmount.explained) explanation = byAmount;
  }
  // A date alone that matches nothing ("I pay on the 3rd") is more likely misread than a charge from elsewhere: the recent charges say more.
  if (!explanation.explained && amount === null && date !== null && amountsSaid.size === 0 && spelledAmount(text) === null) {
    const recent = ask({});
    if (recent.explained) explanation = recent;
  }
  const written = comparing ? null : amountsSaid.size === 1 ? [...amountsSaid][0] : spelledAmount(text);
  if (!explanation.explained && written !== null && written !== amount) {
    const byWritten = ask({ amount: written });
    if (byWritten.explained) explanation = byWritten;
  }
  const lines = explanation.summary.length > 0 ? explanation.summary : explanation.findings.map((finding) => `${finding.title}: ${finding.explanation}`);
  // After a cancel, and during a pause, where the membership stands is part of the answer.
  const lead = intent === 'billing.charged_after_cancel' || membership?.state.status === 'paused' ? [cancellationStatus(snapshot)] : [];
  const replies: Reply[] = [{ body: [...lead, ...lines].join('\n\n') || 'I looked through the charges on your account.', payload: { kind: 'charge_explanation', data: { ...explanation } } }];
  const asked = [state.entities.amount, date ?? state.entities.date].filter(Boolean).join(' on ');
  const outcome: TopicOutcome = {
    replies,
    tried: [`Explained the charges from the ledger${asked ? ` (asked about ${asked})` : ''}`],
    findings: [...lead, ...lines],
    evidence: { ...explanation },
  };
  if (!explanation.explained) {
    const advice = explanation.advice && explanation.advice.length > 0 ? `\n${explanation.advice.map((line) => `• ${line}`).join('\n')}` : ` ${UNEXPLAINED_ADVICE}`;
    replies.push(say(`Until someone has looked at it, to be safe:${advice}`));
    return { ...outcome, findings: [...(outcome.findings ?? []), 'The ledger does not explain the charge the member asked about.'], handOff: { queue: 'billing', reason: 'unexplained_charge' } };
  }
  if (snapshot.sameCard.length > 0) {
    const others = snapshot.sameCard.map((other) => `${other.maskedEmail} (joined ${longDate(other.createdAt.slice(0, 10))})`).join(', ');
    const one = snapshot.sameCard.length === 1;
    // The explainer may already have named the other account; then only the offer is new.
    const told = explanation.findings.some((finding) => finding.cause === 'second_account_same_card');
    const seen = told ? '' : `I also see ${one ? 'another Reelhouse account' : 'other Reelhouse accounts'} paid with the same card: ${others}. `;
    replies.push(say(
      `${seen}If you don’t use ${told ? others : one ? 'it' : 'them'}, our billing team can cancel the duplicate membership and review a refund for it. I can’t do that from here, as it’s a different account. Shall I pass this to them?`,
      HANDOFF_CHOICES,
    ));
    return { ...outcome, findings: [...(outcome.findings ?? []), `Same card also pays for: ${others}.`], offer: { kind: 'handoff', queue: 'billing', reason: 'needs_agent' } };
  }
  if (intent === 'billing.refund') {
    replies.push(say('I can’t give refunds myself, but an agent in our billing team can review whether one is possible under our refund policy. Shall I pass this to them?', HANDOFF_CHOICES));
    return { ...outcome, offer: { kind: 'handoff', queue: 'billing', reason: 'needs_agent' } };
  }
  if (intent === 'billing.payment_declined' && !partnerOf(snapshot)) replies.push(say('You can update your card on your account page; a failed payment is tried again automatically.'));
  replies.push(say('Does that explain it?', FEEDBACK_CHOICES));
  return { ...outcome, offer: { kind: 'feedback' } };
}

function lastUsed(iso: string): string {
  return iso.slice(0, 10);
}

export function describeDevices(snapshot: AccountSnapshot): string {
  if (snapshot.devices.length === 0) return 'No devices are signed in to your account right now.';
  const list = snapshot.devices.map((device) => `• ${device.name} (${device.type}${device.location ? `, ${device.location}` : ''}, last used ${lastUsed(device.lastUsedAt)})`);
  return `These devices are signed in to your account:\n${list.join('\n')}`;
}

export function describeHousehold(snapshot: AccountSnapshot): string {
  const { primaryNetwork, devicesOutside } = snapshot.household;
  const home = primaryNetwork ? 'Your household is set to the internet connection at your home.' : 'No household is set yet: it is set from a TV on your home connection.';
  const outside = devicesOutside > 0 ? ` ${devicesOutside === 1 ? 'One device has' : `${devicesOutside} devices have`} been used away from it lately.` : '';
  return `${home}${outside}`;
}

/** "Who is on my account": devices, extra members and what the security review flagged, with removal offers. */
export function devicesTopic(snapshot: AccountSnapshot): TopicOutcome {
  const lines = [describeDevices(snapshot)];
  if (snapshot.extraMembers.length > 0) lines.push(`Extra members: ${snapshot.extraMembers.map((member) => member.name).join(', ')}.`);
  const flagged = snapshot.security.signals.filter((signal) => signal.severity !== 'info');
  if (flagged.length > 0) lines.push(`From your account’s security review:\n${flagged.map((signal) => `• ${signal.summary}`).join('\n')}`);
  const choices: Choice[] = [
    ...snapshot.devices.slice(0, 6).map((device) => ({ id: `remove_device:${device.id}`, label: `Remove ${device.name}` })),
    ...(snapshot.account.role === 'owner' ? snapshot.extraMembers.slice(0, 3).map((member) => ({ id: `remove_member:${member.accountId}`, label: `Remove ${member.name}` })) : []),
    ...(snapshot.devices.length > 0 ? [{ id: 'sign_out_all', label: 'Sign out all devices' }] : []),
  ];
  lines.push(choices.length > 0 ? 'If you don’t recognise something, I can remove it. I’ll always check with you before changing anything.' : '');
  return {
    replies: [say(lines.filter(Boolean).join('\n\n'), choices.length > 0 ? choices : undefined)],
    tried: ['Listed the devices and extra members on the account'],
    findings: [describeDevices(snapshot), ...flagged.map((signal) => `Security review: ${signal.summary}`)],
  };
}

export function invitationsTopic(snapshot: AccountSnapshot): TopicOutcome {
  if (snapshot.account.role !== 'owner') {
    return { replies: [say('Invitations are managed by the account owner. If yours didn’t arrive or has expired, ask them to resend it from their extra members page.', FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: ['Explained that the owner manages invitations'] };
  }
  if (snapshot.invitations.length === 0) {
    return { replies: [say('There are no extra-member invitations on your account. You can invite someone from your extra members page.', FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: ['Checked: no invitations'] };
  }
  const list = snapshot.invitations.map((invitation) => `• ${invitation.name} (${maskEmail(invitation.email)}): ${invitation.status}`);
  const open = snapshot.invitations.filter((invitation) => invitation.status === 'pending' || invitation.status === 'expired');
  const choices = open.map((invitation) => ({ id: `resend:${invitation.id}`, label: `Resend to ${invitation.name}` }));
  return {
    replies: [say(`Your extra-member invitations:\n${list.join('\n')}${open.length > 0 ? '\n\nI can resend an invitation that hasn’t been accepted; it comes with a fresh link.' : ''}`, choices.length > 0 ? choices : FEEDBACK_CHOICES)],
    offer: choices.length > 0 ? null : { kind: 'feedback' },
    tried: ['Listed the extra-member invitations'],
    findings: list,
  };
}
