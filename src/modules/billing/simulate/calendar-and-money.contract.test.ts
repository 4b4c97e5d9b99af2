/**
 * contracts/billing.md, "Money and dates", "Billing date (anchor)", "Plans,
 * prices, taxes" and the charge table's proration. Every expected number is
 * worked out by hand in the comment next to it.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogInput } from '../catalog-config.ts';
import { CONTRACT_EXAMPLE_CATALOG, charge, codes, run, runWithDefaultCatalog } from './fixtures/contract-fixtures.ts';

describe('the contract example (usher simulate)', () => {
  it('charges 1983 with 184 tax for standard in WA and bills next on 2026-07-31 when run until 2026-06-30', () => {
    // 1799 × 0.1025 = 184.3975 → 184; 1799 + 184 = 1983.
    // Anchor Jan 31: Feb 28, Mar 31, Apr 30, May 31, Jun 30 (included: it is `until`), then Jul 31.
    const result = run({
      catalog: CONTRACT_EXAMPLE_CATALOG,
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [{ date: '2026-01-31', type: 'signup', plan: 'standard' }],
      until: '2026-06-30',
    });
    expect(result.ledger).toEqual([
      charge('2026-01-31', 'signup', 1983, 184, '2026-01-31', '2026-02-28'),
      charge('2026-02-28', 'renewal', 1983, 184, '2026-02-28', '2026-03-31'),
      charge('2026-03-31', 'renewal', 1983, 184, '2026-03-31', '2026-04-30'),
      charge('2026-04-30', 'renewal', 1983, 184, '2026-04-30', '2026-05-31'),
      charge('2026-05-31', 'renewal', 1983, 184, '2026-05-31', '2026-06-30'),
      charge('2026-06-30', 'renewal', 1983, 184, '2026-06-30', '2026-07-31'),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.state).toEqual({
      status: 'active', plan: 'standard', anchor: '2026-01-31',
      next_billing_date: '2026-07-31', access_until: null, extra_members: 0, gift_balance: 0,
    });
  });

  it('refuses the example upgrade with UNKNOWN_PLAN when the inline catalog has no premium plan', () => {
    const result = run({
      catalog: CONTRACT_EXAMPLE_CATALOG,
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [
        { date: '2026-01-31', type: 'signup', plan: 'standard' },
        { date: '2026-02-10', type: 'change_plan', plan: 'premium' },
      ],
      until: '2026-06-30',
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-02-10', code: 'UNKNOWN_PLAN' }]);
    expect(result.state.plan).toBe('standard');
  });

  it('runs the whole example on the default catalog (standard 1799 → premium 2499 in WA)', () => {
    // Upgrade on Feb 10 in [Jan 31, Feb 28): 18 of 28 days; 700 × 18 / 28 = 450; tax 46.125 → 46; 496.
    // Premium renewals: 2499 × 0.1025 = 256.1475 → 256; 2755.
    const result = runWithDefaultCatalog({
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [
        { date: '2026-01-31', type: 'signup', plan: 'standard' },
        { date: '2026-02-10', type: 'change_plan', plan: 'premium' },
      ],
      until: '2026-06-30',
    });
    expect(result.ledger).toEqual([
      charge('2026-01-31', 'signup', 1983, 184, '2026-01-31', '2026-02-28'),
      charge('2026-02-10', 'plan_upgrade', 496, 46, '2026-02-10', '2026-02-28'),
      charge('2026-02-28', 'renewal', 2755, 256, '2026-02-28', '2026-03-31'),
      charge('2026-03-31', 'renewal', 2755, 256, '2026-03-31', '2026-04-30'),
      charge('2026-04-30', 'renewal', 2755, 256, '2026-04-30', '2026-05-31'),
      charge('2026-05-31', 'renewal', 2755, 256, '2026-05-31', '2026-06-30'),
      charge('2026-06-30', 'renewal', 2755, 256, '2026-06-30', '2026-07-31'),
    ]);
    expect(result.state).toEqual({
      status: 'active', plan: 'premium', anchor: '2026-01-31',
      next_billing_date: '2026-07-31', access_until: null, extra_members: 0, gift_balance: 0,
    });
  });
});

/** The billing periods of a basic (1000, no tax) membership signed up on `signup`. */
function periods(signup: string, until: string): [string, string][] {
  return run({ events: [{ date: signup, type: 'signup', plan: 'basic' }], until }).ledger.map((line) => [
    line.period_start ?? '', line.period_end ?? '',
  ]);
}

