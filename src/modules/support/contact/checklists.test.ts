import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../triage/index.ts';
import { loadContactContent, parseContactContent } from './checklists.ts';
import { normaliseServiceCode } from './contact.rules.ts';

describe('what to have ready, per intent', () => {
  const content = loadContactContent();

  it('has plain words and a checklist for every intent of the contract', () => {
    for (const intent of INTENTS) {
      const help = content.forIntent(intent);
      expect(help.plain.length, intent).toBeGreaterThan(10);
      expect(help.checklist.length, intent).toBeGreaterThan(0);
    }
  });

  it('asks for the charge and the card\'s last four digits for an unknown charge, and the error code and device for an app error', () => {
    const ids = (intent: Parameters<typeof content.forIntent>[0]) => content.forIntent(intent).checklist.map((item) => item.id);
    expect(ids('billing.unexpected_charge')).toEqual(expect.arrayContaining(['charge', 'card_last4', 'billing_partner', 'outcome']));
    expect(ids('streaming.app_error')).toEqual(expect.arrayContaining(['error_code', 'device', 'connection', 'when_started']));
    expect(ids('security.unknown_user')).toContain('unknown_devices');
    expect(content.forIntent('billing.unexpected_charge').checklist.find((item) => item.id === 'card_last4')?.text).toMatch(/never the whole number/);
  });

  it('refuses content missing an intent or naming an unknown item', () => {
    expect(() => parseContactContent({ items: { a: 'A' }, intents: {} })).toThrow(/billing\.unexpected_charge is missing/);
    const intents = Object.fromEntries(INTENTS.map((intent) => [intent, { plain: 'p', search: '', checklist: ['a'] }]));
    expect(() => parseContactContent({ items: { a: 'A' }, intents: { ...intents, gift_card: { plain: 'p', search: '', checklist: ['nope'] } } })).toThrow(/item nope/);
  });
});

describe('contact rules', () => {
  it('reads a service code typed with spaces or dashes, and nothing else', () => {
    expect(normaliseServiceCode('123 456')).toBe('123456');
    expect(normaliseServiceCode('123-456')).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', '']) expect(normaliseServiceCode(bad)).toBeNull();
  });
});
