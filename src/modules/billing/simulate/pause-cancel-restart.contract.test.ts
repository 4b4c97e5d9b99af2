/**
 * contracts/billing.md, "Pause", "Cancel and restart" and partner billing.
 * TEST_CATALOG, no region: basic 1000, standard 1500 + slot 600, premium 2500.
 */
import { describe, expect, it } from 'vitest';
import { charge, codes, run, type RawEvent } from './fixtures/contract-fixtures.ts';

const SIGNUP_JAN_31: RawEvent = { date: '2026-01-31', type: 'signup', plan: 'basic' };

describe('pause', () => {
  it('starts a 2-month pause at the next period start and resumes on day D clamped, with a renewal keeping the anchor', () => {
    // Anchor Jan 31; the pause starts Feb 28; Feb + 2 months = April, day 31 → Apr 30.
    const events: RawEvent[] = [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 2 }];
    const requested = run({ events, until: '2026-02-10' });
    expect(requested.rejected).toEqual([]);
    expect(requested.state).toMatchObject({ status: 'active', next_billing_date: '2026-04-30' });
    const paused = run({ events, until: '2026-03-15' });
    expect(paused.ledger).toHaveLength(1);
    expect(paused.state).toMatchObject({ status: 'paused', anchor: '2026-01-31', next_billing_date: '2026-04-30' });
    const resumed = run({ events, until: '2026-05-31' });
    expect(resumed.ledger).toEqual([
      charge('2026-01-31', 'signup', 1000, 0, '2026-01-31', '2026-02-28'),
      charge('2026-04-30', 'renewal', 1000, 0, '2026-04-30', '2026-05-31'),
      charge('2026-05-31', 'renewal', 1000, 0, '2026-05-31', '2026-06-30'),
    ]);
    expect(resumed.state).toMatchObject({ status: 'active', anchor: '2026-01-31', next_billing_date: '2026-06-30' });
  });

  it('resumes a 1-month pause on Mar 31 and a 3-month pause on May 31 (anchor Jan 31)', () => {
    const one = run({ events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 1 }], until: '2026-03-31' });
    expect(one.ledger.slice(1)).toEqual([charge('2026-03-31', 'renewal', 1000, 0, '2026-03-31', '2026-04-30')]);
    const three = run({ events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 3 }], until: '2026-05-31' });
    expect(three.ledger.slice(1)).toEqual([charge('2026-05-31', 'renewal', 1000, 0, '2026-05-31', '2026-06-30')]);
  });

  it('pauses the slots with the membership and renews them on resume', () => {
    // Signup Mar 15 + slot (600 × 31/31); pause from Apr 15 for 1 month; resume May 15 at 1500 + 600.
    const result = run({
      events: [
        { date: '2026-03-15', type: 'signup', plan: 'standard' },
        { date: '2026-03-15', type: 'add_extra_member' },
        { date: '2026-03-20', type: 'pause', months: 1 },
      ],
      until: '2026-05-15',
    });
    expect(result.ledger.slice(2)).toEqual([charge('2026-05-15', 'renewal', 2100, 0, '2026-05-15', '2026-06-15')]);
  });

  it('refuses a pause outside 1 to 3 months with PAUSE_LIMIT', () => {
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 4 }, { date: '2026-02-11', type: 'pause', months: 0 }],
    });
    expect(codes(result)).toEqual([
      { event: 1, date: '2026-02-10', code: 'PAUSE_LIMIT' },
      { event: 2, date: '2026-02-11', code: 'PAUSE_LIMIT' },
    ]);
    expect(result.state.next_billing_date).toBe('2026-02-28');
  });

  it('extends a pause while the total stays at most 3 months', () => {
    const result = run({
      events: [
        SIGNUP_JAN_31,
        { date: '2026-02-10', type: 'pause', months: 1 },
        { date: '2026-02-12', type: 'extend_pause', months: 2 },
        { date: '2026-02-13', type: 'extend_pause', months: 1 },
      ],
      until: '2026-05-31',
    });
    expect(codes(result)).toEqual([{ event: 3, date: '2026-02-13', code: 'PAUSE_LIMIT' }]);
    expect(result.ledger.slice(1)).toEqual([charge('2026-05-31', 'renewal', 1000, 0, '2026-05-31', '2026-06-30')]);
  });

  it('extends a running pause, moving the resume date', () => {
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 1 }, { date: '2026-03-10', type: 'extend_pause', months: 1 }],
      until: '2026-03-31',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toHaveLength(1);
    expect(result.state).toMatchObject({ status: 'paused', next_billing_date: '2026-04-30' });
  });

  it('withdraws a pause that has not started, so the next renewal happens as usual', () => {
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 2 }, { date: '2026-02-20', type: 'withdraw_pause' }],
      until: '2026-02-28',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger.slice(1)).toEqual([charge('2026-02-28', 'renewal', 1000, 0, '2026-02-28', '2026-03-31')]);
    expect(result.state).toMatchObject({ status: 'active', next_billing_date: '2026-03-31' });
  });

  it('charges an early unpause at once and moves the anchor to that day', () => {
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 3 }, { date: '2026-03-20', type: 'unpause' }],
      until: '2026-05-31',
    });
    expect(result.ledger).toEqual([
      charge('2026-01-31', 'signup', 1000, 0, '2026-01-31', '2026-02-28'),
      charge('2026-03-20', 'unpause', 1000, 0, '2026-03-20', '2026-04-20'),
      charge('2026-04-20', 'renewal', 1000, 0, '2026-04-20', '2026-05-20'),
      charge('2026-05-20', 'renewal', 1000, 0, '2026-05-20', '2026-06-20'),
    ]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-03-20', next_billing_date: '2026-06-20' });
  });

  it('charges the plan price plus the slots on an early unpause', () => {
    const result = run({
      events: [
        { date: '2026-03-15', type: 'signup', plan: 'standard' },
        { date: '2026-03-15', type: 'add_extra_member' },
        { date: '2026-03-20', type: 'pause', months: 2 },
        { date: '2026-04-25', type: 'unpause' },
      ],
    });
    expect(result.ledger.at(-1)).toEqual(charge('2026-04-25', 'unpause', 2100, 0, '2026-04-25', '2026-05-25'));
  });

  it('refuses a pause while one is pending or running with NOT_ELIGIBLE', () => {
    const result = run({
      events: [
        SIGNUP_JAN_31,
        { date: '2026-02-10', type: 'pause', months: 1 },
        { date: '2026-02-11', type: 'pause', months: 1 },
        { date: '2026-03-05', type: 'pause', months: 1 },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 2, date: '2026-02-11', code: 'NOT_ELIGIBLE' },
      { event: 3, date: '2026-03-05', code: 'NOT_ELIGIBLE' },
    ]);
  });

  it('refuses extend, withdraw and unpause with NO_PAUSE when there is no pause', () => {
    const result = run({
      events: [
        SIGNUP_JAN_31,
        { date: '2026-02-10', type: 'extend_pause', months: 1 },
        { date: '2026-02-11', type: 'withdraw_pause' },
        { date: '2026-02-12', type: 'unpause' },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 1, date: '2026-02-10', code: 'NO_PAUSE' },
      { event: 2, date: '2026-02-11', code: 'NO_PAUSE' },
      { event: 3, date: '2026-02-12', code: 'NO_PAUSE' },
    ]);
  });

  it('refuses a pause while on hold with NOT_ELIGIBLE', () => {
    const result = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-02-10', type: 'pause', months: 1 },
      ],
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-02-10', code: 'NOT_ELIGIBLE' }]);
    expect(result.state.status).toBe('on_hold');
  });
});

