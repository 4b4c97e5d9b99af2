import { chargesText, found, isDisputed, type CauseContext, type Found } from './cause-kit.ts';
import { daysBetween, longDate } from './charge-dates.ts';
import type { JsonValue } from './charge-types.ts';
import { planNameIn, toEvidence, type LedgerLine, type MembershipEventView } from './membership-reading.ts';

/** Charges this close together on two memberships look like one charge twice to the member. */
const SAME_DAYS = 1;

const STATUS_WORDS: Record<string, string> = {
  active: 'active', paused: 'paused', on_hold: 'on hold', canceled_pending: 'cancelled, still running until its end date', canceled: 'cancelled',
};

/** Another membership on the same card, with charges in the period: two accounts, two sets of charges. */
export function secondAccountSameCard(ctx: CauseContext): Found[] {
  const { reading } = ctx;
  const ownCharges = reading.recent.filter((line) => line.type === 'charge');
  const asked = ctx.disputed;
  const near = (a: string, b: string) => Math.abs(daysBetween(a, b)) <= SAME_DAYS;
  return ctx.sameCard.flatMap((other) => {
    const view = other.membership;
    const theirs = view.ledger.filter((line) => line.type === 'charge' && (reading.inWindow(line.date) || (asked?.account === 'other' && asked.line.id === line.id)));
    if (theirs.length === 0) return [];
    const plan = planNameIn(ctx.catalog, view.country, view.state.plan);
    // The earlier day of each pair of charges, one on each membership, a day or less apart.
    const sameDays = theirs.flatMap((line) => ownCharges.filter((own) => near(own.date, line.date)).map((own) => (own.date < line.date ? own.date : line.date)));
    const stopped = view.state.status === 'canceled' || view.state.status === 'canceled_pending';
    const about = asked !== null && (asked.account === 'other'
      ? asked.membership.id === view.id
      : theirs.some((line) => near(line.date, asked.line.date) && line.amount === asked.line.amount));
    const sentences = [
      `Your ${reading.cardText} also pays for a second Reelhouse membership, on the login ${other.maskedEmail} (${plan} plan, ${STATUS_WORDS[view.state.status] ?? view.state.status}).`,
      `That membership was charged ${chargesText(ctx, theirs)}${ownCharges.length > 0 ? `, besides this membership's ${chargesText(ctx, ownCharges)}` : ''}.`,
      sameDays.length > 0 ? `Both were charged around ${longDate(sameDays[0])}, which is why it can look like being charged twice.` : 'That is why you see more than one Reelhouse charge.',
      stopped
        ? `That membership is already cancelled${view.state.access_until ? `, with service until ${longDate(view.state.access_until)}` : ''}, so it will not be charged again.`
        : `If you don't need that membership, cancelling it stops its charges: sign in with ${other.maskedEmail} to cancel it, or ask an agent, who can do it once they have checked it is yours.`,
      'An agent can also review the charges already made on it.',
    ];
    const data: { [key: string]: JsonValue } = {
      membershipId: view.id, accountId: other.accountId, maskedEmail: other.maskedEmail, createdAt: other.createdAt,
      plan: view.state.plan, status: view.state.status, country: view.country, sameDays: [...new Set(sameDays)],
      otherCharges: theirs.map((line) => line.id),
    };
    return [found('second_account_same_card', {
      title: 'A second account pays with your card',
      headline: `A second Reelhouse membership (${other.maskedEmail}, ${plan}) is paid with the same card: ${chargesText(ctx, theirs)}.`,
      sentences,
      about,
      lines: [...theirs.map((line) => toEvidence(line, view.id, 'other')), ...ownCharges.map(reading.evidence)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      dates: [{ label: 'second membership created', date: other.createdAt.slice(0, 10) }],
      data,
      advice: stopped ? [] : [`If you don't need the membership on ${other.maskedEmail}, cancel it to stop its charges; an agent can help and review the charges already made.`],
    })];
  });
}

const RESTARTS = new Set(['restarted', 'cancellation_withdrawn']);
const CANCELS = new Set(['cancel_requested', 'canceled']);

function lastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

type Actor = { device_name?: string; device_id?: string; account_id?: string; via?: string };

function actorOf(event: MembershipEventView): Actor | null {
  const value = event.details.actor;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const known: Actor = {};
  for (const key of ['device_name', 'device_id', 'account_id', 'via'] as const) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'string' && field) known[key] = field;
  }
  return Object.keys(known).length > 0 ? known : null;
}

