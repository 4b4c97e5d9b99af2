import { describe, expect, it } from 'vitest';
import { applyTax, prorate, rateToFraction } from './money.ts';

describe('money', () => {
  it('reads decimal rates exactly', () => {
    expect(rateToFraction(0.1025)).toEqual({ numerator: 1025n, denominator: 10000n });
    expect(rateToFraction(0.08875)).toEqual({ numerator: 8875n, denominator: 100000n });
    expect(rateToFraction(1e-7)).toEqual({ numerator: 1n, denominator: 10000000n });
    expect(rateToFraction(0)).toEqual({ numerator: 0n, denominator: 1n });
  });

  it('rounds exclusive tax half-up, including exact ties that floats get wrong', () => {
    // 1000 × 0.0825 = 82.5 exactly; 100 × 0.145 is 14.499999… in floating point.
    expect(applyTax(1000, 'exclusive', 0.0825)).toEqual({ base: 1000, tax: 83, amount: 1083 });
    expect(applyTax(100, 'exclusive', 0.145)).toEqual({ base: 100, tax: 15, amount: 115 });
    expect(applyTax(1799, 'exclusive', 0.1025)).toEqual({ base: 1799, tax: 184, amount: 1983 });
  });

  it('takes inclusive tax out of the price', () => {
    // 1299 / 1.2 = 1082.5 → 1083 net, so 216 tax.
    expect(applyTax(1299, 'inclusive', 0.2)).toEqual({ base: 1299, tax: 216, amount: 1299 });
    // 105 / 1.05 = 100 exactly.
    expect(applyTax(105, 'inclusive', 0.05)).toEqual({ base: 105, tax: 5, amount: 105 });
  });

  it('is tax free when the rate is zero', () => {
    expect(applyTax(999, 'exclusive', 0)).toEqual({ base: 999, tax: 0, amount: 999 });
    expect(applyTax(999, 'inclusive', 0)).toEqual({ base: 999, tax: 0, amount: 999 });
  });

  it('prorates by days with ties going up', () => {
    expect(prorate(700, 18, 28)).toBe(450);
    expect(prorate(1, 1, 2)).toBe(1);
    expect(prorate(3, 1, 2)).toBe(2);
    expect(prorate(699, 15, 30)).toBe(350);
    expect(prorate(700, 0, 28)).toBe(0);
  });
});
