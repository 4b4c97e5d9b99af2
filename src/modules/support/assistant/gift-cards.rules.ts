import { estimateGiftBalance, formatMoney, type MembershipView } from '../../billing/index.ts';
import type { Intent } from '../../triage/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { FEEDBACK_CHOICES, HANDOFF_CHOICES, say, type TopicOutcome } from './account-topics.rules.ts';
import type { AssistantTools } from './assistant.types.ts';
import { addMonths, daysBetween, longDate, monthName } from './charges/charge-dates.ts';
import { chargeAfter, readGiftLedger, redeemedAfterSameDayCharge, type GiftLedger, type GiftSplit } from './gift-ledger.rules.ts';

/**
 * Gift-card questions answered from the ledger (issue 12 point 3): the
 * balance ran out so the card was charged, a card redeemed on the renewal day
 * is used from the next charge, the rest of a charge went on the card, a code
 * in another country's currency, the balance and about how long it lasts, and
 * the scam where someone wants to be paid in gift cards. Pure: the message,
 * triage's intent, the snapshot and the explainer's next charge in; replies out.
 */

export type GiftQuestion = 'scam' | 'used' | 'wrong_currency' | 'balance' | 'redeem' | 'charge';

const GIFT = /\bgift ?(?:cards?|codes?|balance|credit|vouchers?)\b|\bvouchers?\b|\bgift\b[^.?!]{0,20}\b(?:redeem\w*|code|balance)\b|\bredeem\w*\b/i;
const SCAM_WORDS = /\bscam\w*|\bfraud\w*|\blegit\w*|\bgenuine\b|\bsuspicious\b/i;
/** Someone other than the member: a caller, a message, "they". */
const THIRD_PARTY = /\b(?:someone|somebody|a (?:man|woman|guy|lady|person)|caller|call(?:ed)? me|phoned|rang|on the phone|they|he|she|an? (?:e-?mail|text|sms|message|call|website|site|pop-?up)|(?:support|agent|technician|person)\b[^.?!]{0,15}\b(?:told|asked|wants|said))\b/i;
const ASKS = /\b(?:asked|asking|asks|told|tells|telling|wants?|wanted|said|says|demand\w*|insist\w*|must|have to|need to|supposed to)\b/i;
const PAY_IN_CARDS = /\b(?:pay\w*|buy\w*|purchas\w*|send\w*|read\w*|give|photo\w*|picture)\b|\bfor the (?:gift ?card )?(?:codes?|pins?|numbers?)\b/i;
/** What scammers threaten or promise to get the cards: a fine, a suspension, a fix. */
const PRESSURE = /\bto (?:pay|buy|send|read|give)\b|\b(?:fine|suspend\w*|lock\w*|clos\w*|unlock\w*|fix\w*|or else)\b/i;
/** The member already passed codes on to someone. */
const SENT_CODES = /\b(?:sent|gave|given|read(?: out)?|texted|emailed)\b[^.?!]{0,25}\b(?:codes?|pins?|numbers|gift ?cards?)\b[^.?!]{0,25}\bto\b/i;
/** Asked about what comes: how long the balance lasts, when the card is charged again. */
const AHEAD = /\buntil when\b|\bhow long\b|\bwhen will\b|\bstart(?:s|ing)? (?:being )?charg\w*|\bwill\b[^.?!]{0,30}\b(?:pay|cover|charg\w*)\b/i;
const CURRENCY_WORDS: [RegExp, string][] = [
  [/€|\beur(?:o|os)?\b/i, 'EUR'], [/£|\bgbp\b|\bpounds?\b|\bquid\b/i, 'GBP'], [/¥|\byen\b|\bjpy\b/i, 'JPY'],
  [/R\$|\breais\b|\bbrl\b/i, 'BRL'], [/\bcad\b|\bcanadian\b/i, 'CAD'], [/\busd\b|\bus dollars?\b|\bamerican\b/i, 'USD'],
];
const COUNTRY_WORDS = /\bgift_card_currency\b|\bcurrenc\w*|\b(?:another|other|different|wrong) country\b|\bcountr(?:y|ies)\b|\babroad\b|\boverseas\b|\bon (?:holiday|vacation)\b|\bbought (?:it )?(?:in|from) (?:the )?[a-z]+|\bfrom (?:the )?(?:us|usa|uk|states|germany|japan|canada|brazil|america|england)\b/i;
const REFUSED = /\b(?:not|n['’]?t|never|invalid|refus\w*|reject\w*|error|declin\w*|wrong|won['’]?t|doesn['’]?t|can['’]?t|cannot|fails?|failed)\b/i;
const ALREADY_USED = /\b(?:already (?:been )?(?:used|redeemed|claimed)|used already|been used)\b/i;
const HOW_TO = /\b(?:how|where)\b[^.?!]{0,30}\b(?:redeem|enter|type|put|add|use|apply|activate)\w*|\bcan i\b|\bwhat do i do\b/i;
const BALANCE = /\b(?:balance|left|remaining|how much (?:is )?(?:still )?(?:on|left)|how long|last|run(?:s|ning)? out|until when|enough|expire\w*|cover\w*|how many (?:months|charges|payments))\b|\bwill\b[^.?!]{0,30}\bpay\b[^.?!]{0,20}\bnext\b/i;

