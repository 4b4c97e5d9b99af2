import { describe, expect, it } from 'vitest';
import { estimateGiftBalance } from './gift-estimate.ts';

describe('how long a gift balance lasts', () => {
  it('counts the renewals paid in full and names the first one the card pays part of', () => {
    // 2500 at 1100 a month from Feb 10: Feb and Mar in full, Apr 10 takes the last 300.
    expect(estimateGiftBalance({ balance: 2500, price: 1100, nextRenewal: '2026-02-10', anchor: '2026-01-10' })).toEqual({
      balance: 2500, price_per_period: 1100, periods_covered: 2, runs_out_on: '2026-04-10', paid_of_last: 300,
    });
  });

  it('keeps the anchor’s day, clamped in short months', () => {
    expect(estimateGiftBalance({ balance: 1000, price: 1000, nextRenewal: '2026-02-28', anchor: '2026-01-31' }).runs_out_on).toBe('2026-03-31');
  });

  it('says the next renewal when the balance does not cover one', () => {
    expect(estimateGiftBalance({ balance: 400, price: 1100, nextRenewal: '2026-02-10', anchor: '2026-01-10' })).toMatchObject({ periods_covered: 0, runs_out_on: '2026-02-10', paid_of_last: 400 });
  });

  it('gives no date without a balance or without a coming renewal', () => {
    expect(estimateGiftBalance({ balance: 0, price: 1100, nextRenewal: '2026-02-10', anchor: '2026-01-10' }).runs_out_on).toBeNull();
    expect(estimateGiftBalance({ balance: 5000, price: null, nextRenewal: null, anchor: '2026-01-10' })).toMatchObject({ periods_covered: 0, runs_out_on: null });
  });
});