describe('anchors and month ends', () => {
  it('bills an anchor on Jan 31 on Feb 29 in a leap year, then Mar 31, Apr 30', () => {
    expect(periods('2028-01-31', '2028-05-01')).toEqual([
      ['2028-01-31', '2028-02-29'], ['2028-02-29', '2028-03-31'], ['2028-03-31', '2028-04-30'], ['2028-04-30', '2028-05-31'],
    ]);
  });

  it('bills an anchor on Jan 31 on Feb 28 in a common year and goes back to the 31st in March', () => {
    expect(periods('2027-01-31', '2027-03-31')).toEqual([
      ['2027-01-31', '2027-02-28'], ['2027-02-28', '2027-03-31'], ['2027-03-31', '2027-04-30'],
    ]);
  });

  it('keeps an anchor on the 29th: Feb 28 in 2026, Feb 29 in 2028, back to the 29th after', () => {
    expect(periods('2026-01-29', '2026-04-29')).toEqual([
      ['2026-01-29', '2026-02-28'], ['2026-02-28', '2026-03-29'], ['2026-03-29', '2026-04-29'], ['2026-04-29', '2026-05-29'],
    ]);
    expect(periods('2028-01-29', '2028-03-29')).toEqual([
      ['2028-01-29', '2028-02-29'], ['2028-02-29', '2028-03-29'], ['2028-03-29', '2028-04-29'],
    ]);
  });

  it('keeps an anchor on the 30th: Feb 28, then Mar 30, Apr 30, May 30', () => {
    expect(periods('2026-01-30', '2026-05-30')).toEqual([
      ['2026-01-30', '2026-02-28'], ['2026-02-28', '2026-03-30'], ['2026-03-30', '2026-04-30'],
      ['2026-04-30', '2026-05-30'], ['2026-05-30', '2026-06-30'],
    ]);
  });

  it('rolls December over into January of the next year', () => {
    expect(periods('2026-12-31', '2027-03-01')).toEqual([
      ['2026-12-31', '2027-01-31'], ['2027-01-31', '2027-02-28'], ['2027-02-28', '2027-03-31'],
    ]);
    expect(periods('2026-12-15', '2027-01-15')).toEqual([['2026-12-15', '2027-01-15'], ['2027-01-15', '2027-02-15']]);
  });

  it('includes a renewal due on `until` itself, and not one due the day after', () => {
    const before = run({ events: [{ date: '2026-01-15', type: 'signup', plan: 'basic' }], until: '2026-02-14' });
    expect(before.ledger).toHaveLength(1);
    expect(before.state.next_billing_date).toBe('2026-02-15');
    const on = run({ events: [{ date: '2026-01-15', type: 'signup', plan: 'basic' }], until: '2026-02-15' });
    expect(on.ledger.map((line) => line.date)).toEqual(['2026-01-15', '2026-02-15']);
    expect(on.state.next_billing_date).toBe('2026-03-15');
  });
});

/** small 1000 → plus 1101 (+101), big 2000 with one slot at 699; WA 10.25 %. */
const PRORATION: CatalogInput = {
  US: {
    currency: 'USD',
    tax: { mode: 'exclusive', rates: { WA: 0.1025 } },
    plans: { small: { price: 1000 }, plus: { price: 1101 }, big: { price: 2000, slots: 1, slot_price: 699 } },
  },
};

