import { luhnValid } from './luhn.ts';
import { spokenNumber, type DigitRun } from './number-words.ts';

export type FindingKind = 'card_number' | 'cvv' | 'card_expiry' | 'password' | 'one_time_code' | 'government_id' | 'iban' | 'bank_account' | 'phone' | 'email' | 'gift_card';

/** A span of the input to remove: `text.slice(start, end)` is the secret itself, not its label. */
export type Span = { kind: FindingKind; start: number; end: number; label?: string };

// ---------------------------------------------------------------- cards

/** Digit groups joined by spaces (up to three, non-breaking too: pasted or voice-typed), single dashes (en and em dashes too), dots or underscores, slashes before groups of four, after a label's colon ("card:4111…"), not glued to letters, `+`, `$`, decimals or other digits. */
const CARD_RUN = /(?<![\w+$€£.,/-])(?<!\d:)\d+(?:(?:[ \u00a0\u202f]{1,3}| ?[.\-–—_] ?|\/(?=\d{4}))\d+)*(?![\w/:]|[.,]\d)/g;

/**
 * Full card numbers: 13 to 19 digits passing the Luhn check, typed with any
 * spacing, dashes or dots, run together, or spelled out in words ("four one
 * one one …", "vier eins …"). In a longer run of groups the longest valid
 * stretch of whole groups is taken (a card number followed by a CVV).
 */
const PARCEL_BEFORE = /(?<![\p{L}])(?:tracking|sendungs?\p{L}*|paket\p{L}*|rastreio|rastreamento|seguimiento|parcel|package|shipment|receipt|awb)(?:\s+(?:number|no\.?|nr\.?|#|id|nummer|n[úu]mero|code))?\s*[:#]?\s*(?:\d{1,4}\s+)?$/iu;

/** Words that say the digits after them are a card number: "card number is", "my visa:", "Kartennummer", "número de la tarjeta", "número do cartão". */
const CARD_NAMED_BEFORE = /(?<![\p{L}])(?:(?:credit|debit|bank)?\s*card(?:\s*(?:number|no\.?|num|#))?|visa|mastercard|amex|kreditkarten?nummer|kartennummer|karte|n[úu]mero\s+de\s+(?:la\s+|mi\s+)?tarjeta|tarjeta|n[úu]mero\s+do\s+(?:meu\s+)?cart[ãa]o|cart[ãa]o)(?:\s+(?:is|was|ist|lautet|es|é))?\s*[:#=-]?\s*$/iu;

/** A gift card's number is a gift-card code (gift-cards.ts), not a bank card's. */
const GIFT_BEFORE = /(?:gift|geschenk|regalo|presente)\p{L}*\s*-?\s*(?:card|karte|tarjeta|cart[ãa]o)?\s*(?:number|no\.?|num|#|nummer)?\s*(?:is|ist|es|é)?\s*[:#=-]?\s*$/iu;

export function findCardNumbers(text: string, runs: readonly DigitRun[]): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CARD_RUN)) {
    // A tracking, parcel or receipt number is long and may hold a Luhn-valid stretch; named so, it is not a card.
    if (PARCEL_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const groups: { start: number; end: number }[] = [];
    for (const g of m[0].matchAll(/\d+/g)) groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length });
    let best: { start: number; end: number; length: number } | undefined;
    for (let i = 0; i < groups.length; i += 1) {
      let digits = '';
      for (let j = i; j < groups.length; j += 1) {
        digits += text.slice(groups[j]!.start, groups[j]!.end);
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits) && (!best || digits.length > best.length)) {
          best = { start: groups[i]!.start, end: groups[j]!.end, length: digits.length };
        }
      }
    }
    if (best) spans.push({ kind: 'card_number', start: best.start, end: best.end });
    // Named a card number by the member, 13–19 digits are one even when a digit is mistyped and Luhn fails ("my card number is 4111 1111 1111 1112").
    else if (groups.length > 0 && CARD_NAMED_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) && !GIFT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      const digits = m[0].replace(/\D/g, '').length;
      if (digits >= 13 && digits <= 19) spans.push({ kind: 'card_number', start: m.index, end: m.index + m[0].length });
    }
  }
  for (const run of runs) {
    if (!run.spelled || run.digits.length < 13 || run.digits.length > 19) continue;
    if (luhnValid(run.digits) || CARD_NAMED_BEFORE.test(text.slice(Math.max(0, run.start - 40), run.start))) spans.push({ kind: 'card_number', start: run.start, end: run.end });
  }
  return spans;
}