export function mentionsGiftCard(text: string): boolean {
  return GIFT.test(text);
}

/** The currency a message names for its card, if any ("a 50 euro card", "bought with £"). */
export function currencyNamed(text: string): string | null {
  return CURRENCY_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** What a message about gift cards asks; null when it is not about gift cards. */
export function readGiftQuestion(text: string, intent: Intent | null = null): GiftQuestion | null {
  const gift = GIFT.test(text) || intent === 'gift_card';
  if (!gift) return null;
  if (SCAM_WORDS.test(text) || SENT_CODES.test(text) || (THIRD_PARTY.test(text) && PAY_IN_CARDS.test(text) && (ASKS.test(text) || PRESSURE.test(text)))) return 'scam';
  if (ALREADY_USED.test(text) || /\bgift_card_used\b/i.test(text)) return 'used';
  if (COUNTRY_WORDS.test(text) || (currencyNamed(text) !== null && REFUSED.test(text))) return 'wrong_currency';
  const charged = /\bcharg\w*|\bbill\w*|\bpaid\b|\btook\b|\btaken?\b|\bdebit\w*|\bmoney from\b/i.test(text);
  if ((BALANCE.test(text) && !charged) || AHEAD.test(text)) return 'balance';
  if (HOW_TO.test(text) && !charged) return 'redeem';
  return 'charge';
}

const money = (amount: number, currency: string) => formatMoney(amount, currency);
const cardOf = (membership: MembershipView) => (membership.payment_method ? `your card ending ${membership.payment_method.last4}` : 'your payment method');
const CURRENCY_COUNTRY: Record<string, string> = { USD: 'the United States', GBP: 'the United Kingdom', EUR: 'the euro countries', JPY: 'Japan', CAD: 'Canada', BRL: 'Brazil' };

function feedback(body: string, tried: string, findings: string[] = [body]): TopicOutcome {
  return { replies: [say(body, FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: [tried], findings };
}

export function scamAnswer(): TopicOutcome {
  return {
    replies: [say(
      'That’s a scam. Nobody legitimate asks to be paid in gift cards: not Reelhouse, not a bank, not a tax office or the police. Reelhouse never asks for payment in gift cards and never asks you for a gift card’s code; a code is only ever typed by you, on your own account’s Redeem page. Stop contact and don’t send or read out any codes. If you already did, contact the company that issued the cards straight away with the codes and receipts: they can sometimes freeze what isn’t spent yet. Would you like our security team to look at it?',
      HANDOFF_CHOICES,
    )],
    offer: { kind: 'handoff', queue: 'security', reason: 'needs_agent' },
    tried: ['Explained that nobody legitimate asks to be paid in gift cards'],
    findings: ['The member describes someone asking to be paid in gift cards (a scam).'],
  };
}

export function wrongCurrencyAnswer(text: string, membership: MembershipView | null): TopicOutcome {
  const named = currencyNamed(text);
  const ours = membership?.currency ?? null;
  const where = ours ? `Your account is billed in ${ours}${CURRENCY_COUNTRY[ours] ? ` (${CURRENCY_COUNTRY[ours]})` : ''}, so only gift cards in ${ours} work on it.` : 'A gift card works only on an account billed in the card’s own currency.';
  const theirs = named && named !== ours ? ` A card in ${named} is for the Reelhouse service of ${CURRENCY_COUNTRY[named] ?? 'the country it was bought for'}.` : ' A card bought for another country’s Reelhouse is in that country’s currency.';
  const body = `${where}${theirs} It can’t be used or converted here, but the refusal didn’t use the code up: keep it for that country’s Reelhouse, or give it to someone who has an account there. The shop that sold it may also exchange it.`;
  return feedback(body, 'Explained that a gift card works only in its own currency', [`Gift card in another currency${named ? ` (${named})` : ''}; the account is billed in ${ours ?? 'an unknown currency'}.`]);
}

export function redeemAnswer(membership: MembershipView | null): TopicOutcome {
  const partner = membership?.billed_by.kind === 'partner' ? membership.billed_by.partner : null;
  const body = partner
    ? `${partner} bills your membership, so a gift card can’t be redeemed on this account: a gift balance can only pay charges Reelhouse makes itself. Keep the code: it works once billing is with Reelhouse.`
    : `Sign in with the account the card should pay for, open Account › Redeem a gift card (or go to /redeem) and type the code as printed. Its value goes onto your gift balance at once, and every charge is paid from the balance first; only the rest goes on your card. The balance never expires, and you don’t need an active membership to redeem.${membership?.state.status === 'on_hold' ? ' As your membership is on hold, redeeming also retries the failed payment straight away.' : ''}`;
  return feedback(body, 'Explained how to redeem a gift card');
}

export function usedAnswer(): TopicOutcome {
  return feedback(
    'Each gift card code works once, on one Reelhouse account. If it says it was already used, check whether it was redeemed on another of your accounts or by someone in your household: a redeemed card shows as a line under Account › Payments. If nobody you know redeemed it, contact the shop where it was bought, with the receipt. If someone asked you for the code before, that was a scam: nobody legitimate asks to be paid in gift cards.',
    'Explained an already-used gift card code',
  );
}

/** The balance now, and about how long it lasts at the current price. */
export function balanceAnswer(snapshot: AccountSnapshot, ledger: GiftLedger, tools: Pick<AssistantTools, 'explainCharges'>, today: string): TopicOutcome {
  const membership = snapshot.membership as MembershipView;
  const currency = membership.currency;
  if (membership.billed_by.kind === 'partner') {
    return feedback(`${membership.billed_by.partner} bills your membership, so a gift balance can’t pay for it: gift cards can’t be redeemed while a partner bills you.`, 'Explained that a partner-billed membership cannot use a gift balance');
  }
  if (ledger.balance <= 0) {
    const ran = ledger.ranOut ? ` It ran out with the charge on ${longDate(ledger.ranOut.date)}, which it paid ${money(ledger.ranOut.gift, currency)} of.` : '';
    const none = ledger.any ? `Your gift balance is used up: there’s ${money(0, currency)} left.${ran} Charges now go on ${cardOf(membership)}.` : `I don’t see a gift card redeemed on this account, so your gift balance is ${money(0, currency)} and charges go on ${cardOf(membership)}. You redeem a card under Account › Redeem a gift card.`;
    return feedback(none, 'Told the member their gift balance');
  }
  const head = `Your gift balance is ${money(ledger.balance, currency)}. It never expires.`;
  const upcoming = tools.explainCharges({ membership, sameCard: snapshot.sameCard, today }).upcoming;
  if (!upcoming || !['active', 'paused', 'on_hold'].includes(membership.state.status)) {
    return feedback(`${head} There’s no charge coming up, so it stays on your account and pays from your first charge when you restart.`, 'Told the member their gift balance');
  }
  // Billing's own estimate (the one the member's account page shows); from the next charge when a view lacks it.
  const estimate = membership.gift && membership.gift.price_per_period !== null && membership.gift.balance === ledger.balance
    ? membership.gift
    : estimateGiftBalance({ balance: ledger.balance, price: upcoming.amount, nextRenewal: upcoming.date, anchor: membership.state.anchor ?? upcoming.date });
  const perMonth = estimate.price_per_period ?? upcoming.amount;
  const price = `At your current price of ${money(perMonth, currency)} a month (tax included)`;
  const runsOut = estimate.runs_out_on;
  const rest = perMonth - estimate.paid_of_last;
  let how: string;
  if (estimate.periods_covered === 0 && runsOut) {
    how = `${price}, it pays ${money(estimate.paid_of_last, currency)} of your next charge on ${longDate(runsOut)}; the other ${money(rest, currency)} goes on ${cardOf(membership)}.`;
  } else {
    const full = estimate.periods_covered === 1 ? `your next charge on ${longDate(upcoming.date)} in full` : `your next ${estimate.periods_covered} charges in full, from ${longDate(upcoming.date)}`;
    const part = runsOut && estimate.paid_of_last > 0 ? `, and ${money(estimate.paid_of_last, currency)} of the one on ${longDate(runsOut)} (the other ${money(rest, currency)} of that one goes on ${cardOf(membership)})` : '';
    const last = runsOut && estimate.paid_of_last > 0 ? runsOut : addMonths(upcoming.date, Math.max(0, estimate.periods_covered - 1));
    how = `${price}, it pays ${full}${part}. So it lasts until about ${monthName(last)} ${last.slice(0, 4)}; after that charges go on ${cardOf(membership)} again.`;
  }
  return feedback(`${head} ${how}`, 'Told the member their gift balance and about how long it lasts');
}

/** Which charge the member means: one whose amount or card part they wrote, else the latest. */
function chargeMeant(ledger: GiftLedger, text: string, currency: string): GiftLedger['charges'][number] | null {
  const written = [...text.matchAll(/(\d{1,6})[.,](\d{2})\b/g)].map((match) => Number(match[1]) * 100 + Number(match[2]));
  const exponent = currency === 'JPY' ? 0 : 2;
  const minor = exponent === 0 ? [...text.matchAll(/\b(\d{2,7})\b/g)].map((match) => Number(match[1])) : written;
  for (const charge of [...ledger.charges].reverse()) if (minor.includes(charge.amount) || minor.includes(charge.card)) return charge;
  return ledger.charges[ledger.charges.length - 1] ?? null;
}

const splitSentence = (charge: GiftSplit, membership: MembershipView) =>
  `Of your charge of ${money(charge.amount, charge.currency)} on ${longDate(charge.date)}, ${money(charge.gift, charge.currency)} came from your gift balance and the other ${money(charge.card, charge.currency)} went on ${cardOf(membership)}.`;

/** Why a charge (the one meant, else the latest) went on the card, told from the gift lines around it. */
export function chargeAnswer(snapshot: AccountSnapshot, ledger: GiftLedger, text: string): TopicOutcome {
  const membership = snapshot.membership as MembershipView;
  const currency = membership.currency;
  const charge = chargeMeant(ledger, text, currency);
  const card = cardOf(membership);
  if (!charge) return feedback(`There’s no charge on this account yet. Your gift balance is ${money(ledger.balance, currency)}; it pays your charges first, and only the rest goes on ${card}.`, 'Told the member their gift balance');
  const sameDay = redeemedAfterSameDayCharge(ledger, charge);
  const lines: string[] = [];
  if (sameDay && charge.card > 0) {
    const next = chargeAfter(ledger, sameDay.index);
    const used = next ? ` It was first used by the next charge, on ${longDate(next.date)}, which it paid ${money(next.gift, currency)} of.` : ` It is first used by your next charge${membership.state.next_billing_date ? `, on ${longDate(membership.state.next_billing_date)}` : ''}.`;
    lines.push(`You redeemed your gift card of ${money(sameDay.amount, currency)} on ${longDate(sameDay.date)}, the same day as your renewal. On a renewal day the renewal is charged first, so ${money(charge.card, currency)} of that charge went on ${card} before the card’s value was on your balance.${used}`);
  } else if (charge.gift > 0 && charge.card > 0) {
    lines.push(`${splitSentence(charge, membership)} Your gift balance had only ${money(charge.gift, currency)} left, so it ran out on ${longDate(charge.date)} and the rest was charged to your card.`);
  } else if (charge.gift > 0) {
    lines.push(`Your charge of ${money(charge.amount, currency)} on ${longDate(charge.date)} was paid in full from your gift balance; ${card} wasn’t charged for it.`);
  } else if (ledger.ranOut && ledger.charges.some((item) => item.index < charge.index && item.gift > 0)) {
    const ran = ledger.ranOut;
    const partial = ran.card > 0 ? ` (it paid ${money(ran.gift, currency)} of that ${money(ran.amount, currency)} charge, and ${money(ran.card, currency)} went on your card)` : ` (it paid the last ${money(ran.gift, currency)} of that charge)`;
    lines.push(`Your gift balance ran out on ${longDate(ran.date)}${partial}. With nothing left on it, your charge of ${money(charge.amount, currency)} on ${longDate(charge.date)} went in full on ${card}.`);
  } else if (!ledger.any) {
    lines.push(`I don’t see a gift card redeemed on this account, so your charge of ${money(charge.amount, currency)} on ${longDate(charge.date)} went on ${card}. A card’s value only pays once it’s redeemed under Account › Redeem a gift card, on the account it should pay for.`);
  } else {
    lines.push(`Your charge of ${money(charge.amount, currency)} on ${longDate(charge.date)} went on ${card}: there was no gift balance left on that day.`);
  }
  if (ledger.balance > 0 && !(sameDay && charge.card > 0)) lines.push(`You have ${money(ledger.balance, currency)} of gift balance now; it pays your next charges first.`);
  else if (ledger.balance <= 0 && ledger.any) lines.push(`Your gift balance is ${money(0, currency)} now, so charges go on ${card} until you redeem another card.`);
  const body = lines.join(' ');
  return {
    replies: [say(body), say('Does that explain it?', FEEDBACK_CHOICES)],
    offer: { kind: 'feedback' },
    tried: ['Explained the charge’s gift-card part from the ledger'],
    findings: [body],
    evidence: { kind: 'gift_card', charge, balance: ledger.balance, ran_out: ledger.ranOut },
  };
}

/** Charge words that belong to the charge explainer's own causes, even on an account with gift cards. */
const OTHER_CAUSE = /\btwice\b|\bdouble\w*|\bcancel\w*|\brefund\w*|\bprice\b|\btax\w*|\bupgrad\w*|\bextra member\b|\bdeclin\w*|\bhold\b|\bnot me\b|\bdon['’]?t recogni[sz]e\b/i;
const CARD_CHARGED = /\b(?:card|bank|statement|visa|mastercard|debit)\b|\bcharg\w*|\bpaid\b|\bpay(?:ment)?\b|\btook\b|\btaken\b/i;

/**
 * The gift-card answer to a message, or null when the usual reading should
 * answer it: a message about gift cards (or triaged `gift_card`), or a plain
 * "why was my card charged?" on an account whose balance paid charges in the
 * last three months. A visitor gets only the answers that need no account.
 */
export function giftCardTopic(o: { text: string; intent: Intent | null; snapshot: AccountSnapshot | null; today: string; tools: Pick<AssistantTools, 'explainCharges'> }): TopicOutcome | null {
  const question = readGiftQuestion(o.text, o.intent);
  const membership = o.snapshot?.membership ?? null;
  if (question === 'scam') return scamAnswer();
  // Triage's gift_card without a gift word ("my card from germany doesn't work") may be about a bank card:
  // only the ledger's own gift activity is then answered; everything else goes the usual way.
  if (question !== null && !mentionsGiftCard(o.text)) {
    const ledger = membership && o.snapshot?.account.role === 'owner' ? readGiftLedger(membership) : null;
    if (!ledger?.any || !o.snapshot) return null;
    return question === 'balance' ? balanceAnswer(o.snapshot, ledger, o.tools, o.today) : question === 'charge' ? chargeAnswer(o.snapshot, ledger, o.text) : null;
  }
  if (question === 'wrong_currency') return wrongCurrencyAnswer(o.text, membership);
  if (question === 'used') return usedAnswer();
  if (question === 'redeem') return redeemAnswer(membership);
  if (!o.snapshot || !membership) return null;
  if (o.snapshot.account.role === 'extra_member') return null;
  const ledger = readGiftLedger(membership);
  if (question === 'balance') return balanceAnswer(o.snapshot, ledger, o.tools, o.today);
  if (question === 'charge') return chargeAnswer(o.snapshot, ledger, o.text);
  // Not about gift cards in words: only a plain card-charge question on an account the balance recently paid for.
  const recent = ledger.charges.some((charge) => charge.gift > 0 && daysBetween(charge.date, o.today) <= 93) || ledger.redemptions.some((item) => daysBetween(item.date, o.today) <= 93);
  if (!recent || OTHER_CAUSE.test(o.text) || !CARD_CHARGED.test(o.text)) return null;
  // The latest charge paid in full from the balance answers "why wasn't my card charged?" as well.
  if (ledger.charges.length === 0) return null;
  return chargeAnswer(o.snapshot, ledger, o.text);
}
