import { describe, expect, it } from 'vitest';
import { cardBrand, createSimulatedProvider, luhnValid } from './simulated-provider.ts';

describe('simulated payment provider', () => {
  const provider = createSimulatedProvider();
  const card = (number: string) => ({ number, expMonth: 1, expYear: 2031 });

  it('checks card numbers with Luhn, whatever the spacing', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
  });

  it('keeps a token, the brand, the last four and the expiry, never the number', async () => {
    const result = await provider.tokenizeCard(card('4242 4242 4242 4242'));
    expect(result).toMatchObject({ status: 'ok', card: { brand: 'visa', last4: '4242', expMonth: 1, expYear: 2031 } });
    expect(JSON.stringify(result)).not.toContain('4242424242424242');
  });

  it('fingerprints the same card the same way, whatever the spacing, and different cards differently', async () => {
    const first = await provider.tokenizeCard(card('4242 4242 4242 4242'));
    const second = await provider.tokenizeCard(card('4242-4242-4242-4242'));
    const other = await provider.tokenizeCard(card('5555555555554444'));
    if (first.status !== 'ok' || second.status !== 'ok' || other.status !== 'ok') throw new Error('expected the cards to be accepted');
    expect(first.card.token).not.toBe(second.card.token);
    expect(first.card.fingerprint).toMatch(/^fp_[0-9a-f]{32}$/);
    expect(second.card.fingerprint).toBe(first.card.fingerprint);
    expect(other.card.fingerprint).not.toBe(first.card.fingerprint);
    expect(first.card.fingerprint).not.toContain('4242');
  });

  it('declines the decline test card and invalid numbers when added', async () => {
    expect(await provider.tokenizeCard(card('4000000000000002'))).toMatchObject({ status: 'declined' });
    expect(await provider.tokenizeCard(card('1234567812345678'))).toMatchObject({ status: 'declined', declineCode: 'invalid_number' });
  });

  it('accepts the later-decline card but declines its charges, with the same answer for a repeated key', async () => {
    const added = await provider.tokenizeCard(card('4000000000000341'));
    if (added.status !== 'ok') throw new Error('expected the card to be accepted');
    const charge = { token: added.card.token, amount: 1000, currency: 'USD', idempotencyKey: 'k1' };
    const first = await provider.charge(charge);
    expect(first.status).toBe('declined');
    expect(await provider.charge(charge)).toEqual(first);
    expect((await provider.authorizeAndVoid({ ...charge, idempotencyKey: 'k2' })).status).toBe('succeeded');
  });

  it('reports the replacement card the bank issued', async () => {
    const added = await provider.tokenizeCard(card('4000000000000119'));
    if (added.status !== 'ok') throw new Error('expected the card to be accepted');
    expect(await provider.cardUpdate(added.card.token)).toMatchObject({ last4: expect.stringMatching(/^\d{4}$/) });
    expect((await provider.charge({ token: added.card.token, amount: 100, currency: 'USD', idempotencyKey: 'k3' })).status).toBe('succeeded');
  });
});
