import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { loadCatalog } from '../modules/billing/index.ts';
import { parseScenario, ScenarioError } from '../modules/billing/simulate/scenario.ts';
import { simulate } from '../modules/billing/simulate/simulate.ts';
import { printJson, UsageError } from './cli-io.ts';

export function runSimulateCommand(args: readonly string[]): void {
  const file = args[0];
  if (!file) throw new UsageError('usage: usher simulate SCENARIO.json');
  let json: unknown;
  try {
    json = JSON.parse(file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read scenario ${file}: ${(error as Error).message}`);
  }
  try {
    const scenario = parseScenario(json);
    printJson(simulate(scenario, loadCatalog(loadConfig().catalogFile)));
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(`malformed scenario: ${error.message}`);
    throw error;
  }
}
