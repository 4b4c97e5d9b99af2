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

/** "double oh", "triple five", "doppel null": a digit said twice or three times (phone numbers read aloud). */
const REPEAT: Record<string, number> = { double: 2, triple: 3, doppel: 2, doble: 2, dobro: 2, dupla: 2 };
const DIGIT = `(?:${Object.keys(DIGIT_WORDS).sort((a, b) => b.length - a.length).join('|')}|\\d)`;
const WORD = `(?:(?:double|triple|doppel|doble)\\s+)?${DIGIT}`;
/** Three or more single digits or digit words in a row, apart by spaces, commas or dashes; at least one separator between each. */
const DIGIT_RUN = new RegExp(`(?<![\\p{L}\\p{N}_.,])${DIGIT}(?:(?:\\s*[,-]\\s*|\\s+)${DIGIT}){2,}(?![\\p{L}\\p{N}_]|[.,]\\d)`, 'giu');
/** The same with "double"/"triple" before a digit; only messages that say one of them pay for it. */
const DIGIT_RUN_REPEATS = new RegExp(`(?<![\\p{L}\\p{N}_.,])${WORD}(?:(?:\\s*[,-]\\s*|\\s+)${WORD}){2,}(?![\\p{L}\\p{N}_]|[.,]\\d)`, 'giu');
const REPEAT_HINT = /double|triple|doppel|doble/i;

export type DigitRun = { start: number; end: number; digits: string; spelled: boolean };

/**
 * Numbers read in pairs ("twelve twenty seven", "forty seven twelve", "oh four twenty eight", "zwölf siebenundzwanzig",
 * "doce veintisiete", "vinte e sete", "two thousand twenty seven"): teens and tens stand for two digits each.
 */
const TEENS: Record<string, string> = {};
const TENS: Record<string, string> = {};
[
  'ten zehn diez dez',
  'eleven elf once onze',
  'twelve zwölf zwoelf doce doze',
  'thirteen dreizehn trece treze',
  'fourteen vierzehn catorce catorze quatorze',
  'fifteen fünfzehn fuenfzehn quince quinze',
  'sixteen sechzehn dieciséis dieciseis dezesseis dezasseis',
  'seventeen siebzehn diecisiete dezessete dezassete',
  'eighteen achtzehn dieciocho dezoito',
  'nineteen neunzehn diecinueve dezenove dezanove',
].forEach((words, i) => {
  for (const word of words.split(' ')) TEENS[word] = String(10 + i);
});
[
  'twenty zwanzig veinte vinte',
  'thirty dreißig dreissig treinta trinta',
  'forty vierzig cuarenta quarenta',
  'fifty fünfzig fuenfzig cincuenta cinquenta',
  'sixty sechzig sesenta sessenta',
  'seventy siebzig setenta',
  'eighty achtzig ochenta oitenta',
  'ninety neunzig noventa',
].forEach((words, i) => {
  for (const word of words.split(' ')) TENS[word] = String(2 + i);
});
const THOUSAND = /^(?:thousand|tausend|mil)$/i;
const TWO = /^(?:two|zwei|dos|dois|duas)$/i;
/** One word worth two digits on its own: a teen, a tens word, "twenty-seven", "siebenundzwanzig", "veintisiete". */
function pairOf(word: string): string | undefined {
  const w = word.toLowerCase();
  if (TEENS[w]) return TEENS[w];
  if (TENS[w]) return `${TENS[w]}0`;
  const hyphen = /^(\p{L}+)-(\p{L}+)$/u.exec(w);
  if (hyphen && TENS[hyphen[1]!] && DIGIT_WORDS[hyphen[2]!] && DIGIT_WORDS[hyphen[2]!] !== '0') return TENS[hyphen[1]!]! + DIGIT_WORDS[hyphen[2]!];
  const und = /^(\p{L}+?)und(\p{L}+)$/u.exec(w);
  if (und && TENS[und[2]!] && (DIGIT_WORDS[und[1]!] || und[1] === 'ein') && DIGIT_WORDS[und[1]!] !== '0') return TENS[und[2]!]! + (und[1] === 'ein' ? '1' : DIGIT_WORDS[und[1]!]);
  const veinti = /^veinti(\p{L}+)$/u.exec(w);
  if (veinti) {
    const unit = { uno: '1', dós: '2', dos: '2', trés: '3', tres: '3', cuatro: '4', cinco: '5', séis: '6', seis: '6', siete: '7', ocho: '8', nueve: '9' }[veinti[1]!];
    if (unit) return `2${unit}`;
  }
  if (w === 'zweitausend') return '20';
  return undefined;
}

/**
 * A short number said in words ("twelve", "oh nine", "twenty nine", "zero four"), as its digits; undefined when a word is no
 * number word. For the two halves of a date read aloud ("twelve slash twenty nine").
 */
export function spokenNumber(words: string): string | undefined {
  let digits = '';
  const tokens = words.toLowerCase().split(/[\s-]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const unit = tokens[i + 1] !== undefined ? DIGIT_WORDS[tokens[i + 1]!] : undefined;
    if (TENS[token] && unit && unit !== '0') {
      digits += TENS[token] + unit;
      i += 1;
      continue;
    }
    const value = /^\d+$/.test(token) ? token : pairOf(token) ?? DIGIT_WORDS[token];
    if (value === undefined) return undefined;
    digits += value;
  }
  return digits.length > 0 ? digits : undefined;
}

