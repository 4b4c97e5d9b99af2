/**
 * Compares training settings on every development set without writing the model:
 *   node --import tsx src/modules/triage/dev-sets/experiment.ts [--quick] '{}' '{"labelSmoothing":0.1}' …
 * For each setting (merged over train.ts SETTINGS), fits the model as train.ts does and prints top-1 and ECE
 * per set and language, with the per-language temperatures and with the single overall one.
 * --quick scores the calibration-step model (85 % of the lines), in half the time.
 * The sets in NOT_YET (written to check the final model once) are never scored here.
 */
import { DEV_FILE, DEV_PHONE_FILE, DEV_STYLES_FILE, devSetFiles, HOLDOUT_FILE, publicSplit, readLabelled, type SourcedMessage } from '../dataset.ts';
import { evaluate } from '../evaluate.ts';
import { asModel, fitLines, SETTINGS, trainingLines, type Settings } from '../train.ts';
import type { Model } from '../model.ts';
import { createTriage } from '../triage.ts';

const quick = process.argv.includes('--quick');
/** Measured once, on the committed model only (measure.ts), never while choosing settings. */
const NOT_YET = new Set(['members-b2-2026-12-06.jsonl']);
const sets: [string, SourcedMessage[]][] = [
  ['dev', readLabelled(DEV_FILE)],
  ['styles', readLabelled(DEV_STYLES_FILE)],
  ['phone', readLabelled(DEV_PHONE_FILE)],
  ...devSetFiles().filter((f) => !NOT_YET.has(f.pathname.split('/').pop() ?? '')).map((f) => [f.pathname.split('/').pop()!.replace(/-2026.*$/, ''), readLabelled(f)] as [string, SourcedMessage[]]),
];
const publicHeld = publicSplit().heldBack;
const holdout = readLabelled(HOLDOUT_FILE);
const lines = trainingLines();
const pct = (x: number) => (x * 100).toFixed(1);

for (const argument of process.argv.slice(2).filter((a) => a !== '--quick').concat(process.argv.slice(2).filter((a) => a !== '--quick').length ? [] : ['{}'])) {
  const settings: Settings = { ...SETTINGS, ...(JSON.parse(argument) as Partial<Settings>) };
  const started = Date.now();
  const fitted = fitLines(lines, settings, { skipFull: quick });
  console.log(`${argument}  calibration accuracy ${pct(fitted.calibrationAccuracy)}  ${Math.round((Date.now() - started) / 1000)} s`);
  const variants: [string, Model][] = [];
  for (const on of ['all', 'written'] as const) {
    const { temperature, temperatures } = fitted.calibrations[on];
    console.log(`  calibrated on ${on} forms: T ${temperature} ${JSON.stringify(temperatures)}`);
    variants.push([`${on}, per-language T`, { ...asModel(fitted), temperature, temperatures }], [`${on}, one T`, { ...asModel(fitted), temperature, temperatures: {} }]);
  }
  for (const [variant, model] of variants) {
    const classify = createTriage(model);
    const cells: string[] = [];
    for (const [name, messages] of sets) {
      for (const lang of ['en', 'de', 'es', 'pt']) {
        const r = evaluate(messages.filter((m) => (m.lang ?? 'en') === lang), classify);
        cells.push(`${name}/${lang} ${pct(r.accuracy)} (${r.ece.toFixed(3)})`);
      }
    }
    // Every development line of a language together: ECE on 60 lines is mostly noise.
    for (const lang of ['en', 'de', 'es', 'pt']) {
      const r = evaluate(sets.flatMap(([, messages]) => messages.filter((m) => (m.lang ?? 'en') === lang)), classify);
      cells.push(`ALL/${lang} ${pct(r.accuracy)} (${r.ece.toFixed(3)})`);
    }
    const p = evaluate(publicHeld, classify);
    const h = evaluate(holdout, classify);
    cells.push(`public ${pct(p.accuracy)} (${p.ece.toFixed(3)})`, `holdout ${pct(h.accuracy)} (${h.ece.toFixed(3)})`);
    console.log(`  ${variant}:`);
    for (let i = 0; i < cells.length; i += 4) console.log(`    ${cells.slice(i, i + 4).map((c) => c.padEnd(26)).join(' ')}`);
  }
}
