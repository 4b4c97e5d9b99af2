import { addMonthsClamped, type IsoDate } from '../rules/calendar.ts';
import type { Scenario } from './scenario.ts';

/**
 * What one scenario may ask of the public simulator. The work of a run grows
 * with its events and with the months from the first event to the end (one
 * renewal a month, a few steps more in a month with a failed payment), so
 * both are capped: 500 events and 10 years run in a few milliseconds and
 * answer any question a member or an agent has about a bill. The command line
 * is the operator's own machine and has only the date range.
 */
export type ScenarioBudget = { maxEvents: number; maxYears: number };

export const PUBLIC_SCENARIO_BUDGET: ScenarioBudget = { maxEvents: 500, maxYears: 10 };

/** A scenario that is well formed but asks for more work than the budget allows. */
export class ScenarioBudgetError extends Error {
  constructor(
    readonly code: 'SIMULATION_TOO_LARGE' | 'SIMULATION_TOO_LONG',
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ScenarioBudgetError';
  }
}

/** Events that cannot be read are counted too: the count is checked before any event is parsed. */
export function checkEventCount(events: unknown, budget: ScenarioBudget): void {
  if (Array.isArray(events) && events.length > budget.maxEvents) {
    throw new ScenarioBudgetError('SIMULATION_TOO_LARGE', 'events', `at most ${budget.maxEvents} events, got ${events.length}`);
  }
}

/** The simulated time runs from the earliest event to `until` (or the last event): at most `maxYears`. */
export function checkScenarioBudget(scenario: Scenario, budget: ScenarioBudget): void {
  checkEventCount(scenario.events, budget);
  if (scenario.events.length === 0) return;
  let first = 0;
  let last = 0;
  scenario.events.forEach((event, index) => {
    if (event.date < scenario.events[first].date) first = index;
    if (event.date > scenario.events[last].date) last = index;
  });
  const start: IsoDate = scenario.events[first].date;
  const end: IsoDate = scenario.until ?? scenario.events[last].date;
  const latest = addMonthsClamped(start, budget.maxYears * 12);
  if (end > latest) {
    const field = scenario.until !== undefined ? 'until' : `events[${last}].date`;
    throw new ScenarioBudgetError('SIMULATION_TOO_LONG', field, `a simulation covers at most ${budget.maxYears} years: from the first event on ${start}, up to ${latest}, not ${end}`);
  }
}
