import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_FILE, DEV_PHONE_FILE, DEV_STYLES_FILE, devSetFiles, HOLDOUT_FILE, PUBLIC_FILE, publicSplit, readLabelled, SAMPLE_FILE, TRAIN_FILE, TRAIN_LANGUAGES_FILE } from './dataset.ts';
import { evaluate } from './evaluate.ts';
import { INTENTS, isIntent } from './intents.ts';
import { loadModel, temperatureFor } from './model.ts';
import { triage } from './triage.ts';

/** The public lines live in ../shared beside the clone; a clone elsewhere skips what needs them (the model ships trained). */
const HAS_PUBLIC = existsSync(PUBLIC_FILE);

describe('triage of a member message', () => {
  it('answers the contract shape: one intent, a confidence, alternatives and entities, and the language as an extra', () => {
    const result = triage('I get error NW-2-5 on my smart TV');
    expect(Object.keys(result).sort()).toEqual(['alternatives', 'confidence', 'entities', 'intent', 'language']);
    expect(result.language).toBe('en');
    expect(result.intent).toBe('streaming.app_error');
    expect(result.entities).toMatchObject({ error_code: 'NW-2-5', device: 'tv' });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(1);
  });

  it('only ever answers intent ids of contracts/intents.md, alternatives below the answer and distinct from it', () => {
    for (const text of ['', 'hello?', 'x'.repeat(5000), 'charged twice and cannot cancel and my password is gone', '¿dónde está mi reembolso?']) {
      const result = triage(text);
      expect(isIntent(result.intent)).toBe(true);
      expect(result.alternatives.length).toBeLessThanOrEqual(3);
      for (const alternative of result.alternatives) {
        expect(isIntent(alternative.intent)).toBe(true);
        expect(alternative.intent).not.toBe(result.intent);
        expect(alternative.confidence).toBeLessThanOrEqual(result.confidence);
      }
      const total = result.confidence + result.alternatives.reduce((sum, a) => sum + a.confidence, 0);
      expect(total).toBeLessThanOrEqual(1.002);
    }
  });

  it('calibrates each language on its own held-back lines: a temperature for en, de, es and pt, the overall one for others', () => {
    const model = loadModel();
    expect(Object.keys(model.temperatures ?? {}).sort()).toEqual(['de', 'en', 'es', 'pt']);
    expect(temperatureFor(model, 'de')).toBe(model.temperatures?.de);
    expect(temperatureFor(model, 'ja')).toBe(model.temperature);
  });

  it('ships a model that knows exactly the 25 intents', () => {
    expect(loadModel().classes).toEqual([...INTENTS]);
  });

  it('gives the same answer for the same text (no state between calls)', () => {
    const first = triage('you charged me after I cancelled');
    triage('something else entirely about gift cards');
    expect(triage('you charged me after I cancelled')).toEqual(first);
  });

  it('tells confusable billing problems apart', () => {
    expect(triage('i was billed two times for the same month').intent).toBe('billing.multiple_charges');
    expect(triage('I ended my plan in June and you still took money in July').intent).toBe('billing.charged_after_cancel');
    expect(triage('what is this payment, I have never had an account with you').intent).toBe('billing.unexpected_charge');
    expect(triage('I want my money back for last month').intent).toBe('billing.refund');
  });

  it('finds the problem at the end of a long story', () => {
    const story = 'Hello, so my family and I have been members for ages and we mostly watch cooking shows and the odd documentary on weekends, '
      + 'my kids love the cartoons and my husband watches football highlights. Anyway, today I went to the account page to stop the membership '
      + 'and there is simply no button to cancel anywhere';
    expect(triage(story).intent).toBe('membership.cannot_cancel');
  });

  it('trains on lines written for it: every intent at least 80 times', () => {
    const counts = new Map<string, number>();
    for (const line of readLabelled(TRAIN_FILE)) counts.set(line.intent, (counts.get(line.intent) ?? 0) + 1);
    for (const intent of INTENTS) expect(counts.get(intent) ?? 0, intent).toBeGreaterThanOrEqual(80);
  });

  it('never trains on a held-out, development or held-back public line', () => {
    const split = HAS_PUBLIC ? publicSplit() : { train: [], heldBack: [] };
    const train = new Set([...readLabelled(TRAIN_FILE), ...readLabelled(TRAIN_LANGUAGES_FILE), ...split.train].map((line) => line.text.toLowerCase()));
    const holdout = readLabelled(HOLDOUT_FILE);
    expect(holdout.length).toBeGreaterThanOrEqual(INTENTS.length * 20);
    for (const set of [holdout, readLabelled(DEV_FILE), readLabelled(DEV_STYLES_FILE), readLabelled(DEV_PHONE_FILE), ...devSetFiles().map((f) => readLabelled(f)), split.heldBack]) expect(set.filter((line) => train.has(line.text.toLowerCase()))).toEqual([]);
  });

  it.skipIf(!HAS_PUBLIC)('holds back a fixed, stratified 20 % of the public lines', () => {
    const { train, heldBack } = publicSplit();
    expect(publicSplit().heldBack).toEqual(heldBack);
    expect(heldBack.length / (train.length + heldBack.length)).toBeCloseTo(0.2, 2);
    for (const source of new Set(train.map((line) => line.source))) {
      const held = heldBack.filter((line) => line.source === source).length;
      const all = held + train.filter((line) => line.source === source).length;
      expect(Math.abs(held - all * 0.2), source).toBeLessThanOrEqual(1);
    }
  });

  it('gets at least 95 % of the held-out messages right (never trained or tuned on)', () => {
    const result = evaluate(readLabelled(HOLDOUT_FILE), triage);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.ece).toBeLessThan(0.08);
  });

  it('gets at least 95 % of the English development set right, with ECE at most 0.03 (written before the 2026-12-06 model, never trained on)', () => {
    const result = evaluate(readLabelled(DEV_FILE).filter((line) => line.lang === 'en'), triage);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.ece).toBeLessThanOrEqual(0.03);
  });

  it('gets at least 90 % of the German, Spanish and Portuguese development lines right, and names their language', () => {
    const dev = readLabelled(DEV_FILE);
    for (const lang of ['de', 'es', 'pt']) {
      const lines = dev.filter((line) => line.lang === lang);
      expect(evaluate(lines, triage).accuracy, lang).toBeGreaterThanOrEqual(0.9);
      expect(lines.filter((line) => triage(line.text).language === lang).length / lines.length, lang).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('gets at least 95 % of the second development set right, 90 % in each language and 80 % of its out-of-scope look-alikes (written in other voices, never trained on)', () => {
    const devStyles = readLabelled(DEV_STYLES_FILE);
    expect(evaluate(devStyles, triage).accuracy).toBeGreaterThanOrEqual(0.95);
    for (const lang of ['en', 'de', 'es', 'pt']) expect(evaluate(devStyles.filter((line) => line.lang === lang), triage).accuracy, lang).toBeGreaterThanOrEqual(0.9);
    const outOfScope = devStyles.filter((line) => line.intent === 'out_of_scope');
    expect(outOfScope.filter((line) => triage(line.text).intent === 'out_of_scope').length / outOfScope.length).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the issue-10 development sets (dev-sets/, members in their own styles) above their floors: 90 % in English, 93 % in German, Spanish and Portuguese, ECE at most 0.03 over each set', () => {
    for (const file of devSetFiles()) {
      const lines = readLabelled(file);
      expect(evaluate(lines, triage).ece, file.pathname).toBeLessThanOrEqual(0.03);
      for (const lang of ['en', 'de', 'es', 'pt']) {
        const mine = lines.filter((line) => line.lang === lang);
        expect(mine.length, `${file.pathname} ${lang}`).toBeGreaterThanOrEqual(60);
        expect(evaluate(mine, triage).accuracy, `${file.pathname} ${lang}`).toBeGreaterThanOrEqual(lang === 'en' ? 0.9 : 0.93);
      }
    }
  });

  it.skipIf(!HAS_PUBLIC)('gets at least 95 % of the held-back crowd-written public lines right, out-of-scope ones included (never trained on)', () => {
    const heldBack = publicSplit().heldBack;
    expect(evaluate(heldBack, triage).accuracy).toBeGreaterThanOrEqual(0.95);
    const outOfScope = heldBack.filter((line) => line.intent === 'out_of_scope');
    expect(outOfScope.filter((line) => triage(line.text).intent === 'out_of_scope').length / outOfScope.length).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!existsSync(SAMPLE_FILE))('gets at least 90 % of the shared sample right (an evaluation set, never trained on)', () => {
    expect(evaluate(readLabelled(SAMPLE_FILE), triage).accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
