import { found, isDisputed, rateText, relevant, type CauseContext, type Found } from './cause-kit.ts';
import { addDays, businessDaysAfter, dateList, dayOfMonth, longDate, ordinal, weekdayName } from './charge-dates.ts';
import { detail, type LedgerLine } from './membership-reading.ts';

/** Days after the due date on which billing tries a declined charge again (contracts/billing.md). */
export const RETRY_DAYS = [1, 3, 7] as const;

/** The tax inside the charge asked about, or the latest one: added on top, or included in the price. */
export function taxes(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  // Another membership's charge is taxed by the same rules only in the same country and region.
  const sameRules = ctx.disputed?.account === 'this'
    || (ctx.disputed?.membership.country === reading.view.country && ctx.disputed.membership.region === reading.view.region);
  const asked = ctx.disputed && sameRules && ctx.disputed.line.type === 'charge' ? ctx.disputed.line : null;
  const subject = asked ?? [...reading.recent].reverse().find((line) => line.type === 'charge' && (line.tax ?? 0) > 0);
  if (!subject || !subject.tax) return null;
  const money = (amount: number) => reading.money(amount, subject.currency);
  const rate = reading.tax && reading.tax.rate > 0 ? ` (${rateText(reading.tax.rate)})` : '';
  const when = `${money(subject.amount)} charged on ${longDate(subject.date)}`;
  const sentences = reading.tax?.mode === 'exclusive'
    ? [`Prices where you live are shown before tax, and the tax is added when you are charged.`, `Of the ${when}, ${money(subject.amount - subject.tax)} is the price and ${money(subject.tax)} is tax${rate}.`]
    : reading.tax?.mode === 'inclusive'
      ? [`Prices where you live include tax: nothing is added on top.`, `The ${when} already includes ${money(subject.tax)} of tax${rate}.`]
      : [`Of the ${when}, ${money(subject.tax)} is tax.`];
  return found('taxes', {
    title: 'Tax',
    headline: reading.tax?.mode === 'exclusive'
      ? `Tax of ${money(subject.tax)}${rate} is added to the price: ${money(subject.amount - subject.tax)} + ${money(subject.tax)} = ${money(subject.amount)}.`
      : `The ${money(subject.amount)} includes ${money(subject.tax)} of tax${rate}.`,
    sentences,
    about: asked !== null,
    lines: [asked ? ctx.disputed!.evidence : reading.evidence(subject)],
    data: { mode: reading.tax?.mode ?? null, rate: reading.tax?.rate ?? null, region: reading.view.region, tax: subject.tax, beforeTax: subject.amount - subject.tax },
  });
}

/** A partner bills: no charges here, and the partner is who to ask. */
export function partnerBilling(ctx: CauseContext): Found | null {
  const { billed_by: billedBy } = ctx.reading.view;
  if (billedBy.kind !== 'partner') return null;
  const partner = billedBy.partner;
  return found('partner_billing', {
    title: `Billed by ${partner}`,
    headline: `Your membership is billed by ${partner}, not by Reelhouse: the charge is on your ${partner} bill.`,
    sentences: [
      `Your Reelhouse membership is billed by ${partner}, so Reelhouse has not charged your card: there are no Reelhouse charges on this account.`,
      `The membership appears on your ${partner} bill, on ${partner}'s billing date, which can differ from the day you joined.`,
      `To ask about that charge, change your plan or cancel, contact ${partner} or use your account with them: ask them for the date and amount of the Reelhouse line on your bill.`,
    ],
    about: ctx.question !== undefined && ctx.disputed === null,
    data: { partner },
    advice: [`Contact ${partner} about charges, plan changes and cancelling: they bill this membership.`],
  });
}

/** The date on the statement is a few business days after the charge: one charge, posted later. */
export function bankPostingDelay(ctx: CauseContext): Found | null {
  const disputed = ctx.disputed;
  const seen = ctx.question?.date;
  if (!disputed || !seen || disputed.line.type !== 'charge' || disputed.line.date >= seen) return null;
  const businessDays = businessDaysAfter(disputed.line.date, seen);
  if (businessDays < 1 || businessDays > 3) return null;
  const line = disputed.line;
  return found('bank_posting_delay', {
    title: 'Your bank showed it a little later',
    headline: `The charge was made on ${longDate(line.date)}; your bank posted it on ${longDate(seen)}, ${businessDays} business day${businessDays === 1 ? '' : 's'} later.`,
    sentences: [
      `We made this charge of ${ctx.reading.money(line.amount, line.currency)} on ${weekdayName(line.date)}, ${longDate(line.date)}.`,
      `Banks usually post a charge 1 to 3 business days after it is made, so it appears on your statement on ${longDate(seen)}.`,
      'It is the same charge, not a second one.',
    ],
    about: true,
    lines: [disputed.evidence],
    dates: [{ label: 'charged', date: line.date }, { label: 'on the statement', date: seen }],
    data: { chargedOn: line.date, statementDate: seen, businessDays },
  });
}

