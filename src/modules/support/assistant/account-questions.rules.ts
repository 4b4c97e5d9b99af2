import type { Choice } from '../chat/chat.types.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { cancellationStatus, FEEDBACK_CHOICES, HANDOFF_CHOICES, partnerOf, say, whoBills, type TopicOutcome } from './account-topics.rules.ts';
import { paidUntil } from './actions.rules.ts';
import type { AssistantState, AssistantTools, ChargeExplanationLike } from './assistant.types.ts';
import { formatMoney } from '../../billing/index.ts';
import { addMonths, longDate, ordinal } from './charges/charge-dates.ts';
import { readQuestionByMeaning, type MeaningContext } from './question-meaning.rules.ts';
import { answerContextQuestion, readContextQuestion, readPartnerQuestion, type ContextFacts, type ContextQuestion, type DisputedLine } from './context-questions.rules.ts';

/** `date`'s month on `day`, or its last day when the month is shorter. */
function withDay(date: string, day: number): string {
  const last = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * Questions about the account that are not "explain this charge": the next
 * charge and its date, when access ends, who bills, a hold in the member's
 * own words, a card the bank replaced, adding an extra member, and the short
 * follow-ups ("so how much next time?", "is that every month now?") read
 * against what was just answered. Pure: the snapshot and the explainer (for
 * the next charge and what the plan offers) come in, sentences go out.
 */

export type AccountQuestion =
  | 'next_charge' | 'access_end' | 'who_bills' | 'hold' | 'retry' | 'if_retry_fails' | 'what_now'
  | 'card_replaced' | 'extra_member_add' | 'recurring' | 'cancel_other' | 'who_restarted' | 'status' | 'starts_when' | 'billing_day'
  /** "and the one after?" right after the next charge was told. */
  | 'after_next'
  /** "whats the email on the other one" after the second membership on the card was explained. */
  | 'other_account'
  /** What one extra member place costs a month. */
  | 'extra_member_price'
  /** Read against the account and the conversation (context-questions.rules.ts). */
  | ContextQuestion;

const Q: readonly [AccountQuestion, RegExp][] = [
  ['cancel_other', /\b(?:cancel|close|delete|stop|remove|get rid of|kill|end)\b.{0,30}\b(?:other|second|duplicate|2nd|extra) (?:one|account|membership|subscription|login)\b/i],
  ['who_restarted', /\bwho (?:re-?started|turned|switched|reactivated|renewed|started|restored)\b.{0,30}\b(?:on|again|back|it|membership|subscription|account)\b/i],
  ['if_retry_fails', /\bif (?:that|it|this|the (?:retry|next try)) (?:fails|doesn['’]?t work|is declined|gets declined|bounces)\b/i],
  ['retry', /\b(?:try|trying|tries|retry|retries)\b.{0,25}\bagain\b|\bretr(?:y|ies)\b|\btry (?:charging|to charge)\b|\bwhen will you (?:try|charge)\b.{0,20}\bagain\b/i],
  ['recurring', /^\s*(?:and|so|ok)?\s*(?:from now on|going forward|after that)\s*\??\s*$|\bwill (?:it|that|this|the price) go up again\b|\b(?:is|will) (?:that|this|it) (?:be )?(?:every|each) month\b|\bevery month(?: now)?\s*\??\s*$|\b(?:is|will) (?:that|this|it) (?:be )?(?:permanent|a one.?off|one time|recurring|monthly)\b|\bwill (?:it|that|this) (?:happen|repeat|come) again\b/i],
  ['status', /\bdid i (?:cancel|pause)\b|\b(?:cancel(?:l)?ed|paused) or (?:cancel(?:l)?ed|paused|not|active)\b|(?<!\b(?:what|which) \w+ )\bis my (?:membership|subscription|account|plan) (?:still )?(?:active|cancel(?:l)?ed|paused|running|on(?=\s*[?.!]*\s*$))\b/i],
  ['starts_when', /\bwhen (?:does|did|will) (?:that|it|this|the (?:new )?price) (?:start|begin|apply|kick in|take effect)\b/i],
  ['billing_day', /\b(?:renewal|billing|payment|charge)(?: (?:date|day))? (?:says|is|shows)\b.{0,30}\b(?:but|instead|typo)\b|\bbilling (?:date|day)\b.{0,40}\b(?:chang|mov|differ|shift|wrong|typo)|\bjoined on\b.{0,40}\b(?:but|renew)/i],
  ['who_bills', /\b(?:does|do|will|is) \w+ (?:pay|paying) for me\b|\bwho pays for me\b|\bdo i need (?:a|my own|to add a) card\b|\b(?:what|which) (?:payment method|card|form of payment)\b|\bpayment (?:method|details) (?:do you have|on file|is it|are you using)\b|\b(?:visa|mastercard|amex|debit card|credit card|card|paypal|apple|google|carrier|phone bill)\b.{0,25}\bor\b.{0,25}\b(?:visa|mastercard|amex|paypal|apple|google|carrier|phone bill|you|reelhouse)\b(?!.{0,30}\b(?:cancel|refund)\b)|\bwho\s+(?:is\s+|actually\s+)*(?:bills?|billing|charges?|charging|takes? the money|gets? the money|pays\b|is paying)|\bwhich (?:card|payment method)\b|\bcard on file\b|\bhow am i (?:paying|being billed|billed)\b|\bdo you (?:bill|charge) (?:my|the) card\b|\b(?:through|via|is it) (?:apple|google|paypal|amazon|the carrier|my carrier|my phone company|northwind)\b|\bor you(?: guys)?\b.{0,40}\b(?:money|charg|bill)|(?:can['’]?t|cannot|don['’]?t|do not) (?:find|see) (?:any )?(?:reelhouse )?(?:charges?|payments?) on my (?:credit |debit |bank )?(?:card|statement)|qui[eé]n me cobra|quem me cobra|wer (?:bezahlt|berechnet|bucht)|no veo cargos|n[aã]o vejo cobran/i],
  ['card_replaced', /\bnew (?:visa|mastercard|amex|debit card|credit card)\b|\b(?:old|previous|former) card\b|\bgave me (?:a new|another)(?: one| card)?\b|\b(?:new|replacement|reissued|replaced|renewed) (?:credit |debit |bank )?card\b|\bbank (?:has )?(?:sent|issued|reissued|replaced|gave|mailed)\b|\bcard (?:was |got |has been |is )?(?:replaced|reissued|expired)\b|\blast (?:four|4)(?: digits)? (?:is|are) different\b|\bnew card number\b/i],
  ['hold', /\bpayment (?:needed|required|overdue|is overdue|missing)\b|\b(?:frozen|freezed?|suspended|suspension|on hold|cut off|blocked|deactivated|bloquead[ao]|gesperrt|suspendid[ao]|suspens[ao])\b|\bpayment (?:problem|issue|error|failed|failure|declined|didn['’]?t go through|did not go through)|\bproblem with (?:my |the )?payment|\bupdate (?:your |my |the )?payment|pagamento falhou|pago (?:fall[oó]|rechazado)|zahlung (?:fehlgeschlagen|abgelehnt)/i],
  ['next_charge', /\bwhat (?:day|date) (?:do|will|does) (?:you|it|reelhouse) (?:take|charge|bill|debit)\b|\btake (?:the|my) money\b(?!.{0,20}\bback\b)|\bcard get (?:hit|charged)\b|\bwhat(?:['’]?s| is) the damage\b|\bnext\s+(?:charge|payment|bill|billing|renewal|invoice|debit)\b|\bwhen\s+(?:will|do|am|is|does|should|are)\s+(?:i|my)\b.{0,30}\b(?:charged?|billed?|pay|payment|renew|debited)\b|\bhow much\b.{0,40}\b(?:next|pay|charged?|bill|cost|owe|time)\b|^\s*(?:and|so|ok)?\s*how much\s*\??\s*$|(?<!\b(?:got|was|were|been|get|i|me)\s)\b(?:charged|billed)\s+again\b|\bwill i be (?:charged|billed)\b|\bwhat will i (?:pay|be charged)\b|n[äa]chste (?:zahlung|abbuchung|rechnung)|prochain (?:paiement|prélèvement)|prochaine facture|prossimo (?:pagamento|addebito)|pr[oó]xim[oa] (?:pago|cobro|pagamento|cobran[cç]a|fatura)/i],
  ['access_end', /\b(?:get|have) (?:my|the) (?:shows|account|membership|access|streaming|service) back\b|\bwhen (?:does|will|can) (?:it|my membership|my account|my subscription|streaming|the service) (?:come back|resume|restart|start again|work again)\b|\buntil (?:what|which) (?:date|day)\b|\bhow long (?:do|can|will|would) i (?:keep|have|still)\b|\bwhen\s+(?:does|do|will|is)\s+(?:my\s+|the\s+)?(?:access|membership|subscription|account|it|that|this)?\s*(?:end|ends|stop|finish|expire|run out|be over|over)\b|\blast day (?:i can|to (?:watch|use))|\blast day of (?:my )?(?:access|membership|subscription)\b|\bwhat(?:['’]s| is) (?:my|the) last day\b|^\s*last day\b|\bcan i (?:still|keep) (?:watch|use)|\bwatch (?:un)?til\b|\buntil when\b|\b(?:after|when) it ends\b|quando termina|cu[aá]ndo termina|wann endet|bis wann/i],
  ['extra_member_add', /\binvite (?:someone|somebody|a (?:friend|person|member)|my (?:\w+ )?(?:sister|brother|mom|mum|mother|dad|father|friend|girlfriend|boyfriend|partner|wife|husband|son|daughter|family))\b|\b(?:his|her|their) own (?:login|account|sign-?in)\b|\b(?:how (?:do|can|could) i|can i|could i|want to|wanna|i['’]?d like to|how to|let me) add\b(?=.{0,30}\b(?:extra|member|someone|somebody|person|people|user|sister|brother|mom|mum|mother|dad|father|friend|girlfriend|boyfriend|partner|wife|husband|son|daughter|family|roommate|flatmate)\b)|\bextra.?members?\b.{0,40}\b(?:option|greyed|grayed|missing|can['’]?t|cannot|no option|where|button)\b|\bno option (?:for|to add) (?:an )?extra.?members?\b|(?:adicionar|añadir|agregar|hinzuf[üu]gen).{0,30}(?:membro|miembro|mitglied)/i],
  ['extra_member_add', /\bextra.?members?\b(?=.*\b(?:add|join|invite|possible|can|could|how|option|allowed)\b)(?!.*(?:charg|paid|pay|bill|cost|price|fee|\d))/i],
  ['what_now', /^\s*(?:so |ok |okay |and |then )?(?:what (?:do|should|can|shall) i do|what now|now what)(?: now| then| next| about it)?\s*[?.!]*\s*$/i],
];

/** A time ahead ("next month", "from December on", "a month") … */
const AHEAD = /\b(?:next (?:month|time|charge|payment|bill|billing|renewal|year|cycle|period)|next\s*[?.!]*$|upcoming|from now on|going forward|now on|from (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* on|(?:a|per|each|every) month|monthly|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b/i;
/** … with a question about paying … */
const PAY_QUESTION = /\b(?:total|amount|how much|what (?:day|date|will)|when|cost|costs|pay|paying|charged?|bill(?:ed)?|hit|damage|price)\b/i;
/** … that is not a complaint about a charge already made. */
const COMPLAINT = /\bwhy\b|\btwice\b|\bdouble\b|\b(?:was|were|got|been|get) (?:charged|billed)\b(?!\s+(?:next|again|in|on))|\bcharged me\b|\brefund|\bcancel/i;

/** The account question in a message, if it is one of these; the redaction's markers are ignored. */
export function readAccountQuestion(text: string, context: { afterMoney?: boolean } & MeaningContext & ContextFacts = {}): AccountQuestion | null {
  const clean = text.replace(/\[[a-z ]+ removed\]/gi, ' ');
  // "and after that?" right after the next charge asks for the one after it, not whether it repeats.
  if (context.lastQuestion === 'next_charge' && readQuestionByMeaning(clean, context) === 'after_next') return 'after_next';
  // Read against the account and the conversation first: "the other one", "what did I pay in november", "if I remove Jonas".
  const contextual = readContextQuestion(clean, context);
  if (contextual === 'charge') return null;
  if (contextual) return contextual;
  const matched = Q.find(([, pattern]) => pattern.test(clean))?.[0] ?? null;
  // "why am I charged twice every month" is about the charges, not whether one repeats.
  const found = matched === 'recurring' && /\btwice\b|\bdouble\w*\b|\b(?:two|2|multiple|several) (?:times|charges|payments|accounts|subscriptions|memberships)\b/i.test(clean) ? null : matched;
  if (found) return found;
  if (AHEAD.test(clean) && !COMPLAINT.test(clean)) {
    // "what about next month?" right after a money answer asks the same about the next charge.
    const short = clean.trim().split(/\s+/).length <= 6;
    if (PAY_QUESTION.test(clean) || (short && context.afterMoney)) return 'next_charge';
  }
  // Wording none of the patterns above knows: read from what is asked, about what, and when.
  if (matched === 'recurring' && found === null) return null;
  return readQuestionByMeaning(clean, context) ?? readPartnerQuestion(clean, context);
}

type Ctx = { snapshot: AccountSnapshot; state: AssistantState; tools: AssistantTools; today: string; text: string };

function explanationOf(ctx: Ctx): ChargeExplanationLike {
  return ctx.tools.explainCharges({ membership: ctx.snapshot.membership, sameCard: ctx.snapshot.sameCard, today: ctx.today });
}

const money = (amount: number, currency: string) => formatMoney(amount, currency);
const PAYMENTS: Choice = { id: 'link:/account/payments', label: 'Open my payments page' };

const OWNER_PAYS = 'The account owner pays for the membership, including your extra member place, so their charges and billing dates aren’t shown in your chat; they can see them on their account page.';

function billingDayText(snapshot: AccountSnapshot): string {
  const anchor = snapshot.membership?.state.anchor;
  if (!anchor) return '';
  const day = Number(anchor.slice(8, 10));
  return day > 28 ? ` It repeats every month on the ${ordinal(day)}, or on the last day of months that don’t have one.` : ` It repeats every month on the ${ordinal(day)}.`;
}

/** The next charge: its amount and date, or why there is none. */
export function nextChargeText(ctx: Ctx, explanation = explanationOf(ctx)): string {
  const { snapshot } = ctx;
  const membership = snapshot.membership;
  if (!membership || membership.state.status === 'none') return 'I don’t see a Reelhouse membership on this account, so nothing is charged.';
  if (snapshot.account.role === 'extra_member') return OWNER_PAYS;
  const partner = partnerOf(snapshot);
  if (partner) return `${partner} bills your membership, so the next charge comes on your ${partner} bill, on their billing date and at their price; Reelhouse doesn’t charge you directly. ${partner} can tell you the date and amount.`;
  const { status } = membership.state;
  // Both say that nothing more will be charged.
  if (status === 'canceled_pending' || status === 'canceled') return cancellationStatus(snapshot);
  const next = explanation.upcoming;
  if (!next) return cancellationStatus(snapshot);
  const amount = money(next.amount, next.currency);
  if (next.kind === 'retry') return holdText(snapshot, explanation);
  const what = `${next.planName}${next.extraMembers > 0 ? ` with ${next.extraMembers} extra member${next.extraMembers > 1 ? 's' : ''}` : ''}`;
  const exclusive = next.taxMode === 'exclusive';
  const tax = next.tax ? (exclusive ? `: ${money(next.amount - next.tax, next.currency)} + ${money(next.tax, next.currency)} tax` : `, ${money(next.tax, next.currency)} of tax included`) : '';
  if (next.kind === 'resume') return `Your membership is paused, so nothing is charged until it restarts on ${longDate(next.date)}. Then you’ll be charged ${amount} (${what}${tax}), and every month after that.${billingDayText(snapshot)}`;
  const anchorDay = membership.state.anchor ? Number(membership.state.anchor.slice(8, 10)) : 0;
  // A billing day past the 28th moves in short months: say the date after too ("the 30th or the 31st?").
  const then = anchorDay > 28 ? ` The one after is on ${longDate(withDay(addMonths(next.date, 1), anchorDay))}.` : '';
  return `Your next charge is ${amount} on ${longDate(next.date)} (${what}${tax}).${billingDayText(snapshot)}${then}`;
}

export function holdText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike): string {
  const membership = snapshot.membership;
  if (!membership || membership.state.status !== 'on_hold') return cancellationStatus(snapshot);
  const failed = membership.ledger.filter((line) => line.type === 'payment_failed');
  const first = [...failed].reverse().find((line) => line.reason !== 'payment_retry') ?? failed[0];
  const retries = failed.filter((line) => line.reason === 'payment_retry' && (!first || line.date > first.date));
  const next = explanation.upcoming;
  const due = first ? `the payment of ${money(first.amount, first.currency)} due on ${longDate(first.date)} was declined` : 'a payment was declined';
  const tried = retries.length > 0 ? `, and the retr${retries.length > 1 ? 'ies' : 'y'} on ${retries.map((line) => longDate(line.date)).join(' and ')} ${retries.length > 1 ? 'were' : 'was'} declined too` : '';
  const nextTry = next?.kind === 'retry' ? ` We try it again on ${longDate(next.date)}${next.finalRetry && next.finalRetry !== next.date ? `; the last try is on ${longDate(next.finalRetry)}` : ''}.` : '';
  return `Your membership is on hold: ${due}${tried}. No money was taken, but you can’t watch while it’s on hold.${nextTry} Updating your card on your payments page (/account/payments) tries the payment again at once and ends the hold when it goes through.`;
}

function accessEndText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike): string {
  const membership = snapshot.membership;
  if (!membership) return cancellationStatus(snapshot);
  const partner = partnerOf(snapshot);
  const owner = snapshot.account.role === 'extra_member' ? ' Your extra member place lasts as long as the owner keeps the membership and your place on it.' : '';
  const { status, next_billing_date: next } = membership.state;
  if (partner) return `Your membership doesn’t end by itself: ${partner} bills it and keeps it going until you cancel it with ${partner}.${owner}`;
  if (status === 'active' && next) {
    const until = paidUntil(membership) ?? next;
    return `Your membership is active and doesn’t end by itself: it renews on ${longDate(next)}. If you cancel, you can keep watching until ${longDate(until)}, the end of the period you’ve paid for, and nothing more is charged.${owner}`;
  }
  if (status === 'on_hold') return `${holdText(snapshot, explanation)}${explanation.upcoming?.finalRetry ? ` If the last try on ${longDate(explanation.upcoming.finalRetry)} fails, the membership is cancelled that day.` : ''}`;
  return `${cancellationStatus(snapshot)}${owner}`;
}

function cardReplacedText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike, options: { wantsToChange: boolean }): string {
  const membership = snapshot.membership;
  if (!membership) return cancellationStatus(snapshot);
  if (snapshot.account.role === 'extra_member') return 'The account owner’s card pays for the membership, so a new card of yours changes nothing here.';
  const partner = partnerOf(snapshot);
  if (partner) return `${partner} bills your membership, so Reelhouse doesn’t charge a card of yours: a new card only matters for how you pay ${partner}.`;
  if (membership.state.status === 'on_hold') return `${holdText(snapshot, explanation)} If your bank gave you a new card, adding it there is the quickest way.`;
  const card = membership.payment_method;
  // No expiry here: the chat's redaction takes a month/year beside a card out of every stored message, the assistant's too.
  const which = card ? `your ${card.brand} card ending ${card.last4}` : 'your card';
  const next = explanation.upcoming && explanation.upcoming.kind !== 'retry' ? ` Your next charge is ${money(explanation.upcoming.amount, explanation.upcoming.currency)} on ${longDate(explanation.upcoming.date)}.` : '';
  if (options.wantsToChange) return `You change the card we charge on your payments page (/account/payments): adding the new card there replaces ${which}.${next} If your bank only replaced the card, it usually passes the new number and expiry on to us anyway, so payments keep going through.`;
  return `When a bank replaces a card, it passes the new number and expiry on to us, so ${which} keeps being charged as before: you don’t need to do anything.${next} If a payment is ever declined, you can put the new card in on your payments page (/account/payments).`;
}

function extraMemberText(snapshot: AccountSnapshot, explanation: ChargeExplanationLike): { body: string; choices?: Choice[] } {
  const membership = snapshot.membership;
  if (snapshot.account.role === 'extra_member') return { body: 'Only the account owner can add extra members, from their extra members page.' };
  if (!membership || ['none', 'canceled'].includes(membership.state.status)) return { body: 'Extra members are added to an active membership, and I don’t see one on this account.' };
  const partner = partnerOf(snapshot);
  if (partner) return { body: `Extra members can’t be added while ${partner} bills your membership: they’re only available when Reelhouse bills you directly, so there’s no extra member option on your account.` };
  const offer = explanation.offer;
  if (offer && !offer.extraMembersInCountry) return { body: `Extra members aren’t offered in ${offer.country}, so there’s no option to add one on your account, whatever the plan. Whoever lives with you can watch on your membership at home; someone living elsewhere needs a membership of their own.` };
  if (offer && offer.slots === 0) return { body: `Your ${offer.planName} plan has no extra member places; Standard and Premium have them. You can change plan on your membership page.` };
  const used = membership.state.extra_members;
  if (offer && used >= offer.slots) return { body: `Your ${offer.planName} plan has ${offer.slots} extra member place${offer.slots > 1 ? 's' : ''}, and ${used === 1 ? 'it is' : 'they are all'} in use.` };
  const places = offer && offer.slots > 0 ? ` Your ${offer.planName} plan has ${offer.slots} extra member place${offer.slots > 1 ? 's' : ''}; you use ${used} of ${offer.slots}.` : '';
  const price = `${places}${offer?.slotPrice ? ` Each place costs ${money(offer.slotPrice, membership.currency)} a month, charged for the rest of the current period when you add it.` : ''}`;
  const pending = membership.state.status === 'canceled_pending' ? ' Your membership is ending, though, so a place would end with it.' : '';
  return { body: `You can add an extra member from your extra members page (/account/extra-members): they get their own login on your membership.${price}${pending}`, choices: [{ id: 'link:/account/extra-members', label: 'Open my extra members page' }] };
}

/** The charge after the next one: a month later on the billing day (the month's last day when it has none). */
function afterNextText(ctx: Ctx, explanation: ChargeExplanationLike): string {
  const membership = ctx.snapshot.membership;
  const next = explanation.upcoming;
  if (!membership || !next || next.kind === 'retry' || ctx.snapshot.account.role === 'extra_member' || partnerOf(ctx.snapshot)) return nextChargeText(ctx, explanation);
  const anchorDay = membership.state.anchor ? Number(membership.state.anchor.slice(8, 10)) : Number(next.date.slice(8, 10));
  const after = withDay(addMonths(next.date, 1), anchorDay);
  return `After the charge on ${longDate(next.date)}, the next one is ${money(next.amount, next.currency)} on ${longDate(after)}, and so on every month, as long as the plan and price stay the same.${billingDayText(ctx.snapshot)}`;
}

/** "Is that every month now?": what repeats and what doesn't, after what was last explained. */
function recurringText(ctx: Ctx, explanation: ChargeExplanationLike): string {
  const { snapshot, state } = ctx;
  const membership = snapshot.membership;
  if (!membership) return cancellationStatus(snapshot);
  if (snapshot.account.role === 'extra_member') return OWNER_PAYS;
  const partner = partnerOf(snapshot);
  if (partner) return `${partner} bills your membership every month on your ${partner} bill; Reelhouse doesn’t charge you directly.`;
  if (['canceled_pending', 'canceled'].includes(membership.state.status)) return `No. ${cancellationStatus(snapshot)}`;
  const told = (state.evidence as { findings?: { cause: string; data?: Record<string, unknown>; headline?: string }[] } | null)?.findings ?? [];
  // Asked first thing ("is that 7 dollar thing going to repeat?"): what the recent charges show.
  const last = told.length > 0 ? told : explanation.findings;
  const causes = last.map((finding) => finding.cause);
  const next = explanation.upcoming;
  const regular = next && next.kind !== 'retry' ? `From now on you pay ${money(next.amount, next.currency)} every month, next on ${longDate(next.date)}.` : '';
  const lines: string[] = [];
  const oneOff = causes.find((cause) => cause === 'upgrade_proration' || cause === 'extra_member_slot');
  if (oneOff && !causes.includes('price_change')) {
    lines.push(oneOff === 'upgrade_proration'
      ? 'No: the upgrade charge was only once, for the days left in that billing period. It isn’t repeated.'
      : `The small charge for the extra member was only once, for the days left in that billing period; from the next renewal the extra member place${explanation.offer?.slotPrice ? ` (${money(explanation.offer.slotPrice, membership.currency)} a month)` : ''} is part of your monthly charge.`);
  } else if (causes.includes('price_change')) lines.push('Yes: the new price applies to every monthly renewal from now on.');
  else if (causes.includes('second_account_same_card')) {
    const other = snapshot.sameCard[0];
    const day = other?.membership.state.anchor ? Number(other.membership.state.anchor.slice(8, 10)) : null;
    lines.push(`Yes, as long as the second membership (${other?.maskedEmail ?? 'the other login'}) stays active, it is charged every month${day ? ` on the ${ordinal(day)}` : ''}, besides your own membership.`);
  } else if (causes.includes('billing_day_adjusted')) lines.push('Your billing day stays the same: in months that have that day you’re charged on it, otherwise on the last day of the month.');
  if (membership.state.status === 'on_hold') lines.push(holdText(snapshot, explanation));
  else if (regular) lines.push(regular + billingDayText(snapshot));
  return lines.join(' ') || cancellationStatus(snapshot);
}

/** The answer to one account question, or null to let the usual reading (triage) decide. */
export function answerAccountQuestion(question: AccountQuestion, ctx: Ctx): TopicOutcome | null {
  const { snapshot } = ctx;
  // An extra member's chat never reads the owner's charges: the owner-only answer needs none.
  if (question === 'owner_only') {
    const answer = answerContextQuestion(question, { snapshot, explanation: { upcoming: null, offer: null, findings: [] } as unknown as ChargeExplanationLike, text: ctx.text, today: ctx.today });
    return answer ? { replies: [say(answer.body, FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: [answer.tried], findings: [answer.body] } : null;
  }
  const explanation = explanationOf(ctx);
  const feedback = (body: string, tried: string, extra: Choice[] = []): TopicOutcome => ({ replies: [say(body, [...extra, ...FEEDBACK_CHOICES])], offer: { kind: 'feedback' }, tried: [tried], findings: [body] });
  const onHold = snapshot.membership?.state.status === 'on_hold';
  switch (question) {
    case 'next_charge':
      return feedback(nextChargeText(ctx, explanation), 'Told the next charge and its date');
    case 'access_end':
      // Paused: the restart date and what is charged then.
      if (snapshot.membership?.state.status === 'paused' && snapshot.account.role === 'owner' && !partnerOf(snapshot)) return feedback(nextChargeText(ctx, explanation), 'Told when the pause ends and what is charged then');
      return feedback(accessEndText(snapshot, explanation), 'Told when access ends');
    case 'who_bills':
      return feedback(snapshot.account.role === 'extra_member' ? `${OWNER_PAYS} ${whoBills(snapshot)}` : whoBills(snapshot), 'Checked who bills the membership');
    case 'hold':
    case 'what_now':
      if (!onHold) return null;
      return feedback(holdText(snapshot, explanation), 'Explained the hold and the retries', snapshot.account.role === 'owner' ? [PAYMENTS] : []);
    case 'retry':
      return onHold ? feedback(holdText(snapshot, explanation), 'Told when the payment is tried again', [PAYMENTS]) : feedback(nextChargeText(ctx, explanation), 'Told the next charge and its date');
    case 'if_retry_fails': {
      if (!onHold) return null;
      const last = explanation.upcoming?.finalRetry;
      return feedback(`If the payment is still declined at the last try${last ? ` on ${longDate(last)}` : ''}, the membership is cancelled that day. Nothing is charged for the time on hold. Updating your card on your payments page (/account/payments) before then tries the payment again at once.`, 'Explained what happens if the retries fail', [PAYMENTS]);
    }
    case 'card_replaced':
      return feedback(cardReplacedText(snapshot, explanation, { wantsToChange: /\b(?:where|how)\b.{0,30}\b(?:change|update|add|put)\b|\b(?:change|update) (?:it|the card|my card)\b/i.test(ctx.text) }), 'Explained what a card replaced by the bank changes');
    case 'extra_member_add': {
      const answer = extraMemberText(snapshot, explanation);
      return feedback(answer.body, 'Explained adding an extra member', answer.choices);
    }
    case 'recurring':
      return feedback(recurringText(ctx, explanation), 'Told what repeats every month');
    case 'extra_member_price': {
      const offer = explanation.offer;
      if (!offer || !offer.slotPrice || !offer.extraMembersInCountry || partnerOf(snapshot) || snapshot.account.role === 'extra_member' || !snapshot.membership) {
        const answer = extraMemberText(snapshot, explanation);
        return feedback(answer.body, 'Explained extra members', answer.choices);
      }
      const used = snapshot.membership.state.extra_members;
      const body = `Each extra member place on your ${offer.planName} plan costs ${money(offer.slotPrice, snapshot.membership.currency)} a month; you use ${used} of ${offer.slots}. It’s part of your monthly charge, not a separate one. ${nextChargeText(ctx, explanation)}`;
      return feedback(body, 'Told what an extra member place costs');
    }
    case 'other_account': {
      if (snapshot.sameCard.length === 0) return null;
      const others = snapshot.sameCard.map((other) => `${other.maskedEmail} (${other.membership.state.plan} plan, joined ${longDate(other.createdAt.slice(0, 10))})`).join(', ');
      return feedback(`The other membership paid with your card is on the login ${others}. It’s a separate account, so I can only show its email masked; sign in with it to manage it, or our billing team can help once they’ve checked it’s yours.`, 'Told which login the second membership is on');
    }
    case 'after_next':
      return feedback(afterNextText(ctx, explanation), 'Told the charge after the next one');
    case 'other_next_charge':
    case 'past_payments':
    case 'cancel_history':
    case 'partner_other':
    case 'extra_member_remove':
    case 'resume_early':
    case 'disputed_when': {
      const disputed = (ctx.state.evidence as { disputedCharge?: DisputedLine | null } | null)?.disputedCharge ?? null;
      const answer = answerContextQuestion(question, { snapshot, explanation, text: ctx.text, today: ctx.today, lastDisputed: disputed });
      return answer ? feedback(answer.body, answer.tried, answer.choices) : null;
    }
    case 'cancel_other': {
      if (snapshot.sameCard.length === 0) return null;
      const others = snapshot.sameCard.map((other) => other.maskedEmail).join(', ');
      return {
        replies: [say(`I can’t cancel ${others} from here, as it’s a different account: sign in with that login to cancel it, or our billing team can cancel it once they’ve checked it’s yours, and review the charges made on it. Shall I pass this to them?`, HANDOFF_CHOICES)],
        offer: { kind: 'handoff', queue: 'billing', reason: 'needs_agent' },
        tried: ['Explained how to cancel the second membership on the same card'],
      };
    }
    case 'who_restarted':
    case 'status':
    case 'billing_day':
      // Answered by the assistant's usual topics (the restart's charge story, the cancellation status).
      return null;
    case 'starts_when': {
      const change = [...((ctx.state.evidence as { findings?: { cause: string; data?: Record<string, unknown> }[] } | null)?.findings ?? []), ...explanation.findings]
        .find((finding) => finding.cause === 'price_change') as { data?: Record<string, unknown> } | undefined;
      const data = change?.data ?? {};
      if (typeof data.appliesFrom !== 'string') return feedback(nextChargeText(ctx, explanation), 'Told the next charge and its date');
      const first = typeof data.firstRenewalAtNewPrice === 'string' ? data.firstRenewalAtNewPrice : null;
      const body = `The new price applies from ${longDate(data.appliesFrom)}${typeof data.announced === 'string' ? ` (we let you know on ${longDate(data.announced)})` : ''}${first ? `; ${first <= ctx.today ? 'your first renewal at it was' : 'your first renewal at it is'} on ${longDate(first)}` : ''}. ${nextChargeText(ctx, explanation)}`;
      return feedback(body, 'Told when the new price applies');
    }
  }
}
