/**
 * Cases where contracts/billing.md can be read more than one way. Each test
 * follows the most literal reading of the sentence quoted in its comment;
 * a failure here is a question for the contract's owner before it is a bug.
 * TEST_CATALOG, no region: basic 1000, standard 1500 + slot 600, premium 2500.
 */
import { describe, expect, it } from 'vitest';
import { charge, codes, run } from './fixtures/contract-fixtures.ts';

describe('literal readings of ambiguous sentences', () => {
  it('counts a removed slot, still held until the period end, against the allowance when adding one', () => {
    // "extra_members counts the slots the member has now, a removed slot included until its period
    // ends"; "A slot can be added only when the plan allows more slots".
    const result = run({
      events: [
        { date: '2026-04-01', type: 'signup', plan: 'standard' },
        { date: '2026-04-01', type: 'add_extra_member' },
        { date: '2026-04-10', type: 'remove_extra_member' },
        { date: '2026-04-11', type: 'add_extra_member' },
      ],
    });
    expect(codes(result)).toEqual([{ event: 3, date: '2026-04-11', code: 'EXTRA_MEMBER_LIMIT' }]);
  });

  it('refuses a default refund of a charge already refunded in full with REFUND_EXCEEDS_CHARGE', () => {
    // "the sum of refunds of a charge never exceeds it (REFUND_EXCEEDS_CHARGE; NO_CHARGE when there is none)".
    const result = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-11', type: 'refund', charge_date: '2026-01-10' },
        { date: '2026-01-12', type: 'refund', charge_date: '2026-01-10' },
      ],
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-01-12', code: 'REFUND_EXCEEDS_CHARGE' }]);
  });

  it('refuses a second sign-up with ALREADY_ACTIVE', () => {
    // The code is listed under "Refusal codes" without a rule naming it.
    const result = run({
      events: [{ date: '2026-01-10', type: 'signup', plan: 'basic' }, { date: '2026-01-11', type: 'signup', plan: 'premium' }],
    });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-01-11', code: 'ALREADY_ACTIVE' }]);
    expect(result.ledger).toHaveLength(1);
  });

  it('refuses a pause while a cancellation is pending with NOT_ELIGIBLE', () => {
    // "Available only with direct billing on an active membership that is not on hold".
    const result = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-11', type: 'cancel' },
        { date: '2026-01-12', type: 'pause', months: 1 },
      ],
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-01-12', code: 'NOT_ELIGIBLE' }]);
  });

  it('refuses a plan change while paused with NOT_ACTIVE', () => {
    // "NOT_ACTIVE (the action needs an active or pending-cancel membership)".
    const result = run({
      events: [
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-11', type: 'pause', months: 2 },
        { date: '2026-02-20', type: 'change_plan', plan: 'premium' },
      ],
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-02-20', code: 'NOT_ACTIVE' }]);
  });

  it('keeps the old plan when a pending downgrade lapses with the cancellation', () => {
    // "a downgrade still pending when the cancellation takes effect simply lapses".
    const result = run({
      events: [
        { date: '2026-03-01', type: 'signup', plan: 'premium' },
        { date: '2026-03-05', type: 'change_plan', plan: 'basic' },
        { date: '2026-03-06', type: 'cancel' },
      ],
      until: '2026-04-15',
    });
    expect(result.state).toMatchObject({ status: 'canceled', plan: 'premium' });
  });

  it('does not run events dated after `until`', () => {
    // "Everything due on `until` itself is included."
    const result = run({
      events: [{ date: '2026-01-10', type: 'signup', plan: 'basic' }, { date: '2026-02-20', type: 'cancel' }],
      until: '2026-02-15',
    });
    expect(result.ledger.map((line) => line.reason)).toEqual(['signup', 'renewal']);
    expect(result.state.status).toBe('active');
  });

  it('applies events listed out of date order by date, still reporting their index in `events`', () => {
    // "scheduled billing ... happens first, then the member's own actions of that date, in the order
    // they happened"; "`event` in `rejected` is the index in `events`".
    const result = run({
      events: [
        { date: '2026-01-20', type: 'cancel' },
        { date: '2026-01-10', type: 'signup', plan: 'basic' },
        { date: '2026-01-25', type: 'cancel' },
      ],
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-01-25', code: 'NOT_ACTIVE' }]);
    expect(result.state).toMatchObject({ status: 'canceled_pending', access_until: '2026-02-10' });
  });
});
