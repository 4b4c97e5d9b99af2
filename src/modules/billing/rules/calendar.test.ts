import { describe, expect, it } from 'vitest';
import { addMonthsClamped, daysBetween, isIsoDate, nextPeriodStart } from './calendar.ts';

describe('billing calendar', () => {
  it('walks every month-end from a Jan 31 anchor without drifting', () => {
    const dates = Array.from({ length: 13 }, (_, k) => addMonthsClamped('2026-01-31', k));
    expect(dates).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30',
      '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31',
    ]);
  });

  it('uses Feb 29 in leap years, including century rules', () => {
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2100-01-30', 1)).toBe('2100-02-28');
    expect(addMonthsClamped('2000-01-29', 1)).toBe('2000-02-29');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('keeps the 30th on the 30th after February', () => {
    expect(addMonthsClamped('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-30', 2)).toBe('2026-03-30');
  });

  it('rolls over the year', () => {
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('finds the next period start from a clamped start', () => {
    expect(nextPeriodStart('2026-01-31', '2026-02-28')).toBe('2026-03-31');
    expect(nextPeriodStart('2026-01-31', '2026-04-30')).toBe('2026-05-31');
  });

  it('counts days across leap days', () => {
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
});
