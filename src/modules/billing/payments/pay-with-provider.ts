import type { ChargeAttempt, BillingContext } from '../rules/context.ts';
import type { PriceBook } from '../rules/catalog.ts';
import { MAX_SCHEDULED_STEPS, ScheduleLimitError } from '../rules/schedule.ts';
import type { PaymentProvider, ProviderResult } from './payment-provider.ts';

/** A charge attempt the provider answered, with the key it was sent under. */
export type AnsweredAttempt = { attempt: ChargeAttempt; idempotencyKey: string; result: ProviderResult };

/** Thrown through the rule to stop it at an unanswered attempt; not an Error, so no stack is captured. */
class NeedsAnswer {
  constructor(readonly attempt: ChargeAttempt) {}
}

/**
 * A rule's charge attempts come from at most MAX_SCHEDULED_STEPS scheduled
 * steps and one member action (which may pay once): past that, the rule is
 * not converging and the loop stops rather than ask the provider forever.
 */
const MAX_PROVIDER_ATTEMPTS = MAX_SCHEDULED_STEPS + 1;

/**
 * Runs a pure rule that may ask the payment method to pay, asking the real
 * (asynchronous) provider. The rule is deterministic, so it is run again with
 * each answer it was given until it no longer needs a new one: the rules stay
 * free of I/O, and every attempt reaches the provider exactly once, under a
 * stable idempotency key.
 */
export async function runWithProvider<T>(options: {
  book: PriceBook;
  provider: PaymentProvider;
  token: string | null;
  keyFor: (attempt: ChargeAttempt, index: number) => string;
  rule: (ctx: BillingContext) => T;
}): Promise<{ result: T; attempts: AnsweredAttempt[] }> {
  const answered: AnsweredAttempt[] = [];
  for (;;) {
    let asked = 0;
    const ctx: BillingContext = {
      book: options.book,
      pay: (attempt) => {
        const known = answered[asked++];
        if (known) return known.result.status === 'succeeded';
        throw new NeedsAnswer(attempt);
      },
    };
    try {
      return { result: options.rule(ctx), attempts: answered };
    } catch (error) {
      if (!(error instanceof NeedsAnswer)) throw error;
      if (answered.length >= MAX_PROVIDER_ATTEMPTS) throw new ScheduleLimitError(`A billing rule asked to pay more than ${MAX_PROVIDER_ATTEMPTS} times.`);
      const idempotencyKey = options.keyFor(error.attempt, answered.length);
      const result: ProviderResult = options.token
        // The rules ask only for what the gift balance does not pay.
        ? await options.provider.charge({ token: options.token, amount: error.attempt.amount - error.attempt.gift, currency: error.attempt.currency, idempotencyKey })
        : { status: 'declined', reference: '', declineCode: 'no_payment_method' };
      answered.push({ attempt: error.attempt, idempotencyKey, result });
    }
  }
}
