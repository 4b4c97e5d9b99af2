import type { AccountQuestion } from './account-questions.rules.ts';

/**
 * Reads what an account question is about from its parts rather than from
 * sample phrases: what is asked (when, how much, who, which, what if), about
 * what (a payment, access, a card, a pause, a hold, an extra member) and
 * when (ahead or already past). "whens my next one coming out", "what will
 * december cost me", "restart date?", "is it my visa you charge?" are each a
 * combination of a few such parts, so wording nobody wrote down still lands.
 * Also: splitting a message into its questions, a word-for-word gloss of
 * German, Spanish and Portuguese into English for this reading, and a
 * follow-up read against the conversation's last question. Pure.
 */

export type MeaningContext = {
  /** The membership's status ('active', 'paused', 'on_hold', 'canceled_pending'…), when known. */
  status?: string | null;
  /** The chatting account's role. */
  role?: 'owner' | 'extra_member' | null;
  /** The account question answered last in this conversation. */
  lastQuestion?: AccountQuestion | null;
  /** The first names of the owner's extra members ("what does Jonas add each month"). */
  extraMemberNames?: readonly string[];
};

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Asking for a moment: when, what date, until when, how long. */
const ASK_WHEN = /\bwhen(?:['’]?s)?\b|\bhow many (?:days|weeks)\b|\b(?:final|last) day\b|\bwhat (?:day|date|time)\b|\bwhich (?:day|date)\b|\b(?:due |restart |renewal |end |billing |payment |charge )?date\b|\bhow long\b|\bhow soon\b/i;
/** Asking for an amount. */
const ASK_AMOUNT = /\bhow much\b|\bwhat(?:['’]?s| is| will be) the (?:figure|sum|price|cost|amount|total)\b|\bwhat will (?:the |my )?(?:\w+ )?(?:one|it|payment|bill|charge|price|amount|renewal) be\b|\bwhat(?:['’]?s| is| will| do| does)\b[^?]{0,20}\b(?:coming out|come out|go(?:ing)? out|due|owe)\b|\bwhat (?:will|does|do|would|is)\b[^?]{0,30}\bcost\b|\bcost(?:s|ing)? me\b|\b(?:the )?(?:amount|total|damage)\b|\bwhat (?:do|will|would) i (?:owe|pay)\b/i;
/** Money going out to Reelhouse, in any tense. */
export const MONEY_OUT = /\b(?:charg\w*|bill(?:s|ed|ing)?|pay(?:s|ing|ment|ments)?|paid|debit\w*|renew\w*|invoice|cost\w*|fee|(?:take|taking|took|taken)\b[^.?!]{0,15}\bmoney|money (?:taken|out|leave|leaving)|coming out|come out|go(?:es)? out|due)\b/i;
/** Ahead in time. */
const AHEAD = new RegExp(`\\bnext\\b|\\bscheduled\\b|\\bplanned\\b|\\bcoming up\\b|\\bwon['’]?t\\b|\\bwont\\b|\\b(?:take|charge|bill)\\w* (?:me )?another\\b|\\bany more\\b|\\banymore\\b|\\bupcoming\\b|\\bagain\\b|\\bwill\\b|\\bgonna\\b|\\bgoing to\\b|\\bfrom now\\b|\\bper month\\b|\\ba month\\b|\\bevery month\\b|\\bmonthly\\b|\\bright now\\b|\\bcurrently\\b|\\b(?:in|for|from|about|on) ${MONTH}\\b|^\\s*(?:what about |and |so )?${MONTH}\\b`, 'i');
/** Already happened: a charge complained about, not one ahead. */
const PAST_CHARGE = /\bwhy\b|\b(?:getting|keep(?:s)? (?:getting )?|still) (?:charg|bill|debit)\w*|\bamount charged\b|\bcharged (?:is|was)\b|\b(?:was|were)\s+(?:only\s+|just\s+)?[$£€]?\d|\b(?:was|were|got|been|have been|did you) (?:charg|bill|debit|take|took)\w*\b|\byou (?:charged|billed|debited|took)\b(?!\s+(?:next|again in|on the (?:next|\d)))|\bcharged me\b|\btook\b|\blast (?:month|payment|charge|bill)\b|\bwhat (?:was|were|is) (?:the|this|that)\b[^?]{0,20}\d/i;
/** Access: watching, using, losing it, its end. */
const ACCESS = /\baccess\b|\bwatch\w*\b|\bstream\w*\b|\bus(?:e|ing) (?:it|the service|reelhouse|the rest)\b|\bkeep (?:premium|it|using|access|my|the)\b|\bstill have\b|\b(?:days|time|weeks)\b[^.?!]{0,15}\bleft\b|\b(?:is it|it['’]?s) (?:off|gone|over)\b|\boff already\b|\b(?:lose|lost|losing)\b|\b(?:end|ends|ending|expire\w*|stop(?:s)? working|finish\w*|close\w*|over)\b|\blast day\b|\bfinal day\b/i;
const IF_CANCEL = /\bif i (?:cancel|stop|quit|end|leave)\b|\b(?:thinking (?:of|about)|planning to|want to|going to) (?:quit|cancel|leav|stop)\w*\b|\b(?:do|will) i still have\b|\b(?:will|would|do) i (?:lose|keep)\b|\bhow many (?:days|weeks)\b|\bafter (?:i )?cancel\w*\b|\bonce (?:i )?cancel\w*\b/i;
const CARD = /\b(?:card|cards|visa|mastercard|amex|debit card|credit card|payment method|paypal)\b/i;
const CARD_CHANGE = /\b(?:chang\w*|updat\w*|replac\w*|switch\w*)\b[^.?!]{0,20}\b(?:my |the )?(?:own |new |other |another )?(?:card|payment method)\b|\b(?:put|add|enter|give|register|provide|link)\b[^.?!]{0,20}\b(?:card|payment method) (?:details|number|in|on|somewhere)\b|\b(?:put|add|enter|give|register|provide|link)\b[^.?!]{0,20}\b(?:my |a )?(?:own|new|other|another|different) (?:card|payment method)\b|\bnew (?:card|debit card|credit card|visa|mastercard)\b|\bbank (?:gave|sent|replaced|reissued|issued|changed)\b|\b(?:card|visa|mastercard|amex)\b[^.?!]{0,10}\b(?:was |got |has been |is )?(?:replaced|reissued|renewed|changed)\b/i;
const WHO = /\bwho\b|\bwhich company\b|\bthrough (?:whom|who)\b/i;
const WHICH_CARD = /\b(?:what|which)\b[^.?!]{0,10}\bpayment (?:info\w*|details|method|card)\b|\b(?:card|one)\b[^.?!]{0,25}\byou(?:['’]ll| will| are going to| gonna)? (?:use|charge|bill)\b|\b(?:is it|still|the|my) (?:the |my )?\d{4} (?:card|visa|mastercard|amex)\b|\bcard ending\b|\b(?:you|u)(?: guys)?\b[^.?!]{0,15}\b(?:have|got|using|use|charg\w*|bill\w*)\b[^.?!]{0,10}\bmy (?:old |new |current )?(?:card|visa|mastercard|amex|debit card|credit card)\b|\b(?:which|what)(?: of my| kind of)? (?:card|cards|payment method|visa|mastercard)\b|\b(?:is it|is that|you)\b[^.?!]{0,15}\b(?:my )?(?:visa|mastercard|amex|card)\b[^.?!]{0,15}\b(?:you )?(?:charg|bill|use)\w*|\b(?:visa|mastercard|amex|card)\b[^.?!]{0,10}\byou (?:charg|bill|use)\w*/i;
const PAY_OBLIGATION = /\b(?:do|must|should|will|have|need) (?:i|we)\b[^.?!]{0,25}\bpay\b|\bcost me anything\b|\bdo i pay anything\b|\bam i (?:paying|being charged|charged)\b/i;
const PAUSE = /\bpaus\w*\b|\bunpause\b|\brestart\w*\b|\bresum\w*\b|\bcom(?:e|es|ing) back\b|\bbreak\b/i;
const EXTRA = /\b(?:his|her|their) own\b[^.?!]{0,15}\b(?:login|account|sign-?in)\b|\bextra.?members?\b|\bshare (?:my|the|our) (?:account|plan|membership|subscription)\b|\b(?:mum|mom|mother|dad|father|sister|brother|friend|girlfriend|boyfriend|partner|wife|husband|son|daughter|roommate|flatmate)\b[^.?!]{0,20}\b(?:join|be added|added|on my (?:plan|account|membership))\b|\b(?:add|invite)\b[^.?!]{0,25}\b(?:person|someone|somebody|people|member|mum|mom|mother|dad|father|sister|brother|friend|girlfriend|boyfriend|partner|wife|husband|son|daughter|roommate|flatmate)\b/i;
const IF_FAILS = /\bwhat if\b[^.?!]{0,25}\b(?:again|fail\w*|declined)\b|\bif (?:it|that|this|the (?:retry|payment|card|next try))\b[^.?!]{0,25}\b(?:fail\w*|doesn['’]?t (?:go through|work)|does not (?:go through|work)|(?:is|gets) declined|bounces|won['’]?t go through)\b|\bif (?:it|that) (?:fails|doesn['’]?t)\b/i;
const RECUR = /\bkeep (?:happening|charging|coming)\b|\b(?:every|each) month\b|\bfrom now on\b|\bgoing forward\b|\bnew normal\b|\bpermanent\w*\b|\bone.?off\b|\brecurring\b|\bhappen again\b|\bgo up again\b/i;
/** Can't watch, in many words: the cause to tell first when the account is on hold or paused. */
const CANT_WATCH = /\b(?:can['’]?t|cannot|can not|won['’]?t|unable to|not able to|couldn['’]?t|not can)\b[^.?!]{0,20}\b(?:view|see|watch|play|stream|open|load|log ?in|sign ?in|use)\b|\blocked\b|\block(?:s|ed)? me out\b|\bno (?:shows|movies|films|series)\b|\bnothing (?:plays|works|loads)\b|\b(?:is|it['’]?s) stop(?:ped)?\b|\bblocked\b|\bproblem with (?:my )?(?:billing|payment|account)\b|\bbilling (?:problem|issue|error)\b|\bpayment (?:problem|issue|error)\b|\b(?:says|saying|shows?) (?:account )?(?:on hold|paused|payment)\b/i;
/** A month named as the one asked about ("what about december", "will december be more"). */
const MONTH_AHEAD = new RegExp(`\\b(?:what about|in|for|will|is|does)(?: the)? ${MONTH}\\b|\\b${MONTH} (?:be|cost|bill|charge|payment)\\b`, 'i');
/** Cancelling the second membership on the card, in other words. */
const CANCEL_OTHER = /\b(?:that|the other) (?:login|account|email)\b[^.?!]{0,30}\b(?:cancel|close|delete|stop|remove|get rid of|kill|end)\b|\b(?:cancel|close|delete|stop|remove|get rid of|kill|end)\b[^.?!]{0,25}\b(?:other|second|duplicate|2nd|extra|small(?:er)?|cheap(?:er)?|basic|that) (?:one|account|membership|subscription|login)\b/i;
/** Does access end by itself. */
const EXPIRES = /\b(?:does|will|is) (?:my |the )?(?:access|membership|subscription|account|it|plan)\b[^.?!]{0,15}\b(?:expire|end|stop|run out)\w*|\bend date\b/i;
/** What to do now. */
const WHAT_NOW = /\bdo i (?:need|have) to do (?:anything|something)\b|\bfix itself\b|\bwhat (?:do|should|can|shall|must) (?:i|we) (?:need to |have to )?do\b|\bhow do i (?:fix|sort|solve)\b/i;
/** The next try of a declined payment. */
const RETRY = /\b(?:when|next)\b[^.?!]{0,25}\b(?:attempt|try|retry)\b|\b(?:attempt|try|retry)\b[^.?!]{0,15}\b(?:when|next)\b/i;
/** "since when has that been going on": how long the second membership on the card has been charged (it answers nothing without one). */
const SINCE_WHEN = /\bsince when\b[^.?!]{0,25}\b(?:going on|happening|been)\b|\bhow long has (?:this|that|it) been (?:going on|happening)\b/i;
/** Which login the second membership on the card is on. */
const OTHER_ACCOUNT = /\b(?:email|login|whose|name|username|who)\b[^.?!]{0,30}\b(?:other|second|2nd|small(?:er)?|extra|cheaper) (?:one|account|membership|login|subscription)\b|\b(?:other|second|2nd) (?:one|account|membership|login)\b[^.?!]{0,20}\b(?:email|login|whose|name)\b/i;
/** Questions about other things that share the words: shops, gift cards, scam messages. */
const NOT_OURS = /\bgift ?cards?\b|\b(?:store|shop|shopping|purchase\w*|ordered|package|product|merchant|seller|atm|overdraft|flights?)\b|\b(?:email|e-mail|text|sms|message|link)\b[^.?!]{0,40}\b(?:legit|scam|phishing|real|fake|asking)\b/i;
/** A charge the member does not recognise or disputes. */
const UNRECOGNISED = /\b(?:recogni[sz]e|didn['’]?t make|did not make|not made|haven['’]?t (?:done|made)|suspicious|fraud\w*|unusual|unauthori[sz]ed|dispute\w*|(?:did not|didn['’]?t) (?:create|do|authori[sz]e)|(?:can['’]?t|cannot|don['’]?t) recall|duplicat\w*|twice|double[ds]?|(?:two|2) (?:\w+ )?(?:payments|charges|debits|amounts|subscriptions|memberships)|freeze)\b/i;
/** How to cancel: a request, which the actions read. */
const CANCEL_HOWTO = /\b(?:how (?:to|do i|can i)|want to|wanna|need to|trying to) (?:cancel|end|stop|quit|close)\b/i;
/** Adding or inviting an extra member, and the other extra-member topics that share the words. */
const EXTRA_ADD = /\b(?:add|invite|can|could|get|how|option|possible|allowed|join|want|wants|room|space|place|places|spot|another|one more|any more)\b/i;
const EXTRA_OTHER = /\b(?:remov\w*|drop|delet\w*|kick|accept\w*|never got|didn['’]?t get|did not get|(?:can['’]?t|cannot|unable to|trouble) (?:sign|log)(?:ging)? ?in|transfer\w*|i['’]?m an extra|i am an extra)\b/i;
/** Who or what turned a cancelled membership back on. */
const RESTART_VERB = /\b(?:re-?start\w*|re-?activat\w*|turn\w* (?:it |my \w+ )?back on|switch\w* (?:it |my \w+ )?back on|re-?new\w* it|brought it back)\b/i;
const RESTARTED_BY = { test: (t: string) => RESTART_VERB.test(t) && /\b(?:who|which|what|how (?:did|come|was|has)|was it|done|from (?:my|the|a)|on (?:my|the|a) (?:tv|phone|device|laptop|computer|tablet))\b/i.test(t) && !/\bhow (?:do|can|to) i\b/i.test(t) };
/** Where the membership stands: active, cancelled, paused. */
const STATUS = /\bstatus\b|\b(?:is|was) (?:it|my (?:membership|subscription|account|plan)) (?:still |now )?(?:active|on|running|live|cancel(?:l)?ed|paused|off)\b|\b(?:is it|it['’]?s) (?:still )?active\b/i;
const PLAN = /\bwhat plan\b|\bwhich plan\b|\bmy plan\b[^.?!]{0,15}\bcost\b/i;
/** A follow-up that points back: the one after the next charge. */
const AFTER_THAT = /^\s*(?:and |so |ok |okay )?(?:(?:what about |and )?(?:the one |the charge |the payment )?after (?:that|this|it)|the (?:one|charge|payment|month) after|the following (?:one|month|charge))\s*[?.!]*\s*$/i;
/** A follow-up asking for a detail of what was just answered. */
const DETAIL = /\b(?:the|a|an|exact)\s+(?:date|day|amount|price|sum)\b|\b(?:what|which) (?:day|date)\b|\bhow much\b|\bwhen exactly\b/i;
/** The detail asked is an amount: the next charge's, whatever was answered before. */
const DETAIL_AMOUNT = /\b(?:amount|price|sum|cost)\b|\bhow much\b/i;

/** Which account question a (part of a) message asks, by meaning; null when none of these. */
export function readQuestionByMeaning(text: string, context: MeaningContext = {}): AccountQuestion | null {
  const t = text.replace(/\[[a-z ]+ removed\]/gi, ' ');
  // Shopping, gift cards and scams are not questions about this account's billing; triage has intents for them.
  if (NOT_OURS.test(t)) return null;
  // A charge the member does not recognise, a declined card or a dispute is a charge question, not one of these.
  const complaint = UNRECOGNISED.test(t);
  const declined = /\bdeclin\w*|\brefused\b|\bnot accepted\b/i.test(t) && context.status !== 'on_hold';
  const ahead = AHEAD.test(t);
  // Two amounts compared ("october was 23.72 but september 21.46") are a charge already made, never one ahead.
  const past = PAST_CHARGE.test(t) || (t.match(/\d+[.,]\d{2}\b/g) ?? []).length >= 2;
  if (context.lastQuestion === 'next_charge' && AFTER_THAT.test(t)) return 'after_next';
  if (IF_FAILS.test(t)) return 'if_retry_fails';
  if ((context.lastQuestion === 'retry' || context.lastQuestion === 'hold') && /\b(?:last|final) (?:one|try|attempt|chance)\b/i.test(t)) return 'if_retry_fails';
  if (OTHER_ACCOUNT.test(t) || SINCE_WHEN.test(t)) return 'other_account';
  const named = (context.extraMemberNames ?? []).some((name) => name.length > 1 && new RegExp(`(?<!\\p{L})${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu').test(t));
  if (((EXTRA.test(t) && !/\b(?:add|adding|invite)\b/i.test(t)) || named) && /\b(?:fee|cost\w*|price|how much|per month|a month|each month|add to)\b/i.test(t) && !past) return 'extra_member_price';
  if (CANCEL_OTHER.test(t)) return 'cancel_other';
  if (context.status === 'on_hold' && RETRY.test(t)) return 'retry';
  // A new card from the bank, even after fraud, is a card question; the rest of a complaint is the charge reading's.
  if (CARD_CHANGE.test(t) && !declined) return 'card_replaced';
  if (complaint || CANCEL_HOWTO.test(t)) return null;
  if (RECUR.test(t) && !/\bhow much\b/i.test(t) && !asksAboutCharge(t)) return 'recurring';
  if ((WHICH_CARD.test(t) && !past) || (WHO.test(t) && (MONEY_OUT.test(t) || /\b(?:call|ask|contact)\b/i.test(t)) && !past)) return 'who_bills';
  if (declined) return null;
  if (PAY_OBLIGATION.test(t) && context.role === 'extra_member') return 'who_bills';
  if (EXTRA.test(t) && EXTRA_ADD.test(t) && !EXTRA_OTHER.test(t) && (!MONEY_OUT.test(t) || /\badd\b/i.test(t))) return 'extra_member_add';
  if (RESTARTED_BY.test(t)) return 'who_restarted';
  if (STATUS.test(t)) return 'status';
  if (context.status === 'on_hold' && CANT_WATCH.test(t)) return 'hold';
  // On hold, "how long until it gets cancelled" asks what happens if the tries fail.
  if (context.status === 'on_hold' && /\b(?:cancel\w*|close|closed|delete|deleted|terminate\w*|shut)\b/i.test(t) && (ASK_WHEN.test(t) || /\b(?:until|before|how many)\b/i.test(t))) return 'if_retry_fails';
  if (context.status === 'on_hold' && /\bhow many (?:more )?(?:tries|attempts|chances|times)\b/i.test(t)) return 'if_retry_fails';
  if (context.status === 'on_hold' && WHAT_NOW.test(t) && !/\b(?:close|cancel\w*|password|passcode|refund|order)\b/i.test(t)) return 'what_now';
  if (context.status === 'paused' && PAUSE.test(t) && MONEY_OUT.test(t) && (ahead || /\bfirst\b|\bafter\b/i.test(t))) return 'next_charge';
  if (context.status === 'paused' && (CANT_WATCH.test(t) || (PAUSE.test(t) && (ASK_WHEN.test(t) || ACCESS.test(t) || /\bbefore\b/i.test(t))))) return 'access_end';
  if ((ASK_WHEN.test(t) || IF_CANCEL.test(t)) && ACCESS.test(t) && (!MONEY_OUT.test(t) || IF_CANCEL.test(t))) return 'access_end';
  if (EXPIRES.test(t)) return 'access_end';
  if (context.lastQuestion === 'extra_member_add' && /\b(?:which|what) plan\b/i.test(t)) return 'extra_member_add';
  if (PLAN.test(t)) return 'next_charge';
  if (PAY_OBLIGATION.test(t) && !past) return 'next_charge';
  if (ASK_AMOUNT.test(t) && !past && (ahead || MONEY_OUT.test(t) || /\b(?:now|exactly|is it|then|that)\b/i.test(t) || t.trim().split(/\s+/).length <= 6)) return 'next_charge';
  if (ASK_WHEN.test(t) && MONEY_OUT.test(t) && !past) return 'next_charge';
  if (ASK_WHEN.test(t) && /\bnext (?:one|time)\b/i.test(t)) return 'next_charge';
  // "will it take another 31.03 next month?", "you won't take any more money?": a charge ahead, asked.
  if (ahead && !past && !/\bwon['’]?t (?:work|go through|load|let)\b/i.test(t) && (MONEY_OUT.test(t) || MONEY_AMOUNT.test(t)) && /\b(?:will|won['’]?t|wont|is|am|are|do|does|gonna)\b/i.test(t)) return 'next_charge';
  if (MONTH_AHEAD.test(t) && /\b(?:\d{1,2}(?:st|nd|rd|th)|date|day|cost|pay|charge|bill|how much|more|less|higher|lower|same|different)\b/i.test(t) && !past) return 'next_charge';
  if (context.lastQuestion && DETAIL.test(t) && t.trim().split(/\s+/).length <= 9) return context.lastQuestion === 'after_next' || DETAIL_AMOUNT.test(t) ? 'next_charge' : context.lastQuestion;
  return null;
}

/**
 * The questions in a message: sentences, and "…, and when…" / "… and how…"
 * joining two questions. A statement line or a list is kept whole.
 */
export function questionSegments(text: string): string[] {
  return text
    .split(/(?<=[?!])\s+|(?<=\.)\s+(?=[A-Za-z])|,?\s+(?:and|also|plus)\s+(?=(?:(?:when|what|how|why|who|which|where)(?:['’]?s)?|will|can|could|do|does|is|are)\b)/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Words of German, Spanish and Portuguese glossed into English, only for reading the question (the answer is in English). */
const GLOSS: [RegExp, string][] = [
  // Portuguese and Spanish multi-word first.
  [/\bat[eé] quando\b/gi, 'until when'], [/\bhasta cu[aá]ndo\b/gi, 'until when'], [/\bbis wann\b/gi, 'until when'],
  [/\bpr[oó]xim[oa] m[eê]s\b/gi, 'next month'], [/\bn[äa]chsten monat\b/gi, 'next month'],
  [/\bwird\b[^.?!]{0,30}\babgebucht\b/gi, 'will be charged'], [/\bwurde\b[^.?!]{0,30}\babgebucht\b/gi, 'was charged'],
  [/\bvou ser cobrad[oa]\b|\bserei cobrad[oa]\b|\bme van a cobrar\b|\bme vais a cobrar\b/gi, 'will I be charged'],
  [/\bme est[aá]n cobrando\b|\best[aã]o me cobrando\b/gi, 'you are charging me'], [/\bdos veces\b|\bduas vezes\b|\bzweimal\b|\bdoppelt\b/gi, 'twice'],
  [/\bsubi[oó] el precio\b|\bo pre[cç]o subiu\b|\bpreis (?:ist )?gestiegen\b|\bpreiserh[öo]hung\b/gi, 'the price went up'],
  [/\bdas n[äa]chste mal\b/gi, 'next time'], [/\bqual vai ser\b|\bcu[aá]l (?:va a ser|ser[aá])\b/gi, 'what will be'],
  [/\btrocou\b|\bcambi[oó]\b|\bersetzt\b|\bausgetauscht\b/gi, 'replaced'], [/\bpreciso\b|\bnecesito\b/gi, 'do I need to'],
  [/\batualizar\b|\bactualizar\b|\baktualisieren\b/gi, 'update'], [/\bvuelve\b|\bvolta\b/gi, 'comes back'],
  [/\bvalor\b|\bbetrag\b|\bmonto\b|\bimporte\b/gi, 'amount'], [/\bbezahlt\b/gi, 'pays'], [/\babbuchung\b|\bcobran[cç]a\b|\bcobro\b/gi, 'charge'],
  [/\bund\b/gi, 'and'], [/\bqual\b|\bcu[aá]l\b|\bwelche[rsn]?\b/gi, 'what'],
  [/\botra vez\b|\bde nuevo\b|\bde novo\b|\boutra vez\b|\bwieder\b|\berneut\b/gi, 'again'],
  [/\btarjeta nueva\b|\bnueva tarjeta\b|\bcart[aã]o novo\b|\bnovo cart[aã]o\b|\bneue karte\b/gi, 'new card'],
  [/\bcancel[eé]\b|\bcancelei\b|\bgek[üu]ndigt\b/gi, 'I cancelled'],
  [/\bme cobraron\b|\bme cobraram\b|\bfui cobrad[oa]\b|\bwurde mir\b[^.?!]{0,30}\babgebucht\b|\babgebucht\b/gi, 'charged me'],
  [/\bcu[aá]nto\b|\bquanto\b|\bwie viel\b|\bwieviel\b/gi, 'how much'],
  [/\bcu[aá]ndo\b|\bquando\b|\bwann\b/gi, 'when'],
  [/\bqui[eé]n\b|\bquem\b|\bwer\b/gi, 'who'],
  [/\bpor qu[eé]\b|\bpor que\b|\bwarum\b|\bwieso\b/gi, 'why'],
  [/\bpagar\b|\bpago\b|\bpagamento\b|\bbezahlen\b|\bzahlen\b|\bzahlung\b/gi, 'pay'],
  [/\bstellt\b[^.?!]{0,20}\bin rechnung\b/gi, 'bills'], [/\brechnung\b/gi, 'bill'], [/\bpaga\b|\bzahlt\b/gi, 'pays'], [/\breactiva\w*\b|\breativa\w*\b|\breanuda\w*\b|\bretoma\w*\b|\breaktiviert\b/gi, 'restart'],
  [/\bcuenta\b|\bconta\b|\bkonto\b/gi, 'account'],
  [/\bcobra\w*\b|\bberechnet\b|\bbelastet\b/gi, 'charge'],
  [/\bwas kostet\b/gi, 'what does it cost'], [/\bkostet\b|\bcuesta\b|\bcusta\b/gi, 'cost'], [/\bab\b/gi, 'from'],
  [/\bpr[oó]xim[oa]\b|\bn[äa]chste[nrs]?\b/gi, 'next'],
  [/\btermina\b|\bacaba\b|\bendet\b|\bl[äa]uft\b[^.?!]{0,10}\baus\b/gi, 'end'],
  [/\bassistir\b|\bver\b|\bschauen\b|\bgucken\b|\bsehen\b/gi, 'watch'],
  [/\bacesso\b|\bacceso\b|\bzugang\b/gi, 'access'],
  [/\bsuscripci[oó]n\b|\bassinatura\b|\babo(?:nnement)?\b|\bmitgliedschaft\b/gi, 'membership'],
  [/\btarjeta\b|\bcart[aã]o\b|\bkarte\b|\bkreditkarte\b/gi, 'card'],
  [/\bbanco\b|\bbank\b/gi, 'bank'], [/\bme dio\b|\bme deu\b|\bhat mir\b/gi, 'gave me'],
  [/\bbloquead[oa]\b|\bgesperrt\b|\bsuspens[oa]\b|\bsuspendid[oa]\b/gi, 'blocked'],
  [/\bpausa\b|\bpause\b/gi, 'pause'],
  [/\bmiembro extra\b|\bmembro extra\b|\bzusatzmitglied\b/gi, 'extra member'],
  [/\bposso\b|\bpuedo\b|\bkann ich\b/gi, 'can I'], [/\bmuss ich\b|\btengo que\b|\btenho que\b/gi, 'do I have to'],
  [/\bmes\b|\bmonat\b/gi, 'month'], [/\bdezember\b|\bdiciembre\b|\bdezembro\b/gi, 'in December'],
];

/** `\\b` does not see "é" or "ü" as letters: the same patterns with Unicode letter boundaries, built once. */
const GLOSSES: [RegExp, string][] = GLOSS.map(([pattern, english]) => [new RegExp(pattern.source.replace(/\\b/g, '(?:(?<!\\p{L})(?=\\p{L})|(?<=\\p{L})(?!\\p{L}))').replace(/\\w/g, '\\p{L}'), 'giu'), english]);

/** The message with German, Spanish and Portuguese question words turned into English ones. */
export function glossToEnglish(text: string): string {
  return GLOSSES.reduce((glossed, [pattern, english]) => glossed.replace(pattern, english), text).replace(/[¿¡]/g, '');
}

/** Lines pasted from a bank statement: a date, some merchant text and an amount on one line. */
const STATEMENT_LINE = new RegExp(`^\\s*(?:\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?|${MONTH}\\.? \\d{1,2}|\\d{1,2} ${MONTH})\\b.*?(?:[A-Z]{3,}|reelhouse).*?\\d+[.,]\\d{2}\\b`, 'im');
export function hasStatementLines(text: string): number {
  return text.split(/\n/).filter((line) => STATEMENT_LINE.test(line)).length;
}

/** A money amount written out: "$6.95", "6.95", "5 pounds", "€4,39", "7 bucks". */
export const MONEY_AMOUNT = /[$£€¥]\s?\d|\b\d+[.,]\d{2}\b|\b\d+\s*(?:pounds?|quid|dollars?|bucks|euros?|reais|yen)\b/i;

/** A charge already made, complained or asked about, with words of money: "why am I charged twice", "what was the 6.95 for". */
export const CHARGE_ASKED = /\bwhy\b[^.?!]{0,40}\b(?:charg|bill|pa(?:y|id)|debit|money|price|cost|twice|two|double)\w*|\bwhat (?:was|were|is|are) (?:the|this|that|these|those)\b[^.?!]{0,30}(?:\d|charg|payment|fee)|\bprice\b[^.?!]{0,20}\b(?:chang|went up|go up|increase|rise|rose|hike)\w*|\bmoney back\b|\brefund\w*\b|\btwice\b|\bdouble\b/i;

/** A cancellation the member says is behind them ("I cancelled in September and was charged again"). */
export const CANCELLED_BEFORE = /\bafter (?:i |we )?cancel(?:l)?(?:ing|ed)?\b|\b(?:i|we)\s+(?:had\s+|have\s+)?(?:already\s+)?(?:cancel(?:l)?ed|ended|stopped|quit|terminated|closed|deleted|finish(?:ed)?)\b|\b(?:cancel(?:l)?ed|ended) (?:it |my \w+ )?(?:in|on|last|months|weeks|ages|a while)\b|\bdon['’]?t have (?:reelhouse|it|a membership) anymore\b/i;

/** A part of a message about a charge already made: asked about in words, or two amounts compared ("21.46 each month, since october 23.72"). */
export function asksAboutCharge(text: string): boolean {
  return CHARGE_ASKED.test(text) || /\b(?:two|2) (?:\w+ )?(?:payments|charges|debits|amounts)\b/i.test(text) || (text.match(/\d+[.,]\d{2}\b/g) ?? []).length >= 2;
}