describe('cancel and restart', () => {
  const cancelFeb10: RawEvent[] = [SIGNUP_JAN_31, { date: '2026-02-10', type: 'cancel' }];

  it('keeps access until the period end after a cancel, then is canceled with no more charges', () => {
    const pending = run({ events: cancelFeb10, until: '2026-02-27' });
    expect(pending.state).toEqual({
      status: 'canceled_pending', plan: 'basic', anchor: '2026-01-31',
      next_billing_date: null, access_until: '2026-02-28', extra_members: 0, gift_balance: 0,
    });
    const ended = run({ events: cancelFeb10, until: '2026-04-01' });
    expect(ended.ledger).toEqual([charge('2026-01-31', 'signup', 1000, 0, '2026-01-31', '2026-02-28')]);
    expect(ended.state).toMatchObject({ status: 'canceled', next_billing_date: null, access_until: '2026-02-28' });
  });

  it('is canceled on access_until itself, since the period [start, end) excludes its end', () => {
    const result = run({ events: cancelFeb10, until: '2026-02-28' });
    expect(result.ledger).toHaveLength(1);
    expect(result.state.status).toBe('canceled');
  });

  it('ends the membership the same day when cancelled during a pause, with no charge', () => {
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 2 }, { date: '2026-03-10', type: 'cancel' }],
      until: '2026-06-01',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toHaveLength(1);
    expect(result.state).toMatchObject({ status: 'canceled', next_billing_date: null });
    const sameDay = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 2 }, { date: '2026-03-10', type: 'cancel' }],
      until: '2026-03-10',
    });
    expect(sameDay.state.status).toBe('canceled');
  });

  it('records access_until as the last paid period_end when cancelled during a pause', () => {
    // "access_until is the last paid day's period_end": the last paid period is [Jan 31, Feb 28).
    const result = run({
      events: [SIGNUP_JAN_31, { date: '2026-02-10', type: 'pause', months: 2 }, { date: '2026-03-10', type: 'cancel' }],
    });
    expect(result.state.access_until).toBe('2026-02-28');
  });

  it('ends the membership the same day when cancelled on hold, with no further retries', () => {
    const result = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-02-12', type: 'cancel' },
      ],
      until: '2026-02-20',
    });
    expect(result.ledger.map((line) => [line.date, line.type])).toEqual([
      ['2026-01-10', 'charge'], ['2026-02-10', 'payment_failed'], ['2026-02-11', 'payment_failed'],
    ]);
    expect(result.state).toMatchObject({ status: 'canceled', next_billing_date: null });
    const sameDay = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-02-12', type: 'cancel' },
      ],
    });
    expect(sameDay.state.status).toBe('canceled');
  });

  it('refuses a second cancel with NOT_ACTIVE, pending or done', () => {
    const result = run({
      events: [...cancelFeb10, { date: '2026-02-11', type: 'cancel' }, { date: '2026-03-05', type: 'cancel' }],
    });
    expect(codes(result)).toEqual([
      { event: 2, date: '2026-02-11', code: 'NOT_ACTIVE' },
      { event: 3, date: '2026-03-05', code: 'NOT_ACTIVE' },
    ]);
  });

  it('withdraws the cancellation on a restart before access_until: no charge, same anchor', () => {
    const result = run({ events: [...cancelFeb10, { date: '2026-02-20', type: 'restart' }], until: '2026-02-28' });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toEqual([
      charge('2026-01-31', 'signup', 1000, 0, '2026-01-31', '2026-02-28'),
      charge('2026-02-28', 'renewal', 1000, 0, '2026-02-28', '2026-03-31'),
    ]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-01-31', access_until: null, next_billing_date: '2026-03-31' });
  });

  it('charges a restart after access ended and sets a new anchor that day', () => {
    const result = run({ events: [...cancelFeb10, { date: '2026-03-10', type: 'restart' }], until: '2026-04-10' });
    expect(result.ledger).toEqual([
      charge('2026-01-31', 'signup', 1000, 0, '2026-01-31', '2026-02-28'),
      charge('2026-03-10', 'restart', 1000, 0, '2026-03-10', '2026-04-10'),
      charge('2026-04-10', 'renewal', 1000, 0, '2026-04-10', '2026-05-10'),
    ]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-03-10', access_until: null, next_billing_date: '2026-05-10' });
  });

  it('restarts on another plan at that plan price', () => {
    const result = run({ events: [...cancelFeb10, { date: '2026-03-10', type: 'restart', plan: 'premium' }] });
    expect(result.ledger.at(-1)).toEqual(charge('2026-03-10', 'restart', 2500, 0, '2026-03-10', '2026-04-10'));
    expect(result.state.plan).toBe('premium');
  });
});

