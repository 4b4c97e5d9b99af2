import { luhnValid } from './luhn.ts';
import type { Span } from './detectors.ts';
import type { DigitRun } from './number-words.ts';

/**
 * Government identity numbers and bank details. Where a number carries its
 * own check (CPF, DNI/NIE, IBAN, Steuer-ID, SIN) it is validated, so a number
 * that only looks like one stays; numbers without a check (passport, driver's
 * licence, account numbers) are taken only when a word introduces them.
 */

// ---------------------------------------------------------------- check digits

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits and a letter) or NIE (X/Y/Z, 7 digits, a letter), with its check letter. */
export function dniValid(value: string): boolean {
  const v = value.toUpperCase().replace(/[\s.-]/g, '');
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(v);
  if (!m) return false;
  const lead = m[1]!;
  const number = Number(('XYZ'.includes(lead) ? String('XYZ'.indexOf(lead)) : lead) + m[2]);
  return DNI_LETTERS[number % 23] === m[3];
}

/** Brazilian CPF: 11 digits, the last two check digits (mod 11); not all the same digit. */
export function cpfValid(value: string): boolean {
  const d = value.replace(/\D/g, '');
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i += 1) sum += Number(d[i]) * (length + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === Number(d[9]) && check(10) === Number(d[10]);
}

