import { luhnValid } from './luhn.ts';

export type FindingKind = 'card_number' | 'cvv' | 'card_expiry' | 'password' | 'one_time_code' | 'phone' | 'email';

/** A span of the input to remove: `text.slice(start, end)` is the secret itself, not its label. */
export type Span = { kind: FindingKind; start: number; end: number; label?: string };

/** Where a sentence ends: a stop followed by a space or the end, or a line break. */
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

function lastSentenceStart(text: string, before: number): number {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && m.index < before; m = SENTENCE_END.exec(text)) start = m.index + 1;
  return start;
}

// ---------------------------------------------------------------- cards

/** Digit groups joined by single spaces or dashes, not glued to letters, `+`, `$`, decimals or other digits. */
const CARD_RUN = /(?<![\w+$€£.,/:-])\d+(?:[ -]\d+)*(?![\w/:]|[.,]\d)/g;

/**
 * Full card numbers: 13 to 19 digits passing the Luhn check, typed with any
 * spacing or dashes, or run together. In a longer run of groups the longest
 * valid stretch of whole groups is taken (a card number followed by a CVV).
 */
export function findCardNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CARD_RUN)) {
    const groups: { start: number; end: number }[] = [];
    for (const g of m[0].matchAll(/\d+/g)) groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length });
    let best: { start: number; end: number; length: number } | undefined;
    for (let i = 0; i < groups.length; i += 1) {
      let digits = '';
      for (let j = i; j < groups.length; j += 1) {
        digits += text.slice(groups[j].start, groups[j].end);
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits) && (!best || digits.length > best.length)) {
          best = { start: groups[i].start, end: groups[j].end, length: digits.length };
        }
      }
    }
    if (best) spans.push({ kind: 'card_number', start: best.start, end: best.end });
  }
  return spans;
}

// ---------------------------------------------------------------- CVV and expiry

const CVV_WORDS = String.raw`(?:cvv2?|cvc2?|csc|cvn|cid|security\s+code|card\s+code|card\s+(?:security|verification)\s+(?:code|value|number)|3[- ]digit\s+code|(?:three|3|four|4)\s+digits\s+on\s+the\s+back)`;
const LINK = String.raw`(?:\s*(?:[:=#-]|\bis\b|\bwas\b|\bit's\b|\bits\b|\bof\b|\bnumber\b|\bnum\b|\bno\.?)\s*|\s+)*`;
const CVV_AFTER = new RegExp(String.raw`\b${CVV_WORDS}(?:\s+on\s+the\s+back)?${LINK}(?:\(\s*)?(\d{3,4})(?![\d.,:/]?\d)`, 'gi');
const CVV_BEFORE = new RegExp(String.raw`(?<![\w$€£.,/:-])(\d{3,4})\s+(?:is\s+)?(?:the\s+|my\s+)?${CVV_WORDS}\b`, 'gi');

/** The 3 or 4 digits of a card security code, when a CVV word names them ("cvv 123", "security code: 1234", "123 is the cvc"). */
export function findCvvs(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [CVV_AFTER, CVV_BEFORE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].indexOf(m[1], re === CVV_AFTER ? m[0].length - m[1].length - 1 : 0);
      spans.push({ kind: 'cvv', start, end: start + m[1].length });
    }
  }
  return spans;
}

const MONTH_YEAR = String.raw`((?:0?[1-9]|1[0-2])\s?[/-]\s?(?:20)?\d{2})(?![\d/.-]*\d)`;
/** "exp", "valid thru" are card words on their own; "expiry", "expires" need a card nearby. */
const STRONG_EXPIRY = new RegExp(String.raw`\b(?:exp\.?|exp(?:iry)?\s+date|valid\s+(?:thru|through|until|til)|good\s+thru|mm\s*/\s*yy)${LINK}${MONTH_YEAR}`, 'gi');
const WEAK_EXPIRY = new RegExp(String.raw`\b(?:expiry|expiration|expires|expiring|expired)(?:\s+date)?${LINK}(?:on\s+|in\s+)?${MONTH_YEAR}`, 'gi');
const CARD_CONTEXT = /\b(?:card|visa|mastercard|master\s*card|amex|american\s+express|discover|debit|credit|cvv|cvc)\b/i;

