import type { MembershipView } from '../../billing/index.ts';
import type { Intent } from '../../triage/index.ts';
import { maskEmail } from '../account/account-snapshot.ts';
import type { Choice } from '../chat/chat.types.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import type { AssistantAction, PendingAction, Reply, TurnInput } from './assistant.types.ts';
import { monthsIn } from './message-reading.rules.ts';
import { longDate } from './charges/charge-dates.ts';

/**
 * The account actions the assistant may take: spotting a request, checking
 * it is allowed, and the confirmation that says exactly what will happen.
 * Nothing runs here; a proposal becomes an action only on its own "confirm".
 */

/** Billing's limit (MAX_PAUSE_MONTHS): a pause lasts 1 to 3 months in total. */
export const MAX_PAUSE_MONTHS = 3;

export type ActionRequest =
  | { kind: 'cancel' }
  | { kind: 'pause'; months: number | null }
  | { kind: 'sign_out_all' }
  | { kind: 'remove_device'; deviceId: string | null }
  | { kind: 'remove_member'; memberAccountId: string | null }
  | { kind: 'resend'; invitationId: string | null };

const REMOVE = /\b(remove|delete|unlink|kick|get rid of|take (?:off|away)|disconnect|throw out)\b/i;
const SIGN_OUT_ALL = /\b(?:sign|log)(?:ged|ging)?\s*(?:me\s+|everyone\s+|everybody\s+|them\s+)?out\b[^.?!]*\b(?:all|every(?:where|one|body|thing)?|other)\b|\bsign[- ]?out[- ]everywhere\b/i;
const RESEND = /\b(?:resend|re-send|send\b[^.?!]*\bagain|did ?n[o']?t (?:get|receive)|never (?:got|received|arrived))\b/i;
const CANCEL_STATUS = /\b(?:did|has|have|is|was|were|am)\b[^.?!]*\bcancel|\bcancel\w*\b[^.?!]*\b(?:go through|gone through|went through|pending|done|complete|confirmed|processed|worked|status)\b/i;
const CANCEL_REQUEST = /\b(?:want|like|need|wish|trying|try|how (?:do|can) i|can you|could you|please|let me|i'd)\b[^.?!]*\bcancel\b|^\s*(?:(?:ok(?:ay)?|so|then|fine|alright|right)[\s,]+)?(?:just\s+)?cancel\b|\b(?:want|like|need|wish) to (?:leave|quit|stop|end) (?:the|my|this) (?:plan|membership|subscription|service)\b|\b(?:stop|end|quit)\b[^.?!]*\b(?:for good|permanently|altogether|once and for all)\b/i;
const PAUSE_REQUEST = /\b(?:want|like|need|can you|could you|please|let me|i'd|how (?:do|can) i)\b[^.?!]*\bpause\b|^\s*pause\b/i;

const mentions = (text: string, name: string): boolean => name.trim().length > 1 && text.toLowerCase().includes(name.trim().toLowerCase());
const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

export function isCancelStatusQuestion(text: string): boolean {
  return CANCEL_STATUS.test(text) && !/\b(?:want|like|need) to cancel\b/i.test(text);
}

export function detectActionRequest(text: string, intent: Intent | null, snapshot: AccountSnapshot | null): ActionRequest | null {
  if (SIGN_OUT_ALL.test(text)) return { kind: 'sign_out_all' };
  if (REMOVE.test(text)) {
    const device = snapshot?.devices.find((candidate) => mentions(text, candidate.name));
    if (device) return { kind: 'remove_device', deviceId: device.id };
    const member = snapshot?.extraMembers.find((candidate) => mentions(text, candidate.name) || new RegExp(`\\b${escapeRegex(firstName(candidate.name))}\\b`, 'i').test(text));
    if (member) return { kind: 'remove_member', memberAccountId: member.accountId };
    if (/\b(?:extra member|member|person|sister|brother|friend|someone|profile)\b/i.test(text) && !/\bdevice\b/i.test(text)) return { kind: 'remove_member', memberAccountId: null };
    if (/\b(?:device|tv|phone|tablet|laptop|computer|console|stick)\b/i.test(text)) return { kind: 'remove_device', deviceId: null };
  }
  if (RESEND.test(text) && /\b(?:invit\w*|verif\w*|link|email)\b/i.test(text)) return { kind: 'resend', invitationId: null };
  if ((intent === 'membership.pause' && !/\b(?:paused|resume|resumes)\b/i.test(text)) || PAUSE_REQUEST.test(text)) return { kind: 'pause', months: monthsIn(text) };
  if (isCancelStatusQuestion(text)) return null;
  if ((intent === 'membership.cancel' && !/\?\s*$/.test(text)) || CANCEL_REQUEST.test(text)) return { kind: 'cancel' };
  return null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The end of the last paid period: when a cancellation takes effect and a pause starts. */
export function paidUntil(membership: MembershipView): string | null {
  const ends = membership.ledger.filter((line) => line.type === 'charge' && line.period_end !== null).map((line) => line.period_end as string);
  return ends.length === 0 ? (membership.state.next_billing_date ?? null) : ends.sort().at(-1) ?? null;
}

/**
 * A proposal's buttons carry the seq it was proposed at (`confirm:12`,
 * `decline:12`), so a tap on an older confirmation can never answer the one
 * open now.
 */
export const confirmChoices = (yes: string, proposedAt: number): Choice[] => [{ id: `confirm:${proposedAt}`, label: yes }, { id: `decline:${proposedAt}`, label: 'No, leave it' }];

export type ConfirmTap = { answer: 'confirm' | 'decline'; proposedAt: number | null };

/**
 * A tapped confirmation button and the proposal it belongs to; null when the
 * choice is not one. A bare or malformed one (`confirm`, `confirm:x`) names no
 * proposal, so it answers none.
 */
export function readConfirmTap(choice: string | null): ConfirmTap | null {
  const match = choice === null ? null : /^(confirm|decline)(?::(.*))?$/.exec(choice);
  if (!match) return null;
  const seq = match[2] !== undefined && /^\d{1,15}$/.test(match[2]) ? Number(match[2]) : null;
  return { answer: match[1] === 'decline' ? 'decline' : 'confirm', proposedAt: seq };
}

/** Whether a tap was on the open proposal's own buttons. */
export const tapIsFor = (tap: ConfirmTap, pending: PendingAction): boolean => tap.proposedAt === pending.proposedAt;

function confirm(body: string, action: AssistantAction, yes: string, input: TurnInput): { reply: Reply; pending: PendingAction } {
  // The request's message seq keys the action: a confirm delivered twice, or replayed after a crash, runs it once.
  const idempotencyKey = `assistant:${input.conversationId}:${input.seq}:${action.kind}`;
  return {
    reply: { body, payload: { kind: 'confirm_action', choices: confirmChoices(yes, input.seq), data: { action } } },
    pending: { action, idempotencyKey, proposedAt: input.seq },
  };
}

export type Proposal = { replies: Reply[]; pending: PendingAction | null; tried: string | null };

const say = (body: string, choices?: Choice[]): Reply => ({ body, payload: choices ? { kind: 'text', choices } : { kind: 'text' } });
const only = (body: string, tried: string | null = null, choices?: Choice[]): Proposal => ({ replies: [say(body, choices)], pending: null, tried });

function partnerName(membership: MembershipView): string | null {
  return membership.billed_by.kind === 'partner' ? membership.billed_by.partner : null;
}

function proposeMembershipChange(request: { kind: 'cancel' } | { kind: 'pause'; months: number | null }, snapshot: AccountSnapshot, input: TurnInput, today: string): Proposal {
  const verb = request.kind === 'cancel' ? 'cancel' : 'pause';
  if (snapshot.account.role === 'extra_member') {
    return only(`As an extra member you can’t ${verb} the membership: only the account owner can. The owner can do it from their account page, or chat with us from their own account.`, `Explained that an extra member cannot ${verb} the owner’s membership`);
  }
  const membership = snapshot.membership;
  if (!membership || membership.state.status === 'none') return only('I don’t see a Reelhouse membership on this account, so there is nothing to ' + verb + '.', `Checked: no membership to ${verb}`);
  const partner = partnerName(membership);
  if (partner) {
    return only(`Your membership is billed by ${partner}, so it’s ${request.kind === 'cancel' ? 'cancelled' : 'paused'} through ${partner}, not here. Look for Reelhouse in your ${partner} account or contact them; once they stop it, your access follows.`, `Explained that ${partner} bills the membership`);
  }
  const until = paidUntil(membership);
  const { status } = membership.state;
  if (request.kind === 'cancel') {
    if (status === 'canceled_pending') return only(`Your membership is already cancelled. You can keep watching until ${membership.state.access_until ?? until ? longDate((membership.state.access_until ?? until) as string) : 'the end of the paid period'}, and there are no further charges.`, 'Checked: cancellation already pending');
    if (status === 'canceled') return only(`Your membership is already cancelled${membership.state.access_until ? `; access ended on ${longDate(membership.state.access_until)}` : ''}. There are no further charges.`, 'Checked: membership already cancelled');
    const ending = status === 'active' && until !== null && until > today
      ? `your membership stops renewing, you can keep watching until ${longDate(until)}, and there are no further charges`
      : `your membership ends straight away (it is ${status === 'paused' ? 'paused' : 'on hold'}), and there are no further charges`;
    const action: AssistantAction = { kind: 'cancel_membership', membershipId: membership.id, finalServiceDate: status === 'active' ? until : today };
    const { reply, pending } = confirm(`Here’s what cancelling does: ${ending}. You can restart any time. Shall I cancel your membership?`, action, 'Yes, cancel it', input);
    return { replies: [reply], pending, tried: 'Proposed cancelling the membership' };
  }
  if (membership.pause) return only(`A pause is already set: it starts on ${longDate(membership.pause.starts)}${membership.pause.resumes ? ` and your membership restarts on ${longDate(membership.pause.resumes)}` : ''}.`, 'Checked: a pause is already scheduled');
  if (status !== 'active') return only('Only an active membership can be paused, and yours isn’t active right now.', `Checked: membership is ${status}, cannot pause`);
  const months = request.months;
  if (months === null || months < 1 || months > MAX_PAUSE_MONTHS) {
    const lead = months === null ? 'How long would you like to pause for?' : `A pause can last 1 to ${MAX_PAUSE_MONTHS} months.`;
    const choices = Array.from({ length: MAX_PAUSE_MONTHS }, (_, i) => ({ id: `pause:${i + 1}`, label: i === 0 ? '1 month' : `${i + 1} months` }));
    return only(`${lead} Pick a length and I’ll tell you exactly what happens before anything changes.`, null, choices);
  }
  const action: AssistantAction = { kind: 'pause_membership', membershipId: membership.id, months, startsOn: until };
  const { reply, pending } = confirm(
    `I can pause your membership for ${months === 1 ? '1 month' : `${months} months`}, starting ${until ?? 'at the end of your current paid period'}, when your paid period ends. You won’t be charged while it’s paused, and it restarts by itself afterwards. Shall I pause it?`,
    action, 'Yes, pause it', input,
  );
  return { replies: [reply], pending, tried: `Proposed pausing the membership for ${months} month(s)` };
}

export function proposeAction(request: ActionRequest, snapshot: AccountSnapshot, input: TurnInput): Proposal {
  const today = input.today;
  const account = snapshot.account;
  switch (request.kind) {
    case 'cancel':
    case 'pause':
      return proposeMembershipChange(request, snapshot, input, today);
    case 'sign_out_all': {
      const action: AssistantAction = { kind: 'sign_out_everywhere', accountId: account.id };
      const count = snapshot.devices.length;
      const { reply, pending } = confirm(
        `This signs out every device on your account${count > 0 ? ` (${count} right now)` : ''}, including this one, so everyone will need to sign in again. Your membership and profiles stay as they are. Shall I sign out all devices?`,
        action, 'Yes, sign out everywhere', input,
      );
      return { replies: [reply], pending, tried: 'Proposed signing out all devices' };
    }
    case 'remove_device': {
      const device = snapshot.devices.find((candidate) => candidate.id === request.deviceId);
      if (!device) {
        if (snapshot.devices.length === 0) return only('I don’t see any devices signed in to your account.', 'Checked: no devices signed in');
        return only('Which device should I remove?', null, snapshot.devices.map((candidate) => ({ id: `remove_device:${candidate.id}`, label: candidate.name })));
      }
      const action: AssistantAction = { kind: 'remove_device', accountId: account.id, deviceId: device.id, deviceName: device.name };
      const { reply, pending } = confirm(`This removes “${device.name}” from your account and signs it out; anyone using it would need to sign in again. Shall I remove it?`, action, 'Yes, remove it', input);
      return { replies: [reply], pending, tried: `Proposed removing the device “${device.name}”` };
    }
    case 'remove_member': {
      if (account.role !== 'owner') return only('Only the account owner can remove an extra member.', 'Explained that only the owner removes extra members');
      const member = snapshot.extraMembers.find((candidate) => candidate.accountId === request.memberAccountId);
      if (!member) {
        if (snapshot.extraMembers.length === 0) return only('There are no extra members on your account.', 'Checked: no extra members');
        return only('Which extra member should I remove?', null, snapshot.extraMembers.map((candidate) => ({ id: `remove_member:${candidate.accountId}`, label: candidate.name })));
      }
      const until = snapshot.membership ? paidUntil(snapshot.membership) : null;
      const action: AssistantAction = { kind: 'remove_extra_member', ownerAccountId: account.ownerAccountId, memberAccountId: member.accountId, memberName: member.name };
      const { reply, pending } = confirm(
        `This removes ${member.name} as an extra member: their access ends${snapshot.membership?.state.status === 'active' && until ? ` when your current paid period does (${longDate(until)})` : ' right away'}, and their own sign-in stays theirs. Shall I remove ${member.name}?`,
        action, `Yes, remove ${firstName(member.name)}`, input,
      );
      return { replies: [reply], pending, tried: `Proposed removing the extra member ${member.name}` };
    }
    case 'resend': {
      if (account.role !== 'owner') return only('Invitations are sent by the account owner, so only they can resend one. Ask them to open their extra members page.', 'Explained that only the owner resends invitations');
      const open = snapshot.invitations.filter((invitation) => invitation.status === 'pending' || invitation.status === 'expired');
      const invitation = open.find((candidate) => candidate.id === request.invitationId) ?? (open.length === 1 ? open[0] : undefined);
      if (!invitation) {
        if (open.length === 0) return only('There’s no extra-member invitation waiting to be accepted, so there is nothing to resend.', 'Checked: no open invitation to resend');
        return only('Which invitation should I resend?', null, open.map((candidate) => ({ id: `resend:${candidate.id}`, label: candidate.name })));
      }
      const maskedEmail = maskEmail(invitation.email);
      const action: AssistantAction = { kind: 'resend_invitation', ownerAccountId: account.ownerAccountId, invitationId: invitation.id, name: invitation.name, maskedEmail };
      const { reply, pending } = confirm(
        `This resends the extra-member invitation to ${invitation.name} (${maskedEmail}): the email they use to verify their address and join your membership. It comes with a fresh link. Shall I resend it?`,
        action, 'Yes, resend it', input,
      );
      return { replies: [reply], pending, tried: `Proposed resending the invitation to ${invitation.name}` };
    }
  }
}

/** A tapped choice that asks for an action (`remove_device:dev_1`, `pause:2`…); null when it is not one. */
export function requestFromChoice(choice: string): ActionRequest | null {
  const [kind, value = ''] = choice.split(':', 2);
  switch (kind) {
    case 'pause': return { kind: 'pause', months: Number(value) || null };
    case 'remove_device': return { kind: 'remove_device', deviceId: value };
    case 'remove_member': return { kind: 'remove_member', memberAccountId: value };
    case 'resend': return { kind: 'resend', invitationId: value };
    case 'sign_out_all': return { kind: 'sign_out_all' };
    case 'cancel_membership': return { kind: 'cancel' };
    default: return null;
  }
}
