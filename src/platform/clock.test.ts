import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock.ts';

describe('clocks', () => {
  it('gives the UTC calendar date, not the local one', () => {
    const clock = fixedClock('2025-03-31T23:30:00-05:00');
    expect(clock.today()).toBe('2025-04-01');
  });

  it('stands still until set or advanced', () => {
    const clock = fixedClock('2025-01-31');
    expect(clock.now().toISOString()).toBe('2025-01-31T00:00:00.000Z');
    clock.advance(24 * 60 * 60 * 1000);
    expect(clock.today()).toBe('2025-02-01');
    clock.set('2025-02-28T12:00:00Z');
    expect(clock.today()).toBe('2025-02-28');
  });

  it('cannot be moved by mutating a date it returned', () => {
    const clock = fixedClock('2025-01-01');
    clock.now().setUTCFullYear(1999);
    expect(clock.today()).toBe('2025-01-01');
  });

  it('refuses a date it cannot read', () => {
    expect(() => fixedClock('next tuesday')).toThrow(RangeError);
  });

  it('tells the real date by default', () => {
    expect(systemClock.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
