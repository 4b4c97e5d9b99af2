import { randomInt } from 'node:crypto';
import { redact, redactForStorage, REPLACEMENTS } from '../redaction/index.ts';
import type { Signal } from '../scan/index.ts';

/** No 0/O, 1/I/L: a reference read over the phone is not misheard. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const REFERENCE_LENGTH = 10;
export const REFERENCE_PATTERN = /^RPT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/;

/** `RPT-7KQ3M9XW2H`: about 49 random bits, so nobody finds another member's report by trying references. */
export function newReportReference(): string {
  let reference = 'RPT-';
  for (let i = 0; i < REFERENCE_LENGTH; i++) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return reference;
}

/**
 * What is kept of a reported message: the member's secrets that may be in it
 * (a card number, a code that was texted to them, a password they typed in
 * an answer) are removed, but the sender's addresses and phone numbers are
 * the evidence the security team blocks, so those are kept.
 */
export function keepAsEvidence(text: string, options: { keep?: readonly string[] } = {}): string {
  const { findings } = redact(text, { serviceCodes: 'remove' });
  // Text known to be evidence (the sender's number, already checked on its own) stays even where a cue nearby makes it look like a code.
  const kept = (options.keep ?? []).filter((part) => part.length > 0).flatMap((part) => {
    const spans: { start: number; end: number }[] = [];
    for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) spans.push({ start: at, end: at + part.length });
    return spans;
  });
  const removed = findings.filter((finding) => finding.kind !== 'email' && finding.kind !== 'phone'
    && !kept.some((span) => finding.start < span.end && span.start < finding.end));
  if (removed.length === 0) return text;
  // Rebuilt from the findings (offsets into the input, in order) so contacts stay: each removed span gets redaction's own token.
  let out = '';
  let at = 0;
  for (const finding of removed) {
    out += text.slice(at, finding.start) + REPLACEMENTS[finding.kind];
    at = finding.end;
  }
  return out + text.slice(at);
}

/** The member's own words (a note above a forward): fully redacted, as every typed text is. */
export function keepMembersWords(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? redactForStorage(trimmed) : null;
}

/** Each sign's quote through keepAsEvidence; `sender` (when it held no secret of its own) is kept where quoted. */
export function signalsAsEvidence(signals: Signal[], sender = ''): Signal[] {
  const keep = sender && keepAsEvidence(sender) === sender ? [sender] : [];
  return signals.map((signal) => ({ code: signal.code, evidence: keepAsEvidence(signal.evidence, { keep }) }));
}
