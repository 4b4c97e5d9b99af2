/**
 * The triage figures on every evaluation set, never trained on:
 *   node --import tsx src/modules/triage/report.ts [--errors]
 * the development set by language (and its out-of-scope recall), the public
 * held-back split, data/holdout.jsonl and the shared sample.
 */
import { existsSync } from 'node:fs';
import { DEV_FILE, DEV_PHONE_FILE, DEV_STYLES_FILE, HOLDOUT_FILE, publicSplit, readLabelled, SAMPLE_FILE, type SourcedMessage } from './dataset.ts';
import { clarify } from './clarify.ts';
import { evaluate } from './evaluate.ts';
import { triage } from './triage.ts';

const showErrors = process.argv.includes('--errors');
const pct = (x: number) => Math.round(x * 1000) / 10;

function line(name: string, messages: SourcedMessage[]): void {
  const result = evaluate(messages, triage);
  const oos = messages.filter((m) => m.intent === 'out_of_scope');
  const oosRight = oos.filter((m) => triage(m.text).intent === 'out_of_scope').length;
  const oosFalse = messages.filter((m) => m.intent !== 'out_of_scope' && triage(m.text).intent === 'out_of_scope').length;
  console.log(`${name.padEnd(28)} n=${String(result.messages).padStart(4)} top-1 ${pct(result.accuracy).toFixed(1).padStart(5)} %  macro-F1 ${result.macroF1.toFixed(3)}  ECE ${result.ece.toFixed(3)}${oos.length ? `  oos recall ${oosRight}/${oos.length}, false oos ${oosFalse}` : ''}`);
  if (showErrors) for (const e of result.errors) console.log(`    ${e.expected} → ${e.got} (${e.confidence}) ${e.text.slice(0, 110)}`);
}

const dev = readLabelled(DEV_FILE);
for (const lang of ['en', 'de', 'es', 'pt']) line(`dev ${lang}`, dev.filter((m) => m.lang === lang));
line('dev all', dev);
const devStyles = readLabelled(DEV_STYLES_FILE);
for (const lang of ['en', 'de', 'es', 'pt']) line(`dev-styles ${lang}`, devStyles.filter((m) => m.lang === lang));
line('dev-styles all', devStyles);
const devPhone = readLabelled(DEV_PHONE_FILE);
for (const lang of ['en', 'de', 'es', 'pt']) line(`dev-phone ${lang}`, devPhone.filter((m) => m.lang === lang));
line('dev-phone all', devPhone);
line('public held-back (20 %)', publicSplit().heldBack);
line('holdout.jsonl', readLabelled(HOLDOUT_FILE));
if (existsSync(SAMPLE_FILE)) line('shared sample', readLabelled(SAMPLE_FILE));

// The clarifying question (clarify.ts): how often it is asked, how right the answers above the threshold are,
// and how often the right intent is among its buttons.
const asked = (name: string, messages: SourcedMessage[]) => {
  let ask = 0;
  let answered = 0;
  let answeredRight = 0;
  let rightAmongChoices = 0;
  for (const m of messages) {
    const result = triage(m.text);
    const question = clarify(result);
    if (question) {
      ask++;
      if (question.choices.some((c) => c.intent === m.intent)) rightAmongChoices++;
    } else {
      answered++;
      if (result.intent === m.intent) answeredRight++;
    }
  }
  console.log(`clarify on ${name.padEnd(17)} asked ${ask}/${messages.length} (${pct(ask / messages.length)} %), right intent among its buttons ${rightAmongChoices}/${ask}; answered without asking: ${pct(answeredRight / Math.max(1, answered))} % right`);
};
asked('dev (all)', dev);
asked('dev-styles (all)', devStyles);
asked('holdout.jsonl', readLabelled(HOLDOUT_FILE));
