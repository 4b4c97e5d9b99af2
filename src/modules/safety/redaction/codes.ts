import type { DigitRun } from './number-words.ts';
import type { Span } from './detectors.ts';

/**
 * One-time, verification, reset, household and login codes: 4–8 digits near
 * a code word in English, German, Spanish or Portuguese ("verification code",
 * "Bestätigungscode", "código de verificación", "código de acesso"), near a
 * message that carries one ("got the text, it says 739102", "da steht …"),
 * typed as one run, in groups, digit by digit or in words.
 */
const CODE_WORD = new RegExp(
  String.raw`codes?(?![\p{L}])|(?<![\p{L}])(?:c[óo]digos?|otp|2fa|mfa|tan|passcode|authenticator|auth|2-step|two[- ]factor|2[- ]?step|pin|pins|one[- ]time|verification|verify|verifizier\p{L}*|\p{L}*bestätigung|sms|texts?|texted|texting|sent\s+me|geschickt|gesendet|mand[óo]|envi[óo]|mandou|enviou|(?:6|six|4|four|8|eight)[- ]digit\s+(?:number|code)|` +
    String.raw`da\s+steht|steht\s+drin|einmal\p{L}*|verificaci[óo]n|verifica[çc][ãa]o|un\s+solo\s+uso|uso\s+[úu]nico|está\s+escrito|dice)(?![\p{L}])`,
  'giu',
);
/** Codes that are not secrets: "error code", "promo code", "zip code", "Fehlercode", "código postal" … and the Reelhouse service code (kept by default, see docs/safety.md). */
const NOT_SECRET_BEFORE = /\b(?:error|promo|promotion(?:al)?|discount|coupon|voucher|zip|post(?:al)?|area|country|dialing|dialling|product|tracking|reference|ref|status|qr|bar|source|tax|sort|swift|iban|region(?:al)?|fault|reason|colour|color|dress|style|service|activation)\s+$/i;
const NOT_SECRET_WORD = /^(?:fehler|gutschein|rabatt|aktions|promo|länder|post|qr|bar|produkt|status|service|steuer|error|zip|de|en|uni|geo|trans|source|discount|coupon)\p{L}*codes?$|^(?:buchungs|bestell|auftrags|zahlungs|eingangs|versand|termin|lese|kündigungs)\p{L}*bestätigung$/iu;
const NOT_SECRET_AFTER = /^\s+(?:de\s+|do\s+|del\s+|da\s+)?(?:error|erro|promocional|promo[çc][ãa]o|postal|descuento|desconto|cup[óo]n|cupom|barras|pa[íi]s|[áa]rea|rastreo|rastreio|producto|produto|referencia|refer[êe]ncia|estado|status)\b/iu;
const SERVICE_AFTER = /^\s+(?:de\s+|do\s+)?(?:servicio|servi[çc]o)\b/iu;
/** 4–8 digits, as one run or in groups of 2–4 ("482913", "71 42 90", "482-913"). */
const DIGIT_GROUPS = /(?<![\w$€£#+.,/:-])\d{2,8}(?:[ -]\d{2,4}){0,3}(?![\w%€£]|[.,:/-]\d|\s*(?:%|am\b|pm\b|h\b|uhr\b|minutes?\b|mins?\b|minuten\b|minutos\b|hours?\b|hrs?\b|stunden\b|horas\b|seconds?\b|secs?\b|days?\b|tage\b|d[íi]as\b|weeks?\b|months?\b|years?\b|jahre\b|a[ñn]os\b|inch|zoll|gb\b|mb\b|mbps\b|kbps\b|times\b|mal\b|veces\b|vezes\b|stars?\b|dollars?\b|euros?\b|pounds?\b|reais\b|yen\b|pesos?\b|usd\b|eur\b|gbp\b|brl\b|mxn\b|chf\b))/gi;
const NUMBERED_THING = /\b(?:case|ticket|order|invoice|reference|ref|episode|ep|season|series|chapter|part|model|version|step|page|room|flat|apt|apartment|suite|unit|account|member|error|year|fall|bestellung|rechnung|folge|staffel|kunde|kundennummer|pedido|caso|factura|fatura|episodio|episódio|temporada|protocolo|chamado|cliente|incidencia|incid[êe]ncia|reclamaci[óo]n|tracking|sendung\w*|rastreo|rastreio|seguimiento|pedido)(?:\s+(?:number|no\.?|#|id|nummer|nr\.?|n[úu]mero))?(?:\s+(?:is|was|ist|lautet|es|é))?\s*[:#]?\s*$/i;

/** A code of 5–8 letters and digits, standing alone (not glued to a dash, a dot or other letters). */
const MIXED_CODE = /(?<![\p{L}\p{N}_$€£.,/:#@+-])(?=[\p{L}\d]*\d)(?=[\p{L}\d]*\p{L})[\p{L}\d]{5,8}(?![\p{L}\p{N}_@-]|[.,:/]\p{N})/gu;
/** The code words a mixed code needs ("code", "PIN", "OTP", "verification"…): "says", "SMS" or "sent me" name no code of letters. */
const STRONG_CODE_WORD = /cod|pin|otp|2fa|mfa|tan|auth|verif|bestätigung|einmal|one[- ]time|passcode/i;
const MODEL_BEFORE = /(?<![\p{L}])(?:lg|samsung|sony|tcl|hisense|vizio|philips|panasonic|sharp|toshiba|roku|model|modelo|modell|firmware|version)\s*[:#]?\s*$/iu;
export type CodeOptions = { serviceCodes: 'keep' | 'remove' };
/** The token a removed service code leaves (its kind is `one_time_code`, whose own token is `[code removed]`). */
export const SERVICE_CODE_REPLACEMENT = '[service code removed]';

/** A full stop, "!" or "?" ends a sentence; an ellipsis ("one time code ... 991042", "code is K7.. no sorry 447210") is a pause. */
const SENTENCE_END = /(?<!\.)[.!?](?!\.)(?=\s|$)|\n/;
/** Verbs for typing a number in: what follows directly is a code to enter ("enter 2271 on the TV", "gib 4471 ein", "ingresa 4471", "digite 4471"). */
const ENTER = /(?<![\p{L}])(?:enter|type\s+in|key\s+in|put\s+in|gib|geben\s+sie|ingres[ae]|introduce|introduzca|digite|digita|insira|insere)(?![\p{L}])/giu;
/** What may stand between a code word and its digits across one sentence end: the rest of that sentence, then nothing or a word that hands the value over ("It's", "ok", "here", "Er lautet", "Es", "É"). */
const NEXT_SENTENCE = /^[^.!?\n]{0,40}(?:[.!?]+|\n)\s*(?:(?:it'?s|it\s+is|it\s+says|ok(?:ay)?|here(?:'?s)?|so|um|uh|er\s+lautet|lautet|hier|es|é|aqu[íi]|ele\s+é|o\s+c[óo]digo\s+é)[\s,:]+)?$/iu;
const ENTERED_THEN = /^\s*(?:(?:this|it|these|the\s+following|the\s+numbers?|the\s+digits)(?:\s+(?:on|in|into|at)\s+(?:the\s+|your\s+|my\s+)?[\p{L}\s]{2,20}?)?\s*:\s*|:?\s*)$/iu;
/**
 * Being sent or shown a number is what a one-time code is ("my phone just got 381905", "received 408812 from reelhouse",
 * "die App zeigt 640 112 an", "me mandaron 918 204"): after such a verb, with no code word, exactly 6 digits count, the usual length of one.
 */
const RECEIVED = /(?<![\p{L}])(?:got|get|gets|getting|received|receive|receiving|came|arrived|shows|showing|showed|displays|says|said|bekommen|bekam|bekomme|erhalten|kam|zeigt|angezeigt|recib[íi]|recibo|lleg[óa]|mandaron|mandaste|enviaron|muestra|aparece|recebi|recebo|chegou|mandaram|enviaram|mostra|aparece)(?![\p{L}])/giu;

/**
 * A message about a code on the TV, in a text or to verify ("the tv wants the numbers again, 58 31 04", "the six digits
 * on the TV were 204 817", "my verifcation thing is 390118"): there, six digits with nothing that names them otherwise
 * are the code, with or without a code word next to them.
 */
const CODE_CONTEXT = /(?<![\p{L}])(?:numbers|digits?|zahlen|ziffern|n[úu]meros?|d[íi]gitos?|verif\p{L}*|tv|tele|fernseher|screen|bildschirm|pantalla|tela|code|codes|c[óo]digos?|pin|sms|text(?:ed)?)(?![\p{L}])/iu;
export function findOneTimeCodes(text: string, runs: readonly DigitRun[], options: CodeOptions): Span[] {
  const words: { start: number; end: number; secret: boolean; service: boolean }[] = [];
  for (const m of text.matchAll(CODE_WORD)) {
    let index = m.index;
    // "code" is found alone; the word it ends ("Bestätigungscode", "error-code", "decode") is read back from the text.
    if (/^codes?$/i.test(m[0])) while (index > 0 && /[\p{L}-]/u.test(text[index - 1]!)) index -= 1;
    const word = text.slice(index, m.index + m[0].length);
    const before = text.slice(Math.max(0, index - 30), index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const service = (/\bservice\s+$/i.test(before) && /^codes?$/i.test(word)) || /^service-?codes?$/i.test(word) || (/^c[óo]digos?$/i.test(word) && SERVICE_AFTER.test(after));
    const secret = !NOT_SECRET_BEFORE.test(before) && !NOT_SECRET_WORD.test(word.replace(/-/g, '')) && !(/^c[óo]digos?$/i.test(word) && NOT_SECRET_AFTER.test(after));
    words.push({ start: index, end: m.index + m[0].length, secret, service });
  }
  const received = [...text.matchAll(RECEIVED)].map((m) => m.index + m[0].length);
  const entered = [...text.matchAll(ENTER)].map((m) => m.index + m[0].length);
  const codeContext = /\d(?:[\s.,-]{0,2}\d){5}/.test(text) && CODE_CONTEXT.test(text); // only six digits count there
  // Digits typed one by one ("my tv show number 5 5 3 2") are read out from a screen or a text: with the TV, a code or digits
  // talked about, 4–8 of them are the code.
  const byDigitContext = runs.some((run) => !run.spelled && run.digits.length >= 4 && run.digits.length <= 8) && CODE_CONTEXT.test(text);
  if (words.length === 0 && received.length === 0 && entered.length === 0 && !codeContext && !byDigitContext) return [];
  const candidates: { start: number; end: number; mixed?: boolean; byDigit?: boolean }[] = [];
  // Letters and digits mixed along the code ("H7K2P9", "4kx9q2"): some codes are not only digits. "SAVE20" (a word and its
  // number) is a promo code's shape, and one glued by a dash ("AP-310") an error code's.
  for (const m of words.length > 0 ? text.matchAll(MIXED_CODE) : []) {
    const value = m[0];
    // Mixed along its length: three changes between letters and digits at least ("H7K2P9"; not "RH50OFF", "OLED65C3"-like models need a brand before).
    if ((value.match(/\d/g)?.length ?? 0) < 2 || (value.match(/\p{L}/gu)?.length ?? 0) < 2 || (value.match(/\p{L}(?=\d)|\d(?=\p{L})/gu)?.length ?? 0) < 3) continue;
    if (MODEL_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    if (/^\d+(?:st|nd|rd|th|am|pm|gb|mb|hz|fps|mbps|kbps|min|mins|hrs|px|k|p)$/i.test(value) || /^(?:s\d+e\d+|v\d+)$/i.test(value)) continue; // 2nd, 10pm, 4k, S02E11
    candidates.push({ start: m.index, end: m.index + value.length, mixed: true });
  }
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 4 || digits.length > 8) continue;
    if (/^(?:19|20)\d\d-\d\d-\d\d$/.test(m[0]) || /^(?:19|20)\d\d$/.test(m[0])) continue; // a date or a year
    candidates.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const run of runs) if (run.digits.length >= 4 && run.digits.length <= 8) candidates.push({ start: run.start, end: run.end, byDigit: !run.spelled && /^\d(?:\s+\d)+$/.test(text.slice(run.start, run.end)) });
  const spans: Span[] = [];
  for (const { start, end, mixed, byDigit } of candidates) {
    if (NUMBERED_THING.test(text.slice(Math.max(0, start - 40), start))) continue;
    // A code word before the digits, within 80 characters of the same sentence, or right after them ("482913 is my code").
    // In the same sentence within 80 characters, or in the sentence before when the digits come right after in a few words
    // ("The TV is asking for a code. It's 4712.", "household code? 6612", "Got a text from you guys. 551930.").
    const before = words.filter((w) => w.end <= start && start - w.end <= 80 && (!SENTENCE_END.test(text.slice(w.end, start)) || NEXT_SENTENCE.test(text.slice(w.end, start))));
    const after = words.find((w) => w.start >= end && w.start - end <= 30 && /^\s*(?:is|was|=|ist|war|es|era|é)?\s*(?:my|the|your|a|our|mein|meine|der|die|el|mi|o|meu)?\s*(?:[\p{L}]+[- ]){0,2}\s*$/iu.test(text.slice(end, w.start)));
    const nearest = before.length > 0 ? before[before.length - 1] : after;
    // A mixed code needs its code word just before it, in the same sentence ("household code: H7K2P9").
    if (mixed) {
      const word = before[before.length - 1];
      if (word && STRONG_CODE_WORD.test(text.slice(word.start, word.end)) && start - word.end <= 40 && !SENTENCE_END.test(text.slice(word.end, start)) && word.secret && (!word.service || options.serviceCodes === 'remove')) spans.push(word.service ? { kind: 'one_time_code', start, end, label: SERVICE_CODE_REPLACEMENT } : { kind: 'one_time_code', start, end });
      continue;
    }
    if (!nearest) {
      const digits = text.slice(start, end).replace(/\D/g, '');
      if (byDigit && byDigitContext && !/^(\d)\1+$/.test(digits)) {
        // A message about the service code ("read me the service code … It's 4 8 1 7") gives that one: kept by default.
        if (words.some((w) => w.service)) {
          if (options.serviceCodes === 'remove') spans.push({ kind: 'one_time_code', start, end, label: SERVICE_CODE_REPLACEMENT });
        } else spans.push({ kind: 'one_time_code', start, end });
        continue;
      }
      // "got 250000 views", "received 123456 in my bank account": a count or an amount has its noun after it; a code stands alone.
      const alone = !/^(\d)\1+$/.test(digits) && !/^\s+(?!(?:from|on|but|and|as|via|by|is|was|which|that|so|when|at|again|twice|just|too|lol|btw|earlier|yesterday|today|now|then|or|an|von|aber|und|heute|gestern|pero|y|o|de|ayer|hoy|mas|e|ou|ontem|hoje|ago|ein|en|em|no|na|(?:a|an|one)\s+(?:minute|second|moment|few|couple|while|min|sec)\p{L}*|minutes?\s+ago|vor|hace|h[áa])(?![\p{L}]))\p{L}/iu.test(text.slice(end, end + 20));
      if (digits.length === 6 && !/^(\d)\1+$/.test(digits) && !/^\s+(?:views|people|users|subscribers|members|followers|likes|points|miles|km|steps|words|characters|pixels|rows|lines|items|titles|films|movies|songs|records|entries)(?![\p{L}])/iu.test(text.slice(end, end + 20)) && codeContext && !/\d[\s.-]{1,3}$/.test(text.slice(Math.max(0, start - 4), start)) && !NOT_SECRET_BEFORE.test(text.slice(Math.max(0, start - 30), start).replace(/\s*(?:number|no\.?|#|nr\.?|n[úu]mero)?\s*[:#]?\s*$/i, ' '))) spans.push({ kind: 'one_time_code', start, end });
      else if (digits.length === 6 && alone && received.some((at) => at <= start && start - at <= 40 && !SENTENCE_END.test(text.slice(at, start)))) spans.push({ kind: 'one_time_code', start, end });
      // "it says enter 2 2 7 1 on the TV": digits to type in, right after the verb.
      // "enter this on your tv: 8812", "type the following in the app: 4471": what to type, then a colon and the digits.
      else if (alone && !/^(?:19|20)\d\d$/.test(digits) && entered.some((at) => at <= start && ENTERED_THEN.test(text.slice(at, start)))) spans.push({ kind: 'one_time_code', start, end });
      continue;
    }
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