function groupSpan(m: RegExpMatchArray, group: number): { start: number; end: number } {
  const start = (m.index ?? 0) + m[0].lastIndexOf(m[group]);
  return { start, end: start + m[group].length };
}

/** Card expiry dates in card context ("exp 04/27", "card … expires 04/2027"); a date like 12/06/2024 is not one. */
export function findCardExpiries(text: string, cards: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(STRONG_EXPIRY)) spans.push({ kind: 'card_expiry', ...groupSpan(m, 1) });
  for (const m of text.matchAll(WEAK_EXPIRY)) {
    const from = Math.max(0, (m.index ?? 0) - 80);
    const window = text.slice(from, (m.index ?? 0) + m[0].length + 40);
    if (CARD_CONTEXT.test(window) || cards.some((c) => c.end >= from && c.start <= (m.index ?? 0) + m[0].length + 40)) {
      spans.push({ kind: 'card_expiry', ...groupSpan(m, 1) });
    }
  }
  return spans;
}

/**
 * What people paste right after a card number: "4111 … 1111 04/27 123" or
 * "4111…1111, 04/27, cvv 123". Only the month/year and a lone 3–4 digit group
 * directly after the number (or after its expiry) count.
 */
export function findCardTrailers(text: string, cards: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const card of cards) {
    let at = card.end;
    const expiry = /^[\s,;]+(?:exp\w*\.?[\s:]*)?((?:0?[1-9]|1[0-2])\s?\/\s?(?:20)?\d{2})(?![\d/.-]*\d)/i.exec(text.slice(at));
    if (expiry) {
      const start = at + expiry[0].length - expiry[1].length;
      spans.push({ kind: 'card_expiry', start, end: start + expiry[1].length });
      at = start + expiry[1].length;
      const cvv = /^[\s,;]+(\d{3,4})(?![\d.,:/\w])/.exec(text.slice(at));
      if (cvv) {
        const cvvStart = at + cvv[0].length - cvv[1].length;
        spans.push({ kind: 'cvv', start: cvvStart, end: cvvStart + cvv[1].length });
      }
    }
  }
  return spans;
}

// ---------------------------------------------------------------- passwords

/** Words that follow "password is" without being a password. */
const NOT_A_PASSWORD = new Set(
  `a an the not no wrong incorrect correct right invalid expired too very still being fine ok okay working broken same different
   case required blank empty long short weak strong saved changed reset locked my your his her their our its it that this what
   definitely now already never just also and but or so on in for to at of with from by when if because as
   rejected accepted missing fine good bad new old one same unknown there here asking needed needs going gone
   apparently probably actually really literally simple easy hard impossible supposed meant set stored written
   showing saying says said compromised hacked leaked stolen`.split(/\s+/),
);

