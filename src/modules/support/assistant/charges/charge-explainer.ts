import { formatMoney } from '../../../billing/index.ts';
import { cancellationState } from './cancellation-state.ts';
import type { CauseContext, Found } from './cause-kit.ts';
import { noneFound, restartedBySomeoneElse, secondAccountSameCard } from './causes-account.ts';
import { bankPostingDelay, failedPaymentRetry, partnerBilling, taxes, temporaryAuthorization } from './causes-payment.ts';
import { regularCharge } from './cause-regular.ts';
import { billingDayAdjusted, extraMemberSlot, priceChange, upgradeProration } from './causes-plan.ts';
import { addMonths, isDate, longDate } from './charge-dates.ts';
import { asksAboutACharge, findDisputedCharge } from './charge-matching.ts';
import type { ChargeCause, ChargeExplanation, ChargeFinding, ChargeQuestion, ChargeQuestionDetail } from './charge-types.ts';
import { readMembership } from './membership-reading.ts';
import { planOffer, upcomingCharge } from './next-charge.ts';

export type { ChargeCause, ChargeExplanation, ChargeFinding, ChargeQuestion, EvidenceLine, CancellationState } from './charge-types.ts';

/** The order findings are told in when nothing else decides it: the most specific first. */
const CAUSE_ORDER: readonly ChargeCause[] = [
  'second_account_same_card', 'restarted_by_someone_else', 'failed_payment_retry', 'temporary_authorization', 'upgrade_proration',
  'extra_member_slot', 'price_change', 'billing_day_adjusted', 'bank_posting_delay', 'partner_billing', 'regular_charge', 'taxes', 'none_found',
];

/** Words that tell which cause the member has in mind; they only change the order. */
const HINTS: readonly [RegExp, ChargeCause][] = [
  [/\b(twice|double|two (charges|accounts)|duplicate|second account)\b/i, 'second_account_same_card'],
  [/\bcancel/i, 'restarted_by_someone_else'],
  [/\b(pending|authori[sz]ation|hold of|1\.00)\b/i, 'temporary_authorization'],
  [/\b(declin|fail|retry|on hold)/i, 'failed_payment_retry'],
  [/\bupgrad/i, 'upgrade_proration'],
  [/\b(extra member|slot)/i, 'extra_member_slot'],
  [/\b(price|increase|went up|more than usual)/i, 'price_change'],
  [/\b(tax|vat|gst|hst)\b/i, 'taxes'],
  [/\b(statement|posted|bank shows)/i, 'bank_posting_delay'],
  [/\b(carrier|mobile|partner|phone bill|cable)/i, 'partner_billing'],
  [/\b(31st|30th|29th|billing day|different day|earlier than)/i, 'billing_day_adjusted'],
];

const NOTE_POSTING = 'Banks usually show a charge 1 to 3 business days after it is made, so the date on a statement can be a little later than the date here.';

/**
 * Explains a member's charges from the ledger, with evidence: the charge
 * they ask about (matched by amount and date, on this membership or another
 * one on the same card) and every cause in the last three months. Pure: the
 * caller reads the membership, the same-card memberships and the catalog.
 */
