import { foldForCues } from './cues.ts';
import type { ScanInput } from './scan.types.ts';

/** Longest text read from one message; the rest of a huge body adds nothing a reader would act on. */
export const MAX_TEXT_CHARS = 100_000;
const MAX_SUBJECT_CHARS = 2_000;

/** Speakers of a call transcript who are the member, whose words are not the caller's requests. */
const MEMBER_SPEAKER = /^\s*(member|me|customer|client|you|caller\s*2|ich|kunde|kundin|mitglied|klant|lid|ik|cliente|miembro|yo|membro|eu|membre|moi|utente|io|klient|klientka|ja|członek|私|わたし|会員|お客様|顧客)\s*[:：]/iu;

export type Sentence = { original: string; folded: string };

/** The caller's or sender's own words: a call transcript without the member's turns. */
export function sendersWords(input: ScanInput): string {
  const body = input.body.slice(0, MAX_TEXT_CHARS);
  if (input.channel !== 'call_transcript') return body;
  return body
    .split(/\r?\n/)
    .filter((line) => !MEMBER_SPEAKER.test(line))
    .join('\n');
}

/**
 * Text made from HTML (and some mail clients) wraps long sentences at about
 * 80 columns; a line break inside a sentence is put back as a space so a
 * request or a threat is read whole. Short lines (SMS, greetings, turns of a
 * call) keep their breaks.
 */
function unwrapLines(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1].replace(/\r$/, '');
    const line = lines[i];
    const wrapped = previous.length >= 40 && !/[.!?:;]\s*$/.test(previous) && /^[^\s\d>*-]/.test(line) && !/^[\p{L} ]{1,30}:/u.test(line);
    out = wrapped ? `${out.replace(/\r$/, '')} ${line}` : `${out}\n${line}`;
  }
  return out;
}

/** Sentences (and lines) of the subject and body (Japanese and Chinese sentences end at 。！？ with no space after), each with its folded form for the cue lists. */
export function sentencesOf(input: ScanInput): Sentence[] {
  const text = `${input.subject ? `${input.subject.slice(0, MAX_SUBJECT_CHARS)}\n` : ''}${sendersWords(input)}`;
  const pieces = unwrapLines(text)
    .split(/\r?\n|(?<=[.!?…])\s+(?=[^\s\d])|(?<=[。！？])\s*/u)
    .map((piece) => piece.replace(/^\s*[\p{L} ]{1,30}(?::\s+|：\s*)(?=\p{L})/u, (speaker) => (/^\s*(caller|agent|anrufer|beller|llamante|chamador|appelant|chiamante|dzwoniąc|konsultant|発信者|オペレーター|担当者)/iu.test(speaker) ? '' : speaker)).trim())
    .filter((piece) => piece.length > 0);
  return pieces.map((original) => ({ original, folded: foldForCues(original) }));
}

/** The quoted bit a member is shown: the sentence, cut to a readable length. */
export function quote(text: string, limit = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`;
}
