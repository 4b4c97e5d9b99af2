import type { Span } from './detectors.ts';

/**
 * Gift-card codes (issue 12): whoever holds the code can redeem the balance,
 * so a code pasted in chat is a bearer secret like a one-time code. Codes
 * are long (hard to guess: ten characters or more), in one run or in groups
 * of letters and digits ("7QXM-4KD9-PT2W-H8RL", "4KQW 9TZP 2MXD 7HRA",
 * "R8TX2P4MKQ7N", "4410 2287 9931"). Two rules:
 * - in a message about a gift card (gift card, claim code, redeem,
 *   Geschenkkarte, tarjeta regalo, cartão presente…), a code-shaped value of
 *   ten characters or more near the gift word, unless a word names it as
 *   something else (order, receipt, tracking, confirmation…);
 * - anywhere, a key: three or more groups of 4–5 capitals and digits joined
 *   by dashes, two of them mixing letters and digits ("X7QK-9MP2-RT4L").
 * The PIN printed beside the code is a PIN, found by the one-time code rule.
 * Short codes ("SAVE20", "HERBST30", "ABC-123") stay: promo codes are public.
 */

const GIFT_WORD =
  /(?<![\p{L}])(?:e-?gift|gift\s*-?\s*cards?|giftcards?|gift\s+(?:codes?|vouchers?|certificates?)|gift|claim\s+codes?|redemption\s+codes?|redeem(?:ed|ing)?|enter\s+(?:the\s+|this\s+)?code|geschenk\p{L}*|gutschein\p{L}*|tarjetas?\s+(?:de\s+)?regalo|c[óo]digo\s+(?:de\s+)?regalo|cart[ãa]o[\s-](?:de\s+)?presente|vale[\s-]presente|c[óo]digo\s+(?:do\s+)?presente)(?![\p{L}])/giu;
/** A code in one run or in groups joined by single dashes (groups of 2–6) or spaces (groups of 3–6 that hold a digit or are capitals). */
const CODE_SHAPED = /(?<![\p{L}\p{N}_$€£.,/:#@+-])[A-Za-z0-9]{3,25}(?:-[A-Za-z0-9]{2,6}|\s[A-Za-z0-9]{3,6}){0,5}(?![\p{L}\p{N}_@]|[-/.,:]\p{N})/gu;
/** Three or more groups of 4–5 capitals and digits joined by dashes: a product key or a gift code wherever it stands. */
const KEY = /(?<![\p{L}\p{N}_-])[A-Z0-9]{4,5}(?:-[A-Z0-9]{4,5}){2,5}(?![\p{L}\p{N}_-])/gu;
/** Cheap first looks: most messages have no dash-joined groups of four and no gift word. */
const KEY_HINT = /[A-Z0-9]{4}-[A-Z0-9]{4}/;
const GIFT_HINT = /gift|claim|redeem|redemption|geschenk|gutschein|regalo|presente|enter\s+(?:the\s+|this\s+)?code/i;
/** Words that name a long value as something else: "order 7731-0042-5518", "receipt number 1100-2938-4471", "tracking 1Z999AA10123456784". */
const NAMED_OTHERWISE =
  /(?<![\p{L}])(?:order|case|ticket|invoice|receipt|confirmation|reference|ref|tracking|transaction|serial|model|booking|claim\s+(?:number|no)|complaint|account|member|customer|phone|call|number\s+to\s+call|bestell\p{L}*|rechnung\p{L}*|beleg\p{L}*|sendung\p{L}*|pedido|factura|fatura|recibo|rastreio|seguimiento|protocolo|referencia|refer[êe]ncia|telefon\p{L}*|tel[eé]fono)(?:\s+(?:number|no\.?|#|id|nummer|nr\.?|n[úu]mero))?\s*(?:is|was|ist|es|é|:|#)?\s*$/iu;

/** Ten characters or more with digits in them: letters and digits mixed (three digits at least), or ten digits or more. */
function codeShaped(value: string): boolean {
  const chars = value.replace(/[\s-]/g, '');
  if (chars.length < 10 || chars.length > 25) return false;
  const digits = chars.replace(/\D/g, '').length;
  const letters = chars.length - digits;
  if (letters === 0) return digits >= 10;
  if (digits < 3 || letters < 2) return false;
  // Groups joined by spaces must each look like part of a code, not a word ("code is here"): a digit in it, or capitals.
  const groups = value.split(/[\s-]+/);
  if (/\s/.test(value) && !groups.every((group) => /\d/.test(group) || /^[A-Z]+$/.test(group))) return false;
  // A word glued to digits ("Sunflower2020") is a password's shape, not a code's; a code mixes them along its length.
  if (groups.length === 1 && /^\p{L}+\d+$/u.test(chars)) return false;
  return true;
}

function keyShaped(value: string): boolean {
  const groups = value.split('-');
  return groups.filter((group) => /\d/.test(group) && /[A-Z]/.test(group)).length >= 2;
}

/** Gift-card codes (and keys) in a message; the span is the code itself. */
export function findGiftCardCodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of KEY_HINT.test(text) ? text.matchAll(KEY) : []) if (keyShaped(m[0]) && !NAMED_OTHERWISE.test(text.slice(Math.max(0, m.index - 40), m.index))) spans.push({ kind: 'gift_card', start: m.index, end: m.index + m[0].length });
  const gifts = !GIFT_HINT.test(text) ? [] : [...text.matchAll(GIFT_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (gifts.length === 0) return spans;
  CODE_SHAPED.lastIndex = 0;
  for (let m = CODE_SHAPED.exec(text); m; m = CODE_SHAPED.exec(text)) {
    // The run may take words after the code ("… 9931 and the"): the longest stretch of whole groups that is code-shaped; the
    // next search starts after it, so a second code in those words is still read.
    const groups = [...m[0].matchAll(/[A-Za-z0-9]+/g)].map((g) => g.index + g[0].length).reverse();
    const end = groups.find((at) => codeShaped(m[0].slice(0, at)));
    const start = m.index;
    CODE_SHAPED.lastIndex = start + (end ?? groups[groups.length - 1]!);
    if (end === undefined) continue;
    // Near a gift word: 120 characters before it, or 60 after in the same sentence ("5521-8830-1147-9902 from the gift card").
    const near = gifts.some((g) => (g.end <= start && start - g.end <= 120) || (g.start >= start + end && g.start - (start + end) <= 60 && !/[.!?](?:\s|$)|\n/.test(text.slice(start + end, g.start))));
    if (!near || NAMED_OTHERWISE.test(text.slice(Math.max(0, start - 40), start))) continue;
    spans.push({ kind: 'gift_card', start, end: start + end });
  }
  return spans;
}
