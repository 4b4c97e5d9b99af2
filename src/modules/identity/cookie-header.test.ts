import { describe, expect, it } from 'vitest';
import { parseCookieHeader } from './cookie-header.ts';

describe('the Cookie header', () => {
  it('reads Usher’s tokens, decoded, the first of a name winning', () => {
    expect(parseCookieHeader('usher_session=abc-DEF_123; usher_device=dev_1; usher_session=later')).toEqual({ usher_session: 'abc-DEF_123', usher_device: 'dev_1' });
    expect(parseCookieHeader('a=%41%42; b="quoted"')).toEqual({ a: 'AB', b: 'quoted' });
  });

  it('drops a forged value holding a NUL, half a character or more than any token of ours, as if absent', () => {
    // usher_device=%00 reached the database with a sign-in and answered 500.
    expect(parseCookieHeader('usher_device=%00; usher_session=a%00b; usher_csrf=%ED%A0%80; x=ok')).toEqual({ x: 'ok' });
    expect(parseCookieHeader(`usher_session=${'c'.repeat(1025)}`)).toEqual({});
  });
});
