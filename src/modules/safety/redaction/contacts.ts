import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Span } from './detectors.ts';
import { luhnValid } from './luhn.ts';
import type { DigitRun } from './number-words.ts';

// ---------------------------------------------------------------- emails

const EMAIL = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g;

/** "jane(at)example(dot)com", "paul [at] example [dot] org", "jane dot doe at mail dot com", "max punkt mustermann at web punkt de", "carlos punto lopez arroba gmail punto com". */
const BRACKETED = (words: string) => String.raw`\s*[([{<]\s*(?:${words})\s*[)\]}>]\s*`;
const SPOKEN = (words: string) => String.raw`\s+(?:${words})\s+`;
const AT_WORDS = 'at|arroba|ät|klammeraffe';
const DOT_WORDS = 'dot|punkt|punto|ponto';
const DOT_WORD_RE = new RegExp(`(?:${DOT_WORDS})`, 'i');
const JOIN_WORDS = 'underscore|unterstrich|guion\\s+bajo|sublinhado|dash|hyphen|bindestrich|guion|guión|hífen';
const AT = `(?:${BRACKETED(AT_WORDS)}|${SPOKEN(AT_WORDS)}|\\s*@\\s*)`;
const DOT = `(?:${BRACKETED(DOT_WORDS)}|${SPOKEN(DOT_WORDS)}|\\.|\\s\\.\\s)`; // "mike @ example . com"
const LABEL = String.raw`[A-Za-z0-9][A-Za-z0-9_-]*`;
/** Letters and digits apart by one separator each (a dot, "_", "+", "-" or a spoken one), at most 7 parts: no two ways to read a run and bounded work per start, so no backtracking blow-up. */
const LOCAL = String.raw`[A-Za-z0-9]+(?:(?:${DOT}|${SPOKEN(JOIN_WORDS)}|[_+-])[A-Za-z0-9]+){0,6}`;
const TLD = String.raw`(?:com|org|net|edu|gov|info|io|co|me|example|de|at|ch|es|mx|ar|cl|pt|br|uk|fr|it|nl|be|ie|eu|ca|us|au)`;
/** A domain label may be spoken with its dashes too ("dan dash builds dot com"). */
const DOMAIN_LABEL = String.raw`${LABEL}(?:${SPOKEN('dash|hyphen|bindestrich|guion|guión|hífen')}${LABEL}){0,2}`;
const WRITTEN_EMAIL = new RegExp(String.raw`(?<![\w.@-])${LOCAL}${AT}${DOMAIN_LABEL}(?:${DOT}${DOMAIN_LABEL}){0,4}${DOT}${TLD}(?![\w-]|\/)`, 'giu'); // a "/" after it makes a link ("enter code at reelhouse.example/tv")

const PROVIDER = String.raw`(?:gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol|gmx|web\.de|proton(?:mail)?|yandex|uol|bol|terra|msn)`;
const PROVIDER_ONLY = new RegExp(String.raw`(?<![\p{L}])(?:e-?mail|mail|correo|e-?mail\s+address|adresse|endere[çc]o)(?:\s+(?:is|ist|es|é|was|address))?\s*[:=]?\s+(${LOCAL}\s+(?:at|arroba)\s+${PROVIDER})(?![\w.@-])`, 'giu');
/** "peter.schmidt at gmx de", "lena_k at gmail": an address-shaped name (a dot, "_" or digits in it) at a mail provider, anywhere. */
const AT_PROVIDER = new RegExp(String.raw`(?<![\w.@-])([A-Za-z0-9]+[._][A-Za-z0-9._]*[A-Za-z0-9]|[A-Za-z]+\d+)\s+(?:at|arroba|ät)\s+${PROVIDER}(?:\s+(?:(?:dot|punkt|punto|ponto)\s+)?${TLD}(?:\s+(?:(?:dot|punkt|punto|ponto)\s+)?${TLD})?)?(?![\w@-]|\.\w)`, 'giu');
const WRITTEN_HINT = /dot|punkt|punto|ponto|[([{<]\s*(?:at|arroba|ät)\s*[)\]}>]|\s(?:at|arroba)\s+[a-z0-9-]+\.[a-z]|\s@|@\s/i;

