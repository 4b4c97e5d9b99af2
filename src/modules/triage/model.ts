import { readFileSync } from 'node:fs';
import { DIMENSIONS, HASH_BITS, type FeatureBuffer } from './features.ts';
import { isIntent, type Intent } from './intents.ts';

/**
 * A multinomial logistic regression over hashed features (features.ts),
 * trained by train.ts and stored in model/model.json: only the feature rows
 * the training touched, each as int8 weights with one float scale.
 */
export type StoredModel = {
  version: 1;
  hashBits: number;
  classes: string[];
  temperature: number;
  /** Per message language (ISO 639-1), fitted like `temperature` on that language's held-back lines; others use `temperature`. */
  temperatures?: Record<string, number>;
  bias: number[];
  /** base64 of little-endian Uint32 feature ids, ascending. */
  rows: string;
  /** base64 of Float32 scales, one per row. */
  scales: string;
  /** base64 of Int8 weights, rows × classes. */
  weights: string;
  training: Record<string, unknown>;
};

export type Model = {
  classes: readonly Intent[];
  temperature: number;
  /** Per language (ISO 639-1); a language not listed uses `temperature`. */
  temperatures?: Readonly<Record<string, number>>;
  bias: Float32Array;
  /** Dense, feature-major: weights[feature * classes + class]. */
  weights: Float32Array;
};

export const MODEL_FILE = new URL('./model/model.json', import.meta.url);

function decode(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

export function parseModel(stored: StoredModel): Model {
  if (stored.version !== 1 || stored.hashBits !== HASH_BITS) throw new Error(`triage model: expected version 1 with ${HASH_BITS} hash bits; retrain it (docs/triage.md)`);
  const classes = stored.classes.map((name) => {
    if (!isIntent(name)) throw new Error(`triage model: unknown intent ${name}; retrain it (docs/triage.md)`);
    return name;
  });
  const k = classes.length;
  const rowBytes = decode(stored.rows);
  const scaleBytes = decode(stored.scales);
  const weightBytes = decode(stored.weights);
  const rows = new Uint32Array(rowBytes.buffer.slice(rowBytes.byteOffset, rowBytes.byteOffset + rowBytes.byteLength));
  const scales = new Float32Array(scaleBytes.buffer.slice(scaleBytes.byteOffset, scaleBytes.byteOffset + scaleBytes.byteLength));
  const quantised = new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength);
  const weights = new Float32Array(DIMENSIONS * k);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * k;
    for (let c = 0; c < k; c++) weights[base + c] = quantised[r * k + c] * scales[r];
  }
  return { classes, temperature: stored.temperature, ...(stored.temperatures ? { temperatures: stored.temperatures } : {}), bias: Float32Array.from(stored.bias), weights };
}

export function loadModel(file: URL | string = MODEL_FILE): Model {
  return parseModel(JSON.parse(readFileSync(file, 'utf8')) as StoredModel);
}

/** The temperature for a message in `language`: its own if calibrated, else the overall one. */
export function temperatureFor(model: Model, language: string): number {
  return model.temperatures?.[language] ?? model.temperature;
}

/** Raw scores, one per class, into `out`. */
export function scores(model: Model, x: FeatureBuffer, out: Float64Array): Float64Array {
  const k = model.classes.length;
  const w = model.weights;
  for (let c = 0; c < k; c++) out[c] = model.bias[c];
  for (let f = 0; f < x.length; f++) {
    const v = x.value[f];
    const base = x.index[f] * k;
    for (let c = 0; c < k; c++) out[c] += v * w[base + c];
  }
  return out;
}

/** Softmax of scores / temperature, in place. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c] - max) / temperature);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}