const PASSWORD_WORD = String.raw`(?:pass\s?word|passwd|pwd|pw|passphrase|pass\s?code)`;
/** "password is X", "password: X", "pw = X", "password's X", "password was X". */
const PASSWORD_IS = new RegExp(String.raw`\b${PASSWORD_WORD}(?:'s|\s+(?:is|was|will\s+be|should\s+be|would\s+be|=)|\s*[:=]|\s+-)\s*(?:now\s+|still\s+|just\s+)?(?:"|'|“)?(\S+)`, 'gi');
/** "reset my password to X", "changed the password to X", "new password X". */
const PASSWORD_TO = new RegExp(String.raw`\b(?:reset|changed?|set|updated?|switched|made)\s+(?:my\s+|the\s+|our\s+|it\s+|his\s+|her\s+)?(?:account\s+|new\s+)?${PASSWORD_WORD}\s+(?:back\s+)?to\s+(?:"|'|“)?(\S+)`, 'gi');
/** "the new one is X" / "the old one was X" in a sentence about a password. */
const PASSWORD_ONE = /\b(?:new|old|current|previous|other|last|first|second)\s+one\s+(?:is|was|will\s+be)\s*:?\s*(?:"|'|“)?(\S+)/gi;

function passwordCandidate(raw: string, strictSeparator: boolean): string | undefined {
  const value = raw.replace(/[.,;:)\]}"'”?]+$/, '');
  if (value.length < 3) return undefined;
  if (/^[a-z]+$/i.test(value)) {
    const lower = value.toLowerCase();
    if (NOT_A_PASSWORD.has(lower)) return undefined;
    // Plain words after "is"/"was" are usually descriptions ("is expired", "was changed"); after ":" or "=" they are the value.
    if (!strictSeparator && /(?:ed|ing|ly)$/.test(lower)) return undefined;
  }
  return value;
}

/** Passwords given in context; the span is the password itself. */
export function findPasswords(text: string): Span[] {
  const spans: Span[] = [];
  const add = (m: RegExpMatchArray, strict: boolean) => {
    const value = passwordCandidate(m[1], strict);
    if (value === undefined) return;
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    spans.push({ kind: 'password', start, end: start + value.length });
  };
  for (const m of text.matchAll(PASSWORD_IS)) add(m, /[:=]/.test(m[0].slice(0, m[0].length - m[1].length)));
  for (const m of text.matchAll(PASSWORD_TO)) add(m, false);
  for (const m of text.matchAll(PASSWORD_ONE)) {
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 120), index);
    if (new RegExp(String.raw`\b${PASSWORD_WORD}\b`, 'i').test(before)) add(m, false);
  }
  return spans;
}

// ---------------------------------------------------------------- one-time codes