/** Email addresses, typed or written out; addresses at the official domains (and their subdomains) are kept when given. */
export function findEmails(text: string, officialDomains: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const domain = m[0].slice(m[0].lastIndexOf('@') + 1).toLowerCase();
    if (officialDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) continue;
    spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  // "my email is jane.doe at outlook": after an email word, a spoken "at" and a mail provider's name are the address even with no ending.
  for (const m of /\s(?:at|arroba)\s/i.test(text) ? text.matchAll(PROVIDER_ONLY) : []) {
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ kind: 'email', start, end: start + m[1]!.length });
  }
  for (const m of /\s(?:at|arroba|ät)\s/i.test(text) ? text.matchAll(AT_PROVIDER) : []) spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  // Written out, an address needs a spoken or bracketed "dot" or "at": most messages have neither.
  if (!WRITTEN_HINT.test(text)) return spans;
  for (const m of text.matchAll(WRITTEN_EMAIL)) {
    if (/@/.test(m[0]) && !/\s/.test(m[0])) continue; // a typed address, found above
    // Written out, it must read as one: a spoken or bracketed "dot", or a spoken "at" before a domain with a real dot ("sarah at example.com").
    if (!DOT_WORD_RE.test(m[0]) && !/[([{<@]/.test(m[0]) && !/\s(?:at|arroba)\s+[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(m[0])) continue;
    spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

// ---------------------------------------------------------------- phones

/** A phone-shaped run: optional +, digit groups with single spaces, dashes, dots or brackets between them; a slash after a leading 0 area code (0171/5554321). */
const PHONE_RUN = /(?<![\w$€£.,/:#-])(?:\+\s?)?(?:\(\d{1,5}\)|\d{1,5})(?:(?:[ .-]|\s?\(\d{1,5}\)\s?|[ .-]?\(\d{1,5}\)[ .-]?|(?<=(?:^|[^\d])0\d{1,4})\/)?\d{1,5}){1,5}(?![\w%€£]|[.,:/-]\d)/g;
const PHONE_CONTEXT = new RegExp(
  String.raw`\b(?:call|calls|called|calling|ring|rang|phone|mobile|cell|tel|telephone|number|text|texts|sms|whats\s?app|reach|contact|dial|landline|fax|` +
    String.raw`ruf|rufen|anrufen|telefon|telefonnummer|handy|handynummer|mobil|mobilnummer|nummer|festnetz|erreichbar|` +
    String.raw`llam[ae]me|llamar|ll[aá]mame|tel[eé]fono|tlf|tfno|telf|m[oó]vil|celular|n[uú]mero|contacto|` +
    String.raw`liga|ligue|ligar|me\s+liga|zap|zapzap|wpp|whats|chama|telefone|contato|telemóvel|telemovel)\b`,
  'iu',
);
/** Where Usher's members live, in the order tried: a number valid in one of them is a phone number. */
const COUNTRIES: CountryCode[] = ['US', 'GB', 'CA', 'AU', 'DE', 'AT', 'CH', 'ES', 'MX', 'AR', 'PT', 'BR', 'FR', 'IT', 'NL', 'IE'];
const NUMBERED_THING = /\b(?:case|ticket|order|invoice|reference|ref|episode|season|model|version|account|member|error|id|zip|postcode|plz|cep|pedido|caso|fall|bestellung|protocolo|chamado|fatura|factura|rechnung|customer|kunden|cliente|membership|mitglied|serial|serien|s[ée]rie|confirmation|booking|tracking|receipt|transaction|claim|policy|voucher|bestätigungs|buchungs|sendungs|confirmaci[óo]n|confirma[çc][ãa]o|reserva|recibo|transacci[óo]n|transa[çc][ãa]o|rastreio|seguimiento)(?:\s+(?:number|no\.?|#|id|nummer|número|numero|nr\.?))?(?:\s+(?:is|was|ist|lautet|es|é))?\s*[:#]?\s*$/i;

const NAMED_EARLIER = /\b(?:case|ticket|order|invoice|reference|confirmation|booking|tracking|receipt|transaction|claim|policy|serial|bestellung|rechnung|pedido|protocolo|reserva|recibo)(?:\s+(?:number|no\.?|#|id|nummer|número|numero|nr\.?))?(?=[^.!?\n]*$)/i;
/** Whether libphonenumber finds the number valid (or, with `possible`, at least of a possible length) in one of the countries; stops at the first. */
function phoneIn(raw: string, enough: 'valid' | 'possible'): boolean {
  const ok = (parsed: ReturnType<typeof parsePhoneNumberFromString>) => (enough === 'valid' ? parsed?.isValid() : parsed?.isPossible()) ?? false;
  if (raw.startsWith('+')) return ok(parsePhoneNumberFromString(raw));
  return COUNTRIES.some((country) => ok(parsePhoneNumberFromString(raw, country)));
}

/**
 * Phone numbers, judged by libphonenumber (valid, or at least possible, in a
 * country Reelhouse serves): an international number (+…) that is possible; a
 * number after a phone word (call, Handy, llámame, celular…) that is possible;
 * a valid number of 10+ digits in a phone layout (brackets, a leading 0, 3-3-4).
 * Dates, decimals, times and numbered things (case, order…) are not phones.
 */
export function findPhones(text: string, runs: readonly DigitRun[] = []): Span[] {
  const spans: Span[] = [];
  // Read aloud or digit by digit ("seven one eight, five five five, zero one two three") after a phone word.
  for (const run of runs) {
    if (run.digits.length < 7 || run.digits.length > 15) continue;
    if (PHONE_CONTEXT.test(text.slice(Math.max(0, run.start - 40), run.start)) && phoneIn(run.digits, 'possible')) spans.push({ kind: 'phone', start: run.start, end: run.end });
  }
  for (const m of text.matchAll(PHONE_RUN)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (digits.length >= 13 && !raw.startsWith('+') && luhnValid(digits)) continue; // a card number, found as one
    if (/\.\d/.test(raw) && !/^\(?\d{3}\)?\.\d{3}\.\d{4}$/.test(raw)) continue; // decimals, versions, addresses
    if (/^(?:19|20)\d\d-\d\d-\d\d$/.test(raw) || /^\d{1,2}-\d{1,2}-\d{2,4}$/.test(raw)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // "tracking number 1Z 999 AA1 01 2345 6784": groups with digits before the run are the start of the same named number.
    if (NUMBERED_THING.test(before) || NUMBERED_THING.test(before.replace(/(?:[A-Za-z]*\d[A-Za-z0-9]*\s+)+$/, ''))) continue;
    // "The confirmation number from my email is 8832-1190-4471": a named thing earlier in the clause, with no phone word after it.
    const thing = NAMED_EARLIER.exec(before);
    if (thing && !PHONE_CONTEXT.test(before.slice(thing.index + thing[0].length).replace(/\b(?:number|no|nummer|n[úu]mero|numero|nr)\b/gi, ''))) continue;
    const shaped = /^\+/.test(raw) || /\(/.test(raw) || /^0\d/.test(raw) || /^(?:1[ .-]?)?\d{3}[ .-]\d{3}[ .-]\d{4}$/.test(raw);
    const international = raw.startsWith('+');
    const context = PHONE_CONTEXT.test(before);
    if (!international && !context && !(shaped && digits.length >= 10)) continue;
    // A phone word or a leading + needs a number of a possible length; a shaped number alone must be valid somewhere, except the North American
    // 3-3-4 layout, whose 555 numbers libphonenumber calls invalid.
    const nanp = /^(?:1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$/.test(raw);
    if (!phoneIn(raw, international || context || nanp ? 'possible' : 'valid')) continue;
    spans.push({ kind: 'phone', start: m.index, end: m.index + raw.length });
  }
  return spans;
}
