import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../index.ts';
import { applyMemberAction } from './actions.ts';
import { isSupportedDate } from './calendar.ts';
import type { BillingContext, Accepted } from './context.ts';
import { emptyMembership, type Membership } from './membership.ts';
import { advanceTo, MAX_SCHEDULED_STEPS, ScheduleLimitError } from './schedule.ts';

const ctx: BillingContext = { book: { catalog: loadCatalog('config/catalog.json'), priceChanges: [] }, pay: () => true };

function joined(date: string): Membership {
  const outcome = applyMemberAction(emptyMembership('US', 'WA', { kind: 'direct' }), { type: 'signup', plan: 'standard' }, date, ctx);
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.membership;
}

describe('scheduled billing stays bounded', () => {
  // Before: the renewal after 9999-12-31 is "10000-01-31", which sorts before "9999-12-31", so the loop never ended.
  it('refuses to catch up past 2100-12-31 at once instead of looping until memory runs out', { timeout: 5_000 }, () => {
    for (const date of ['9999-12-31', '2101-01-01', '10000-01-01']) {
      // A small step budget too, so that losing the date check fails here at once rather than hanging.
      expect(() => advanceTo(joined('2026-01-31'), date, ctx, { maxSteps: 50 })).toThrow(ScheduleLimitError);
      expect(() => advanceTo(joined('2026-01-31'), date, ctx, { maxSteps: 50 })).toThrow(/runs up to 2100-12-31/);
    }
  });

  it('catches up the widest range allowed, 2000 to 2100, in one renewal a month', { timeout: 5_000 }, () => {
    const result: Accepted = advanceTo(joined('2000-01-31'), '2100-12-31', ctx);
    // Every month end from 2000-02-29 to 2100-12-31.
    expect(result.lines).toHaveLength(100 * 12 + 11);
    expect(result.lines.at(-1)).toMatchObject({ date: '2100-12-31', reason: 'renewal', periodEnd: '2101-01-31' });
    expect(result.lines.length).toBeLessThan(MAX_SCHEDULED_STEPS);
  });

  it('refuses a stored schedule due before 2000 (a corrupt row) rather than catching up centuries', { timeout: 5_000 }, () => {
    const corrupt = { ...joined('2026-01-31'), anchor: '1000-01-31', periodStart: '1000-01-31', periodEnd: '1000-02-29' };
    expect(() => advanceTo(corrupt, '2026-12-01', ctx, { maxSteps: 50 })).toThrow(/before 2000-01-01/);
  });

  it('stops after the step budget whatever the dates', { timeout: 5_000 }, () => {
    expect(() => advanceTo(joined('2000-01-31'), '2100-12-31', ctx, { maxSteps: 100 })).toThrow(/more than 100 scheduled steps/);
  });

  it('ends a membership that keeps failing to pay after its retries, whatever the span', { timeout: 5_000 }, () => {
    const result = advanceTo(joined('2000-01-31'), '2100-12-31', { ...ctx, pay: () => false });
    expect(result.membership.status).toBe('canceled');
    expect(result.lines).toHaveLength(4);
  });

  it('counts 2000-01-01 to 2100-12-31 as the supported dates', () => {
    expect(['2000-01-01', '2100-12-31', '2026-02-28'].every(isSupportedDate)).toBe(true);
    expect(['1999-12-31', '2101-01-01', '9999-12-01', '0050-01-01', '2026-02-30', 20260101].some(isSupportedDate)).toBe(false);
  });
});