/** German tax id (Steuer-ID): 11 digits, ISO 7064 MOD 11,10 check digit, no leading 0. */
export function steuerIdValid(value: string): boolean {
  const d = value.replace(/\D/g, '');
  if (d.length !== 11 || d[0] === '0') return false;
  let product = 10;
  for (let i = 0; i < 10; i += 1) {
    let sum = (Number(d[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product === 10 ? 0 : 11 - product;
  return check === Number(d[10]);
}

/** IBAN: two letters, two check digits, 11–30 letters and digits, mod 97 = 1. */
export function ibanValid(value: string): boolean {
  const v = value.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = n > 9 ? (rest * 100 + n) % 97 : (rest * 10 + n) % 97;
  }
  return rest === 1;
}

/** US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000. */
function ssnValid(d: string): boolean {
  return d.length === 9 && !/^(?:000|666|9)/.test(d) && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

// ---------------------------------------------------------------- patterns

const LINK = String.raw`(?:\s*(?:[:=#-]|\bis\b|\bwas\b|\bhas\s+the\b|\bhat\s+die\b|\btiene\s+el\b|\btem\s+o\b|\bdele\s+[ée]\b|\bdela\s+[ée]\b|\bist\b|\blautet\b|\bes\b|\bé\b|\bnumber\b|\bnummer\b|\bno\.?|\bnr\.?|\bnúmero\b|\bn[º°o]\.?)\s*|\s+)*`;
/** Words that introduce an identity number, in the four languages. */
const ID_WORDS = String.raw`(?:ssn|social\s+security(?:\s+(?:number|no|#))?|social|sin|social\s+insurance(?:\s+number)?|national\s+insurance(?:\s+(?:number|no))?|ni\s+(?:number|no)|nino|ni|passport(?:\s+(?:number|no|#))?|driver'?s?\s+licen[cs]e(?:\s+(?:number|no|#))?|drivers?'?\s+lic\.?(?:\s+(?:number|no|#))?|driving\s+licen[cs]e(?:\s+(?:number|no))?|licen[cs]e|dl(?:\s*#)?|tax\s+id|tin|` +
  String.raw`steuer-?id|steuer-?identifikationsnummer|steueridentifikationsnummer|steuernummer|idnr|personalausweis(?:nummer)?|ausweis(?:nummer)?|reisepass(?:nummer)?|passnummer|führerschein(?:nummer)?|sozialversicherungsnummer|` +
  String.raw`dni|nie|nif|pasaporte|n[uú]mero\s+de\s+pasaporte|carn[eé]t?\s+de\s+conducir|permiso\s+de\s+conducir|licencia\s+de\s+conducir|curp|rfc|` +
  String.raw`cpf|rg|cnh|passaporte|n[uú]mero\s+do\s+passaporte|carteira\s+de\s+(?:identidade|motorista|habilita[çc][ãa]o)|cart[ãa]o\s+de\s+cidad[ãa]o|carta\s+de\s+condu[çc][ãa]o|cc)`;
/** The number an ID word introduces: letters and digits with spaces, dots, dashes or slashes, at least 4 digits. */
const ID_AFTER_WORD = new RegExp(String.raw`\b${ID_WORDS}(?![\p{L}])${LINK}((?=[A-Z]{0,5}\d|[A-Z]{1,3}[\s-]\d)[A-Z0-9](?:[A-Z0-9]|[ .\-/](?=[A-Z0-9])){4,24})`, 'giu');

const ID_WORD_BEFORE = new RegExp(String.raw`(?<![\p{L}])${ID_WORDS}(?![\p{L}])${LINK}$`, 'iu');
/** A cheap first look: every ID word holds one of these. */
const ID_HINT = /ssn|social|sozial|sin|insurance|ni|passport|lic|dl|tax|tin|steuer|idnr|ausweis|pass|pasap|führer|dni|nie|nif|carn|permiso|curp|rfc|cpf|rg|cnh|carteira|cidad|carta|cc/i;
const SSN = /(?<![\w.-])(\d{3})-(\d{2})-(\d{4})(?![\w-]|[.,]\d)/g;
const SSN_SPACED = /(?<![\w.,-])(\d{3})(?: {1,2}|\.)(\d{2})(?: {1,2}|\.)(\d{4})(?![\w-]|[.,]\d)/g;
const SSN_WORD = /\b(?:ssn|social(?:\s+security)?|soc\s+sec)\b/i;
const CPF_SPACED = /(?<![\w.,-])\d{3}[ .]\d{3}[ .]\d{3}[ .-]\d{2}(?![\w-]|[.,]\d)/g;
const NINO = /(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?!\w)/g;
const CPF = /(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-]|[.,]\d)/g;
const DNI = /(?<![\w.-])(?:[XYZxyz][- ]?\d{7}|\d{8})[- ]?[A-Za-z](?![\w-])/g;

/** Government identity numbers: validated shapes anywhere (US SSN with dashes, UK NI number, CPF with dots, DNI/NIE with their letter), any number after an ID word. */
export function findGovernmentIds(text: string, runs: readonly DigitRun[] = []): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => spans.push({ kind: 'government_id', start, end });
  // Read aloud or digit by digit after an ID word ("my social is one nine five five …", "DNI cuatro ocho …"): 6 to 12 digits.
  for (const run of ID_HINT.test(text) ? runs : []) {
    if (run.digits.length >= 6 && run.digits.length <= 12 && ID_WORD_BEFORE.test(text.slice(Math.max(0, run.start - 50), run.start))) push(run.start, run.end);
  }
  for (const m of text.matchAll(SSN)) if (ssnValid(m[1]! + m[2]! + m[3]!)) push(m.index, m.index + m[0].length);
  // Spaced or dotted ("412 68 3391", "412.68.3391"), an SSN only in a message that talks of one: the layout alone is too common.
  if (SSN_WORD.test(text)) for (const m of text.matchAll(SSN_SPACED)) if (ssnValid(m[1]! + m[2]! + m[3]!)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(NINO)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(CPF)) if (cpfValid(m[0])) push(m.index, m.index + m[0].length);
  // "529 982 247 25": spaced, a CPF only where the message names one (its check passes one random number in a hundred).
  if (/\bcpf\b/i.test(text)) for (const m of text.matchAll(CPF_SPACED)) if (cpfValid(m[0])) push(m.index, m.index + m[0].length);
  // 11 digits in one run that pass the CPF check: a CPF typed without its dots (a random number passes one time in a hundred).
  for (const m of text.matchAll(/(?<![\w.,/-])\d{11}(?![\w]|[.,/-]\d)/g)) if (cpfValid(m[0])) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(DNI)) if (dniValid(m[0])) push(m.index, m.index + m[0].length);
  // Matched one at a time: the next search starts where the number ended, not where the regex stopped ("Reisepass C01X00T47 und Ausweis T22000129").
  ID_AFTER_WORD.lastIndex = 0;
  for (let m = ID_HINT.test(text) ? ID_AFTER_WORD.exec(text) : null; m; m = ID_AFTER_WORD.exec(text)) {
    // A space goes on only into a group of digits or a lone letter or two ("QQ 12 34 56 C"), not into the next word ("66070842F and").
    const chunks = m[1]!.split(' ');
    let kept = 1;
    while (kept < chunks.length && (/\d/.test(chunks[kept]!) || /^[A-Z]{1,2}$/.test(chunks[kept]!))) kept += 1;
    const value = chunks.slice(0, kept).join(' ').replace(/[ .\-/]+$/, '');
    ID_AFTER_WORD.lastIndex = m.index + m[0].length - m[1]!.length + Math.max(1, value.length);
    const digits = value.replace(/\D/g, '');
    if (digits.length < 4 || /^(?:19|20)\d\d$/.test(value)) continue;
    // A word in lower case before the digits is a word ("in 2019", "valid 2030"), not the letters of a number ("QQ 12 34 56 C").
    if (/^\p{L}+$/u.test(chunks[0]!) && chunks.length > 1 && chunks[0] !== chunks[0]!.toUpperCase()) continue;
    const word = m[0].slice(0, m[0].length - m[1]!.length).trim().toLowerCase();
    // "sin" is also Spanish for "without" and "cc" a copy: a lowercase "sin" needs 9 digits passing Luhn, "cc" at least 8 digits.
    if (/^sin\b/.test(word) && !(digits.length === 9 && (luhnValid(digits) || /^SIN\b/.test(m[0])))) continue;
    if (/^cc\b/.test(word) && digits.length < 8) continue;
    // "ni" is Spanish for "nor": only the capitals "NI" ("my NI is QQ123456C") name a National Insurance number.
    if (word === 'ni' && !/^NI\b/.test(m[0])) continue;
    // A bare "DL" is also an airline ("flight DL 1842"): a licence number after it has 7 characters or more.
    if (/^dl$/.test(word) && (value.replace(/\W/g, '').length < 7 || /\bflights?\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index)))) continue;
    if (/^(?:dni|nie)\b/.test(word) && !dniValid(value)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    push(start, start + value.length);
  }
  // Steuer-ID: 11 digits (grouped or not) with its check digit, after any mention of tax ("Steuer").
  for (const m of text.matchAll(/(?<![\w.,-])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\w]|[.,]\d)/g)) {
    if (steuerIdValid(m[0]) && /steuer|tax|idnr|identifikation/i.test(text.slice(Math.max(0, m.index - 60), m.index))) push(m.index, m.index + m[0].length);
  }
  return spans;
}

