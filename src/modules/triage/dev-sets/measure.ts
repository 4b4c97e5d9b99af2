/**
 * Figures of the triage on a development set of dev-sets/ (or any {"text","intent","lang"} file):
 *   node --import tsx src/modules/triage/dev-sets/measure.ts FILE [--errors] [--model MODEL.json]
 * Top-1 and ECE (10 bins) per language and in all, out-of-scope recall and false out-of-scope,
 * and how often the clarifying question is asked (clarify.ts) with the right intent among its buttons.
 * --model scores another model file (an earlier one from git, for a before/after) instead of the shipped one.
 */
import { clarify } from '../clarify.ts';
import { readLabelled, type SourcedMessage } from '../dataset.ts';
import { evaluate } from '../evaluate.ts';
import { loadModel } from '../model.ts';
import { createTriage, triage as shipped } from '../triage.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: measure.ts FILE [--errors]');
  process.exit(2);
}
const showErrors = process.argv.includes('--errors');
const modelAt = process.argv.indexOf('--model');
const triage = modelAt > 0 ? createTriage(loadModel(process.argv[modelAt + 1])) : shipped;
const pct = (x: number) => (Math.round(x * 1000) / 10).toFixed(1);

function line(name: string, messages: SourcedMessage[]): void {
  if (messages.length === 0) return;
  const result = evaluate(messages, triage);
  const oos = messages.filter((m) => m.intent === 'out_of_scope');
  const oosRight = oos.filter((m) => triage(m.text).intent === 'out_of_scope').length;
  const oosFalse = messages.filter((m) => m.intent !== 'out_of_scope' && triage(m.text).intent === 'out_of_scope').length;
  let confidence = 0;
  let asked = 0;
  let among = 0;
  let answeredRight = 0;
  for (const m of messages) {
    const r = triage(m.text);
    confidence += r.confidence;
    const q = clarify(r);
    if (q) {
      asked++;
      if (q.choices.some((c) => c.intent === m.intent)) among++;
    } else if (r.intent === m.intent) answeredRight++;
  }
  console.log(`${name.padEnd(6)} n=${String(messages.length).padStart(4)}  top-1 ${pct(result.accuracy).padStart(5)} % (${messages.length - result.errors.length})  ECE ${result.ece.toFixed(3)} (mean confidence ${pct(confidence / messages.length)} %)  oos ${oosRight}/${oos.length}, false oos ${oosFalse}  clarify asked ${asked} (right among buttons ${among}), answered right ${pct(answeredRight / Math.max(1, messages.length - asked))} %`);
  if (showErrors) for (const e of result.errors) console.log(`    ${e.expected} → ${e.got} (${e.confidence}) ${e.text.slice(0, 120)}`);
}

const messages = readLabelled(file);
for (const lang of ['en', 'de', 'es', 'pt']) line(lang, messages.filter((m) => (m.lang ?? 'en') === lang));
line('de/es/pt', messages.filter((m) => (m.lang ?? 'en') !== 'en'));
line('all', messages);
