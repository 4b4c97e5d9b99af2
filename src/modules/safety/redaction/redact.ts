import { findOneTimeCodes, SERVICE_CODE_REPLACEMENT } from './codes.ts';
import { findEmails, findPhones } from './contacts.ts';
import { findCardExpiries, findCardNumbers, findCardTrailers, findCvvs, type FindingKind, type Span } from './detectors.ts';
import { findGiftCardCodes } from './gift-cards.ts';
import { findBankDetails, findGovernmentIds } from './identity-numbers.ts';
import { findDigitRuns } from './number-words.ts';
import { findPasswords } from './passwords.ts';

export type { FindingKind } from './detectors.ts';

/** One removed secret; `start`/`end` are UTF-16 offsets into the INPUT text (`input.slice(start, end)` is what was removed). */
export type Finding = { kind: FindingKind; start: number; end: number };
export type Redaction = { text: string; findings: Finding[] };

export type RedactOptions = {
  /**
   * The Reelhouse service code ("my service code is 482913") is kept by
   * default: agents ask for it to verify the member, it lasts 10 minutes and
   * each new one replaces the last. `'remove'` takes it out too (kind
   * `one_time_code`), e.g. for a transcript stored after verification.
   */
  serviceCodes?: 'keep' | 'remove';
  /** Email addresses at these domains (and subdomains) are kept, e.g. `['reelhouse.example']`. Default: none. */
  officialDomains?: readonly string[];
};

export const REPLACEMENTS: Record<FindingKind, string> = {
  card_number: '[card number removed]',
  cvv: '[security code removed]',
  card_expiry: '[expiry date removed]',
  password: '[password removed]',
  one_time_code: '[code removed]',
  government_id: '[id number removed]',
  iban: '[IBAN removed]',
  bank_account: '[account number removed]',
  phone: '[phone removed]',
  email: '[email removed]',
  gift_card: '[gift card code removed]',
};

/** Every token `redact` writes, the service code's own label included. */
const PLACEHOLDERS = [...new Set([...Object.values(REPLACEMENTS), SERVICE_CODE_REPLACEMENT])];
const PLACEHOLDER = new RegExp(PLACEHOLDERS.map((token) => token.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/**
 * Text that was redacted before ("my password is [password removed]") is
 * read with each token masked (same length, so offsets hold): its words
 * ("code", "phone", "security code") are no cue for a secret, and nothing
 * inside a token is ever taken as one. Redacting twice changes nothing.
 */
function maskPlaceholders(text: string): { masked: string; tokens: { start: number; end: number }[] } {
  const tokens: { start: number; end: number }[] = [];
  const masked = text.replace(PLACEHOLDER, (token: string, start: number) => {
    tokens.push({ start, end: start + token.length });
    return `[${'_'.repeat(token.length - 2)}]`;
  });
  return { masked, tokens };
}

/** When two findings overlap, the more specific one wins. */
// An IBAN that passes mod 97 outranks a card: its digits after the country letters may pass Luhn too.
const PRIORITY: Record<FindingKind, number> = {
  iban: 11,
  card_number: 10,
  government_id: 8,
  bank_account: 7,
  cvv: 6,
  card_expiry: 5,
  email: 4,
  gift_card: 3.5,
  password: 3,
  one_time_code: 2,
  phone: 1,
};

function chooseSpans(spans: Span[]): Span[] {
  const ranked = [...spans].sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of ranked) {
    if (span.end <= span.start) continue;
    if (kept.some((k) => span.start < k.end && k.start < span.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Removes card numbers, card security codes and expiry dates, passwords,
 * one-time codes, government identity numbers, IBANs and bank account
 * numbers, phone numbers and email addresses from a message, each
 * replaced by a readable token such as `[card number removed]`. Pure.
 */
export function redact(text: string, options: RedactOptions = {}): Redaction {
  const { masked: maskedRaw, tokens } = maskPlaceholders(text);
  // Pasted text carries non-breaking spaces and typographic dashes between digit groups; each is read as a space or a hyphen (same length, so offsets hold).
  // A letter O between digits ("6O4 218") is a zero typed on the wrong key.
  const masked = maskedRaw.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u2010-\u2014\u2212]/g, '-').replace(/(?<=\d)[Oo](?=\d)/g, '0');
  const runs = findDigitRuns(masked);
  const found: Span[] = [...findPasswords(masked), ...findEmails(masked, options.officialDomains ?? [])];
  // Every other secret is made of digits, typed or spelled: a message without any is done.
  if (runs.length > 0 || /\d|slash|barra|schr[äa]gstrich/i.test(masked)) {
    const cards = findCardNumbers(masked, runs);
    const expiries = findCardExpiries(masked, cards, runs);
    found.push(
      ...cards,
      ...findCardTrailers(masked, cards, expiries),
      ...findCvvs(masked, runs),
      ...expiries,
      ...findGovernmentIds(masked, runs),
      ...findBankDetails(masked),
      ...findOneTimeCodes(masked, runs, { serviceCodes: options.serviceCodes ?? 'keep' }),
      ...findPhones(masked, runs),
      ...findGiftCardCodes(masked),
    );
  }
  const spans = chooseSpans(found.filter((span) => !tokens.some((token) => span.start < token.end && token.start < span.end)));
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + (span.label ?? REPLACEMENTS[span.kind]);
    at = span.end;
  }
  out += text.slice(at);
  return { text: out, findings: spans.map(({ kind, start, end }) => ({ kind, start, end })) };
}

/**
 * What is kept of the words people type (messages, notes, reasons, reports,
 * feedback, names): `redact` with the service code removed too, since a
 * stored copy of it helps nobody once it was read. Only the chat keeps a
 * service code, until the desk has checked it (docs/safety.md).
 */
export function redactForStorage(text: string): string {
  return redact(text, { serviceCodes: 'remove' }).text;
}
