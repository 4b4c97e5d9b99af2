import type { Choice } from '../chat/chat.types.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { formatMoney } from '../../billing/index.ts';
import { longDate, ordinal } from './charges/charge-dates.ts';
import type { ChargeExplanationLike } from './assistant.types.ts';
import { say, partnerOf } from './account-topics.rules.ts';
import type { Reply } from './assistant.types.ts';

/**
 * Account questions read against what the account and the conversation
 * already say (issue 10 point 4): the second membership on the card asked
 * about as "the other one" (its next charge, its login, since when), what
 * was paid in a month or last, when the member cancelled, anything about
 * plans, invoices or contacts when a partner bills, an extra member's place
 * asked about by its price, count or removal, a restart after a cancellation
 * (told with the security steps), a follow-up that points back ("and mine?",
 * "when is that one"). Pure: the snapshot and the explainer's result in,
 * sentences out.
 */

export type ContextQuestion = 'other_next_charge' | 'past_payments' | 'cancel_history' | 'partner_other' | 'extra_member_remove' | 'owner_only' | 'resume_early' | 'disputed_when';

/** What the reader needs to know of the account and the conversation. */
export type ContextFacts = {
  status?: string | null;
  role?: 'owner' | 'extra_member' | null;
  lastQuestion?: string | null;
  /** Another membership pays with the same card. */
  sameCard?: boolean;
  /** A partner (carrier, app store) bills the membership. */
  partner?: boolean;
  /** The membership was restarted after a cancellation. */
  restarted?: boolean;
  /** A price change was announced for the membership. */
  priceChanged?: boolean;
  /** The billing day (1–31). */
  anchorDay?: number | null;
  /** The last answer was about money (a charge explanation, the next charge…). */
  afterMoney?: boolean;
  extraMemberNames?: readonly string[];
  /** The causes of the charge explanation told last ('second_account_same_card'…). */
  lastCauses?: readonly string[];
  /** The charge the last explanation was about, if any. */
  lastDisputed?: DisputedLine | null;
  /** Amounts of past charges and refunds ("7.20"), without the next charge's own amount. */
  pastAmounts?: readonly string[];
};

export type DisputedLine = { date: string; type: string; amount: number; currency: string };

type Reading = ContextQuestion | 'status' | 'other_account' | 'extra_member_price' | 'extra_member_add' | 'cancel_other' | 'who_restarted' | 'if_retry_fails' | 'access_end' | 'next_charge' | 'billing_day' | 'recurring' | 'starts_when' | 'charge';

const words = (text: string) => text.trim().split(/\s+/).length;
const AMOUNTS = (text: string) => (text.match(/\d{1,6}[.,]\d{2}\b/g) ?? []).length;

