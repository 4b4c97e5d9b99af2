/**
 * A literal reading of contracts/billing.md that the engine does not follow
 * (see the report): "Changing to the current plan is refused with NO_CHANGE."
 * TEST_CATALOG, no region: basic 1000, premium 2500.
 */
import { describe, expect, it } from 'vitest';
import { charge, codes, run } from './fixtures/contract-fixtures.ts';

describe('a change back to the current plan while a downgrade is pending', () => {
  it('refuses a change back to the current plan with NO_CHANGE even while a downgrade is pending', () => {
    // "Changing to the current plan is refused with NO_CHANGE." The current plan is premium:
    // the downgrade only "takes effect at the next period start", so it stays scheduled.
    const result = run({
      events: [
        { date: '2026-03-10', type: 'signup', plan: 'premium' },
        { date: '2026-03-20', type: 'change_plan', plan: 'basic' },
        { date: '2026-03-25', type: 'change_plan', plan: 'premium' },
      ],
      until: '2026-04-10',
    });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-03-25', code: 'NO_CHANGE' }]);
    expect(result.ledger.at(-1)).toEqual(charge('2026-04-10', 'renewal', 1000, 0, '2026-04-10', '2026-05-10'));
  });
});
