import { extractEntities, type Entities } from './entities.rules.ts';
import { extractFeatures, newFeatureBuffer } from './features.ts';
import type { Intent } from './intents.ts';
import { detectLanguage } from './language.ts';
import { loadModel, scores, softmax, temperatureFor, type Model } from './model.ts';

export type ScoredIntent = { intent: Intent; confidence: number };
/** The contract's four fields (contracts/intents.md), and the message's language (ISO 639-1) as an extra. */
export type TriageResult = { intent: Intent; confidence: number; alternatives: ScoredIntent[]; entities: Entities; language: string };

/** Longest message accepted by the API and the command line (a chat message, not a document). */
export const MAX_TEXT_LENGTH = 5000;

/** Alternatives worth showing: the next few intents, if the model gives them any weight. */
const MAX_ALTERNATIVES = 3;
const MIN_ALTERNATIVE = 0.01;

// Never "certain": a rounded 1 would read as a guarantee.
const round = (p: number) => Math.min(0.999, Math.round(p * 1000) / 1000);

export type Triage = (text: string) => TriageResult;

/** A triage function bound to one model; pure apart from reusing its scratch buffers. */
export function createTriage(model: Model): Triage {
  const buffer = newFeatureBuffer();
  const z = new Float64Array(model.classes.length);
  const order = model.classes.map((_, i) => i);
  return (text) => {
    const entities = extractEntities(text);
    const language = detectLanguage(text);
    const p = softmax(scores(model, extractFeatures(text, entities, buffer), z), temperatureFor(model, language));
    order.sort((a, b) => p[b] - p[a]);
    const alternatives: ScoredIntent[] = [];
    for (let r = 1; r <= MAX_ALTERNATIVES && p[order[r]] >= MIN_ALTERNATIVE; r++) alternatives.push({ intent: model.classes[order[r]], confidence: round(p[order[r]]) });
    return { intent: model.classes[order[0]], confidence: round(p[order[0]]), alternatives, entities, language };
  };
}

let shared: Triage | undefined;

/** The shipped model (model/model.json), loaded once on first use. */
export function triage(text: string): TriageResult {
  shared ??= createTriage(loadModel());
  return shared(text);
}

/** Loads the shipped model now, so the first request does not pay for it. */
export function warmTriage(): void {
  shared ??= createTriage(loadModel());
}
