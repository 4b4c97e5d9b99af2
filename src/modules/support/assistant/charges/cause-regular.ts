import { chargesText, found, type CauseContext, type Found } from './cause-kit.ts';
import { dayOfMonth, longDate, ordinal } from './charge-dates.ts';
import { isWholePeriod } from './membership-reading.ts';

/** What each kind of charge is, when no more specific cause tells its story. */
const REASON_WORDS: Record<string, string> = {
  signup: 'first month', renewal: 'monthly renewal', unpause: 'charge for resuming early', restart: 'charge for restarting the membership',
  plan_upgrade: 'charge for a plan upgrade', extra_member_added: 'charge for an extra-member slot', payment_retry: 'retried payment',
};

/**
 * What an ordinary line is: the one asked about, or the recent monthly
 * charges when nothing was singled out. `fallback`: describe the line asked
 * about whatever its reason, because no other cause could.
 */
export function regularCharge(ctx: CauseContext, options: { fallback?: boolean } = {}): Found | null {
  const { reading } = ctx;
  const disputed = ctx.disputed?.account === 'this' ? ctx.disputed : null;
  if (!disputed) return ctx.disputed ? null : recentCharges(ctx);
  const line = disputed.line;
  const money = reading.money(line.amount, line.currency);
  const refunded = disputed.evidence.refunded ? `${reading.money(disputed.evidence.refunded, line.currency)} of it has been refunded.` : '';
  const period = line.period_start && line.period_end ? `It covers ${longDate(line.period_start)} to ${longDate(line.period_end)}.` : '';
  const plan = reading.planName(reading.planAt(line.date));
  let sentence: string;
  if (line.type === 'refund') {
    const of = reading.view.ledger.find((entry) => entry.id === line.refund_of);
    sentence = `This is a refund of ${money} made on ${longDate(line.date)}${of ? `, for the charge of ${reading.money(of.amount, of.currency)} on ${longDate(of.date)}` : ''}. It goes back to the card it was charged to; banks can take a few days to show it.`;
  } else if (line.type !== 'charge') {
    return null;
  } else if (line.reason === 'signup') {
    sentence = `This is the first month of your ${plan} plan, charged when the membership started on ${longDate(line.date)}.`;
  } else if (line.reason === 'renewal') {
    sentence = `This is the monthly renewal of your ${plan} plan on ${longDate(line.date)}.`;
  } else if (line.reason === 'unpause') {
    sentence = `This is the charge for resuming your membership early on ${longDate(line.date)}: a new month started that day, and your billing day moved to the ${ordinal(dayOfMonth(line.date))}.`;
  } else if (options.fallback) {
    sentence = `This is the ${REASON_WORDS[line.reason ?? ''] ?? 'charge'} of ${money} on ${longDate(line.date)}.`;
  } else {
    return null;
  }
  const what = line.type === 'refund' ? 'a refund' : `your ${plan} plan's ${REASON_WORDS[line.reason ?? ''] ?? 'charge'}`;
  return found('regular_charge', {
    title: line.type === 'refund' ? 'A refund' : 'The charge you asked about',
    headline: `The ${money} on ${longDate(line.date)} is ${what}.`,
    sentences: [sentence, line.type === 'charge' ? period : '', refunded],
    about: true,
    lines: [disputed.evidence],
    data: { reason: line.reason, plan: reading.planAt(line.date) },
  });
}

function recentCharges(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const monthly = reading.recent.filter((entry) => isWholePeriod(entry) && entry.reason !== 'restart' && entry.reason !== 'payment_retry');
  const refunds = reading.recent.filter((entry) => entry.type === 'refund');
  if (monthly.length === 0 && refunds.length === 0) return null;
  const refundText = refunds.length > 0 ? `You also received ${refunds.length === 1 ? 'a refund' : 'refunds'} of ${chargesText(ctx, refunds)}.` : '';
  const monthlyText = monthly.length > 0 ? `In the last three months this membership was charged ${chargesText(ctx, monthly)}` : '';
  return found('regular_charge', {
    title: 'Your monthly charges',
    headline: [monthlyText ? `${monthlyText}.` : '', refundText].filter(Boolean).join(' '),
    sentences: [monthlyText ? `${monthlyText}, each for a month of Reelhouse.` : '', refundText],
    about: false,
    lines: [...monthly, ...refunds].map(reading.evidence),
  });
}