const WORD_TOKEN = /[\p{L}]+(?:-[\p{L}]+)?|\d/gu;
const alternation = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const UNIT_WORDS = alternation(Object.keys(DIGIT_WORDS));
const TENS_WORDS = alternation(Object.keys(TENS));
/** A word worth two digits, in any of its forms; most messages have none, and are done after this one test. */
const PAIR_WORD = new RegExp(
  String.raw`(?<![\p{L}])(?:${alternation(Object.keys(TEENS))}|${TENS_WORDS}|(?:${UNIT_WORDS}|ein)und(?:${TENS_WORDS})|veinti\p{L}+|zweitausend|thousand|tausend|mil)(?![\p{L}])`,
  'iu',
);
/** Number words (and the "and", "y", "e" that join them) in a row: the stretches the pairs are read from. */
const NUMBER_STRETCH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${UNIT_WORDS}|${alternation(Object.keys(TEENS))}|(?:${TENS_WORDS})(?:-(?:${UNIT_WORDS}))?|(?:${UNIT_WORDS}|ein)und(?:${TENS_WORDS})|veinti\p{L}+|zweitausend|thousand|tausend|mil|\d)(?:[\s,-]{1,3}(?:${UNIT_WORDS}|${alternation(Object.keys(TEENS))}|(?:${TENS_WORDS})(?:-(?:${UNIT_WORDS}))?|(?:${UNIT_WORDS}|ein)und(?:${TENS_WORDS})|veinti\p{L}+|zweitausend|thousand|tausend|mil|and|und|y|e|\d))+(?![\p{L}\p{N}])`,
  'giu',
);

/** Runs of two or more number groups with at least one teen or tens word among them; each group read as its digits. */
export function findPairedNumberRuns(text: string): DigitRun[] {
  if (!PAIR_WORD.test(text)) return [];
  const runs: DigitRun[] = [];
  for (const stretch of text.matchAll(NUMBER_STRETCH)) runs.push(...pairedRunsIn(text, stretch.index, stretch.index + stretch[0].length));
  return runs;
}

function pairedRunsIn(text: string, from: number, to: number): DigitRun[] {
  const tokens = [...text.slice(from, to).matchAll(WORD_TOKEN)].map((m) => ({ word: m[0], start: from + m.index, end: from + m.index + m[0].length }));
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let digits = '';
    let groups = 0;
    let paired = false;
    let end = tokens[i]!.start;
    while (j < tokens.length) {
      if (j > i && !/^[\s,-]{1,3}$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      const word = tokens[j]!.word;
      const lower = word.toLowerCase();
      const next = tokens[j + 1];
      const joined = (k: number) => k < tokens.length && /^\s+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
      // "two thousand (and) twenty seven" → 20 and the pair that follows.
      if (TWO.test(lower) && next && THOUSAND.test(next.word) && joined(j + 1)) {
        digits += '20';
        groups += 1;
        paired = true;
        end = next.end;
        j += 2;
        if (j < tokens.length && /^(?:and|und|y|e)$/i.test(tokens[j]!.word) && joined(j)) j += 1;
        continue;
      }
      const pair = pairOf(word);
      if (pair !== undefined) {
        // "twenty seven", "treinta y dos", "vinte e sete": a tens word and a unit make one pair.
        let k = j + 1;
        if (k < tokens.length && /^(?:y|e)$/i.test(tokens[k]!.word) && joined(k)) k += 1;
        const unit = k < tokens.length && joined(k) ? DIGIT_WORDS[tokens[k]!.word.toLowerCase()] : undefined;
        if (TENS[lower] && unit && unit !== '0') {
          digits += TENS[lower] + unit;
          end = tokens[k]!.end;
          j = k + 1;
        } else {
          digits += pair;
          end = tokens[j]!.end;
          j += 1;
        }
        groups += 1;
        paired = true;
        continue;
      }
      const single = /^\d$/.test(word) ? word : DIGIT_WORDS[lower];
      if (single === undefined) break;
      digits += single;
      groups += 1;
      end = tokens[j]!.end;
      j += 1;
    }
    if (paired && groups >= 2) {
      runs.push({ start: tokens[i]!.start, end, digits, spelled: true });
      i = j;
    } else {
      // No pair from i to j: none from any start between them either (same end, fewer groups), so the scan stays linear.
      i = Math.max(i + 1, j);
    }
  }
  return runs;
}

/** Runs of three or more single digits or digit words, with the digits they stand for. A run is no secret by itself ("one two three" is counting): the card, code and CVV rules decide. */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = findPairedNumberRuns(text);
  for (const m of text.matchAll(REPEAT_HINT.test(text) ? DIGIT_RUN_REPEATS : DIGIT_RUN)) {
    const parts = m[0].split(/[\s,-]+/).filter(Boolean);
    let digits = '';
    let times = 1;
    let read = 0;
    for (const part of parts) {
      const repeat = REPEAT[part.toLowerCase()];
      if (repeat) {
        times = repeat;
        read += 1;
        continue;
      }
      const digit = /^\d$/.test(part) ? part : DIGIT_WORDS[part.toLowerCase()];
      if (digit === undefined) break;
      digits += digit.repeat(times);
      times = 1;
      read += 1;
    }
    if (read !== parts.length) continue;
    const spelled = parts.some((part) => !/^\d$/.test(part));
    runs.push({ start: m.index, end: m.index + m[0].length, digits, spelled });
  }
  return runs;
}
