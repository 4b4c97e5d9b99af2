/**
 * Trains the triage model and writes model/model.json:
 *   node --import tsx src/modules/triage/train.ts
 * Deterministic (fixed seed): the same data gives the same file. It learns
 * from data/train.jsonl (our English lines), data/train-languages.jsonl (our
 * German, Spanish and Portuguese lines) and the training part of the public
 * crowd-written lines (dataset.ts publicSplit; its held-back 20 % is never
 * read here). The held-out set (data/holdout.jsonl), the development set and
 * the shared sample are never read here either.
 *
 * 1. Every line becomes three or four examples (augment.ts).
 * 2. 15 % of the written lines (with their variants), per intent, are held
 *    back; a model fitted on the rest gives their scores, and the temperature
 *    that minimises their log loss is the calibration.
 * 3. The shipped model is fitted on all lines with the same settings and
 *    that temperature.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asEmail, withTypos, languageVariants, publicVariants, seededRandom, variants, type Random } from './augment.ts';
import { publicSplit, readLabelled, TRAIN_FILE, TRAIN_LANGUAGES_FILE, type SourcedMessage } from './dataset.ts';
import { extractEntities } from './entities.rules.ts';
import { DIMENSIONS, extractFeatures, HASH_BITS, newFeatureBuffer } from './features.ts';
import { INTENTS } from './intents.ts';
import { MODEL_FILE, softmax, type Model, type StoredModel } from './model.ts';

const SEED = 20261127;
/** publicWeight: how much one public example counts against one of ours (they are many, and about a bank, not us). */
/**
 * labelSmoothing: the share of each example's target spread over all intents (0: one-hot).
 * emailForms: also learn each of our lines inside an email (greeting, sign-off, signature; augment.ts asEmail).
 * calibrateOn: which held-back forms the temperatures are fitted on: every form, or the lines as written only.
 */
export type Settings = { epochs: number; learningRate: number; decay: number; l2: number; publicWeight: number; balance: number; labelSmoothing: number; calibrateOn: 'all' | 'written'; emailForms: boolean };
export const SETTINGS: Settings = { epochs: 20, learningRate: 4, decay: 0.2, l2: 1e-7, publicWeight: 0.5, balance: 0, labelSmoothing: 0.1, calibrateOn: 'all', emailForms: false };
const CALIBRATION_SHARE = 0.15;
/** Rows whose largest weight is below this are dropped from the file (they cannot change a ranking). */
const PRUNE_BELOW = 0.01;
/** A language gets a temperature of its own when it has at least this many held-back examples. */
const MIN_LANGUAGE_CALIBRATION = 150;

type Example = { index: Int32Array; value: Float32Array; label: number; group: number; weight: number; written: boolean; language: string };
type Weights = { w: Float32Array; b: Float64Array };

const K = INTENTS.length;

function featurise(text: string, label: number, group: number, weight: number, written: boolean, language: string): Example {
  const x = extractFeatures(text, extractEntities(text), newFeatureBuffer());
  return { index: x.index.slice(0, x.length), value: x.value.slice(0, x.length), label, group, weight, written, language };
}

function shuffle<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function logits(model: Weights, x: Example, z: Float64Array): Float64Array {
  for (let c = 0; c < K; c++) z[c] = model.b[c];
  for (let f = 0; f < x.index.length; f++) {
    const v = x.value[f];
    const base = x.index[f] * K;
    for (let c = 0; c < K; c++) z[c] += v * model.w[base + c];
  }
  return z;
}

/** Plain SGD on the softmax log loss with a decaying rate and lazy L2 on the rows each example touches. */
function fit(examples: Example[], random: Random, settings: Settings): Weights {
  const model: Weights = { w: new Float32Array(DIMENSIONS * K), b: new Float64Array(K) };
  const z = new Float64Array(K);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const rate = settings.learningRate / (1 + settings.decay * epoch);
    for (const i of shuffle(order, random)) {
      const x = examples[i];
      const p = softmax(logits(model, x, z));
      // Gradient of the log loss against the (smoothed) target.
      if (settings.labelSmoothing > 0) for (let c = 0; c < K; c++) p[c] -= settings.labelSmoothing / K;
      p[x.label] -= 1 - settings.labelSmoothing;
      for (let c = 0; c < K; c++) p[c] *= x.weight;
      for (let c = 0; c < K; c++) model.b[c] -= rate * 0.1 * p[c];
      for (let f = 0; f < x.index.length; f++) {
        const v = x.value[f];
        const base = x.index[f] * K;
        for (let c = 0; c < K; c++) model.w[base + c] -= rate * (p[c] * v + settings.l2 * model.w[base + c]);
      }
    }
  }
  return model;
}