/** A restart after a cancellation, followed by a charge: when, and from which device if it was recorded. */
export function restartedBySomeoneElse(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const { events, account_id: accountId } = reading.view;
  const index = lastIndex(events, (event) => RESTARTS.has(event.type));
  if (index < 0) return null;
  const restart = events[index];
  // Only the cancellation this restart undid: the events since the restart before it.
  const before = events.slice(lastIndex(events.slice(0, index), (event) => RESTARTS.has(event.type)) + 1, index);
  const at = (i: number): MembershipEventView | undefined => (i >= 0 ? before[i] : undefined);
  const cancel = at(lastIndex(before, (event) => CANCELS.has(event.type)));
  if (!cancel) return null;
  const requested = at(lastIndex(before, (event) => event.type === 'cancel_requested'));
  const ended = at(lastIndex(before, (event) => event.type === 'canceled'));
  const nextCancel = events.slice(index + 1).find((event) => CANCELS.has(event.type));
  const after: LedgerLine[] = reading.charges.filter((line) => line.date >= restart.date && (!nextCancel || line.date <= nextCancel.date));
  if (after.length === 0) return null;
  const first = after[0];
  if (!reading.inWindow(restart.date) && !after.some((line) => reading.inWindow(line.date) || isDisputed(ctx, line))) return null;
  const actor = actorOf(restart);
  const fromOtherLogin = actor?.account_id && actor.account_id !== accountId;
  const who = actor?.device_name
    ? ` from the device "${actor.device_name}"${fromOtherLogin ? ', signed in with another login on your membership' : ''}`
    : actor?.device_id ? ' from one of the devices signed in to your account' : '';
  const cancelledOn = requested?.date ?? cancel.date;
  const sentences = [
    `The membership was cancelled on ${longDate(cancelledOn)}${ended && ended.date !== cancelledOn ? ` and ended on ${longDate(ended.date)}` : ''}.`,
    restart.type === 'restarted'
      ? `On ${longDate(restart.date)} it was restarted${who}, which charged ${reading.money(first.amount, first.currency)} that day${after.length > 1 ? `; since then it was also charged ${chargesText(ctx, after.slice(1))}` : ''}.`
      : `On ${longDate(restart.date)} the cancellation was withdrawn${who}, so the membership kept running and renewed: ${chargesText(ctx, after)}.`,
    actor ? '' : 'There is no record of which device it was done from.',
    'If nobody in your household did this, someone else may be using your account. Check the devices signed in to your account and remove any you don\'t know, and look at your account\'s security review. Changing your password and signing out of all devices stops anyone else from using it.',
    'If you don\'t want the membership, you can cancel it again; an agent can review the charge.',
  ];
  return found('restarted_by_someone_else', {
    title: 'The membership was restarted after it was cancelled',
    headline: `The membership was cancelled on ${longDate(cancelledOn)} and restarted on ${longDate(restart.date)}${actor?.device_name ? ` from "${actor.device_name}"` : ''}, then charged ${reading.money(first.amount, first.currency)} on ${longDate(first.date)}.`,
    sentences,
    about: after.some((line) => isDisputed(ctx, line)),
    lines: after.filter((line) => reading.inWindow(line.date) || isDisputed(ctx, line)).map(reading.evidence),
    dates: [
      { label: 'cancelled', date: cancelledOn },
      ...(ended ? [{ label: 'membership ended', date: ended.date }] : []),
      { label: 'restarted', date: restart.date },
    ],
    data: {
      canceledOn: cancelledOn, endedOn: ended?.date ?? null, restartedOn: restart.date, restart: restart.type,
      actor: actor ? { deviceName: actor.device_name ?? null, deviceId: actor.device_id ?? null, accountId: actor.account_id ?? null, via: actor.via ?? null } : null,
      suggestions: ['review_devices', 'security_review', 'sign_out_everywhere'],
    },
    advice: [
      'Check the devices signed in to your account and remove any you don\'t recognise.',
      'Look at your account\'s security review; if something is not yours, change your password and sign out of all devices.',
    ],
  });
}

/** Nothing in the ledger (or on the same card) accounts for what the member saw. */
export function noneFound(ctx: CauseContext | null, options: { asked: { amount?: number; date?: string } | null; currency: string | null; money: (amount: number) => string }): Found {
  const recent = ctx ? ctx.reading.recent.filter((line) => line.type === 'charge') : [];
  const what = [
    options.asked?.amount !== undefined && options.currency ? `of ${options.money(options.asked.amount)}` : '',
    options.asked?.date ? `around ${longDate(options.asked.date)}` : '',
  ].filter(Boolean).join(' ');
  const sentences = [
    !ctx
      ? 'This account has no Reelhouse membership, so Reelhouse has not charged it.'
      : options.asked
        ? `I couldn't find a Reelhouse charge ${what} on this membership, or on any other membership paying with the same card.`
        : 'There are no Reelhouse charges on this membership in the last three months.',
    recent.length > 0 ? `The charges in the last three months were ${chargesText(ctx!, recent)}.` : '',
    'If you don\'t recognise a charge, change your Reelhouse password and sign out of all devices, in case someone else is using your account or card.',
    'If the charge is not from Reelhouse, or you still don\'t recognise it, contact your bank to dispute it. An agent from our billing team can look into it with you.',
  ];
  return found('none_found', {
    title: 'A charge we cannot find',
    headline: options.asked ? `No Reelhouse charge ${what} was found on this account or the same card.` : 'No Reelhouse charges were found in the last three months.',
    sentences,
    about: options.asked !== null,
    lines: ctx ? recent.map(ctx.reading.evidence) : [],
    data: { askedAmount: options.asked?.amount ?? null, askedDate: options.asked?.date ?? null },
    advice: [
      'Change your password and sign out of all devices.',
      'If the charge is not from Reelhouse, dispute it with your bank.',
    ],
  });
}