describe('proration by days, half-up, once per line', () => {
  it('rounds an exact half up: 101 × 15 / 30 = 50.5 → 51', () => {
    const result = run({
      catalog: PRORATION,
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'small' },
        { date: '2026-04-16', type: 'change_plan', plan: 'plus' },
      ],
      until: '2026-05-01',
    });
    expect(result.ledger).toEqual([
      charge('2026-04-01', 'signup', 1000, 0, '2026-04-01', '2026-05-01'),
      charge('2026-04-16', 'plan_upgrade', 51, 0, '2026-04-16', '2026-05-01'),
      charge('2026-05-01', 'renewal', 1101, 0, '2026-05-01', '2026-06-01'),
    ]);
    expect(result.state.plan).toBe('plus');
  });

  it('counts days in a 28-day February: 1000 × 8 / 28 = 285.71 → 286', () => {
    const result = run({
      catalog: PRORATION,
      events: [
        { date: '2026-02-01', type: 'signup', plan: 'small' },
        { date: '2026-02-21', type: 'change_plan', plan: 'big' },
      ],
    });
    expect(result.ledger[1]).toEqual(charge('2026-02-21', 'plan_upgrade', 286, 0, '2026-02-21', '2026-03-01'));
  });

  it('counts days in a 31-day March, rounding up and down', () => {
    // Mar 30 → Apr 1: 2 of 31 days, 1000 × 2 / 31 = 64.52 → 65.
    const twoDays = run({
      catalog: PRORATION,
      events: [{ date: '2026-03-01', type: 'signup', plan: 'small' }, { date: '2026-03-30', type: 'change_plan', plan: 'big' }],
    });
    expect(twoDays.ledger[1]).toEqual(charge('2026-03-30', 'plan_upgrade', 65, 0, '2026-03-30', '2026-04-01'));
    // Mar 31 → Apr 1: 1 of 31 days, 1000 / 31 = 32.26 → 32.
    const oneDay = run({
      catalog: PRORATION,
      events: [{ date: '2026-03-01', type: 'signup', plan: 'small' }, { date: '2026-03-31', type: 'change_plan', plan: 'big' }],
    });
    expect(oneDay.ledger[1]).toEqual(charge('2026-03-31', 'plan_upgrade', 32, 0, '2026-03-31', '2026-04-01'));
  });

  it('rounds the prorated base first and taxes that base', () => {
    // Signup: 1000 × 0.1025 = 102.5 → 103 (a tie), 1103.
    // Upgrade on Apr 30: 1 of 30 days, 1000 / 30 = 33.33 → 33; tax 33 × 0.1025 = 3.38 → 3; 36
    // (rounding only the total, 33.33 × 1.1025 = 36.75, would give 37).
    const result = run({
      catalog: PRORATION,
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'small' }, { date: '2026-04-30', type: 'change_plan', plan: 'big' }],
    });
    expect(result.ledger).toEqual([
      charge('2026-04-01', 'signup', 1103, 103, '2026-04-01', '2026-05-01'),
      charge('2026-04-30', 'plan_upgrade', 36, 3, '2026-04-30', '2026-05-01'),
    ]);
  });

  it('prorates an extra-member slot with a tie: 699 × 14 / 28 = 349.5 → 350', () => {
    const result = run({
      catalog: PRORATION,
      events: [{ date: '2026-02-01', type: 'signup', plan: 'big' }, { date: '2026-02-15', type: 'add_extra_member' }],
      until: '2026-03-01',
    });
    expect(result.ledger).toEqual([
      charge('2026-02-01', 'signup', 2000, 0, '2026-02-01', '2026-03-01'),
      charge('2026-02-15', 'extra_member_added', 350, 0, '2026-02-15', '2026-03-01'),
      charge('2026-03-01', 'renewal', 2699, 0, '2026-03-01', '2026-04-01'),
    ]);
  });
});

const TAXES: CatalogInput = {
  US: {
    currency: 'USD',
    tax: { mode: 'exclusive', rates: { WA: 0.1025, TT: 0.1 } },
    plans: { p200: { price: 200 }, p1005: { price: 1005 }, p1799: { price: 1799 } },
  },
  GB: {
    currency: 'GBP',
    tax: { mode: 'inclusive', rates: { ENG: 0.2, LOW: 0.04 } },
    plans: { p533: { price: 533 }, p999: { price: 999 }, p1000: { price: 1000 }, p1299: { price: 1299 } },
  },
};

