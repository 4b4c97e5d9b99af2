import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../index.ts';
import { parseScenario, ScenarioError } from './scenario.ts';
import { checkEventCount, checkScenarioBudget, PUBLIC_SCENARIO_BUDGET, ScenarioBudgetError } from './scenario-budget.ts';
import { simulate } from './simulate.ts';

const account = { country: 'US', region: 'WA' };
const signup = { date: '2026-01-31', type: 'signup', plan: 'standard' };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof ScenarioBudgetError) return error.field;
    throw error;
  }
  return undefined;
}

describe('scenario dates', () => {
  it('refuses every date outside 2000-01-01 to 2100-12-31, naming the field', { timeout: 5_000 }, () => {
    const cases: [unknown, string][] = [
      [{ account, events: [signup, { date: '9999-12-01', type: 'cancel' }] }, 'events[1].date'],
      [{ account, events: [signup], until: '9999-12-31' }, 'until'],
      [{ account, events: [{ ...signup, date: '1999-12-31' }] }, 'events[0].date'],
      // Date.UTC reads the year 0050 as 1950.
      [{ account, events: [{ ...signup, date: '0050-01-31' }] }, 'events[0].date'],
      [{ account, events: [signup, { date: '2026-02-01', type: 'price_change', country: 'US', plan: 'standard', price: 1, announced: '2026-02-01', effective: '2200-01-01' }] }, 'events[1].effective'],
      [{ account, events: [signup, { date: '2026-02-01', type: 'price_change', country: 'US', plan: 'standard', price: 1, announced: '1900-01-01', effective: '2026-03-01' }] }, 'events[1].announced'],
      [{ account, events: [signup, { date: '2026-02-01', type: 'refund', charge_date: '9999-01-31' }] }, 'events[1].charge_date'],
    ];
    for (const [scenario, field] of cases) expect(fieldOf(() => parseScenario(scenario))).toBe(field);
  });

  it('keeps the message for a date that is not one', () => {
    expect(() => parseScenario({ account, events: [{ ...signup, date: '2026-02-30' }] })).toThrow('events[0].date: a calendar date written YYYY-MM-DD');
  });

  it('runs the widest scenario the command line accepts, 2000 to 2100: one renewal a month', { timeout: 5_000 }, () => {
    const result = simulate(parseScenario({ account, events: [{ ...signup, date: '2000-01-31' }], until: '2100-12-31' }), loadCatalog('config/catalog.json'));
    expect(result.ledger).toHaveLength(1 + 100 * 12 + 11);
  });

  it('refuses a pause of a billion months as PAUSE_LIMIT without computing it', { timeout: 5_000 }, () => {
    const result = simulate(parseScenario({ account, events: [signup, { date: '2026-02-01', type: 'pause', months: 1e9 }, { date: '2026-02-02', type: 'pause', months: 1 }, { date: '2026-02-03', type: 'extend_pause', months: 1e15 }] }), loadCatalog('config/catalog.json'));
    expect(result.rejected.map((r) => [r.event, r.code])).toEqual([[1, 'PAUSE_LIMIT'], [3, 'PAUSE_LIMIT']]);
  });
});

describe('the public simulator’s budget', () => {
  const budget = PUBLIC_SCENARIO_BUDGET;

  it('counts events before reading them', () => {
    expect(() => checkEventCount(Array.from({ length: budget.maxEvents }), budget)).not.toThrow();
    expect(() => checkEventCount(Array.from({ length: budget.maxEvents + 1 }), budget)).toThrow(expect.objectContaining({ code: 'SIMULATION_TOO_LARGE', field: 'events' }));
  });

  it('allows 10 years from the first event, to the day, and no more', () => {
    const scenario = (until: string, events: unknown[] = [signup, { date: '2027-05-01', type: 'cancel' }]) => parseScenario({ account, events, until });
    expect(() => checkScenarioBudget(scenario('2036-01-31'), budget)).not.toThrow();
    expect(fieldOf(() => checkScenarioBudget(scenario('2036-02-01'), budget))).toBe('until');
    // Without `until` the last event ends the run; events are taken in date order, not in the order written.
    const unordered = [{ date: '2037-01-01', type: 'cancel' }, signup, { date: '2027-01-01', type: 'cancel' }];
    expect(fieldOf(() => checkScenarioBudget(parseScenario({ account, events: unordered }), budget))).toBe('events[0].date');
    expect(() => checkScenarioBudget(parseScenario({ account, events: [], until: '2100-12-31' }), budget)).not.toThrow();
  });
});