// ---------------------------------------------------------------- bank details

const IBAN = /(?<![\w])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![\w])/gi;
const ACCOUNT_WORDS = String.raw`(?:(?:bank\s+)?(?:account|acct|a\/c)\s*(?:number|no\.?|num|#)|bank\s+(?:account|acct)|checking(?:\s+account)?|savings(?:\s+account)?|routing(?:\s+number)?|aba|sort\s+code|sort(?=\s*[:#])|sort(?=\s+\d{2}[- ]\d{2}[- ]\d{2}(?!\d))|bsb|blz|bankleitzahl|refund\s+(?:it\s+)?to\s+my\s+account|` +
  String.raw`kontonummer|konto(?:nr\.?)?|bankkonto|n[uú]mero\s+de\s+cuenta|cuenta(?:\s+bancaria|\s+corriente)?|clabe|n[uú]mero\s+da\s+conta|conta(?:\s+corrente|\s+poupan[çc]a|\s+banc[áa]ria)?|ag[êe]ncia)`;
const ACCOUNT_AFTER_WORD = new RegExp(String.raw`\b${ACCOUNT_WORDS}(?![\p{L}])${LINK}(\d(?:\d|[ -](?=\d)){3,33})`, 'giu');

const ACCOUNT_HINT = /acc|a\/c|bank|checking|saving|routing|aba|sort|bsb|blz|konto|cuenta|clabe|conta|ag[êe]ncia/i;

/** "account 12345678" names a bank account only with a bank word near ("sort code", "routing", "refund to", "Bank", "banco"): Reelhouse's own account ids are not digits. */
const BARE_ACCOUNT = /\b(?:account|acct|acc)\s*(?:is\s+|:\s*|#\s*)?(\d(?:\d|[ -](?=\d)){5,17})(?![\w]|[.,]\d)/gi;
const BANK_CONTEXT = /\b(?:bank|banking|sort\s+code|sort(?=\s*:)|routing|bsb|iban|bic|swift|refund|transfer|wire|deposit|checking|savings)\b/i;

/** IBANs passing mod 97, anywhere; account, routing and sort-code numbers after a word that names them. */
export function findBankDetails(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(IBAN)) {
    // The pattern may run on into the next word ("… 1332 para el reembolso"): the longest stretch of whole groups that passes mod 97 is the IBAN.
    const groups = [...m[0].matchAll(/[A-Z0-9]+/gi)].map((g) => g.index + g[0].length);
    const end = groups.reverse().find((at) => ibanValid(m[0].slice(0, at)));
    if (end !== undefined) spans.push({ kind: 'iban', start: m.index, end: m.index + end });
  }
  for (const m of ACCOUNT_HINT.test(text) ? text.matchAll(BARE_ACCOUNT) : []) {
    const start = m.index + m[0].length - m[1]!.length;
    if (BANK_CONTEXT.test(text.slice(Math.max(0, m.index - 60), start + m[1]!.length + 60))) spans.push({ kind: 'bank_account', start, end: start + m[1]!.length });
  }
  for (const m of ACCOUNT_HINT.test(text) ? text.matchAll(ACCOUNT_AFTER_WORD) : []) {
    const digits = m[1]!.replace(/\D/g, '');
    // A Brazilian branch (agência) has 4 digits and is public alone, but with the account number beside it the pair is the account; every other bank number has at least 6.
    const branchWithAccount = /^ag/i.test(m[0]) && (/^\D{0,12}\b(?:conta|c\/c|cc)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)) || /\bconta\b[^.!?\n]{0,30}$/i.test(text.slice(Math.max(0, m.index - 40), m.index)));
    if (digits.length < (branchWithAccount ? 4 : 6)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ kind: 'bank_account', start, end: start + m[1]!.length });
  }
  return spans;
}
