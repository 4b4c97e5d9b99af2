/** Pure rules of the contact page. */

/** The code the member's app shows under Help (identity's service code: 6 digits). */
export function normaliseServiceCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

const CARD_NUMBER = /\b\d(?:[ -]?\d){12,18}\b/g;
const SECRET_AFTER = /\b(password|passcode|pin|one[- ]time code|verification code|cvc|cvv)(\s*(?:is|was|:|=)\s*)\S+/gi;

/**
 * What the member typed, kept for the agent without what must never be
 * stored: card numbers and secrets they may have written out (PRODUCT.md §6).
 */
export function redactForStorage(text: string): string {
  return text
    .replace(CARD_NUMBER, '[card number removed]')
    .replace(SECRET_AFTER, (_match, word: string, joiner: string) => `${word}${joiner}[removed]`);
}