export function explainCharges(input: ChargeQuestion): ChargeExplanation {
  const { membership: view, today } = input;
  const question = cleanQuestion(input.question);
  const asks = asksAboutACharge(question);
  const asked = asks && question ? { ...(question.amount !== undefined ? { amount: question.amount } : {}), ...(question.date ? { date: question.date } : {}) } : null;
  const window = { from: addMonths(today, -3), to: today };

  if (!view) {
    const none = noneFound(null, { asked, currency: null, money: String });
    return finish({
      membershipId: null, accountId: null, currency: null, today, window, question: questionToKeep(question), explained: false, disputedCharge: null,
      cancellation: cancellationState(null), found: [none], hints: [], upcoming: null, offer: null,
    });
  }

  const reading = readMembership(view, { today, catalog: input.catalog });
  const disputed = findDisputedCharge({ own: view, sameCard: input.sameCard, question, windowFrom: window.from, today });
  const ctx: CauseContext = { reading, disputed, question, sameCard: input.sameCard, catalog: input.catalog };
  const found: Found[] = [
    ...secondAccountSameCard(ctx),
    restartedBySomeoneElse(ctx),
    failedPaymentRetry(ctx),
    temporaryAuthorization(ctx),
    ...upgradeProration(ctx),
    extraMemberSlot(ctx),
    priceChange(ctx),
    billingDayAdjusted(ctx),
    bankPostingDelay(ctx),
    partnerBilling(ctx),
    regularCharge(ctx),
    taxes(ctx),
  ].filter((item): item is Found => item !== null);

  // Every ledger line has a reason: one no specific cause claimed is still described.
  const onlyContext = new Set<ChargeCause>(['taxes', 'bank_posting_delay']);
  if (disputed && !found.some((item) => item.finding.aboutDisputedCharge && !onlyContext.has(item.finding.cause))) {
    const described = regularCharge(ctx, { fallback: true });
    if (described) found.push(described);
  }
  const partner = view.billed_by.kind === 'partner';
  const explained = asks ? disputed !== null || partner : found.length > 0;
  if (!explained) found.push(noneFound(ctx, { asked, currency: view.currency, money: (amount) => formatMoney(amount, view.currency) }));
  const hints = HINTS.filter(([pattern]) => pattern.test(question?.text ?? '')).map(([, cause]) => cause);
  return finish({
    membershipId: view.id, accountId: view.account_id, currency: view.currency, today, window, question: questionToKeep(question), explained,
    disputedCharge: disputed?.evidence ?? null, cancellation: cancellationState(reading), found, hints,
    upcoming: upcomingCharge(view, reading), offer: planOffer(view, input.catalog, reading),
  });
}

/**
 * The question as the explanation keeps it: its amount and date, not the member's words. The
 * explanation is stored as the answer's payload, and the words may hold what the chat keeps only
 * until the desk has read it (a service code), so they are read here and never copied out.
 */
function questionToKeep(question: ChargeQuestionDetail | undefined): ChargeQuestionDetail | null {
  if (!question) return null;
  const { text: _words, ...kept } = question;
  return kept;
}

/** A date that is not a real date, or an amount that is not a sum of money, is left out rather than guessed. */
function cleanQuestion(question: ChargeQuestion['question']): ChargeQuestion['question'] {
  if (!question) return undefined;
  const amount = typeof question.amount === 'number' && Number.isFinite(question.amount) && question.amount >= 0 ? Math.round(question.amount) : undefined;
  const date = isDate(question.date) ? question.date : undefined;
  return { ...(amount !== undefined ? { amount } : {}), ...(date ? { date } : {}), ...(question.text ? { text: question.text } : {}) };
}

function finish(parts: Omit<ChargeExplanation, 'findings' | 'summary' | 'advice' | 'notes' | 'suggestedHandOff'> & { found: Found[]; hints: ChargeCause[] }): ChargeExplanation {
  const { found, hints, ...rest } = parts;
  const order = (finding: ChargeFinding) => [
    finding.aboutDisputedCharge ? 0 : 1,
    hints.includes(finding.cause) ? 0 : 1,
    CAUSE_ORDER.indexOf(finding.cause),
  ];
  const sorted = [...found].sort((a, b) => {
    const [x, y] = [order(a.finding), order(b.finding)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const findings = sorted.map((item) => item.finding);
  const disputed = rest.disputedCharge;
  const summary = [
    ...(disputed ? [`The charge asked about is ${formatMoney(disputed.amount, disputed.currency)} on ${longDate(disputed.date)}${disputed.account === 'other' ? ', on another membership paid with the same card' : ''}.`] : []),
    ...findings.map((finding) => finding.headline),
    // A restart finding already tells the cancellation's story.
    ...(rest.cancellation.state !== 'none' && !findings.some((finding) => finding.cause === 'restarted_by_someone_else') ? [rest.cancellation.explanation] : []),
  ];
  const hasCharges = findings.some((finding) => finding.evidence.lines.some((line) => line.type === 'charge'));
  const unexplained = findings.some((finding) => finding.cause === 'none_found');
  const duplicate = findings.find((finding) => finding.cause === 'second_account_same_card' && !['canceled', 'canceled_pending'].includes(String(finding.data.status)));
  return {
    ...rest,
    findings,
    summary,
    advice: [...new Set(sorted.flatMap((item) => item.advice))],
    notes: hasCharges || rest.question?.date ? [NOTE_POSTING] : [],
    suggestedHandOff: unexplained
      ? { queue: 'billing', reason: 'unexplained_charge', why: 'The member asked about a charge the ledger does not explain.' }
      : duplicate
        ? { queue: 'billing', reason: 'needs_agent', why: 'A second membership is paid with the same card; the member may want it cancelled and its charges reviewed.' }
        : null,
  };
}