function logLoss(scores: Float64Array[], labels: number[], temperature: number): number {
  let loss = 0;
  const z = new Float64Array(K);
  scores.forEach((s, i) => {
    z.set(s);
    loss -= Math.log(Math.max(1e-12, softmax(z, temperature)[labels[i]]));
  });
  return loss / scores.length;
}

/** Golden-section search of the temperature on [0.2, 5]: the log loss is unimodal in it. */
function fitTemperature(scores: Float64Array[], labels: number[]): number {
  let lo = 0.2;
  let hi = 5;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 60; step++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (logLoss(scores, labels, a) < logLoss(scores, labels, b)) hi = b;
    else lo = a;
  }
  return Math.round(((lo + hi) / 2) * 1000) / 1000;
}

function quantise(model: Weights): Pick<StoredModel, 'rows' | 'scales' | 'weights'> & { kept: number } {
  const rows: number[] = [];
  const scales: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < DIMENSIONS; r++) {
    let max = 0;
    for (let c = 0; c < K; c++) max = Math.max(max, Math.abs(model.w[r * K + c]));
    if (max < PRUNE_BELOW) continue;
    rows.push(r);
    scales.push(max / 127);
    for (let c = 0; c < K; c++) weights.push(Math.round((model.w[r * K + c] / max) * 127));
  }
  return {
    rows: Buffer.from(Uint32Array.from(rows).buffer).toString('base64'),
    scales: Buffer.from(Float32Array.from(scales).buffer).toString('base64'),
    weights: Buffer.from(Int8Array.from(weights).buffer).toString('base64'),
    kept: rows.length,
  };
}

/** The lines the shipped model learns from: ours in every language and the training part of the public lines. */
export function trainingLines(): SourcedMessage[] {
  return [...readLabelled(TRAIN_FILE), ...readLabelled(TRAIN_LANGUAGES_FILE), ...publicSplit().train];
}

export type Fitted = { weights: Weights; temperature: number; temperatures: Record<string, number>; calibrations: Record<Settings['calibrateOn'], Calibration>; calibrationAccuracy: number; calibrationLines: number; examples: number };

/**
 * Steps 1 to 3 on any set of lines (crossvalidate.ts gives it folds): the
 * calibration fit on 85 %, the temperature, then the fit on everything.
 */
export function fitLines(lines: SourcedMessage[], settings: Settings = SETTINGS, options: { skipFull?: boolean } = {}): Fitted {
  const random = seededRandom(SEED);
  const byIntent = new Map<string, number[]>();
  lines.forEach((line, i) => byIntent.set(line.intent, [...(byIntent.get(line.intent) ?? []), i]));
  const missing = INTENTS.filter((intent) => !byIntent.has(intent));
  if (missing.length > 0) throw new Error(`train.jsonl has no line for ${missing.join(', ')}`);

  const calibrationLines = new Set<number>();
  for (const group of byIntent.values()) shuffle([...group], random).slice(0, Math.round(group.length * CALIBRATION_SHARE)).forEach((i) => calibrationLines.add(i));

  const examples: Example[] = [];
  lines.forEach((line, group) => {
    const label = INTENTS.indexOf(line.intent);
    const own = line.source === 'own';
    const forms = !own ? publicVariants(line.text, random) : line.lang && line.lang !== 'en' ? languageVariants(line.text, random) : variants(line.text, random);
    if (own && settings.emailForms) forms.push(asEmail(random() < 0.5 ? line.text : withTypos(line.text, random), line.lang ?? 'en', random));
    forms.forEach((text, form) => examples.push(featurise(text, label, group, own ? 1 : settings.publicWeight, form === 0, line.lang ?? 'en')));
  });
  balanceClasses(examples, settings.balance);

  const fitting = examples.filter((x) => !calibrationLines.has(x.group));
  const held = examples.filter((x) => calibrationLines.has(x.group));
  const partial = fit(fitting, seededRandom(SEED + 1), settings);
  const heldScores = held.map((x) => Float64Array.from(logits(partial, x, new Float64Array(K))));
  const calibrationAccuracy = heldScores.filter((s, i) => s.indexOf(Math.max(...s)) === held[i].label).length / held.length;
  const calibrations = {
    all: calibrate(held, heldScores, () => true),
    written: calibrate(held, heldScores, (x) => x.written),
  };
  const { temperature, temperatures } = calibrations[settings.calibrateOn];
  const weights = options.skipFull ? partial : fit(examples, seededRandom(SEED + 1), settings);
  return { weights, temperature, temperatures, calibrations, calibrationAccuracy, calibrationLines: calibrationLines.size, examples: examples.length };
}

