import { describe, expect, it } from 'vitest';
import { amountToMinor, asksForPerson, isNo, isYes, monthsIn, normaliseDate, saysNotHelped, smallTalk } from './message-reading.rules.ts';

describe('reading a member’s message', () => {
  it('turns an amount into minor units of the account’s currency', () => {
    expect(amountToMinor('$15.49', 'USD')).toBe(1549);
    expect(amountToMinor('15,49 €', 'EUR')).toBe(1549);
    expect(amountToMinor('$99', 'USD')).toBe(9900);
    expect(amountToMinor('1.234,50 EUR', 'EUR')).toBe(123450);
    expect(amountToMinor('1,200 yen', 'JPY')).toBe(1200);
    expect(amountToMinor('a lot', 'USD')).toBeNull();
  });

  it('pins a date down to the latest matching day not after today', () => {
    const today = '2026-03-20';
    expect(normaliseDate('March 15', today)).toBe('2026-03-15');
    expect(normaliseDate('Dec 30', today)).toBe('2025-12-30');
    expect(normaliseDate('15th of March 2025', today)).toBe('2025-03-15');
    expect(normaliseDate('yesterday', today)).toBe('2026-03-19');
    expect(normaliseDate('the 18th', today)).toBe('2026-03-18');
    expect(normaliseDate('the 25th', today)).toBe('2026-02-25');
    expect(normaliseDate('on monday', today)).toBe('2026-03-16');
    expect(normaliseDate('3/14/2026', today)).toBe('2026-03-14');
    expect(normaliseDate('2026-02-30', today)).toBeNull();
    expect(normaliseDate('soon', today)).toBeNull();
  });

  it('reads a pause length', () => {
    expect(monthsIn('pause for 2 months')).toBe(2);
    expect(monthsIn('for a month')).toBe(1);
    expect(monthsIn('three months please')).toBe(3);
    expect(monthsIn('pause it')).toBeNull();
  });

  it('tells a plain yes or no from a message that takes it back', () => {
    expect(isYes('yes')).toBe(true);
    expect(isYes('Yes, cancel it')).toBe(true);
    expect(isYes('ok go ahead')).toBe(true);
    expect(isYes('yes but wait')).toBe(false);
    expect(isYes('why was I charged')).toBe(false);
    expect(isNo('no thanks')).toBe(true);
    expect(isNo('No, leave it')).toBe(true);
    expect(isNo('no wait, yes')).toBe(false);
  });

  it('hears "that didn’t help" but not a description of the problem', () => {
    expect(saysNotHelped('no that didn’t help')).toBe(true);
    expect(saysNotHelped('that did not work')).toBe(true);
    expect(saysNotHelped('not helpful')).toBe(true);
    expect(saysNotHelped('my TV doesn’t work')).toBe(false);
    expect(saysNotHelped('the app does not open')).toBe(false);
  });

  it('hears a request for a person', () => {
    expect(asksForPerson('I want to talk to a human')).toBe(true);
    expect(asksForPerson('can I speak with someone')).toBe(true);
    expect(asksForPerson('agent please')).toBe(true);
    expect(asksForPerson('a real person, please')).toBe(true);
    expect(asksForPerson('my agent said I could watch abroad')).toBe(false);
  });

  it('tells pleasantries from problems', () => {
    expect(smallTalk('Thank you!')).toBe('thanks');
    expect(smallTalk('hello')).toBe('hello');
    expect(smallTalk('hi, I was charged twice')).toBeNull();
  });
});
