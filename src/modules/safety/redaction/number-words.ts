/**
 * Digits written as words or one by one ("four two four two", "vier acht eins",
 * "4 8 1 9 2 2", "4-4-0-9-1-2"): people type secrets that way to get past a
 * filter or because they read them aloud. Each run is turned back into its
 * digits, so the card, code and security-code rules can check it like any
 * number (a spelled card must still pass Luhn).
 */

/** Digit words in English, German, Spanish and Portuguese ("meia" is six when Brazilians read numbers aloud). */
const DIGIT_WORDS: Record<string, string> = {};
const WORDS_BY_DIGIT = [
  'zero oh null cero',
  'one eins uno um uma',
  'two zwei zwo dos dois duas',
  'three drei tres três',
  'four vier cuatro quatro',
  'five fünf fuenf cinco',
  'six sechs seis meia',
  'seven sieben siete sete',
  'eight acht ocho oito',
  'nine neun nueve nove',
];
WORDS_BY_DIGIT.forEach((words, digit) => {
  for (const word of words.split(' ')) DIGIT_WORDS[word] = String(digit);
});

const WORD = `(?:${Object.keys(DIGIT_WORDS).sort((a, b) => b.length - a.length).join('|')}|\\d)`;
/** Three or more single digits or digit words in a row, apart by spaces, commas or dashes; at least one separator between each. */
const DIGIT_RUN = new RegExp(`(?<![\\p{L}\\p{N}_.,])${WORD}(?:(?:\\s*[,-]\\s*|\\s+)${WORD}){2,}(?![\\p{L}\\p{N}_]|[.,]\\d)`, 'giu');

export type DigitRun = { start: number; end: number; digits: string; spelled: boolean };

/** Runs of three or more single digits or digit words, with the digits they stand for. A run is no secret by itself ("one two three" is counting): the card, code and CVV rules decide. */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const parts = m[0].split(/[\s,-]+/).filter(Boolean);
    const digits = parts.map((part) => (/^\d$/.test(part) ? part : DIGIT_WORDS[part.toLowerCase()] ?? '')).join('');
    if (digits.length !== parts.length) continue;
    const spelled = parts.some((part) => !/^\d$/.test(part));
    runs.push({ start: m.index, end: m.index + m[0].length, digits, spelled });
  }
  return runs;
}