// ---------------------------------------------------------------- CVV and expiry

/** What names a card security code, in English, German, Spanish and Portuguese. */
const CVV_WORDS = String.raw`(?:cvv2?|cvc2?|ccv|csc|cvn|cid|security\s+(?:code|number|digits)|sec(?:urity)?\s*#|sec\.?\s+code|card\s+code|back\s+code|card\s+(?:security|verification)\s+(?:code|value|number)|(?:3|three|4|four)[- ]digits?\s+(?:code|number|thing|one|bit|pin|cvv)(?:\s+(?:on|at)\s+(?:the\s+)?(?:back|front))?|(?:3|three|4|four)[- ]digits?(?=\s*[:=])|` +
  String.raw`(?:code|number|digits|numbers)\s+on\s+(?:the\s+)?(?:back|front)|(?:code|number|digits|numbers)(?:\s+(?:for|of|on)\s+(?:my|the)\s+(?:card|visa|mastercard|amex))?\s+(?:on\s+(?:the\s+)?back|at\s+the\s+back|behind|on\s+the\s+reverse)|(?:the\s+)?back\s+of\s+(?:my\s+|the\s+)?card(?:\s+(?:says|shows|reads|has))?|(?:three|3|four|4)\s+(?:little\s+|small\s+|tiny\s+|short\s+|security\s+)?(?:digits|numbers)(?:\s+on\s+the\s+(?:back|front))?|` +
  String.raw`prüfziffer(?:n)?|prüfz\.|prüfnummer|kartenprüfnummer|kartenprüfziffer|sicherheitscode|sicherheitsnummer|(?:drei|3|vier|4)\s+(?:ziffern|zahlen)|(?:ziffern|zahlen|code)\s+auf\s+der\s+(?:rückseite|vorderseite)|(?:nummer|zahl|ziffern|zahlen|code)\s+hinten(?:\s+auf\s+der\s+karte)?|` +
  String.raw`c[óo]digo\s+de\s+seguridad|c[óo]d(?:igo)?\.?\s*(?:de\s+)?seg(?:\.|uridad|uran[çc]a)|(?:tres|3|cuatro|4)\s+(?:d[íi]gitos|n[úu]meros)|(?:d[íi]gitos|n[úu]meros|c[óo]digo)\s+(?:de\s+)?(?:atr[áa]s|detr[áa]s|del\s+reverso)|` +
  String.raw`c[óo]digo\s+de\s+seguran[çc]a|(?:tr[êe]s|3|quatro|4)\s+(?:d[íi]gitos|n[úu]meros)|(?:d[íi]gitos|n[úu]meros|c[óo]digo)\s+(?:de\s+tr[áa]s|atr[áa]s|do\s+verso|no\s+verso))`;
