/**
 * contracts/billing.md, "Plan changes" and "Extra members", on TEST_CATALOG:
 * basic 1000 (no slots), standard 1500 + 1 slot at 600, premium 2500 + 2 slots
 * at 700; no region (tax 0) unless stated.
 */
import { describe, expect, it } from 'vitest';
import { charge, codes, run, TEST_CATALOG } from './fixtures/contract-fixtures.ts';

describe('plan changes', () => {
  it('upgrades at once with a prorated charge and bills the new price (and slot price) from the next renewal', () => {
    // Mar 17 → Apr 1: 15 of 31 days; (2500 − 1500) × 15 / 31 = 483.87 → 484.
    // Renewal on premium with its slot: 2500 + 1 × 700 = 3200.
    const result = run({
      events: [
        { date: '2026-03-01', type: 'signup', plan: 'standard' },
        { date: '2026-03-01', type: 'add_extra_member' },
        { date: '2026-03-17', type: 'change_plan', plan: 'premium' },
      ],
      until: '2026-04-01',
    });
    expect(result.ledger).toEqual([
      charge('2026-03-01', 'signup', 1500, 0, '2026-03-01', '2026-04-01'),
      charge('2026-03-01', 'extra_member_added', 600, 0, '2026-03-01', '2026-04-01'),
      charge('2026-03-17', 'plan_upgrade', 484, 0, '2026-03-17', '2026-04-01'),
      charge('2026-04-01', 'renewal', 3200, 0, '2026-04-01', '2026-05-01'),
    ]);
    expect(result.state).toMatchObject({ plan: 'premium', extra_members: 1, anchor: '2026-03-01' });
  });

  it('taxes an upgrade in WA on its rounded base', () => {
    // 1000 × 15 / 30 = 500; tax 51.25 → 51; 551.
    const result = run({
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-16', type: 'change_plan', plan: 'premium' }],
    });
    expect(result.ledger[1]).toEqual(charge('2026-04-16', 'plan_upgrade', 551, 51, '2026-04-16', '2026-05-01'));
  });

  it('downgrades at the next period start, charging nothing now', () => {
    const events = [
      { date: '2026-03-10', type: 'signup', plan: 'premium' },
      { date: '2026-03-20', type: 'change_plan', plan: 'basic' },
    ];
    const before = run({ events, until: '2026-04-09' });
    expect(before.ledger).toEqual([charge('2026-03-10', 'signup', 2500, 0, '2026-03-10', '2026-04-10')]);
    expect(before.rejected).toEqual([]);
    expect(before.state).toMatchObject({ plan: 'premium', next_billing_date: '2026-04-10' });
    const after = run({ events, until: '2026-04-10' });
    expect(after.ledger.slice(1)).toEqual([charge('2026-04-10', 'renewal', 1000, 0, '2026-04-10', '2026-05-10')]);
    expect(after.state).toMatchObject({ plan: 'basic', anchor: '2026-03-10', next_billing_date: '2026-05-10' });
  });

  it('refuses a change to the current plan with NO_CHANGE and an unknown plan with UNKNOWN_PLAN', () => {
    const result = run({
      events: [
        { date: '2026-03-10', type: 'signup', plan: 'premium' },
        { date: '2026-03-11', type: 'change_plan', plan: 'premium' },
        { date: '2026-03-12', type: 'change_plan', plan: 'ultra' },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 1, date: '2026-03-11', code: 'NO_CHANGE' },
      { event: 2, date: '2026-03-12', code: 'UNKNOWN_PLAN' },
    ]);
    expect(result.ledger).toHaveLength(1);
  });

  it('refuses a downgrade with EXTRA_MEMBER_LIMIT while too many slots are held, not counting a removed one', () => {
    // Both slots added on the signup day: 700 × 31 / 31 = 700 each.
    // After the downgrade to standard, the renewal is 1500 + 1 × 600 = 2100.
    const events = [
      { date: '2026-03-01', type: 'signup', plan: 'premium' },
      { date: '2026-03-01', type: 'add_extra_member' },
      { date: '2026-03-01', type: 'add_extra_member' },
      { date: '2026-03-05', type: 'change_plan', plan: 'standard' },
      { date: '2026-03-06', type: 'remove_extra_member' },
      { date: '2026-03-07', type: 'change_plan', plan: 'standard' },
    ];
    const before = run({ events, until: '2026-03-31' });
    expect(codes(before)).toEqual([{ event: 3, date: '2026-03-05', code: 'EXTRA_MEMBER_LIMIT' }]);
    expect(before.state).toMatchObject({ plan: 'premium', extra_members: 2 });
    const after = run({ events, until: '2026-04-01' });
    expect(after.ledger).toEqual([
      charge('2026-03-01', 'signup', 2500, 0, '2026-03-01', '2026-04-01'),
      charge('2026-03-01', 'extra_member_added', 700, 0, '2026-03-01', '2026-04-01'),
      charge('2026-03-01', 'extra_member_added', 700, 0, '2026-03-01', '2026-04-01'),
      charge('2026-04-01', 'renewal', 2100, 0, '2026-04-01', '2026-05-01'),
    ]);
    expect(after.state).toMatchObject({ plan: 'standard', extra_members: 1 });
  });

  it('allows a downgrade to a plan without slots once the only slot is removed', () => {
    const result = run({
      events: [
        { date: '2026-03-01', type: 'signup', plan: 'standard' },
        { date: '2026-03-01', type: 'add_extra_member' },
        { date: '2026-03-02', type: 'change_plan', plan: 'basic' },
        { date: '2026-03-03', type: 'remove_extra_member' },
        { date: '2026-03-04', type: 'change_plan', plan: 'basic' },
      ],
      until: '2026-04-01',
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-03-02', code: 'EXTRA_MEMBER_LIMIT' }]);
    expect(result.ledger.at(-1)).toEqual(charge('2026-04-01', 'renewal', 1000, 0, '2026-04-01', '2026-05-01'));
    expect(result.state).toMatchObject({ plan: 'basic', extra_members: 0 });
  });

  it('accepts a plan change while a cancellation is pending; a pending downgrade lapses with the cancellation', () => {
    const result = run({
      events: [
        { date: '2026-03-01', type: 'signup', plan: 'premium' },
        { date: '2026-03-05', type: 'cancel' },
        { date: '2026-03-06', type: 'change_plan', plan: 'basic' },
      ],
      until: '2026-04-15',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger).toEqual([charge('2026-03-01', 'signup', 2500, 0, '2026-03-01', '2026-04-01')]);
    expect(result.state).toMatchObject({ status: 'canceled', access_until: '2026-04-01', next_billing_date: null });
  });

  it('accepts an upgrade while a cancellation is pending, charging the proration and staying canceled_pending', () => {
    // 1000 × 15 / 31 = 483.87 → 484 (Mar 17 → Apr 1).
    const result = run({
      events: [
        { date: '2026-03-01', type: 'signup', plan: 'standard' },
        { date: '2026-03-05', type: 'cancel' },
        { date: '2026-03-17', type: 'change_plan', plan: 'premium' },
      ],
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger[1]).toEqual(charge('2026-03-17', 'plan_upgrade', 484, 0, '2026-03-17', '2026-04-01'));
    expect(result.state).toMatchObject({ status: 'canceled_pending', plan: 'premium', access_until: '2026-04-01' });
  });
});

describe('extra members', () => {
  it('adds a slot with a prorated charge and renews it with the plan', () => {
    // Apr 11 → May 1: 20 of 30 days; 600 × 20 / 30 = 400. Renewal 1500 + 600 = 2100.
    const result = run({
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-11', type: 'add_extra_member' }],
      until: '2026-05-01',
    });
    expect(result.ledger).toEqual([
      charge('2026-04-01', 'signup', 1500, 0, '2026-04-01', '2026-05-01'),
      charge('2026-04-11', 'extra_member_added', 400, 0, '2026-04-11', '2026-05-01'),
      charge('2026-05-01', 'renewal', 2100, 0, '2026-05-01', '2026-06-01'),
    ]);
    expect(result.state.extra_members).toBe(1);
  });

  it('taxes a prorated slot: 400 + round(400 × 0.1025 = 41) = 441', () => {
    const result = run({
      account: { country: 'US', region: 'WA', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-11', type: 'add_extra_member' }],
    });
    expect(result.ledger[1]).toEqual(charge('2026-04-11', 'extra_member_added', 441, 41, '2026-04-11', '2026-05-01'));
  });

  it('refuses a slot beyond the plan allowance with EXTRA_MEMBER_LIMIT', () => {
    const standard = run({
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'standard' },
        { date: '2026-04-02', type: 'add_extra_member' },
        { date: '2026-04-03', type: 'add_extra_member' },
      ],
    });
    expect(codes(standard)).toEqual([{ event: 2, date: '2026-04-03', code: 'EXTRA_MEMBER_LIMIT' }]);
    expect(standard.ledger).toHaveLength(2);
    const basic = run({ events: [{ date: '2026-04-01', type: 'signup', plan: 'basic' }, { date: '2026-04-02', type: 'add_extra_member' }] });
    expect(codes(basic)).toEqual([{ event: 1, date: '2026-04-02', code: 'EXTRA_MEMBER_LIMIT' }]);
    const premium = run({
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'premium' },
        { date: '2026-04-01', type: 'add_extra_member' },
        { date: '2026-04-01', type: 'add_extra_member' },
        { date: '2026-04-01', type: 'add_extra_member' },
      ],
    });
    expect(codes(premium)).toEqual([{ event: 3, date: '2026-04-01', code: 'EXTRA_MEMBER_LIMIT' }]);
    expect(premium.state.extra_members).toBe(2);
  });

  it('refuses a slot with EXTRA_MEMBER_UNAVAILABLE in a country without extra members', () => {
    const result = run({
      catalog: TEST_CATALOG,
      account: { country: 'BR', region: 'SP', billing: 'direct' },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-02', type: 'add_extra_member' }],
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-04-02', code: 'EXTRA_MEMBER_UNAVAILABLE' }]);
    expect(result.ledger).toHaveLength(1);
    expect(result.state.extra_members).toBe(0);
  });

  it('refuses a slot with BILLED_BY_PARTNER for a partner-billed membership', () => {
    const result = run({
      account: { country: 'US', billing: { partner: 'Telco' } },
      events: [{ date: '2026-04-01', type: 'signup', plan: 'standard' }, { date: '2026-04-02', type: 'add_extra_member' }],
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-04-02', code: 'BILLED_BY_PARTNER' }]);
  });

  it('keeps a removed slot until the period end, without refund, and does not renew it', () => {
    const events = [
      { date: '2026-04-01', type: 'signup', plan: 'standard' },
      { date: '2026-04-01', type: 'add_extra_member' },
      { date: '2026-04-20', type: 'remove_extra_member' },
    ];
    const before = run({ events, until: '2026-04-30' });
    expect(before.ledger.map((line) => line.type)).toEqual(['charge', 'charge']);
    expect(before.state.extra_members).toBe(1);
    const after = run({ events, until: '2026-05-01' });
    expect(after.ledger).toEqual([
      charge('2026-04-01', 'signup', 1500, 0, '2026-04-01', '2026-05-01'),
      charge('2026-04-01', 'extra_member_added', 600, 0, '2026-04-01', '2026-05-01'),
      charge('2026-05-01', 'renewal', 1500, 0, '2026-05-01', '2026-06-01'),
    ]);
    expect(after.state.extra_members).toBe(0);
  });

  it('refuses a removal with NO_EXTRA_MEMBER when no slot is left to remove', () => {
    const result = run({
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'standard' },
        { date: '2026-04-02', type: 'remove_extra_member' },
        { date: '2026-04-03', type: 'add_extra_member' },
        { date: '2026-04-04', type: 'remove_extra_member' },
        { date: '2026-04-05', type: 'remove_extra_member' },
      ],
    });
    expect(codes(result)).toEqual([
      { event: 1, date: '2026-04-02', code: 'NO_EXTRA_MEMBER' },
      { event: 4, date: '2026-04-05', code: 'NO_EXTRA_MEMBER' },
    ]);
  });

  it('ends every slot with the membership when a cancellation takes effect', () => {
    const result = run({
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'standard' },
        { date: '2026-04-01', type: 'add_extra_member' },
        { date: '2026-04-10', type: 'cancel' },
      ],
      until: '2026-05-02',
    });
    expect(result.ledger).toHaveLength(2);
    expect(result.state).toMatchObject({ status: 'canceled', extra_members: 0, access_until: '2026-05-01' });
  });
});
