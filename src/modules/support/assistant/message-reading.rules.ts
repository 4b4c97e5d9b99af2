/**
 * Reading a member's message beyond triage: amounts and dates the ledger can
 * be searched with, a pause length, a plain yes or no, "that didn't help",
 * "let me talk to a person". Pure; `today` is passed in.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function decimalsOf(currency: string | null): number {
  if (!currency) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "$16.99" → 1699, "16,99 €" → 1699, "1.234,50" → 123450 (minor units of `currency`); null when there is no number. */
export function amountToMinor(text: string, currency: string | null): number | null {
  const number = /\d{1,6}(?:[.,]\d{3})*(?:[.,]\d{1,2})?/.exec(text)?.[0];
  if (!number) return null;
  const last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
  // A separator followed by one or two digits is the decimal one; three digits mean thousands.
  const hasDecimals = last >= 0 && number.length - last - 1 <= 2;
  const whole = (hasDecimals ? number.slice(0, last) : number).replace(/[.,]/g, '');
  const fraction = hasDecimals ? number.slice(last + 1) : '';
  const digits = decimalsOf(currency);
  const minor = Number(whole) * 10 ** digits + Math.round(Number(`0.${fraction || '0'}`) * 10 ** digits);
  return Number.isFinite(minor) ? minor : null;
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function shift(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day and month without a year is the latest one not after today. */
function latest(today: string, month: number, day: number, year: number | null): string | null {
  if (year !== null) return iso(year, month, day);
  const thisYear = Number(today.slice(0, 4));
  const candidate = iso(thisYear, month, day);
  return candidate !== null && candidate <= today ? candidate : iso(thisYear - 1, month, day);
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

/** The date triage found ("March 3", "yesterday", "3/14/2026", "the 3rd") as YYYY-MM-DD; null when it cannot be pinned down. */
export function normaliseDate(text: string, today: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (t === 'today') return today;
  if (t === 'yesterday' || t === 'last night') return shift(today, -1);
  if (t === 'the day before yesterday') return shift(today, -2);
  m = /^(?:on|last|this past)\s+(\w+day)$/.exec(t);
  if (m) {
    const target = WEEKDAYS.indexOf(m[1]);
    if (target < 0) return null;
    const current = new Date(`${today}T00:00:00Z`).getUTCDay();
    return shift(today, -(((current - target + 6) % 7) + 1));
  }
  m = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(t);
  if (m && monthIndex(m[1]) >= 0) return latest(today, monthIndex(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)(?:,?\s+(\d{4}))?$/.exec(t);
  if (m && monthIndex(m[2]) >= 0) return latest(today, monthIndex(m[2]), Number(m[1]), m[3] ? Number(m[3]) : null);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Month first unless the first number cannot be a month.
    return a > 12 ? iso(year, b - 1, a) : iso(year, a - 1, b);
  }
  m = /^the\s+(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
  if (m) {
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1];
    const candidate = iso(year, month, Number(m[1]));
    if (candidate !== null && candidate <= today) return candidate;
    return month === 0 ? iso(year - 1, 11, Number(m[1])) : iso(year, month - 1, Number(m[1]));
  }
  return null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** "pause for 2 months", "a month" → the number of months; null when none is said. */
export function monthsIn(text: string): number | null {
  const m = /\b(\d{1,2}|one|a|two|three|four|five|six)\s+months?\b/i.exec(text);
  if (!m) return null;
  return NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
}

const NEGATION = /\b(?:not|no|don['’]?t|do not|wait|but|stop)\b/i;
const AFFIRMATION = /\b(?:yes|yeah|yep|sure|ok|okay|go ahead|please do)\b/i;

/** A plain yes ("yes", "ok", "yes, cancel it"), with nothing that takes it back. */
export function isYes(text: string): boolean {
  const m = /^\s*(?:yes|yeah|yep|yup|y|ok|okay|sure|confirm(?:ed)?|please do|go ahead|do it|that['’]?s right|correct)\b/i.exec(text);
  if (m === null) return false;
  const rest = text.slice(m[0].length);
  // "ok and is that every month?" is a new question, not a yes.
  return !NEGATION.test(rest) && !/\b(?:what|when|why|how|who|which)\b/i.test(rest) && !(/\?/.test(rest) && rest.trim().split(/\s+/).length > 1);
}

export function isNo(text: string): boolean {
  const m = /^\s*(?:no|nope|nah|n|don['’]?t|do not|stop|cancel that|never ?mind|not now|leave it)\b/i.exec(text);
  return m !== null && !AFFIRMATION.test(text.slice(m[0].length));
}

/** Feedback on the assistant's own answer ("that didn't help"), not a description of the problem ("my TV doesn't work"). */
export function saysNotHelped(text: string): boolean {
  return /\b(?:did ?n[o'’]?t|does ?n[o'’]?t|has ?n[o'’]?t|was ?n[o'’]?t|is ?n[o'’]?t|not)\s+(?:really\s+|at all\s+)?(?:help|helpful|answer)\w*/i.test(text)
    || /\b(?:that|this|those steps|the steps)\s+(?:did ?n[o'’]?t|does ?n[o'’]?t|did not|does not)\s+(?:work|fix|solve|help)/i.test(text)
    || /\b(?:useless|not what i asked|you(?:['’]re| are) not helping|no help)\b/i.test(text);
}

/** Pleasantries: answered kindly, never counted as a message the assistant failed to understand. */
export function smallTalk(text: string): 'hello' | 'thanks' | null {
  const t = text.trim().toLowerCase();
  if (t.length > 40) return null;
  if (/^(?:ok(?:ay)?\s+)?(?:thanks|thank you|thx|cheers|ty|bye|goodbye|great,? thanks|perfect|that'?s all|all good)\b[\s!.,a-z]*$/.test(t)) return 'thanks';
  if (/^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s!.,]*(?:there)?[\s!.,]*$/.test(t)) return 'hello';
  return null;
}

/** "I want to talk to a human", "agent please", "can I speak to someone". */
export function asksForPerson(text: string): boolean {
  return /\b(talk|speak|chat|connect me)\s+(to|with)\s+(a|an|some|real|your|the)?\s*(real\s+|live\s+|actual\s+)?(human|person|agent|someone|somebody|representative|rep|staff|support team|customer service)\b/i.test(text)
    || /\b(real|live|actual)\s+(person|human|agent)\b/i.test(text)
    || /^\s*(human|agent|person|representative)(\s+please)?[\s.!]*$/i.test(text);
}