/** "the other one", "that account", "the TV one": the second membership on the card. */
const OTHER_REF = /\b(?:other|second|2nd|tv|old|duplicate|extra|small|smaller|little|cheap|cheaper|basic)\s+(?:one|account|login|membership|subscription|sub)\b|\bthat (?:one|account|login|membership)\b|\bthe (?:tv|old) (?:one|account)\b/i;
const ASK_NEXT = /\bnext\b|\bwhen\b[^.?!]{0,30}\b(?:charg|bill|pay|take|debit|renew)\w*|\bhow much\b|\bwhat day\b/i;
const ASK_LOGIN = /\b(?:email|e-mail|login|log-in|username|user name|address|whose)\b/i;
const ASK_SINCE = /\bsince when\b|\bhow long (?:has|have|is)\b|\bwhen did (?:it|that|this|they|the \w+) (?:start|begin|get made|get created)\b|\bwhen was (?:it|that) (?:made|created|opened|set up)\b/i;
/** Money already paid: in a month, last, so far. */
const PAID = /\bwhat (?:did|have) (?:i|we) (?:pay|paid|been (?:charged|billed))\b|\bhow much (?:did|have) (?:i|we) (?:pay|paid|been (?:charged|billed))\b|\b(?:my )?(?:last|previous|latest|most recent) (?:payment|charge|bill)\b(?!\s*(?:date|day)\b)|\bwhat was (?:my|the) (?:last )?(?:payment|charge|bill)\b|\bhow much (?:i )?pagu\w*|\bcu[aá]nto pagu[eé]\b|\b(?:was|wie ?viel) habe ich (?:bezahlt|gezahlt)\b|\bpaid so far\b/i;
const CANCELLED_WHEN = /\bwhen (?:did|was it that) (?:i|we) (?:cancel\w*|quit|stop\w*|end\w*|close\w*)\b|\bwhat (?:day|date) did (?:i|we) cancel\w*\b|\bwhen (?:was|were) (?:it|my (?:membership|subscription|account)) cancel\w*\b/i;
const WHY_ON = /\bwhy\b[^.?!]{0,40}\b(?:active|on again|back on|running|working again|back|still on|reactivated|charging me)\b/i;
const RESTART_WORDS = /\b(?:(?:membership|subscription|account|it)(?: is| was|['’]s)? back\b|re-?start\w*|re-?activat\w*|turn\w* (?:it |my \w+ )?back on|switch\w* (?:it |my \w+ )?back on|back on|came back|brought (?:it )?back|resubscrib\w*|re-?join\w*)\b/i;
/** Anything a partner-billed member may ask that the partner answers: the plan, invoices, the price, how to reach them. */
const PARTNER_TOPIC = /\b(?:plan|upgrade|downgrade|switch|cheaper|invoices?|receipts?|statements?|contact|reach|call|phone|price|cost|history|payments?|charges?|visa|mastercard|card|bank)\b/i;
const SLOT = /\bextra.?members?\b|\bextra (?:place|spot|slot|person|user)s?\b|\b(?:place|spot|slot)s?\b/i;
const SLOT_PRICE = /\b(?:fee|cost\w*|price|how much|per month|a month|each month|charge for)\b/i;
const SLOT_COUNT = /\bhow many (?:extra )?(?:members|people|persons|places|spots|slots|users)\b/i;
const REMOVE = /\b(?:remove|removing|drop|dropping|kick|take \w+ off|delete|get rid of)\b/i;
const ASKS_IF = /\bif\b|\bwould\b|\bdo i still\b|\bwill i\b|\bstill pay\b|\bwithout (?:him|her|them)\b|\?/i;
const PAST_COST = /\bwhat did (?:the|my|that|this) [\w -]{1,20} cost\b|\bhow much (?:did|was) (?:the|my|that|this) [\w -]{1,20} (?:cost|charge)\b|\bhow much was (?:the|that|this) [\w -]{1,20}\b/i;

const AHEAD = /\bnext (?:month|bill|charge|payment|time|renewal)\b|\bfrom now on\b|\bgoing forward\b/i;
const RECUR = /\bkeep (?:getting|paying|being charged|coming)\b|\b(?:every|each) month\b|\bfrom now on\b|\bcome back\b|\brepeat\w*\b|\bpermanent\w*\b|\bone.?off\b|\bone.?time\b|\bmonthly\b|\brecurring\b|\bon top of\b/i;
/** A named amount that is a past ledger line (not the next charge's). */
function quotesPastAmount(t: string, facts: ContextFacts): boolean {
  const said = (t.match(/\d{1,6}[.,]\d{2}\b/g) ?? []).map((amount) => amount.replace(',', '.'));
  return said.some((amount) => (facts.pastAmounts ?? []).includes(amount));
}

/** The charge explanation also belongs in the answer: "why", two amounts compared, a past charge quoted. */
export function explainsChargeToo(text: string, facts: ContextFacts): boolean {
  return /\bwhy\b/i.test(text) || AMOUNTS(text) >= 2 || quotesPastAmount(text, facts);
}

/** A question read from what the account and the conversation say, or null to let the other readings decide. */
export function readContextQuestion(text: string, facts: ContextFacts): Reading | null {
  const t = text.replace(/\[[a-z ]+ removed\]/gi, ' ');
  // A charge already made, asked about by what it was for or by two amounts compared: the charge explanation
  // (with the next charge when the member also looks ahead: answerQuestions adds the explanation).
  if (PAST_COST.test(t) && !/\b(?:next|will|going to)\b/i.test(t)) return 'charge';
  if (AMOUNTS(t) >= 2) return AHEAD.test(t) ? 'next_charge' : 'charge';
  // Seen twice or two times: the charges themselves, not whether one repeats.
  if (/\btwice\b|\b(?:2|two|multiple|several) times\b|\bdouble(?:d| charg\w*)?\b/i.test(t) && !facts.lastQuestion && !/\bdeclin\w*|\bfail\w*|\breject\w*/i.test(t)) return 'charge';
  // Two days of the month compared, or money that came back: the charges themselves.
  if (/\bwhy\b/i.test(t) && (t.match(/\b\d{1,2}(?:st|nd|rd|th)\b/gi) ?? []).length >= 2) return 'charge';
  if (/\bwhy\b[^.?!]{0,30}\b(?:get|got|getting|given|sent)\b[^.?!]{0,20}\bback\b/i.test(t)) return 'charge';
  if (facts.status === 'on_hold' && /\b(?:last|final) (?:chance|try|attempt|day|retry)\b/i.test(t)) return 'if_retry_fails';
  if (quotesPastAmount(t, facts) && !facts.lastDisputed) {
    if (RECUR.test(t)) return 'recurring';
    return AHEAD.test(t) ? 'next_charge' : 'charge';
  }
  // "and then?": the next step of what was just answered.
  if (facts.lastQuestion && /^\s*(?:and|so|ok|okay)?\s*(?:then|what then|and after|after that|what happens then|what next)\s*[?.!]*\s*$/i.test(t)) {
    if (facts.lastQuestion === 'next_charge') return 'next_charge';
    if (facts.lastQuestion === 'retry' || facts.lastQuestion === 'hold') return 'if_retry_fails';
    return facts.lastQuestion as Reading;
  }
  // A price that went up, asked since when: when the new price applies.
  const more = /\bhow much more\b|\bpaying more\b|\bmore expensive\b|\bwent up\b|\bgone up\b|\bincreas\w*|\bhigher\b/i.test(t);
  if (more && /\bsince when\b|\bwhen did\b|\bfrom when\b|\bsince\b/i.test(t)) return 'starts_when';
  if (/\bhow much more\b/i.test(t)) return 'charge';
  // A refund asked about (how much, when, why): the charge explanation shows it.
  if (/\brefund\w*\b/i.test(t) && /\bhow much\b|\bwhen\b|\bwhy\b|\bwhat\b/i.test(t) && !/\b(?:next|will|want|get|can i|could i|give)\b/i.test(t)) return 'charge';
  // "when did it come", right after a charge was explained: that charge's date.
  if (facts.lastDisputed && words(t) <= 7 && /\bwhen\b[^.?!]{0,20}\b(?:it|that|this|the (?:refund|charge|payment))\b/i.test(t) && /\b(?:did|was|were|come|came|arrive\w*|happen\w*|made|go|went)\b/i.test(t)) return 'disputed_when';
  // "why not?" right after an answer: that answer again.
  if (facts.lastQuestion && /^\s*(?:but |and |so |ok )?why(?: not| is that| so| that| though)?\s*[?!.]*\s*$/i.test(t)) return facts.lastQuestion as Reading;
  if (facts.sameCard) {
    // "i want the tv account gone": the second membership, never this one.
    if (OTHER_REF.test(t) && /\b(?:gone|cancel\w*|close|delete|stop|remove|get rid|kill|end|shut)\b/i.test(t) && !/\?\s*$/.test(t.replace(/\b(?:how|can|could)\b.*$/i, ''))) return 'cancel_other';
    // "which one is mine", right after the two memberships were explained: this one.
    if ((facts.lastCauses ?? []).includes('second_account_same_card') && /\bwhich (?:one|account|membership|charge)\b[^.?!]{0,15}\b(?:mine|my|me)\b|^\s*(?:and )?mine\s*\??\s*$/i.test(t)) return 'next_charge';
    const pointsBack = facts.lastQuestion === 'other_next_charge' || facts.lastQuestion === 'other_account';
    if ((OTHER_REF.test(t) || pointsBack) && ASK_SINCE.test(t)) return 'other_account';
    if (ASK_SINCE.test(t)) return 'other_account';
    if (OTHER_REF.test(t) && ASK_LOGIN.test(t)) return 'other_account';
    if (OTHER_REF.test(t) && (ASK_NEXT.test(t) || (facts.lastQuestion === 'next_charge' && words(t) <= 6))) return 'other_next_charge';
    if (facts.lastQuestion === 'other_next_charge' && words(t) <= 6 && /\b(?:mine|my own|my account|me|my one)\b/i.test(t)) return 'next_charge';
    // Right after the second membership was explained, "which email is it on" is about it.
    if ((facts.lastCauses ?? []).includes('second_account_same_card') && ASK_LOGIN.test(t) && words(t) <= 10) return 'other_account';
  }
  // Not when the member names the amount or asks what a charge was for ("what was the charge in between my renewals").
  if (PAID.test(t) && AMOUNTS(t) === 0 && !/\b(?:next|will|going to|why|for|between|extra|weird|strange|this|that)\b/i.test(t)) return 'past_payments';
  if (CANCELLED_WHEN.test(t)) return 'cancel_history';
  // "am I still subscribed?": where the membership stands.
  if (/\b(?:am i|are we) (?:still )?(?:subscribed|a member|members|signed up|registered)\b|\bis (?:my )?(?:subscription|membership|account) still (?:on|there|going|running|a thing)\b|\bdo i still have (?:a|my) (?:subscription|membership)\b/i.test(t)) return 'status';
  const refund = /\brefund\w*|\bmoney back\b|\breimburs\w*|\bcompensat\w*/i.test(t);
  // "I am not a member anymore!" after a restart: the restart is the answer.
  const notMember = /\bnot (?:a )?(?:member|subscriber|customer|subscribed)\b|\bno longer\b|\bunsubscrib\w*|\bquit\b|\bclosed (?:it|my)\b|\bi cancel\w*/i.test(t);
  if (facts.restarted && !refund && (WHY_ON.test(t) || notMember || (RESTART_WORDS.test(t) && !/\bhow (?:do|can) i (?:restart|reactivate)\b/i.test(t)))) return 'who_restarted';
  // After a restart, "what should I do so it doesn't happen again": the restart's story with the security steps.
  if (facts.restarted && !refund && /\bwhat (?:should|can|do|must) i do\b|\bhow (?:do|can) i (?:stop|prevent|avoid|make sure|ensure|secure|protect|lock)\b|\bmake sure (?:nobody|no one|no-one|it)\b|\bnot happen again\b|\bnever happens? again\b/i.test(t)) return 'who_restarted';
  // A short follow-up to the partner's answer ("so you can't do it at all?") is the partner's again.
  if (facts.partner && facts.lastQuestion === 'partner_other' && words(t) <= 10) return 'partner_other';
  if (facts.status === 'on_hold' && /\bif\b[^.?!]{0,40}\b(?:doesn['’]?t|does not|won['’]?t|fails?|not work\w*|declin\w*|bounces?|no money)\b/i.test(t)) return 'if_retry_fails';
  if (facts.status === 'paused' && /\b(?:re-?start\w*|resum\w*|unpause\w*|come back|start\w* (?:it )?again|end (?:the|my) pause)\b/i.test(t) && /\b(?:earl(?:y|ier)|sooner|now|right away|before|today)\b/i.test(t)) return 'resume_early';
  if (facts.status === 'paused' && (/\bby itself\b|\bautomatic\w*\b|\bon its own\b/i.test(t) || /\b(?:do|need|have) (?:i )?(?:to )?do (?:something|anything)\b/i.test(t))) return 'access_end';
  if (facts.role === 'owner' && !facts.partner) {
    const named = (facts.extraMemberNames ?? []).some((name) => name.length > 1 && new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'iu').test(t));
    if ((named || SLOT.test(t) || facts.lastQuestion === 'extra_member_remove') && REMOVE.test(t) && ASKS_IF.test(t)) return 'extra_member_remove';
    if (facts.lastQuestion === 'extra_member_remove' && /\bhow much\b|\bwithout\b/i.test(t) && words(t) <= 10) return 'extra_member_remove';
    if (SLOT_COUNT.test(t) || (/^extra_member/.test(facts.lastQuestion ?? '') && /\bhow many\b/i.test(t))) return 'extra_member_price';
    if (/\b(?:can|could|may|how (?:do|can)) i add\b/i.test(t) && (/\b(?:another|one more|a second|more|someone|somebody|her|him|them|sister|brother|mum|mom|mother|dad|father|friend|partner|wife|husband|son|daughter)\b/i.test(t) || /^extra_member/.test(facts.lastQuestion ?? ''))) return 'extra_member_add';
    if (SLOT_COUNT.test(t) || (/^extra_member/.test(facts.lastQuestion ?? '') && /\bhow many\b/i.test(t))) return 'extra_member_price';
    if ((named || SLOT.test(t)) && SLOT_PRICE.test(t) && !/\b(?:charged|was|were|paid|took)\b|\d/i.test(t) && !REMOVE.test(t)) return 'extra_member_price';
    if ((facts.lastQuestion === 'extra_member_price' || facts.lastQuestion === 'extra_member_add') && /\b(?:each|one|per|a) ?(?:one|place|member|person)?\b[^.?!]{0,20}\b(?:cost|price|how much)\b|\bhow much\b/i.test(t) && words(t) <= 8) return 'extra_member_price';
  }
  // An email or letter about the new price, when there is one: it is real, and this is when and what.
  if (facts.priceChanged && /\b(?:e-?mail|letter|message|notification|notice)\b/i.test(t) && /\bprice\w*|\bcost\w*|\bwent up\b|\bincrease\w*|\bchang\w*/i.test(t) && !/\b(?:password|code|link|click|card (?:number|details))\b/i.test(t)) return 'starts_when';
  // "so who did it", right after a restart was explained.
  if (facts.restarted && (facts.lastCauses ?? []).includes('restarted_by_someone_else') && /\bwho\b|\bwhich device\b|\bfrom where\b/i.test(t)) return 'who_restarted';
  // When the member was told about a price change.
  if (/\bwhen\b|\bwhat (?:day|date)\b/i.test(t) && /\b(?:told|tell|notif\w*|inform\w*|announc\w*|notice|warn\w*|e-?mail|letter|message)\b/i.test(t) && /\bprice\w*|\bcost\w*|\bwent up\b|\bgoing up\b|\bincrease\w*|\braise\w*|\bmore expensive\b/i.test(t) && !/\bnext\b/i.test(t)) return 'starts_when';
  // "what will the 25th be": the next charge.
  if (/\b(?:what will|how much (?:will|is)|what(?:['’]s| is))\b[^.?!]{0,15}\b(?:the )?\d{1,2}(?:st|nd|rd|th)\b|\b(?:what|how much)\b[^.?!]{0,25}\b(?:on|for) the \d{1,2}(?:st|nd|rd|th)\b/i.test(t) && !/\b(?:did|was|were|charged|paid|took)\b/i.test(t)) return 'next_charge';
  // The 29th, 30th or 31st asked about when the billing day is past the 28th: the day moved in a short month.
  if ((facts.anchorDay ?? 0) > 28 && /\b(?:29th|30th|31st|last day|end of the month|halloween)\b/i.test(t) && /\bwhy\b|\binstead\b|\bsays?\b|\bstatement\b|\bmoved?\b|\bchanged?\b/i.test(t)) return 'billing_day';
  // "why is it more than 19.99 next month": the charge explanation comes with the next charge (answerQuestions).
  if (/\bwhy\b/i.test(t) && /\bnext (?:month|bill|charge|payment|time|renewal)\b/i.test(t)) return 'next_charge';
  // "so what can I do instead", right after an answer: that answer again, with what else there is.
  if (facts.lastQuestion && /^\s*(?:so |ok |okay |and |then |but )*(?:what (?:can|could|should|do) i do(?: instead| then| now)?|any (?:other )?(?:way|option|alternative)s?|is there (?:another|any other) way)\b/i.test(t) && words(t) <= 9 && facts.status !== 'on_hold') return facts.lastQuestion as Reading;
  // "ok and when is that one", right after a money answer: the next charge.
  if (facts.afterMoney && (!facts.lastQuestion || facts.lastQuestion === 'next_charge') && words(t) <= 8 && /\bwhen\b/i.test(t) && /\b(?:that|it|this|one|next)\b/i.test(t) && !/\bwhy\b|\bdid\b|\bwas\b/i.test(t)) return 'next_charge';
  return null;
}

/**
 * Read when nothing else was: a partner-billed member's plan, invoices, price or contact question is the partner's;
 * an extra member's question about the plan, paying or cancelling is the owner's.
 */
export function readPartnerQuestion(text: string, facts: ContextFacts): ContextQuestion | null {
  if (facts.partner && (PARTNER_TOPIC.test(text) || (facts.lastQuestion && words(text) <= 10 && /\b(?:where|how|who|see|find|them|it)\b/i.test(text)))) return 'partner_other';
  // (Cancelling or pausing is a request the actions answer for an extra member.)
  if (facts.role === 'extra_member' && /\b(?:plan|upgrade|downgrade|premium|standard|basic|pay\w*|bill\w*|charg\w*|card|receipt|invoice|price|cost)\b/i.test(text) && !/\b(?:cancel\w*|pause\w*|stop|charged|billed)\b|\d/i.test(text)) return 'owner_only';
  return null;
}

const money = (amount: number, currency: string) => formatMoney(amount, currency);
const REASONS: Record<string, string> = {
  first_month: 'first month', renewal: 'monthly renewal', plan_upgrade: 'plan upgrade for the rest of the period', extra_member_added: 'extra member place for the rest of the period',
  early_resume: 'restart after a pause', restart: 'membership restarted', restarted: 'membership restarted', payment_retry: 'payment after a retry',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function lineText(line: { date: string; type: string; reason: string | null; amount: number; currency: string; period_start?: string | null; period_end?: string | null }): string {
  const what = line.type === 'refund' ? 'a refund to you' : REASONS[line.reason ?? ''] ?? (line.reason ?? 'charge').replace(/_/g, ' ');
  const covers = line.type === 'charge' && line.period_start && line.period_end ? `, covering ${longDate(line.period_start)} to ${longDate(line.period_end)}` : '';
  return `${money(Math.abs(line.amount), line.currency)} on ${longDate(line.date)} (${what}${covers})`;
}

/** What was paid: in the month named, else the latest payment (and a refund after it). */
function pastPaymentsText(snapshot: AccountSnapshot, text: string, today: string): string {
  const membership = snapshot.membership;
  const partner = partnerOf(snapshot);
  if (partner) return `${partner} bills your membership, so there are no Reelhouse payments on your card: what you paid is on your ${partner} bill.`;
  if (snapshot.account.role === 'extra_member') return 'The account owner pays for the membership, so their payments aren’t shown in your chat; they can see them on their account page.';
  const lines = (membership?.ledger ?? []).filter((line) => (line.type === 'charge' || line.type === 'refund') && line.date <= today);
  if (lines.length === 0) return 'I don’t see any payment on this membership yet.';
  const monthIndex = MONTHS.findIndex((month) => new RegExp(`\\b${month}\\w*\\b`, 'i').test(text.replace(/\bmay i\b/gi, '')));
  if (monthIndex >= 0) {
    const inMonth = lines.filter((line) => Number(line.date.slice(5, 7)) === monthIndex + 1).slice(-6);
    const name = new Date(Date.UTC(2000, monthIndex, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    if (inMonth.length === 0) return `I don’t see a payment in ${name} on this membership. ${latestText(lines)}`;
    return `In ${name} you paid ${inMonth.map(lineText).join(' and ')}.`;
  }
  return latestText(lines);
}

function latestText(lines: { date: string; type: string; reason: string | null; amount: number; currency: string }[]): string {
  const lastCharge = [...lines].reverse().find((line) => line.type === 'charge');
  const refunds = lines.filter((line) => line.type === 'refund' && (!lastCharge || line.date >= lastCharge.date));
  if (!lastCharge) return `The last entry is ${lineText(lines[lines.length - 1]!)}.`;
  return `Your last payment was ${lineText(lastCharge)}.${refunds.length > 0 ? ` After it you got ${refunds.map(lineText).join(' and ')}.` : ''}`;
}

/** When the member cancelled, and what happened since. */
function cancelHistoryText(snapshot: AccountSnapshot): string {
  const events = snapshot.membership?.events ?? [];
  const asked = [...events].reverse().find((event) => event.type === 'cancel_requested');
  if (!asked) return 'I don’t see a cancellation on this membership: it was never cancelled.';
  const ended = events.find((event) => event.type === 'canceled' && event.date >= asked.date);
  const restarted = events.find((event) => (event.type === 'restarted' || event.type === 'cancellation_withdrawn') && event.date >= asked.date);
  const until = (asked.details as { access_until?: string } | undefined)?.access_until;
  const parts = [`You asked to cancel on ${longDate(asked.date)}.`];
  if (ended) parts.push(`The membership ended on ${longDate(ended.date)}.`);
  else if (!restarted && until) parts.push(`You can keep watching until ${longDate(until)}, and nothing more is charged.`);
  if (restarted) parts.push(`It was ${restarted.type === 'restarted' ? 'restarted' : 'turned back on'} on ${longDate(restarted.date)}, which is why it’s active and charged again.`);
  return parts.join(' ');
}

function partnerText(snapshot: AccountSnapshot): string {
  const partner = partnerOf(snapshot) ?? 'Your partner';
  return `${partner} bills your membership, so your plan, its price, invoices and receipts, pausing and cancelling all go through ${partner}: you can reach them from your ${partner} account or their customer service. Reelhouse doesn’t charge you directly, so there are no Reelhouse invoices for it.`;
}

/** The second membership on the card: its next charge (a month after its last one, on its own billing day). */
function otherNextChargeText(snapshot: AccountSnapshot): string {
  const others = snapshot.sameCard.map((other) => {
    const state = other.membership.state;
    const last = [...other.membership.ledger].reverse().find((line) => line.type === 'charge');
    if (!state.next_billing_date || !['active', 'on_hold'].includes(state.status)) return `${other.maskedEmail} (${state.plan}) isn’t charged again: it’s ${state.status.replace('_', ' ')}.`;
    const day = state.anchor ? ` It’s charged every month on the ${ordinal(Number(state.anchor.slice(8, 10)))}.` : '';
    return `The other membership, ${other.maskedEmail} (${state.plan} plan), is charged next on ${longDate(state.next_billing_date)}${last ? `, ${money(last.amount, last.currency)} like last time` : ''}, on the same card.${day}`;
  });
  return `${others.join(' ')} It’s a separate account: sign in with that login to cancel it, or our billing team can cancel it once they’ve checked it’s yours.`;
}

/** Removing an extra member: the place stays paid to the end of the period; the monthly charge without it. */
function removeText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike, text: string): { body: string; choices?: Choice[] } {
  const membership = snapshot.membership;
  const members = snapshot.extraMembers;
  if (!membership || members.length === 0) return { body: 'There’s no extra member on your membership to remove.' };
  const named = members.find((member) => new RegExp(`(?<!\\p{L})${member.name.split(' ')[0]}(?!\\p{L})`, 'iu').test(text)) ?? (members.length === 1 ? members[0] : undefined);
  const who = named ? named.name.split(' ')[0] : 'an extra member';
  const next = explanation.upcoming;
  const slot = explanation.offer?.slotPrice ?? 0;
  const end = membership.state.next_billing_date;
  const without = next && next.kind !== 'retry' && slot > 0 ? ` From the renewal${end ? ` on ${longDate(end)}` : ''} your monthly charge is ${money(next.amount - slot, next.currency)} instead of ${money(next.amount, next.currency)}.` : '';
  return {
    body: `If you remove ${who}, the place stays paid until the end of the current period${end ? ` (${longDate(end)})` : ''}: nothing is refunded for the days left, and nothing more is charged for it.${without} I can remove ${who} here once you confirm, or you can do it on your extra members page (/account/extra-members).`,
    ...(named ? { choices: [{ id: `remove_member:${named.accountId}`, label: `Remove ${who}` }] } : {}),
  };
}

const OWNER_ONLY = 'As an extra member you don’t pay anything yourself: the account owner pays for the membership, including your place, and only the account owner can change the plan, pause or cancel it, from their account page. A payment message about this membership is about the owner’s card, not yours, and Reelhouse never asks for card details by email.';

function resumeEarlyText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike): string {
  const next = explanation.upcoming;
  const amount = next ? money(next.amount, next.currency) : 'the monthly price';
  const resumes = snapshot.membership?.pause?.resumes ?? next?.date;
  return `Yes: you can end the pause early on your account page (/account). You’re charged ${amount} that day and your billing day moves to it. Otherwise the membership restarts by itself${resumes ? ` on ${longDate(resumes)}` : ''}, and ${amount} is charged then.`;
}

function disputedWhenText(line: DisputedLine): string {
  const amount = money(Math.abs(line.amount), line.currency);
  if (line.type === 'refund') return `The refund of ${amount} was made on ${longDate(line.date)}; banks usually show it 1 to 3 business days later.`;
  if (line.type === 'payment_failed') return `The payment of ${amount} was declined on ${longDate(line.date)}; no money was taken.`;
  return `The charge of ${amount} was made on ${longDate(line.date)}; banks usually show it 1 to 3 business days later.`;
}

export function answerContextQuestion(question: ContextQuestion, o: { snapshot: AccountSnapshot; explanation: ChargeExplanationLike; text: string; today: string; lastDisputed?: DisputedLine | null }): { body: string; choices?: Choice[]; tried: string } | null {
  switch (question) {
    case 'owner_only':
      return o.snapshot.account.role === 'extra_member' ? { body: OWNER_ONLY, tried: 'Explained that the owner pays and decides the plan' } : null;
    case 'resume_early':
      return o.snapshot.membership?.state.status === 'paused' ? { body: resumeEarlyText(o.snapshot, o.explanation), tried: 'Explained ending the pause early', choices: [{ id: 'link:/account', label: 'Open my account page' }] } : null;
    case 'disputed_when':
      return o.lastDisputed ? { body: disputedWhenText(o.lastDisputed), tried: 'Told the date of the charge explained' } : null;
    case 'other_next_charge':
      return o.snapshot.sameCard.length > 0 ? { body: otherNextChargeText(o.snapshot), tried: 'Told when the second membership on the card is charged next' } : null;
    case 'past_payments':
      return { body: pastPaymentsText(o.snapshot, o.text, o.today), tried: 'Told what was paid' };
    case 'cancel_history':
      return { body: cancelHistoryText(o.snapshot), tried: 'Told when the membership was cancelled' };
    case 'partner_other':
      return partnerOf(o.snapshot) ? { body: partnerText(o.snapshot), tried: 'Explained that the partner handles plan, invoices and contact' } : null;
    case 'extra_member_remove': {
      const answer = removeText(o.snapshot, o.explanation, o.text);
      return { ...answer, tried: 'Explained what removing an extra member changes' };
    }
  }
}

/** The membership was restarted after it had been cancelled (someone may have done it without the member). */
export function wasRestarted(snapshot: AccountSnapshot | null): boolean {
  const events = snapshot?.membership?.events ?? [];
  const cancelled = events.findIndex((event) => event.type === 'cancel_requested' || event.type === 'canceled');
  return cancelled >= 0 && events.slice(cancelled).some((event) => event.type === 'restarted' || event.type === 'cancellation_withdrawn');
}

/** The security steps after a restart the member may not have made: check devices, sign out everywhere, change the password. */
export function restartSecurityReply(): Reply {
  return say(
    'If nobody in your household restarted it, someone else may be using your account. To be safe: check the devices signed in to your account and remove any you don’t know, sign out of all devices, and change your password. Then cancel again if you don’t want the membership.',
    [{ id: 'link:/account/security', label: 'Change my password' }, { id: 'sign_out_all', label: 'Sign out all devices' }],
  );
}

/** The amounts of past charges and refunds on the membership and the same card ("7.20"), less the next charge's own. */
export function pastAmountsOf(snapshot: AccountSnapshot | null, tools: { explainCharges: (input: { membership: NonNullable<AccountSnapshot['membership']>; sameCard: AccountSnapshot['sameCard']; today: string }) => ChargeExplanationLike }, today: string): string[] {
  const membership = snapshot?.membership;
  if (!snapshot || !membership) return [];
  const upcoming = tools.explainCharges({ membership, sameCard: snapshot.sameCard, today }).upcoming;
  const decimal = (amount: number) => (Math.abs(amount) / 100).toFixed(2);
  const lines = [membership, ...snapshot.sameCard.map((other) => other.membership)].flatMap((view) => view.ledger).filter((line) => line.type === 'charge' || line.type === 'refund');
  return [...new Set(lines.map((line) => decimal(line.amount)))].filter((amount) => !upcoming || amount !== decimal(upcoming.amount));
}

/** The message asks about charges already made, read from the account and the conversation (not the usual cues). */
export function readsAsCharge(text: string, facts: ContextFacts): boolean {
  return readContextQuestion(text, facts) === 'charge';
}
