import { createHmac, randomBytes } from 'node:crypto';
import type { CardDetails, PaymentProvider, ProviderCharge, ProviderResult, StoredCard } from './payment-provider.ts';

type Behaviour = 'pays' | 'declines_charges' | 'reissued';

/** Test cards of the simulated provider (documented in docs/payments.md). */
export const SIMULATED_TEST_CARDS: Record<string, { behaviour: Behaviour | 'declined_at_entry'; description: string }> = {
  '4242424242424242': { behaviour: 'pays', description: 'Visa: every charge succeeds' },
  '5555555555554444': { behaviour: 'pays', description: 'Mastercard: every charge succeeds' },
  '378282246310005': { behaviour: 'pays', description: 'American Express: every charge succeeds' },
  '4000000000000002': { behaviour: 'declined_at_entry', description: 'declined when added (and by the 1.00 authorization)' },
  '4000000000000341': { behaviour: 'declines_charges', description: 'accepted when added, every later charge is declined' },
  '4000000000000119': { behaviour: 'reissued', description: 'the bank has issued a replacement card: charges succeed, the new last four and expiry are reported' },
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^6(011|5)/.test(digits)) return 'discover';
  return 'card';
}

function behaviourOf(token: string): Behaviour {
  const kind = token.split('_')[2];
  return kind === 'declines' ? 'declines_charges' : kind === 'reissued' ? 'reissued' : 'pays';
}

function tokenKind(behaviour: Behaviour): string {
  return behaviour === 'declines_charges' ? 'declines' : behaviour === 'reissued' ? 'reissued' : 'pays';
}

/** Same key, same reference: the simulated provider is idempotent without keeping state. */
function reference(prefix: string, idempotencyKey: string): string {
  // FNV-1a: cheap enough for a million charges a run, stable for a key.
  let hash = 0x811c9dc5;
  for (let i = 0; i < idempotencyKey.length; i++) hash = Math.imul(hash ^ idempotencyKey.charCodeAt(i), 0x01000193);
  return `sim_${prefix}_${(hash >>> 0).toString(16).padStart(8, '0')}${idempotencyKey.length.toString(16)}`;
}

/**
 * The simulated provider's own key: a real processor keeps its key to itself,
 * so a fingerprint recognises a card without being a way back to its number.
 */
const FINGERPRINT_KEY = 'usher-simulated-provider:card-fingerprint:v1';

/** HMAC-SHA256 of the card's digits, truncated: same card, same fingerprint. */
export function cardFingerprint(digits: string): string {
  return `fp_${createHmac('sha256', FINGERPRINT_KEY).update(digits).digest('hex').slice(0, 32)}`;
}

/** Token for a card with a given behaviour, for seeding synthetic members without card numbers. */
export function simulatedToken(behaviour: Behaviour): string {
  return `tok_sim_${tokenKind(behaviour)}_${randomBytes(8).toString('hex')}`;
}

export function createSimulatedProvider(): PaymentProvider {
  const answer = (request: ProviderCharge, prefix: string): ProviderResult =>
    behaviourOf(request.token) === 'declines_charges'
      ? { status: 'declined', reference: reference(prefix, request.idempotencyKey), declineCode: 'card_declined' }
      : { status: 'succeeded', reference: reference(prefix, request.idempotencyKey) };

  return {
    name: 'simulated',
    async tokenizeCard(card: CardDetails) {
      const digits = card.number.replace(/[\s-]/g, '');
      if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return { status: 'declined', declineCode: 'invalid_number' };
      const known = SIMULATED_TEST_CARDS[digits];
      if (known?.behaviour === 'declined_at_entry') return { status: 'declined', declineCode: 'card_declined' };
      const stored: StoredCard = {
        token: simulatedToken(known ? (known.behaviour as Behaviour) : 'pays'),
        brand: cardBrand(digits),
        last4: digits.slice(-4),
        expMonth: card.expMonth,
        expYear: card.expYear,
        fingerprint: cardFingerprint(digits),
      };
      return { status: 'ok', card: stored };
    },
    async charge(request) {
      return answer(request, 'ch');
    },
    async authorizeAndVoid(request) {
      // The 1.00 check only proves the card exists; a card that declines later passes it.
      return { status: 'succeeded', reference: reference('auth', request.idempotencyKey) };
    },
    async refund(request) {
      return { status: 'succeeded', reference: reference('re', request.idempotencyKey) };
    },
    async cardUpdate(token) {
      if (behaviourOf(token) !== 'reissued') return null;
      return { last4: '0127', expMonth: 12, expYear: 2031 };
    },
  };
}