const LINK = String.raw`(?:\s*(?:[:=#-]|\bis\b|\bare\b|\bwas\b|\bit's\b|\bits\b|\bof\b|\bnumber\b|\bnum\b|\bno\.?|\bsind\b|\bist\b|\blautet\b|\bson\b|\bes\b|\bsão\b|\bé\b)\s*|\s+)*`;
/** The security code after its name, up to 40 characters of the same sentence later ("the 3 digits on the back of my card are 309"). */
/** "the last four digits are 1881" is a last-four mention, not a security code. */
const NOT_LAST = String.raw`(?<!social\s{1,3})(?<!(?:last|letzten|[úu]ltimos|final|finais|ending|endet\s+auf|termina\s+en|termina\s+em)\s+)`;
const CVV_AFTER = new RegExp(String.raw`(?<![\p{L}])${NOT_LAST}${CVV_WORDS}(?![\p{L}])[?!:.]{0,3}([^\d.!?\n[\]]{0,40}?)(?:\(\s*)?(?<![\p{L}_])(\d{3,4})(?![\d.,:/]?\d|[\p{L}_-]|\s*(?:%|€|\$|minutes?|min|hours?|days?|euros?|dollars?|reais))`, 'giu');
/** Where the security code is printed, said after it: "902 on the back", "419 hinten auf der Karte", "781 atrás", "332 no verso". */
const ON_THE_BACK = String.raw`(?:on\s+(?:the\s+)?back|at\s+the\s+back|hinten(?:\s+(?:drauf|auf\s+der\s+karte))?|auf\s+der\s+r[üu]ckseite|(?:de\s+)?atr[áa]s|detr[áa]s|en\s+el\s+reverso|no\s+verso|do\s+verso)`;
const CVV_BEFORE = new RegExp(String.raw`(?<![\w$€£.,/:-])(\d{3,4})(?![.,]\d)\s+(?:is\s+|ist\s+|es\s+|é\s+)?(?:the\s+|my\s+|die\s+|mein\s+|el\s+|mi\s+|o\s+|meu\s+)?(?:${CVV_WORDS}|${ON_THE_BACK})(?![\p{L}])`, 'giu');
const CVV_CUE = new RegExp(`(?<![\\p{L}])${NOT_LAST}${CVV_WORDS}(?![\\p{L}])`, 'giu');

/** A cheap first look: every CVV word holds one of these. */
const CVV_HINT = /cv|verif|cs|cid|sec|seg|c[óo]d|code|back|front|digit|number|ziffer|zahl|prüf|sicherheit|c[óo]digo|d[íi]gito|n[úu]mero|atr[áa]s|verso|hinten|r[üu]ckseite|reverso/i;

/** The 3 or 4 digits of a card security code, when a CVV word names them ("cvv 123", "Prüfziffer 482", "123 is the cvc"), also spelled out or spaced. */
export function findCvvs(text: string, runs: readonly DigitRun[]): Span[] {
  const spans: Span[] = [];
  if (!CVV_HINT.test(text)) return spans;
  for (const m of text.matchAll(CVV_AFTER)) {
    if (/\p{L}-$/u.test(m[1]!)) continue; // "gift card code GIFT-8812": digits glued to a word by a dash are part of it
    if (/^(?:19|20)\d\d$/.test(m[2]!) && /\p{L}/u.test(m[1]!)) continue; // "the back of my card is scratched, bought in 2021": a year
    const start = m.index + m[0].length - m[2]!.length;
    spans.push({ kind: 'cvv', start, end: start + m[2]!.length });
  }
  for (const m of text.matchAll(CVV_BEFORE)) spans.push({ kind: 'cvv', start: m.index, end: m.index + m[1]!.length });
  const short = runs.filter((run) => run.digits.length === 3 || run.digits.length === 4);
  if (short.length > 0) {
    for (const m of text.matchAll(CVV_CUE)) {
      const end = m.index + m[0].length;
      const run = short.find((r) => r.start >= end && r.start - end <= 40 && !/[.!?\n]/.test(text.slice(end, r.start)));
      if (run) spans.push({ kind: 'cvv', start: run.start, end: run.end });
    }
  }
  return spans;
}

