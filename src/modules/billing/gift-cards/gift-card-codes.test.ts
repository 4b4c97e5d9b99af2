import { describe, expect, it } from 'vitest';
import { GIFT_CODE_ALPHABET, GIFT_CODE_BITS, giftCodeHash, newGiftCode, parseGiftCode } from './gift-card-codes.ts';

describe('gift card codes', () => {
  it('are 16 symbols of an alphabet without O, 0, I or 1, grouped XXXX-XXXX-XXXX-XXXX: 80 random bits', () => {
    expect(GIFT_CODE_ALPHABET).toHaveLength(32);
    expect(GIFT_CODE_ALPHABET).not.toMatch(/[O0I1]/);
    expect(GIFT_CODE_BITS).toBeGreaterThanOrEqual(80);
    const codes = Array.from({ length: 2000 }, newGiftCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up: the draw covers the alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('are read with or without dashes and spaces, in any case; anything else is not a code', () => {
    expect(parseGiftCode('abcd-efgh-jklm-npqr')).toBe('ABCDEFGHJKLMNPQR');
    expect(parseGiftCode(' ABCD EFGH JKLM NPQR ')).toBe('ABCDEFGHJKLMNPQR');
    expect(parseGiftCode('ABCDEFGHJKLMNPQR')).toBe('ABCDEFGHJKLMNPQR');
    expect(parseGiftCode('ABCD-EFGH-JKLM-NPQ')).toBeNull();
    expect(parseGiftCode('ABCD-EFGH-JKLM-NPQ0')).toBeNull();
  });

  it('hash with the key: another key gives another hash, and the hash never contains the code', () => {
    const a = giftCodeHash('key-one-key-one-key-one-key-one-', 'ABCDEFGHJKLMNPQR');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(giftCodeHash('key-two-key-two-key-two-key-two-', 'ABCDEFGHJKLMNPQR')).not.toBe(a);
  });
});