/** The 1.00 check of a new card: authorised and voided the same day, never a charge. */
export function temporaryAuthorization(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const checks = reading.view.ledger.filter((line) => line.type === 'authorization' && relevant(ctx, line));
  if (checks.length === 0) return null;
  const latest = checks[checks.length - 1];
  const voids = reading.view.ledger.filter((line) => line.type === 'authorization_void' && checks.some((check) => check.date === line.date));
  const card = reading.view.payment_method ? `the card ending ${reading.view.payment_method.last4}` : 'a new card';
  const amount = reading.money(latest.amount, latest.currency);
  return found('temporary_authorization', {
    title: 'A temporary check of your card',
    headline: `The ${amount} on ${longDate(latest.date)} was a temporary check of a new card, released the same day: not a charge.`,
    sentences: [
      `On ${longDate(latest.date)}, when ${card} was added, we checked it with a temporary hold of ${amount} and released it the same day.`,
      'It is not a charge and no money was taken. Your bank may show it as pending for a few days; then it drops off by itself.',
    ],
    about: [...checks, ...voids].some((line) => isDisputed(ctx, line)),
    lines: [...checks, ...voids].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map(reading.evidence),
    dates: checks.map((line) => ({ label: 'card checked', date: line.date })),
    data: { checkedOn: checks.map((line) => line.date), amount: latest.amount },
  });
}

type FailedEpisode = { due: string; amount: number; currency: string; attempts: LedgerLine[]; recovered: LedgerLine | null; canceledOn: string | null };

/** Failed attempts grouped by the charge they tried: the due date's attempt, then its retries, and how it ended. */
function failedEpisodes(ctx: CauseContext): FailedEpisode[] {
  const episodes: FailedEpisode[] = [];
  let open: FailedEpisode | null = null;
  for (const line of ctx.reading.view.ledger) {
    if (line.type === 'payment_failed') {
      if (!open || line.reason !== 'payment_retry') {
        open = { due: line.date, amount: line.amount, currency: line.currency, attempts: [], recovered: null, canceledOn: null };
        episodes.push(open);
      }
      open.attempts.push(line);
    } else if (open && line.type === 'charge' && line.reason === 'payment_retry') {
      open.recovered = line;
      open = null;
    }
  }
  for (const episode of episodes) {
    if (episode.recovered) continue;
    const end = ctx.reading.view.events.find((event) => event.type === 'canceled' && detail(event, 'reason') === 'payment_failed' && event.date >= episode.due);
    episode.canceledOn = end?.date ?? null;
  }
  return episodes;
}

/** A declined charge and its retries: a failed attempt is not a charge, and the next try has a date. */
export function failedPaymentRetry(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const { state } = reading.view;
  const episodes = failedEpisodes(ctx);
  const current = state.status === 'on_hold' ? episodes[episodes.length - 1] : undefined;
  const episode = [...episodes].reverse().find((candidate) =>
    candidate === current || [...candidate.attempts, ...(candidate.recovered ? [candidate.recovered] : [])].some((line) => relevant(ctx, line)));
  if (!episode) return null;
  const money = reading.money(episode.amount, episode.currency);
  const schedule = RETRY_DAYS.map((days) => addDays(episode.due, days));
  const retries = episode.attempts.slice(1);
  const sentences = [
    `On ${longDate(episode.due)} your bank declined the charge of ${money}. A declined attempt is not a charge: no money was taken.`,
    `We try again ${RETRY_DAYS.slice(0, -1).join(', ')} and ${RETRY_DAYS[RETRY_DAYS.length - 1]} days after the due date (${dateList(schedule)}).`,
  ];
  if (retries.length > 0) sentences.push(`The ${retries.length === 1 ? 'try' : 'tries'} on ${dateList(retries.map((line) => line.date))} ${retries.length === 1 ? 'was' : 'were'} declined too.`);
  let nextRetry: string | null = null;
  if (episode.recovered) {
    const line = episode.recovered;
    sentences.push(`On ${longDate(line.date)} the payment went through: ${reading.money(line.amount, line.currency)} was charged, the membership came off hold, and your billing day moved to the ${ordinal(dayOfMonth(line.date))}.`);
  } else if (episode.canceledOn) {
    sentences.push(`After the last try was declined, the membership was cancelled on ${longDate(episode.canceledOn)}. Nothing more will be charged.`);
  } else if (episode === current) {
    nextRetry = state.next_billing_date;
    sentences.push(`Your membership is on hold until a payment goes through, so you cannot watch for now.${nextRetry ? ` The next try is on ${longDate(nextRetry)}.` : ''}`);
    sentences.push(`Updating your card tries the payment again at once. If the last try on ${longDate(schedule[schedule.length - 1])} is declined too, the membership is cancelled that day.`);
  }
  const lines = [...episode.attempts, ...(episode.recovered ? [episode.recovered] : [])];
  return found('failed_payment_retry', {
    title: 'A payment that was declined',
    headline: episode.recovered
      ? `The charge of ${money} due on ${longDate(episode.due)} was declined, then went through on ${longDate(episode.recovered.date)}.`
      : `The charge of ${money} due on ${longDate(episode.due)} was declined: no money was taken${nextRetry ? `; the next try is on ${longDate(nextRetry)}` : ''}.`,
    sentences,
    about: lines.some((line) => isDisputed(ctx, line)),
    lines: lines.map(reading.evidence),
    dates: [{ label: 'due', date: episode.due }, ...schedule.map((date) => ({ label: 'retry', date })), ...(nextRetry ? [{ label: 'next try', date: nextRetry }] : [])],
    data: {
      dueDate: episode.due, amount: episode.amount, attempts: episode.attempts.map((line) => line.date), retrySchedule: schedule,
      nextRetry, recoveredOn: episode.recovered?.date ?? null, canceledOn: episode.canceledOn, status: state.status,
    },
    advice: episode === current && !episode.recovered ? ['Update your card in your account: the payment is tried again at once and the hold ends when it goes through.'] : [],
  });
}
