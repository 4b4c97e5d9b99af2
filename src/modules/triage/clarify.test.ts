import { describe, expect, it } from 'vitest';
import { clarify, CLARIFY_BELOW, INTENT_LABELS } from './clarify.ts';
import { INTENTS } from './intents.ts';
import { triage } from './triage.ts';

describe('clarifying question when triage is unsure', () => {
  it('asks nothing when the top confidence is at or above the threshold', () => {
    expect(clarify({ intent: 'billing.refund', confidence: CLARIFY_BELOW, alternatives: [{ intent: 'billing.multiple_charges', confidence: 0.3 }] })).toBeNull();
    expect(clarify(triage('you charged me twice for the same month'))).toBeNull();
  });

  it('offers the two or three likely intents with plain-language labels, most likely first', () => {
    const question = clarify({
      intent: 'billing.refund',
      confidence: 0.45,
      alternatives: [{ intent: 'billing.multiple_charges', confidence: 0.3 }, { intent: 'billing.charged_after_cancel', confidence: 0.15 }, { intent: 'gift_card', confidence: 0.02 }],
    });
    expect(question?.question).toMatch(/\?$/);
    expect(question?.choices).toEqual([
      { intent: 'billing.refund', label: 'I’d like a refund' },
      { intent: 'billing.multiple_charges', label: 'I was charged more than once' },
      { intent: 'billing.charged_after_cancel', label: 'I was charged after cancelling' },
    ]);
  });

  it('never offers "out of scope" as a button, and does not ask about a lone guess', () => {
    const question = clarify({ intent: 'out_of_scope', confidence: 0.4, alternatives: [{ intent: 'info.company', confidence: 0.3 }, { intent: 'contact.agent', confidence: 0.2 }] });
    expect(question?.choices.map((c) => c.intent)).toEqual(['info.company', 'contact.agent']);
    expect(clarify({ intent: 'gift_card', confidence: 0.5, alternatives: [{ intent: 'out_of_scope', confidence: 0.45 }] })).toBeNull();
  });

  it('has a label for every intent', () => {
    for (const intent of INTENTS) expect(INTENT_LABELS[intent].length, intent).toBeGreaterThan(3);
  });
});