/** A code word that makes nearby 4–8 digits a one-time, verification, reset, household or login code. */
const CODE_WORD = /\b(?:codes?|otp|2fa|mfa|passcode|pin|one[- ]time|verification|verify)\b/gi;
/** Codes that are not secrets: "error code", "promo code", "zip code" … and the Reelhouse service code (kept by default, see docs/safety.md). */
const NOT_SECRET_CODE = /\b(?:error|promo|promotion(?:al)?|discount|coupon|voucher|gift(?:\s+card)?|zip|post(?:al)?|area|country|dialing|dialling|product|tracking|reference|ref|status|qr|bar|source|tax|sort|swift|iban|region(?:al)?|fault|reason|colour|color|dress|style|service)\s+$/i;
/** 4–8 digits, as one run or in groups of 2–4 ("482913", "71 42 90", "482-913"). */
const DIGIT_GROUPS = /(?<![\w$€£#+.,/:-])\d{2,8}(?:[ -]\d{2,4}){0,3}(?![\w%€£]|[.,:/-]\d|\s*(?:%|am\b|pm\b|minutes?\b|mins?\b|hours?\b|hrs?\b|seconds?\b|secs?\b|days?\b|weeks?\b|months?\b|years?\b|inch|gb\b|mb\b|mbps\b|kbps\b|times\b|stars?\b|dollars?\b|euros?\b|pounds?\b))/gi;
const NUMBERED_THING = /\b(?:case|ticket|order|invoice|reference|ref|episode|ep|season|series|chapter|part|model|version|step|page|room|flat|apt|apartment|suite|unit|account|member|error|year)(?:\s+(?:number|no\.?|#|id))?\s*[:#]?\s*$/i;

export type CodeOptions = { serviceCodes: 'keep' | 'remove' };
/** The token a removed service code leaves (its kind is `one_time_code`, whose own token is `[code removed]`). */
export const SERVICE_CODE_REPLACEMENT = '[service code removed]';

/** One-time, verification, reset, household and login codes: 4–8 digits near a code word, in the same sentence. */
export function findOneTimeCodes(text: string, options: CodeOptions): Span[] {
  const words: { start: number; end: number; secret: boolean; service: boolean }[] = [];
  for (const m of text.matchAll(CODE_WORD)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const service = /\bservice\s+$/i.test(before) && /^codes?$/i.test(m[0]);
    words.push({ start: m.index, end: m.index + m[0].length, secret: !NOT_SECRET_CODE.test(before), service });
  }
  if (words.length === 0) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 4 || digits.length > 8) continue;
    if (/^(?:19|20)\d\d-\d\d-\d\d$/.test(m[0]) || /^(?:19|20)\d\d$/.test(m[0])) continue; // a date or a year
    const prefix = text.slice(Math.max(0, start - 40), start);
    if (NUMBERED_THING.test(prefix)) continue;
    const sentenceStart = lastSentenceStart(text, start);
    // A code word before the digits, within 80 characters of the same sentence, or right after them ("482913 is my code").
    const before = words.filter((w) => w.end <= start && w.start >= Math.max(sentenceStart, start - 80));
    const after = words.find((w) => w.start >= end && /^\s*(?:is|was|=)?\s*(?:my|the|your|a|our)?\s*(?:\w+[- ])?\s*$/i.test(text.slice(end, w.start)) && w.start - end <= 30);
    const nearest = before.length > 0 ? before[before.length - 1] : after;
    if (!nearest) continue;
    if (nearest.service) {
      if (options.serviceCodes === 'keep') continue;
      spans.push({ kind: 'one_time_code', start, end, label: SERVICE_CODE_REPLACEMENT });
      continue;
    }
    if (!nearest.secret) continue; // an error, promo or zip code
    spans.push({ kind: 'one_time_code', start, end });
  }
  return spans;
}

// ---------------------------------------------------------------- phones and emails

const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g;

/** Email addresses; addresses at the official domains (and their subdomains) are kept when given. */
export function findEmails(text: string, officialDomains: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const domain = m[0].slice(m[0].lastIndexOf('@') + 1).toLowerCase();
    if (officialDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) continue;
    spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** A phone-shaped run: optional +, digit groups with single spaces, dashes, dots or brackets between them. */
const PHONE_RUN = /(?<![\w$€£.,/:#-])(?:\+\s?)?(?:\(\d{1,5}\)|\d{1,5})(?:(?:[ .-]|\s?\(\d{1,5}\)\s?|[ .-]?\(\d{1,5}\)[ .-]?)?\d{1,5}){1,5}(?![\w%€£]|[.,:/-]\d)/g;
const PHONE_CONTEXT = /\b(?:call|calls|called|ring|rang|phone|mobile|cell|tel|telephone|number|text|texts|sms|whatsapp|reach|contact|dial|landline)\b/i;

/**
 * Phone numbers: 10 to 15 digits in a phone shape (a leading + or 0, brackets,
 * or the 3-3-4 layout), or 7 to 9 digits after a phone word. Dates, decimals
 * and times are not phone-shaped; card numbers are found first.
 */
export function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/\.\d/.test(raw) && !/^\(?\d{3}\)?\.\d{3}\.\d{4}$/.test(raw)) continue; // decimals, versions, addresses
    if (/^(?:19|20)\d\d-\d\d-\d\d$/.test(raw) || /^\d{1,2}-\d{1,2}-\d{2,4}$/.test(raw)) continue;
    const shaped = /^\+/.test(raw) || /\(/.test(raw) || /^0\d/.test(raw) || /^(?:1[ .-]?)?\d{3}[ .-]\d{3}[ .-]\d{4}$/.test(raw);
    const context = PHONE_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (digits.length >= 10 ? !(shaped || context) : !context) continue;
    spans.push({ kind: 'phone', start: m.index, end: m.index + raw.length });
  }
  return spans;
}