type Calibration = { temperature: number; temperatures: Record<string, number> };

/**
 * The temperature minimising the log loss of the held-back examples that `use` picks, overall and per
 * language with enough of them (the model is surer in English, which has most lines, than in the others).
 */
function calibrate(held: Example[], scores: Float64Array[], use: (x: Example) => boolean): Calibration {
  const chosen = held.map((x, i) => [x, i] as const).filter(([x]) => use(x));
  const temperatureOf = (picked: (readonly [Example, number])[]) => fitTemperature(picked.map(([, i]) => scores[i]), picked.map(([x]) => x.label));
  const temperatures: Record<string, number> = {};
  for (const language of [...new Set(chosen.map(([x]) => x.language))].sort()) {
    const mine = chosen.filter(([x]) => x.language === language);
    if (mine.length >= MIN_LANGUAGE_CALIBRATION) temperatures[language] = temperatureOf(mine);
  }
  return { temperature: temperatureOf(chosen), temperatures };
}

/**
 * Multiplies each example's weight by (mean class weight / its class's weight)^power, so that
 * intents with many lines (out_of_scope, the banking-mapped ones) do not pull the rest.
 * power 0 leaves the weights alone.
 */
function balanceClasses(examples: Example[], power: number): void {
  if (power === 0) return;
  const total = new Float64Array(K);
  for (const x of examples) total[x.label] += x.weight;
  const mean = total.reduce((a, b) => a + b, 0) / K;
  for (const x of examples) x.weight *= (mean / total[x.label]) ** power;
}

/** An in-memory model of fitted weights, for triage.ts createTriage (crossvalidate.ts uses it unquantised). */
export function asModel(fitted: Fitted): Model {
  return { classes: [...INTENTS], temperature: fitted.temperature, temperatures: fitted.temperatures, bias: Float32Array.from(fitted.weights.b), weights: fitted.weights.w };
}

export function train(settings: Settings = SETTINGS): { stored: StoredModel; calibrationAccuracy: number } {
  const lines = trainingLines();
  const fitted = fitLines(lines, settings);
  const full = fitted.weights;
  const { kept, ...packed } = quantise(full);
  const stored: StoredModel = {
    version: 1,
    hashBits: HASH_BITS,
    classes: [...INTENTS],
    temperature: fitted.temperature,
    temperatures: fitted.temperatures,
    bias: Array.from(full.b, (b) => Math.round(b * 1e5) / 1e5),
    ...packed,
    training: {
      seed: SEED,
      lines: lines.length,
      ownLines: lines.filter((line) => line.source === 'own').length,
      publicLines: lines.filter((line) => line.source !== 'own').length,
      examples: fitted.examples,
      ...settings,
      calibrationLines: fitted.calibrationLines,
      calibrationAccuracy: Math.round(fitted.calibrationAccuracy * 10000) / 10000,
      featureRows: kept,
    },
  };
  return { stored, calibrationAccuracy: fitted.calibrationAccuracy };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { stored } = train();
  writeFileSync(MODEL_FILE, `${JSON.stringify(stored)}\n`);
  process.stdout.write(`${JSON.stringify({ model: fileURLToPath(MODEL_FILE), temperature: stored.temperature, temperatures: stored.temperatures, ...stored.training, seconds: (Date.now() - started) / 1000 })}\n`);
}