function signupLine(country: string, region: string | null, plan: string) {
  const result = run({ catalog: TAXES, account: { country, region, billing: 'direct' }, events: [{ date: '2026-04-01', type: 'signup', plan }] });
  return { amount: result.ledger[0].amount, tax: result.ledger[0].tax, currency: result.ledger[0].currency };
}

describe('taxes', () => {
  it('adds exclusive tax, rounding ties up', () => {
    expect(signupLine('US', 'WA', 'p200')).toEqual({ amount: 221, tax: 21, currency: 'USD' }); // 20.5 → 21
    expect(signupLine('US', 'TT', 'p1005')).toEqual({ amount: 1106, tax: 101, currency: 'USD' }); // 100.5 → 101
    expect(signupLine('US', 'WA', 'p1799')).toEqual({ amount: 1983, tax: 184, currency: 'USD' }); // 184.3975 → 184
  });

  it('keeps inclusive tax inside the price: tax = amount − round(amount / (1 + rate))', () => {
    expect(signupLine('GB', 'ENG', 'p1000')).toEqual({ amount: 1000, tax: 167, currency: 'GBP' }); // 833.33 → 833
    expect(signupLine('GB', 'ENG', 'p999')).toEqual({ amount: 999, tax: 166, currency: 'GBP' }); // 832.5 → 833
    expect(signupLine('GB', 'ENG', 'p1299')).toEqual({ amount: 1299, tax: 216, currency: 'GBP' }); // 1082.5 → 1083
    expect(signupLine('GB', 'LOW', 'p533')).toEqual({ amount: 533, tax: 20, currency: 'GBP' }); // 512.5 → 513
  });

  it('taxes at rate 0 when the region is missing from the rates or not given', () => {
    expect(signupLine('US', 'OR', 'p1799')).toEqual({ amount: 1799, tax: 0, currency: 'USD' });
    expect(signupLine('US', null, 'p1799')).toEqual({ amount: 1799, tax: 0, currency: 'USD' });
    expect(signupLine('GB', null, 'p999')).toEqual({ amount: 999, tax: 0, currency: 'GBP' });
  });

  it('computes inclusive tax on a rounded prorated base', () => {
    // 1000 → 1299: 299 × 15 / 30 = 149.5 → 150; 150 / 1.2 = 125; tax 25, charged 150.
    const result = run({
      catalog: TAXES,
      account: { country: 'GB', region: 'ENG', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'p1000' }, { date: '2026-04-16', type: 'change_plan', plan: 'p1299' }],
    });
    expect(result.ledger[1]).toEqual(charge('2026-04-16', 'plan_upgrade', 150, 25, '2026-04-16', '2026-05-01', 'GBP'));
  });
});

describe('the default catalog (config/catalog.json)', () => {
  function signupOnDefault(country: string, region: string) {
    const line = runWithDefaultCatalog({
      account: { country, region, billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }],
    }).ledger[0];
    return { amount: line.amount, tax: line.tax, currency: line.currency };
  }

  it('taxes a standard sign-up per country mode and region rate', () => {
    expect(signupOnDefault('GB', 'ENG')).toEqual({ amount: 1299, tax: 216, currency: 'GBP' }); // 1082.5 → 1083
    expect(signupOnDefault('DE', 'BE')).toEqual({ amount: 1399, tax: 223, currency: 'EUR' }); // 1175.63 → 1176
    expect(signupOnDefault('JP', '13')).toEqual({ amount: 1590, tax: 145, currency: 'JPY' }); // 1445.45 → 1445
    expect(signupOnDefault('BR', 'SP')).toEqual({ amount: 4490, tax: 395, currency: 'BRL' }); // 4094.85 → 4095
    expect(signupOnDefault('CA', 'QC')).toEqual({ amount: 2183, tax: 284, currency: 'CAD' }); // 284.375 → 284
  });

  it('offers no extra members in Brazil (EXTRA_MEMBER_UNAVAILABLE)', () => {
    const result = runWithDefaultCatalog({
      account: { country: 'BR', region: 'SP', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-02', type: 'add_extra_member' }],
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-04-02', code: 'EXTRA_MEMBER_UNAVAILABLE' }]);
  });
});