const MONTHS = String.raw`(?:jan(?:uary|uar|eiro)?|ene(?:ro)?|feb(?:ruary|ruar|rero)?|fev(?:ereiro)?|m[aä]r(?:ch|zo|z|ço|co)?|apr(?:il)?|abr(?:il)?|ma[yi]o?|jun(?:e|i|io|ho)?|jul(?:y|i|io|ho)?|aug(?:ust)?|ago(?:sto)?|sep(?:t(?:ember|iembre)?)?|set(?:embro|iembre)?|o[ck]t(?:ober|ubre)?|out(?:ubro)?|nov(?:ember|iembre|embro)?|de[cz](?:ember|iembre|embro)?|dic(?:iembre)?)`;
const MONTH_YEAR = String.raw`((?:0?[1-9]|1[0-2])(?:st|nd|rd|th)\s+month\s+(?:of\s+)?(?:20)?\d{2}|(?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:20)?\d{2}|(?:0[1-9]|1[0-2]) (?:20)?\d{2}|20\d{2}[/-](?:0[1-9]|1[0-2])|(?:0[1-9]|1[0-2])(?:20)?\d{2}|${MONTHS}\.?\s*(?:[/-]\s*|de\s+|of\s+|')?(?:20\d{2}|'?\d{2}))(?![\d/.-]*\d|\p{L})`;
/** "exp", "valid thru", "gültig bis", "Ablaufdatum", "vence", "caduca", "validade" … are card words on their own; "expires" needs a card nearby. */
/** Words between an expiry word and its date: "the expiration on my card is …", "expires end of …", "vence a finales de …". */
const EXPIRY_FILLER = String.raw`(?:(?:on|of|for|auf|der|de|da|do|del|meiner|mi|meu)\s+(?:my\s+|the\s+|this\s+|meiner\s+|mi\s+|meu\s+|la\s+|o\s+)?(?:card|visa|karte|tarjeta|cart[ãa]o)\s*|(?:at\s+the\s+)?end\s+of\s+|ende\s+|finales\s+de\s+|final\s+de\s+|fim\s+de\s+)?(?:(?:says|shows|reads|sagt|zeigt|dice|pone|diz)\s+)?`;
const STRONG_EXPIRY = new RegExp(
  String.raw`(?<![\p{L}])(?:exp\.?|exp(?:iry|iration)?\s+date|exp(?:iry|iration)(?=\s*:)|valid\s+(?:thru|through|until|till?|to)|valid\s+from\s+\S{3,9}\s+(?:to|until|till?|thru|through|-)|good\s+(?:thru|through|until|till?)|(?:the\s+)?date\s+(?:on|of)\s+(?:my|the)\s+(?:card|visa|mastercard|amex|debit\s+card|credit\s+card)|mm\s*/\s*yy|ablaufdatum|verfallsdatum|gültig\s+bis|läuft\s+ab|ablauf|fecha\s+de\s+(?:vencimiento|caducidad|expiraci[óo]n)|vencimiento|caducidad|caduca|venc\.|vto\.?|v[áa]lid[ao]\s+(?:hasta|at[ée])|validade|vencimento|data\s+de\s+validade)(?![\p{L}])\s*${EXPIRY_FILLER}${LINK}(?:on\s+|in\s+|en\s+|em\s+|im\s+)?(?:el\s+|la\s+|the\s+|o\s+|a\s+)?${MONTH_YEAR}`,
  'giu',
);
const WEAK_EXPIRY = new RegExp(String.raw`(?<![\p{L}])(?:expiry|expiration|expires|expiring|expired|expira|vence|venceu|venc|gültig|valid)(?:\s+date)?\s*${EXPIRY_FILLER}${LINK}(?:on\s+|in\s+|en\s+|em\s+|am\s+)?(?:el\s+|la\s+|the\s+|o\s+|a\s+)?${EXPIRY_FILLER}${MONTH_YEAR}`, 'giu');
const CARD_CONTEXT = /(?<![\p{L}])(?:card|visa|mastercard|master\s*card|amex|american\s+express|discover|debit|credit|cvv|cvc|karte|kreditkarte|tarjeta|cart[ãa]o|prüfziffer|sicherheitscode|c[óo]digo\s+de\s+seguri?an?[çcd]a?)/iu;

