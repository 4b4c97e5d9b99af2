/**
 * Compares training settings before one is adopted:
 *   node --import tsx src/modules/triage/crossvalidate.ts '{"publicWeight":0.75}' ['{"balance":0.5}' …]
 * For each setting (merged over train.ts SETTINGS; '{}' is the shipped one), a
 * 4-fold cross-validation of the training part of the public crowd-written
 * lines: each fold's model learns from all our lines and the other three
 * folds, and is scored on the fold it never saw, and on the two development
 * sets (their mean over the four models). Nothing here is written to disk.
 * A setting is adopted only if it is better on the public folds and on the
 * second development set (dev-styles), which nobody tuned on.
 * --quick scores the calibration-step model (85 % of the lines) instead of
 * fitting again on all of them: half the time, for busy machines.
 */
import { seededRandom } from './augment.ts';
import { DEV_FILE, DEV_STYLES_FILE, publicSplit, readLabelled, TRAIN_FILE, TRAIN_LANGUAGES_FILE, type SourcedMessage } from './dataset.ts';
import { evaluate } from './evaluate.ts';
import { asModel, fitLines, SETTINGS, type Settings } from './train.ts';
import { createTriage } from './triage.ts';

const FOLDS = 4;
const FOLD_SEED = 20261206;

function folds(lines: SourcedMessage[]): SourcedMessage[][] {
  const random = seededRandom(FOLD_SEED);
  const order = lines.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return Array.from({ length: FOLDS }, (_, f) => order.filter((_, k) => k % FOLDS === f).map((i) => lines[i]));
}

const own = [...readLabelled(TRAIN_FILE), ...readLabelled(TRAIN_LANGUAGES_FILE)];
const publicFolds = folds(publicSplit().train);
const dev = readLabelled(DEV_FILE);
const devStyles = readLabelled(DEV_STYLES_FILE);
const pct = (x: number) => (x * 100).toFixed(1);

const quick = process.argv.includes('--quick');
const settingsArguments = process.argv.slice(2).filter((a) => a !== '--quick');
for (const argument of settingsArguments.length ? settingsArguments : ['{}']) {
  const settings: Settings = { ...SETTINGS, ...(JSON.parse(argument) as Partial<Settings>) };
  const sums = { folds: 0, foldsEce: 0, dev: 0, devStyles: 0, devStylesEce: 0 };
  const started = Date.now();
  for (let f = 0; f < FOLDS; f++) {
    const lines = [...own, ...publicFolds.filter((_, g) => g !== f).flat()];
    const classify = createTriage(asModel(fitLines(lines, settings, { skipFull: quick })));
    const held = evaluate(publicFolds[f], classify);
    const styles = evaluate(devStyles, classify);
    sums.folds += held.accuracy / FOLDS;
    sums.foldsEce += held.ece / FOLDS;
    sums.dev += evaluate(dev, classify).accuracy / FOLDS;
    sums.devStyles += styles.accuracy / FOLDS;
    sums.devStylesEce += styles.ece / FOLDS;
  }
  console.log(`${argument.padEnd(40)} public folds ${pct(sums.folds)} % (ECE ${sums.foldsEce.toFixed(3)})  dev ${pct(sums.dev)} %  dev-styles ${pct(sums.devStyles)} % (ECE ${sums.devStylesEce.toFixed(3)})  ${Math.round((Date.now() - started) / 1000)} s`);
}
