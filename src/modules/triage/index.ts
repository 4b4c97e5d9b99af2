import { fileURLToPath } from 'node:url';
import type { UsherModule } from '../../platform/module.ts';
import { triage, warmTriage, type Triage } from './triage.ts';
import { triageRoutes } from './triage.routes.ts';

export { clarify, CLARIFY_BELOW, INTENT_LABELS, type Clarification, type ClarifyChoice } from './clarify.ts';
export { INTENTS, isIntent, type Intent } from './intents.ts';
export { detectLanguage } from './language.ts';
export type { Entities } from './entities.rules.ts';
export { MAX_TEXT_LENGTH, triage, type ScoredIntent, type Triage, type TriageResult } from './triage.ts';

export type TriageModule = UsherModule & { triage: Triage };

/** Triage has no tables and no dependencies: the model ships in model/model.json and is loaded once, at start. */
export function createTriageModule(): TriageModule {
  return {
    name: 'triage',
    migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
    routes: triageRoutes({ triage }),
    triage,
    async start() {
      warmTriage();
    },
  };
}