describe('partner-billed memberships', () => {
  const partner = { country: 'US', billing: { partner: 'Telco' } };

  it('signs up with an anchor and status but no ledger line and no next billing date', () => {
    const result = run({ account: partner, events: [{ date: '2026-01-31', type: 'signup', plan: 'standard' }], until: '2026-04-01' });
    expect(result.ledger).toEqual([]);
    expect(result.state).toEqual({
      status: 'active', plan: 'standard', anchor: '2026-01-31',
      next_billing_date: null, access_until: null, extra_members: 0, gift_balance: 0,
    });
  });

  it('refuses plan changes, extra members, pause, cancel and restart with BILLED_BY_PARTNER naming the partner', () => {
    const actions: RawEvent[] = [
      { date: '2026-02-01', type: 'change_plan', plan: 'premium' },
      { date: '2026-02-02', type: 'change_plan', plan: 'basic' },
      { date: '2026-02-03', type: 'add_extra_member' },
      { date: '2026-02-04', type: 'remove_extra_member' },
      { date: '2026-02-05', type: 'pause', months: 1 },
      { date: '2026-02-06', type: 'extend_pause', months: 1 },
      { date: '2026-02-07', type: 'withdraw_pause' },
      { date: '2026-02-08', type: 'unpause' },
      { date: '2026-02-09', type: 'cancel' },
      { date: '2026-02-10', type: 'restart' },
    ];
    const result = run({ account: partner, events: [{ date: '2026-01-31', type: 'signup', plan: 'standard' }, ...actions] });
    expect(codes(result)).toEqual(actions.map((action, i) => ({ event: i + 1, date: action.date, code: 'BILLED_BY_PARTNER' })));
    for (const refusal of result.rejected) expect(refusal.message).toContain('Telco');
    expect(result.ledger).toEqual([]);
    expect(result.state).toMatchObject({ status: 'active', plan: 'standard', next_billing_date: null });
  });

  it('has no charge to refund (NO_CHARGE)', () => {
    const result = run({
      account: partner,
      events: [{ date: '2026-01-31', type: 'signup', plan: 'standard' }, { date: '2026-02-01', type: 'refund', charge_date: '2026-01-31' }],
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-02-01', code: 'NO_CHARGE' }]);
  });
});
