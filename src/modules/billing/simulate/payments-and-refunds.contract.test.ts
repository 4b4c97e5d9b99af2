/**
 * contracts/billing.md, "Payments that fail", price changes and "Refunds".
 * TEST_CATALOG; region TT (exclusive 10 %) where stated: basic 1000 → tax 100, 1100.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogInput } from '../catalog-config.ts';
import { authorization, charge, codes, failed, refund, run, type RawAccount, type RawEvent } from './fixtures/contract-fixtures.ts';

const TT: RawAccount = { country: 'US', region: 'TT', billing: 'direct' };
const FAILING_FROM_JAN_20: RawEvent[] = [
  { date: '2026-01-10', type: 'signup', plan: 'basic' },
  { date: '2026-01-20', type: 'payment_method_fails' },
];
const SIGNUP_LINE = charge('2026-01-10', 'signup', 1100, 100, '2026-01-10', '2026-02-10');

describe('failed payments', () => {
  it('puts the membership on hold and writes a payment_failed line for the renewal and for each retry at +1, +3, +7 days', () => {
    const onHold = run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-02-10' });
    expect(onHold.ledger).toMatchObject([SIGNUP_LINE, failed('2026-02-10', 1100)]);
    expect(onHold.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-02-11' });
    expect(run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-02-11' }).state.next_billing_date).toBe('2026-02-13');
    expect(run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-02-16' }).state).toMatchObject({
      status: 'on_hold', next_billing_date: '2026-02-17',
    });
  });

  it('cancels the membership on the day the 7-day retry fails', () => {
    const result = run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-03-15' });
    expect(result.ledger).toMatchObject([
      SIGNUP_LINE,
      failed('2026-02-10', 1100),
      failed('2026-02-11', 1100),
      failed('2026-02-13', 1100),
      failed('2026-02-17', 1100),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.state).toMatchObject({ status: 'canceled', plan: 'basic', next_billing_date: null });
    expect(run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-02-17' }).state.status).toBe('canceled');
  });

  it('records the last paid period_end as access_until after the failure cancel', () => {
    // The last paid period is [Jan 10, Feb 10).
    const result = run({ account: TT, events: FAILING_FROM_JAN_20, until: '2026-03-15' });
    expect(result.state.access_until).toBe('2026-02-10');
  });

  it('retries at once on a successful payment-method update: authorization, void, payment_retry; new anchor that day', () => {
    const result = run({
      account: TT,
      events: [...FAILING_FROM_JAN_20, { date: '2026-02-12', type: 'update_payment_method', last4: '4242' }],
      until: '2026-03-12',
    });
    expect(result.ledger).toMatchObject([
      SIGNUP_LINE,
      failed('2026-02-10', 1100),
      failed('2026-02-11', 1100),
      ...authorization('2026-02-12'),
      charge('2026-02-12', 'payment_retry', 1100, 100, '2026-02-12', '2026-03-12'),
      charge('2026-03-12', 'renewal', 1100, 100, '2026-03-12', '2026-04-12'),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-02-12', next_billing_date: '2026-04-12' });
  });

  it('covers [retry date, retry date + 1 month) with a retry on Jan 31, after that day’s scheduled retry fails', () => {
    // Anchor Dec 30: the renewal on Jan 30 fails, the +1 retry on Jan 31 fails (scheduled first),
    // then the update on Jan 31 retries at once: [Jan 31, Feb 28); anchor Jan 31.
    const result = run({
      account: TT,
      events: [
        { date: '2025-12-30', type: 'signup', plan: 'basic' },
        { date: '2026-01-05', type: 'payment_method_fails' },
        { date: '2026-01-31', type: 'update_payment_method', last4: '4242' },
      ],
      until: '2026-03-31',
    });
    expect(result.ledger).toMatchObject([
      charge('2025-12-30', 'signup', 1100, 100, '2025-12-30', '2026-01-30'),
      failed('2026-01-30', 1100),
      failed('2026-01-31', 1100),
      ...authorization('2026-01-31'),
      charge('2026-01-31', 'payment_retry', 1100, 100, '2026-01-31', '2026-02-28'),
      charge('2026-02-28', 'renewal', 1100, 100, '2026-02-28', '2026-03-31'),
      charge('2026-03-31', 'renewal', 1100, 100, '2026-03-31', '2026-04-30'),
    ]);
    expect(result.state).toMatchObject({ anchor: '2026-01-31', next_billing_date: '2026-04-30' });
  });

  it('refuses a declined update with PAYMENT_METHOD_DECLINED, writes no line, and keeps the failing method', () => {
    const result = run({
      account: TT,
      events: [...FAILING_FROM_JAN_20, { date: '2026-02-12', type: 'update_payment_method', last4: '4242', declines: true }],
      until: '2026-02-13',
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-02-12', code: 'PAYMENT_METHOD_DECLINED' }]);
    expect(result.ledger).toMatchObject([
      SIGNUP_LINE, failed('2026-02-10', 1100), failed('2026-02-11', 1100), failed('2026-02-13', 1100),
    ]);
    expect(result.state.status).toBe('on_hold');
  });

  it('only authorises and voids on an update while active, and the failure is over for the next renewal', () => {
    const result = run({
      account: TT,
      events: [...FAILING_FROM_JAN_20, { date: '2026-01-25', type: 'update_payment_method', last4: '4242' }],
      until: '2026-02-10',
    });
    expect(result.ledger).toMatchObject([
      SIGNUP_LINE, ...authorization('2026-01-25'), charge('2026-02-10', 'renewal', 1100, 100, '2026-02-10', '2026-03-10'),
    ]);
    const declined = run({
      account: TT,
      events: [{ date: '2026-01-10', type: 'signup', plan: 'basic' }, { date: '2026-01-25', type: 'update_payment_method', last4: '4242', declines: true }],
    });
    expect(codes(declined)).toEqual([{ event: 1, date: '2026-01-25', code: 'PAYMENT_METHOD_DECLINED' }]);
    expect(declined.ledger).toEqual([SIGNUP_LINE]);
  });

  it('refuses a declined upgrade or slot with PAYMENT_METHOD_DECLINED and no line', () => {
    const result = run({
      account: TT,
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'standard' },
        { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-01-25', type: 'change_plan', plan: 'premium' },
        { date: '2026-01-26', type: 'add_extra_member' },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 2, date: '2026-01-25', code: 'PAYMENT_METHOD_DECLINED' },
      { event: 3, date: '2026-01-26', code: 'PAYMENT_METHOD_DECLINED' },
    ]);
    expect(result.ledger).toHaveLength(1);
    expect(result.state).toMatchObject({ status: 'active', plan: 'standard', extra_members: 0 });
  });

  it('refuses a declined restart with PAYMENT_METHOD_DECLINED and no line', () => {
    const result = run({
      account: TT,
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-15', type: 'cancel' },
        { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-02-20', type: 'restart' },
      ],
    });
    expect(codes(result)).toEqual([{ event: 3, date: '2026-02-20', code: 'PAYMENT_METHOD_DECLINED' }]);
    expect(result.ledger).toEqual([SIGNUP_LINE]);
    expect(result.state).toMatchObject({ status: 'canceled', anchor: '2026-01-10' });
  });

  it('refuses a declined unpause with no line; the resume renewal then fails and puts the membership on hold', () => {
    // Pause from Feb 10 for 3 months: resume May 10.
    const events: RawEvent[] = [
      { date: '2026-01-10', type: 'signup', plan: 'basic' },
      { date: '2026-01-15', type: 'pause', months: 3 },
      { date: '2026-02-20', type: 'payment_method_fails' },
      { date: '2026-03-01', type: 'unpause' },
    ];
    const refused = run({ account: TT, events, until: '2026-03-01' });
    expect(codes(refused)).toEqual([{ event: 3, date: '2026-03-01', code: 'PAYMENT_METHOD_DECLINED' }]);
    expect(refused.ledger).toEqual([SIGNUP_LINE]);
    expect(refused.state).toMatchObject({ status: 'paused', anchor: '2026-01-10', next_billing_date: '2026-05-10' });
    const resumed = run({ account: TT, events, until: '2026-05-10' });
    expect(resumed.ledger).toMatchObject([SIGNUP_LINE, failed('2026-05-10', 1100)]);
    expect(resumed.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-05-11' });
  });

  it('keeps charging a reissued card', () => {
    const result = run({
      account: TT,
      events: [{ date: '2026-01-10', type: 'signup', plan: 'basic' }, { date: '2026-01-25', type: 'card_reissued', last4: '1111' }],
      until: '2026-02-10',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toEqual([SIGNUP_LINE, charge('2026-02-10', 'renewal', 1100, 100, '2026-02-10', '2026-03-10')]);
  });

  it('keeps failing after a card reissue: only a successful update ends payment_method_fails', () => {
    const result = run({
      account: TT,
      events: [...FAILING_FROM_JAN_20, { date: '2026-01-25', type: 'card_reissued', last4: '1111' }],
      until: '2026-02-10',
    });
    expect(result.ledger).toMatchObject([SIGNUP_LINE, failed('2026-02-10', 1100)]);
  });
});

function renewalAmounts(signup: string, change: RawEvent, until: string): [string, number][] {
  const result = run({ events: [{ date: signup, type: 'signup', plan: 'basic' }, change], until });
  expect(result.rejected).toEqual([]);
  return result.ledger.filter((line) => line.reason === 'renewal').map((line) => [line.date, line.amount]);
}

describe('price changes', () => {
  it('applies from announced + 30 days when that is later than the effective date', () => {
    // Announced Feb 1: + 30 days = Mar 3 > Feb 10.
    const change = { date: '2026-02-01', type: 'price_change', country: 'US', plan: 'basic', price: 1200, announced: '2026-02-01', effective: '2026-02-10' };
    expect(renewalAmounts('2026-01-15', change, '2026-04-15')).toEqual([['2026-02-15', 1000], ['2026-03-15', 1200], ['2026-04-15', 1200]]);
  });

  it('applies from the effective date when that is later', () => {
    const change = { date: '2026-02-01', type: 'price_change', country: 'US', plan: 'basic', price: 1200, announced: '2026-02-01', effective: '2026-04-01' };
    expect(renewalAmounts('2026-01-15', change, '2026-04-15')).toEqual([['2026-02-15', 1000], ['2026-03-15', 1000], ['2026-04-15', 1200]]);
  });

  it('applies to a renewal falling exactly on announced + 30 days, not the day before', () => {
    // Jan 14 + 30 = Feb 13 (the renewal day); Jan 15 + 30 = Feb 14.
    const onTheDay = { date: '2026-01-14', type: 'price_change', country: 'US', plan: 'basic', price: 1200, announced: '2026-01-14', effective: '2026-01-14' };
    expect(renewalAmounts('2026-01-13', onTheDay, '2026-03-13')).toEqual([['2026-02-13', 1200], ['2026-03-13', 1200]]);
    const dayAfter = { date: '2026-01-15', type: 'price_change', country: 'US', plan: 'basic', price: 1200, announced: '2026-01-15', effective: '2026-01-15' };
    expect(renewalAmounts('2026-01-13', dayAfter, '2026-03-13')).toEqual([['2026-02-13', 1000], ['2026-03-13', 1200]]);
  });

  it('leaves other plans at their price', () => {
    const change = { date: '2026-01-01', type: 'price_change', country: 'US', plan: 'premium', price: 3000, announced: '2026-01-01', effective: '2026-01-01' };
    expect(renewalAmounts('2026-01-15', change, '2026-03-15')).toEqual([['2026-02-15', 1000], ['2026-03-15', 1000]]);
  });
});

/** Inclusive 20 %: price 1200 → net 1000, tax 200, charged 1200. */
const INCLUSIVE: CatalogInput = {
  GB: { currency: 'GBP', tax: { mode: 'inclusive', rates: { ENG: 0.2 } }, plans: { basic: { price: 1200 } } },
};

