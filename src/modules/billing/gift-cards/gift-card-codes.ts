import { createHmac, randomInt } from 'node:crypto';
import { normalizeGiftCode } from '../rules/gift-cards.ts';

/**
 * 32 symbols with none that reads like another: no O or 0, no I or 1 (so L
 * stands alone). Each is 5 bits, so 16 of them are 80 bits from the
 * operating system's random source.
 */
export const GIFT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SYMBOLS = GIFT_CODE_ALPHABET;
export const GIFT_CODE_LENGTH = 16;
export const GIFT_CODE_BITS = Math.floor(GIFT_CODE_LENGTH * Math.log2(SYMBOLS.length));

/** A new code, grouped XXXX-XXXX-XXXX-XXXX for reading aloud and typing. */
export function newGiftCode(): string {
  let raw = '';
  for (let i = 0; i < GIFT_CODE_LENGTH; i++) raw += SYMBOLS[randomInt(SYMBOLS.length)];
  return formatGiftCode(raw);
}

export function formatGiftCode(normalized: string): string {
  return normalized.match(/.{1,4}/g)?.join('-') ?? normalized;
}

/**
 * The code as stored and compared: dashes and spaces dropped, capitals; null
 * when it cannot be a gift card code (wrong length or a symbol the codes never use).
 */
export function parseGiftCode(typed: string): string | null {
  const normalized = normalizeGiftCode(typed);
  if (normalized.length !== GIFT_CODE_LENGTH) return null;
  for (const symbol of normalized) if (!SYMBOLS.includes(symbol)) return null;
  return normalized;
}

/** HMAC-SHA256 of the normalized code with the server's secret key: the only form a code is kept in. */
export function giftCodeHash(key: string, normalized: string): string {
  return createHmac('sha256', key).update(`gift-card:${normalized}`).digest('hex');
}

/** The last four symbols, for support to tell two cards apart; never enough to redeem one. */
export function giftCodeHint(normalized: string): string {
  return normalized.slice(-4);
}
