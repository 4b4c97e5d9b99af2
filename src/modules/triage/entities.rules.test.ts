import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.rules.ts';

describe('entities found by rules', () => {
  it('reads error codes in the catalog formats, whatever their case', () => {
    expect(extractEntities('I get error NW-2-5 on my smart TV').error_code).toBe('NW-2-5');
    expect(extractEntities('it shows UI-800-3 then closes').error_code).toBe('UI-800-3');
    expect(extractEntities('code tvq-st-131 again').error_code).toBe('tvq-st-131');
    expect(extractEntities('I keep getting error 1011').error_code).toBe('1011');
  });

  it('does not take dates, phone numbers or hyphenated words for error codes', () => {
    expect(extractEntities('on 2026-03-04 my wi-fi was fine, call 555-0134').error_code).toBeUndefined();
  });

  it('reads money with a currency symbol or code', () => {
    expect(extractEntities('you took $22.99 from me').amount).toBe('$22.99');
    expect(extractEntities('a charge of 9.99 EUR').amount).toBe('9.99 EUR');
    expect(extractEntities('they took £8 again').amount).toBe('£8');
    expect(extractEntities('episode 3 at 12.30').amount).toBeUndefined();
  });

  it('reads dates as the member wrote them', () => {
    expect(extractEntities('charged on 4 March').date).toBe('4 March');
    expect(extractEntities('since March 4th, 2026').date).toBe('March 4th, 2026');
    expect(extractEntities('on 12/03/2026 it failed').date).toBe('12/03/2026');
    expect(extractEntities('it happened yesterday').date).toBe('yesterday');
  });

  it('reads the last four digits of a card, never a longer number', () => {
    expect(extractEntities('my card ending 4242 was charged').card_last4).toBe('4242');
    expect(extractEntities('last four 1234').card_last4).toBe('1234');
    expect(extractEntities('the visa ending in 7781').card_last4).toBe('7781');
    expect(extractEntities('order 42424242 was charged').card_last4).toBeUndefined();
  });

  it('names the kind of device', () => {
    expect(extractEntities('on my smart TV').device).toBe('tv');
    expect(extractEntities('on my iPhone').device).toBe('phone');
    expect(extractEntities('on the ipad').device).toBe('tablet');
    expect(extractEntities('in the browser on my laptop').device).toBe('computer');
    expect(extractEntities('my streaming stick').device).toBe('streaming stick');
    expect(extractEntities('on the xbox').device).toBe('game console');
  });

  it('names the billing partner, and a phone plan is a partner, not a device', () => {
    expect(extractEntities('it comes with my phone plan')).toMatchObject({ billing_partner: 'mobile carrier' });
    expect(extractEntities('it comes with my phone plan').device).toBeUndefined();
    expect(extractEntities('billed by my cable company').billing_partner).toBe('cable provider');
    expect(extractEntities('part of my internet package').billing_partner).toBe('internet provider');
    expect(extractEntities('I subscribed through the app store').billing_partner).toBe('app store');
  });

  it('returns nothing when there is nothing', () => {
    expect(extractEntities('how do I cancel')).toEqual({});
  });
});