const EXPIRY_BEFORE = /(?<![\p{L}])(?:exp\.?|expiry|expiration|expires|valid\s+(?:thru|through|until)|good\s+thru|gültig\s+bis|ablaufdatum|läuft\s+ab|vence|venc\.?|vencimiento|caduca|caducidad|validade|vencimento)(?:\s+date)?\s*(?:[:=-]|is|ist|es|é|on|in|en|em|am)?\s*$/iu;
const EXPIRY_MONTH_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:exp\.?|expiry|expiration|expires|valid\s+(?:thru|through|until)|good\s+thru|gültig\s+bis|ablaufdatum|läuft\s+ab|vence|venc\.?|vencimiento|caduca|caducidad|validade|vencimento)(?:\s+date)?\s*(?:[:=-]|is|ist|es|é|on|in|en|em|im|am)?\s*${MONTHS}\.?,?\s+(?:of\s+|de\s+)?$`, 'iu');
const GIFT_CARD_BEFORE = /(?:gift|geschenk|regalo|presente)\p{L}*\s*-?\s*(?:card|karte|tarjeta|cart[ãa]o)?[^.!?\n\d]{0,25}$/iu;
const SPOKEN_SLASH = /(?<![\p{L}])(\p{L}+(?:[\s-]+\p{L}+)?|\d{1,2})\s+(?:slash|barra|schr[äa]gstrich)\s+(\p{L}+(?:[\s-]+\p{L}+){0,3}|\d{2,4})(?![\p{L}\d])/giu;
const EXPIRY_CUE_BEFORE = /(?<![\p{L}])(?:exp\p{L}*|valid|good\s+thru|gültig|läuft\s+ab|ablauf\p{L}*|vence\p{L}*|vencimiento|caduc\p{L}*|validade|vencimento)(?![\p{L}])[^.!?\n]{0,30}$/iu;
/** Where the month name starts inside a matched expiry (built once, not per match). */
const MONTH_NAME = new RegExp(MONTHS, 'iu');
/** A cheap first look: every expiry cue holds one of these. */
const EXPIRY_HINT = /exp|v[áa]l|vto|good|mm|ablauf|verfall|gültig|läuft|venc|caduc|date\s+o[nf]\s/i;

const CODE_AFTER_CARD = /^[^.!?\n]{0,50}?(?<![\p{L}])(?:code|c[óo]digo|c[óo]d\.?|pin)(?![\p{L}])(?:\s*(?:is|ist|es|é|:|=|lautet)\s*|\s+)(\d{3,4})(?![\d.,:/\w])/iu;
const TRAILING_CVV = /^(?:[\s,;/|]|\s[–—-]\s)+(?:(?:security(?:\s+code)?|sec(?:\.|urity)?|code|cvv2?|cvc2?|c[óo]d\.?|c[óo]digo|prüfz\.?)\s*[:#]?\s*)?(\d{3,4})(?![\d.,:/\w])/i;

const TRAILER_EXPIRY = /(?<![\d/.,:$€£-])(?:0?[1-9]|1[0-2])\s{0,2}[/ -]\s{0,2}(?:20)?(?:2[4-9]|3\d)(?![\d/.,:]*\d|\s*(?:%|[€$£]|minutes?|hours?|days?|years?|euros?|dollars?))/g;
const TRAILER_CVV = /(?<![\w$€£.,/:#+-])\d{3,4}(?![\w%€£]|[.,:/-]\d|\s*(?:%|[€$£]|minutes?|hours?|days?|months?|years?|euros?|dollars?|pounds?|reais|times|screens?|profiles?|gb|mb))/giu;
const LAST_DIGITS_BEFORE = /(?<![\p{L}])(?:ending|ends\s+(?:in|with)|last\s+(?:4|four)|endet\s+auf|endend\s+auf|letzten\s+vier|terminada\s+en|acabada\s+en|termina\s+en|final|finais|terminado\s+em|(?:old|new|other)\s+(?:one|card)|order|case|ticket|invoice|#)[^\d]{0,12}$/iu;

function groupSpan(m: RegExpMatchArray, group: number): { start: number; end: number } {
  const start = (m.index ?? 0) + m[0].lastIndexOf(m[group]!);
  return { start, end: start + m[group]!.length };
}

/** Card expiry dates in card context ("exp 04/27", "good thru dec 27", "gültig bis 12/27", "vence en diciembre de 2027"); a date like 12/06/2024 is not one. */
export function findCardExpiries(text: string, cards: readonly Span[], runs: readonly DigitRun[] = []): Span[] {
  const spans: Span[] = [];
  if (!EXPIRY_HINT.test(text)) return spans;
  // Read aloud or digit by digit ("expiry zero four two seven", "exp 0 4 2 8"): MMYY or MMYYYY after an expiry word, with a card around.
  for (const run of runs) {
    const before = text.slice(Math.max(0, run.start - 45), run.start);
    // "expiry zero four two seven", or a month named and its year read aloud: "expires december twenty twenty seven".
    const monthThenYear = /^(?:20)?\d\d$/.test(run.digits) && EXPIRY_MONTH_BEFORE.test(before);
    if (!monthThenYear && !(/^(?:0[1-9]|1[0-2])(?:20)?\d\d$/.test(run.digits) && EXPIRY_BEFORE.test(before))) continue;
    const month = monthThenYear ? EXPIRY_MONTH_BEFORE.exec(before)! : undefined;
    const start = month ? run.start - before.length + month.index + month[0].search(MONTH_NAME) : run.start;
    const window = text.slice(Math.max(0, run.start - 120), run.end + 40);
    if (CARD_CONTEXT.test(window) || cards.some((c) => c.end >= run.start - 120 && c.start <= run.end + 40)) spans.push({ kind: 'card_expiry', start, end: run.end });
  }
  // "the gift card says valid until 12/2027": a gift card's date is no secret (its code is).
  const giftCard = (at: number) => GIFT_CARD_BEFORE.test(text.slice(Math.max(0, at - 40), at));
  // "it expires in two thousand twenty nine", "card expires 2029": a year alone after an expiry word, with a card around.
  const years = [...runs, ...[...text.matchAll(/(?<![\w/.,:-])20[2-4]\d(?![\w/-]|[.,:]\d)/g)].map((m) => ({ start: m.index, end: m.index + 4, digits: m[0] }))];
  for (const run of years) {
    if (!/^20[2-4]\d$/.test(run.digits) || !EXPIRY_BEFORE.test(text.slice(Math.max(0, run.start - 45), run.start).replace(/\s+in\s*$/i, ' '))) continue;
    if (CARD_CONTEXT.test(text.slice(Math.max(0, run.start - 120), run.end + 40)) || cards.some((c) => c.end >= run.start - 120 && c.start <= run.end + 40)) spans.push({ kind: 'card_expiry', start: run.start, end: run.end });
  }
  // "the expiration is twelve slash twenty nine", "vence doce barra veintinueve": a month and a year read aloud around "slash".
  SPOKEN_SLASH.lastIndex = 0;
  for (let m = /slash|barra|schr[äa]gstrich/i.test(text) ? SPOKEN_SLASH.exec(text) : null; m; m = SPOKEN_SLASH.exec(text)) {
    const month = spokenNumber(m[1]!);
    // The year is the longest run of its words that reads as one ("twenty nine", "two thousand twenty nine").
    const yearWords = m[2]!.split(/(?<=\S)(?=[\s-])/);
    let yearText = '';
    let year: string | undefined;
    for (let n = yearWords.length; n > 0 && year === undefined; n -= 1) {
      const candidate = spokenNumber(yearWords.slice(0, n).join(''));
      if (candidate && /^(?:20)?\d\d$/.test(candidate)) [year, yearText] = [candidate, yearWords.slice(0, n).join('')];
    }
    // "is twelve slash …": the first word may be no number; the next search starts at the second.
    if (!month && /\s/.test(m[1]!)) SPOKEN_SLASH.lastIndex = m.index + m[1]!.search(/[\s-]/) + 1;
    if (!month || !year || Number(month) < 1 || Number(month) > 12 || !/^(?:20)?\d\d$/.test(year)) continue;
    if (!EXPIRY_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index)) && !CARD_CONTEXT.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    const end = m.index + m[0].length - m[2]!.length + yearText.length;
    SPOKEN_SLASH.lastIndex = end;
    spans.push({ kind: 'card_expiry', start: m.index, end });
  }
  for (const m of text.matchAll(STRONG_EXPIRY)) if (!giftCard(m.index)) spans.push({ kind: 'card_expiry', ...groupSpan(m, 1) });
  for (const m of text.matchAll(WEAK_EXPIRY)) {
    if (giftCard(m.index)) continue;
    const from = Math.max(0, (m.index ?? 0) - 80);
    const window = text.slice(from, (m.index ?? 0) + m[0].length + 40);
    // MMYY run together ("expiry 0330") is how a card's date is typed, not a subscription's: no card word needed.
    if (/^(?:0[1-9]|1[0-2])\d\d$/.test(m[1]!) || CARD_CONTEXT.test(window) || cards.some((c) => c.end >= from && c.start <= (m.index ?? 0) + m[0].length + 40)) {
      spans.push({ kind: 'card_expiry', ...groupSpan(m, 1) });
    }
  }
  return spans;
}

/**
 * What people paste right after a card number: "4111 … 1111 04/27 123" or
 * "4111…1111, 04/27, cvv 123". Only the month/year and a lone 3–4 digit group
 * (or one after "code", "cód", "Prüfz.") directly after the number, or after
 * an expiry found next to a card ("… venc 11/26 cód 123"), count.
 */
export function findCardTrailers(text: string, cards: readonly Span[], expiries: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  const cvvAfter = (at: number) => {
    const cvv = TRAILING_CVV.exec(text.slice(at));
    if (cvv) spans.push({ kind: 'cvv', start: at + cvv[0].length - cvv[1]!.length, end: at + cvv[0].length });
  };
  for (const card of cards) {
    // "04/27", "4-2027", or "0427" typed without a slash; after "exp", "bis", "val", "vto" too ("4386-… bis 03/28").
    const expiry = /^(?:[\s,;/|]|\s-(?=\s))+(?:(?:exp\w*|bis|until|thru|hasta|até|val|vto|venc\w*)\.?[\s:]*)?((?:0?[1-9]|1[0-2])\s?[/-]\s?(?:20)?\d{2}|(?:0[1-9]|1[0-2])\d{2})(?![\d/.-]*\d)/i.exec(text.slice(card.end));
    if (!expiry) continue;
    const start = card.end + expiry[0].length - expiry[1]!.length;
    spans.push({ kind: 'card_expiry', start, end: start + expiry[1]!.length });
    cvvAfter(start + expiry[1]!.length);
  }
  for (const expiry of expiries) if (cards.some((card) => card.end <= expiry.start && expiry.start - card.end <= 60)) cvvAfter(expiry.end);
  // "the date on my card is 11/29 and the little code is 406": "code" later in the sentence of a card's expiry names its security code.
  for (const expiry of expiries) {
    const code = CODE_AFTER_CARD.exec(text.slice(expiry.end, expiry.end + 60));
    if (code) spans.push({ kind: 'cvv', start: expiry.end + code.index + code[0].length - code[1]!.length, end: expiry.end + code.index + code[0].length });
  }
  // The rest of a card number's sentence is what people paste with it, whatever words join them ("ends 02 / 27",
  // "the date is 10 29", "security numbers 044", "the cv is 338"): a month and year (01–12, then 24–39 or 2024–2039) is the
  // expiry, and a lone 3–4 digit group (not a year, a price, an amount, a "card ending 0090") is the security code.
  for (const card of cards) {
    const rest = text.slice(card.end, card.end + 90);
    const stop = rest.search(/[.!?](?=\s|$)|\n/);
    const window = stop >= 0 ? rest.slice(0, stop) : rest;
    const taken: { start: number; end: number }[] = [];
    for (const m of window.matchAll(TRAILER_EXPIRY)) {
      const start = card.end + m.index;
      if (/\p{L}/u.test(window.slice(0, m.index)) && DATE_OF_SOMETHING.test(text.slice(Math.max(0, start - 30), start))) continue; // "was charged 3 times, the charge of 12/27"
      taken.push({ start, end: start + m[0].length });
      spans.push({ kind: 'card_expiry', start, end: start + m[0].length });
    }
    for (const m of window.matchAll(TRAILER_CVV)) {
      const start = card.end + m.index;
      if (taken.some((t) => start < t.end && start + m[0].length > t.start) || /^(?:19|20)\d\d$/.test(m[0])) continue;
      if (LAST_DIGITS_BEFORE.test(window.slice(0, m.index))) continue;
      spans.push({ kind: 'cvv', start, end: start + m[0].length });
    }
  }
  // "card is 4285 … and the code is 551": a 3–4 digit code named "code" later in the sentence of a card number.
  for (const card of cards) {
    const code = CODE_AFTER_CARD.exec(text.slice(card.end, card.end + 80));
    if (code) spans.push({ kind: 'cvv', start: card.end + code.index + code[0].length - code[1]!.length, end: card.end + code.index + code[0].length });
  }
  // A message with a full card number in it is a message pasting card details, whatever the sentences: there a month and
  // year (01–12, then 24–39) is the expiry unless a word says it is the date of something else ("charged on 12/25"), and
  // 3–4 digits named by "code", "digits" or "numbers" within a few words are the security code ("The code behind is 993.").
  if (cards.length > 0) {
    for (const m of text.matchAll(MESSAGE_EXPIRY)) {
      if (cards.some((card) => m.index < card.end && card.start < m.index + m[0].length)) continue;
      if (DATE_OF_SOMETHING.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      spans.push({ kind: 'card_expiry', start: m.index, end: m.index + m[0].length });
    }
    for (const m of text.matchAll(MESSAGE_CVV)) {
      if (NOT_A_CARD_CODE.test(text.slice(Math.max(0, m.index - 20), m.index)) || /^(?:19|20)\d\d$/.test(m[1]!)) continue;
      const start = m.index + m[0].length - m[1]!.length;
      if (cards.some((card) => start < card.end && card.start < start + m[1]!.length)) continue;
      spans.push({ kind: 'cvv', start, end: start + m[1]!.length });
    }
  }
  return spans;
}

const MESSAGE_EXPIRY = new RegExp(String.raw`(?<![\d/.,:$€£-])(?:0?[1-9]|1[0-2])\s?\/\s?(?:20)?(?:2[4-9]|3\d)(?![\d/.,:]*\d|\s*(?:%|[€$£]))|(?<![\p{L}])${MONTHS}\.?\s*(?:'|of\s+|de\s+)?(?:20(?:2[4-9]|3\d)|'(?:2[4-9]|3\d))(?![\d\p{L}])`, 'giu'); // "runs out dec 2027"
/** "charged on 12/25", "billed 11/26", "seit 12/25": a date of something that happened, not a card's. */
const DATE_OF_SOMETHING = /(?:(?<![\p{L}])(?:on|of|since|from|charged|billed|paid|renewed|renews|charge|payment|bill|invoice|trial|(?:trial|subscription|membership|plan|offer)\s+(?:ends?|ended)|started|starts|joined|signed\s+up|in|im|en|am|seit|vom|desde|el|em|dia|no\s+dia|ab|bis\s+zum)\s*(?:the\s+)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:,|and|or|und|oder|y|o|e|ou|&)\s*)$/iu;
const MESSAGE_CVV = /(?<![\p{L}])(?:code|c[óo]digo|c[óo]d|digits|numbers|n[úu]meros|d[íi]gitos|ziffern|zahlen|cvv2?|cvc2?|ccv)(?![\p{L}])[^.!?\n\d]{0,25}?(?<![\p{L}\d])(\d{3,4})(?![\d\w-]|[.,:/]\d)/giu;
/** Codes that are not the card's: "error code 1234", "zip code 9021", "promo code", "Fehlercode", "código postal". */
const NOT_A_CARD_CODE = /(?:error|fehler|erro|zip|postal|post|area|promo|discount|gift|voucher|coupon|country|tracking|household|verification|sms|service|tv)[\s-]*$/i;