describe('refunds', () => {
  it('refunds the whole charge by default, with its tax and the charge date in `of`', () => {
    const result = run({
      account: TT,
      events: [{ date: '2026-01-10', type: 'signup', plan: 'basic' }, { date: '2026-01-15', type: 'refund', charge_date: '2026-01-10', reason: 'goodwill' }],
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toMatchObject([SIGNUP_LINE, refund('2026-01-15', 1100, 100, '2026-01-10')]);
  });

  it('refunds partly with tax round(charge.tax × refund / charge.amount), the default then being what is left', () => {
    // 100 × 333 / 1100 = 30.27 → 30; what is left: 767, 100 × 767 / 1100 = 69.73 → 70.
    const result = run({
      account: TT,
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-15', type: 'refund', charge_date: '2026-01-10', amount: 333 },
        { date: '2026-01-16', type: 'refund', charge_date: '2026-01-10' },
      ],
    });
    expect(result.ledger).toMatchObject([SIGNUP_LINE, refund('2026-01-15', 333, 30, '2026-01-10'), refund('2026-01-16', 767, 70, '2026-01-10')]);
  });

  it('rounds a refund tax tie up: 200 × 15 / 1200 = 2.5 → 3, 200 × 9 / 1200 = 1.5 → 2', () => {
    const result = run({
      catalog: INCLUSIVE,
      account: { country: 'GB', region: 'ENG', billing: 'direct' },
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-15', type: 'refund', charge_date: '2026-01-10', amount: 15 },
        { date: '2026-01-16', type: 'refund', charge_date: '2026-01-10', amount: 9 },
      ],
    });
    expect(result.ledger).toMatchObject([
      charge('2026-01-10', 'signup', 1200, 200, '2026-01-10', '2026-02-10', 'GBP'),
      refund('2026-01-15', 15, 3, '2026-01-10', 'GBP'),
      refund('2026-01-16', 9, 2, '2026-01-10', 'GBP'),
    ]);
  });

  it('refuses refunds beyond the charge with REFUND_EXCEEDS_CHARGE', () => {
    const result = run({
      account: TT,
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-11', type: 'refund', charge_date: '2026-01-10', amount: 1101 },
        { date: '2026-01-12', type: 'refund', charge_date: '2026-01-10', amount: 333 },
        { date: '2026-01-13', type: 'refund', charge_date: '2026-01-10', amount: 768 },
        { date: '2026-01-14', type: 'refund', charge_date: '2026-01-10', amount: 767 },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 1, date: '2026-01-11', code: 'REFUND_EXCEEDS_CHARGE' },
      { event: 3, date: '2026-01-13', code: 'REFUND_EXCEEDS_CHARGE' },
    ]);
    expect(result.ledger).toMatchObject([SIGNUP_LINE, refund('2026-01-12', 333, 30, '2026-01-10'), refund('2026-01-14', 767, 70, '2026-01-10')]);
  });

  it('refuses with NO_CHARGE when there is no charge on that date, a failed attempt not being a charge', () => {
    const result = run({
      account: TT,
      events: [
        ...FAILING_FROM_JAN_20,
        { date: '2026-02-10', type: 'refund', charge_date: '2026-01-11' },
        { date: '2026-02-10', type: 'refund', charge_date: '2026-02-10' },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 2, date: '2026-02-10', code: 'NO_CHARGE' },
      { event: 3, date: '2026-02-10', code: 'NO_CHARGE' },
    ]);
  });

  it('refunds the latest charge of the date', () => {
    // standard in TT: signup 1500 + 150 = 1650; slot on the signup day 600 + 60 = 660.
    const result = run({
      account: TT,
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'standard' },
        { date: '2026-04-01', type: 'add_extra_member' },
        { date: '2026-04-05', type: 'refund', charge_date: '2026-04-01' },
      ],
    });
    expect(result.ledger.at(-1)).toMatchObject(refund('2026-04-05', 660, 60, '2026-04-01'));
  });

  it('ignores a repeated idempotency key: no line, no refusal', () => {
    // 100 × 100 / 1100 = 9.09 → 9.
    const result = run({
      account: TT,
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-15', type: 'refund', charge_date: '2026-01-10', amount: 100, idempotency_key: 'k1' },
        { date: '2026-01-16', type: 'refund', charge_date: '2026-01-10', amount: 100, idempotency_key: 'k1' },
        { date: '2026-01-17', type: 'refund', charge_date: '2026-01-10', amount: 100, idempotency_key: 'k2' },
      ],
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toMatchObject([SIGNUP_LINE, refund('2026-01-15', 100, 9, '2026-01-10'), refund('2026-01-17', 100, 9, '2026-01-10')]);
  });
});
