import type { Intent } from './intents.ts';
import type { TriageResult } from './triage.ts';

export type LabelledMessage = { text: string; intent: Intent };

export type Evaluation = {
  messages: number;
  accuracy: number;
  macroF1: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  ece: number;
  errors: { text: string; expected: Intent; got: Intent; confidence: number }[];
};

/** Top-1 accuracy, macro-F1 over the intents present, and calibration of the confidence. */
export function evaluate(messages: readonly LabelledMessage[], classify: (text: string) => TriageResult): Evaluation {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const bins = Array.from({ length: 10 }, () => ({ n: 0, correct: 0, confidence: 0 }));
  const errors: Evaluation['errors'] = [];
  let correct = 0;
  for (const message of messages) {
    const result = classify(message.text);
    const right = result.intent === message.intent;
    if (right) {
      correct++;
      bump(tp, message.intent);
    } else {
      bump(fp, result.intent);
      bump(fn, message.intent);
      errors.push({ text: message.text, expected: message.intent, got: result.intent, confidence: result.confidence });
    }
    const bin = bins[Math.min(9, Math.floor(result.confidence * 10))];
    bin.n++;
    bin.confidence += result.confidence;
    if (right) bin.correct++;
  }
  const labels = new Set(messages.map((m) => m.intent));
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precision = t + (fp.get(label) ?? 0) === 0 ? 0 : t / (t + (fp.get(label) ?? 0));
    const recall = t / (t + (fn.get(label) ?? 0));
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const n = messages.length;
  const ece = bins.reduce((sum, bin) => (bin.n === 0 ? sum : sum + (bin.n / n) * Math.abs(bin.correct / bin.n - bin.confidence / bin.n)), 0);
  return { messages: n, accuracy: correct / n, macroF1: f1Sum / labels.size, ece, errors };
}
