import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../index.ts';
import { emptyMembership, type Membership } from '../rules/membership.ts';
import { describeGiftBalance } from './gift-balance-view.ts';

const book = { catalog: loadCatalog('config/catalog.json'), priceChanges: [] };
// US WA standard: 1799 + 10.25 % = 1983 a month.
const running: Membership = {
  ...emptyMembership('US', 'WA', { kind: 'direct' }),
  status: 'active', plan: 'standard', anchor: '2026-01-31', periodStart: '2026-03-31', periodEnd: '2026-04-30', giftBalance: 5000,
};

describe('the gift balance a member is shown', () => {
  it('lasts as many renewals as it pays in full at the next renewal’s price, on the billing day', () => {
    expect(describeGiftBalance(running, book, '2026-04-10')).toEqual({ balance: 5000, price_per_period: 1983, periods_covered: 2, runs_out_on: '2026-06-30', paid_of_last: 1034 });
  });

  it('meets the failed amount first while on hold, then renewals a month apart from the paying retry', () => {
    const held: Membership = { ...running, status: 'on_hold', hold: { dueDate: '2026-04-30', base: 1799, tax: 184, amount: 1983, failedAttempts: 1 }, giftBalance: 3000 };
    // Retried May 1 (+1 day): the balance pays 1983 and has 1017 left for the renewal of June 1, which it pays in part.
    expect(describeGiftBalance(held, book, '2026-04-30')).toEqual({ balance: 3000, price_per_period: 1983, periods_covered: 1, runs_out_on: '2026-06-01', paid_of_last: 1017 });
    expect(describeGiftBalance({ ...held, giftBalance: 500 }, book, '2026-04-30')).toMatchObject({ periods_covered: 0, runs_out_on: '2026-05-01', paid_of_last: 500 });
  });

  it('gives no date when no renewal is coming: cancelled, or billed by a partner', () => {
    expect(describeGiftBalance({ ...running, status: 'canceled_pending', accessUntil: '2026-04-30' }, book, '2026-04-10')).toMatchObject({ balance: 5000, runs_out_on: null });
    expect(describeGiftBalance({ ...running, billing: { kind: 'partner', partner: 'Northwind Mobile' } }, book, '2026-04-10')).toMatchObject({ runs_out_on: null });
  });
});
