import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../api/types.ts';
import { codeFromFragment, forgetPendingCode, keepPendingCode, normalizeGiftCode, pendingCode, PENDING_CODE_MINUTES } from './gift-card-code.ts';
import { adviceForRefusal } from './gift-card-refusals.ts';
import { describeGiftEstimate } from './gift-estimate.ts';
import { describeSplit, giftSplit, giftTotals, payingSources, retryAfterRedeem } from './gift-split.ts';

const usd = (amount: number) => `$${(amount / 100).toFixed(2)}`;

function line(partial: Partial<LedgerEntry> & Pick<LedgerEntry, 'type' | 'amount'>): LedgerEntry {
  return { id: `led_${Math.random()}`, date: '2027-01-04', reason: null, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: null, ...partial };
}

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('a gift card code as the member types it', () => {
  it('ignores capitals, spaces and every kind of dash', () => {
    expect(normalizeGiftCode(' rhgc-7k2m 9q4x–p8ds ')).toBe('RHGC7K2M9Q4XP8DS');
    expect(normalizeGiftCode('rhgc—7k2m‑9q4x')).toBe('RHGC7K2M9Q4X');
  });

  it('reads full-width characters a phone keyboard may produce as ordinary ones', () => {
    expect(normalizeGiftCode('ＲＨＧＣ１２')).toBe('RHGC12');
  });

  it('takes a code from a link fragment, which never reaches the server', () => {
    expect(codeFromFragment('#code=abcd-1234')).toBe('abcd-1234');
    expect(codeFromFragment('#other=1')).toBeNull();
    expect(codeFromFragment('')).toBeNull();
  });

  it('keeps the code through sign-in in the tab’s storage, and forgets it after', () => {
    const store = new MemoryStore();
    keepPendingCode('  abcd-1234 ', store);
    expect(pendingCode(store)).toBe('abcd-1234');
    keepPendingCode('', store);
    expect(pendingCode(store)).toBeNull();
    keepPendingCode('abcd', store);
    forgetPendingCode(store);
    expect(pendingCode(store)).toBeNull();
  });

  it('forgets a kept code after half an hour, so that a shared computer’s next user does not find it', () => {
    const store = new MemoryStore();
    const typedAt = Date.UTC(2026, 11, 6, 9, 0);
    keepPendingCode('abcd-1234', store, typedAt);
    expect(pendingCode(store, typedAt + (PENDING_CODE_MINUTES - 1) * 60_000)).toBe('abcd-1234');
    expect(pendingCode(store, typedAt + (PENDING_CODE_MINUTES + 1) * 60_000)).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it('ignores anything else found under its key', () => {
    const store = new MemoryStore();
    store.setItem('reelhouse.redeem.pending-code', 'not json');
    expect(pendingCode(store)).toBeNull();
  });

  it('loses nothing but the convenience when storage is switched off', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(() => keepPendingCode('abcd', blocked)).not.toThrow();
    expect(pendingCode(blocked)).toBeNull();
  });
});

describe('which part of a charge the gift balance paid', () => {
  it('splits a charge into the balance’s part and the card’s', () => {
    const charge = line({ type: 'charge', amount: 1983, gift: 1200 });
    expect(giftSplit(charge)).toEqual({ gift: 1200, card: 783 });
    expect(describeSplit(charge, usd)).toBe('$12.00 from your gift balance, $7.83 on your card.');
  });

  it('says when the balance paid the whole charge', () => {
    expect(describeSplit(line({ type: 'charge', amount: 1983, gift: 1983 }), usd)).toBe('Paid in full from your gift balance ($19.83); nothing on your card.');
  });

  it('says nothing about a charge the card paid alone, or a line that is not money', () => {
    expect(describeSplit(line({ type: 'charge', amount: 1983, gift: 0 }), usd)).toBeNull();
    expect(describeSplit(line({ type: 'charge', amount: 1983 }), usd)).toBeNull();
    expect(giftSplit(line({ type: 'payment_failed', amount: 1983 }))).toBeNull();
    expect(giftSplit(line({ type: 'gift_card', amount: 5000 }))).toBeNull();
  });

  it('tells where each part of a refund went back', () => {
    expect(describeSplit(line({ type: 'refund', amount: 1983, gift: 500 }), usd)).toBe('$5.00 back to your gift balance, $14.83 back to your card.');
    expect(describeSplit(line({ type: 'refund', amount: 500, gift: 500 }), usd)).toBe('$5.00 back to your gift balance.');
  });

  it('never shows a gift part larger than the line', () => {
    expect(giftSplit(line({ type: 'charge', amount: 1000, gift: 5000 }))).toEqual({ gift: 1000, card: 0 });
  });

  it('sums what the chart’s text alternative tells', () => {
    const totals = giftTotals([
      line({ type: 'gift_card', amount: 2500 }),
      line({ type: 'charge', amount: 1983, gift: 1983 }),
      line({ type: 'charge', amount: 1983, gift: 517 }),
      line({ type: 'refund', amount: 1983, gift: 517 }),
      line({ type: 'payment_failed', amount: 1983 }),
    ]);
    expect(totals).toEqual({ redeemed: 2500, redeemedCount: 1, paidFromGift: 2500, paidByCard: 1466, returnedToGift: 517, returnedToCard: 1466 });
  });
});

describe('where a previewed charge will be paid from', () => {
  it('says the card when the balance pays nothing', () => {
    expect(payingSources({ amount: 695 }, usd)).toBe(' to your card on file.');
    expect(payingSources({ amount: 695, gift: 0 }, usd)).toBe(' to your card on file.');
  });

  it('says the balance first and the card the rest', () => {
    expect(payingSources({ amount: 695, gift: 500 }, usd)).toBe(': $5.00 from your gift balance and $1.95 to your card on file.');
  });

  it('says nothing goes on the card when the balance covers it', () => {
    expect(payingSources({ amount: 695, gift: 695 }, usd)).toBe(': all of it from your gift balance, nothing on your card.');
  });
});

describe('a redeem while a payment is on hold', () => {
  it('reads the retry that paid the failed amount, balance first', () => {
    const ledger = [
      line({ date: '2027-01-04', type: 'payment_failed', amount: 1983 }),
      line({ date: '2027-01-06', type: 'gift_card', amount: 1500 }),
      line({ date: '2027-01-06', type: 'charge', reason: 'payment_retry', amount: 1983, gift: 1500 }),
    ];
    expect(retryAfterRedeem({ ledger })).toEqual({ paid: { gift: 1500, card: 483 } });
  });

  it('reads a retry the card still declined', () => {
    const ledger = [line({ date: '2027-01-06', type: 'gift_card', amount: 1500 }), line({ date: '2027-01-06', type: 'payment_failed', amount: 1983 })];
    expect(retryAfterRedeem({ ledger })).toEqual({ declined: true });
  });

  it('finds no retry after an ordinary redeem, even on a renewal day (the renewal comes first)', () => {
    const ledger = [line({ date: '2027-01-06', type: 'charge', reason: 'renewal', amount: 1983 }), line({ date: '2027-01-06', type: 'gift_card', amount: 1500 })];
    expect(retryAfterRedeem({ ledger })).toBeNull();
  });
});

describe('what a refused gift card tells the member to do instead', () => {
  const context = { serverMessage: 'Refused.', accountCurrency: 'USD', partner: 'Skyline Mobile' };

  it('tells a card for another currency is not used up, and names the account’s currency', () => {
    const advice = adviceForRefusal('GIFT_CARD_CURRENCY', context);
    expect(advice.title).toBe('This gift card is for another country');
    expect(advice.sentences.join(' ')).toContain('Your membership is billed in USD.');
    expect(advice.sentences.join(' ')).toContain('not used up');
    expect(advice.codeAtFault).toBe(true);
  });

  it('points a used code to the receipt and the scam warning, with the chat', () => {
    const advice = adviceForRefusal('GIFT_CARD_USED', context);
    expect(advice.sentences.join(' ')).toMatch(/receipt/);
    expect(advice.sentences.join(' ')).toMatch(/Nobody from Reelhouse/);
    expect(advice.link?.to).toBe('/chat');
  });

  it('names the partner that bills the membership, and does not blame the code', () => {
    const advice = adviceForRefusal('BILLED_BY_PARTNER', context);
    expect(advice.title).toBe('Skyline Mobile bills your membership');
    expect(advice.sentences.join(' ')).toContain('answered by Skyline Mobile');
    expect(advice.codeAtFault).toBe(false);
  });

  it('sends an account without a membership to join, coming back to redeem', () => {
    const advice = adviceForRefusal('NO_MEMBERSHIP', context);
    expect(advice.link?.to).toBe('/join?next=%2Fredeem');
  });

  it('asks to wait and check the code when rate-limited, without blaming the code', () => {
    const advice = adviceForRefusal('RATE_LIMITED', { serverMessage: 'Too many tries. Try again in 600 seconds.' });
    expect(advice.sentences[0]).toBe('Too many tries. Try again in 600 seconds.');
    expect(advice.codeAtFault).toBe(false);
  });

  it('marks the field for a code that is not one, or that no card has', () => {
    expect(adviceForRefusal('GIFT_CARD_CODE_INVALID', context)).toMatchObject({ title: 'This is not a gift card code', codeAtFault: true });
    expect(adviceForRefusal('GIFT_CARD_NOT_FOUND', context)).toMatchObject({ title: 'We don’t recognise this code', codeAtFault: true });
  });

  it('keeps the server’s explanation first in every refusal', () => {
    for (const code of ['GIFT_CARD_CURRENCY', 'GIFT_CARD_USED', 'BILLED_BY_PARTNER', 'NO_MEMBERSHIP', 'RATE_LIMITED', 'GIFT_CARD_NOT_FOUND', 'GIFT_CARD_CODE_INVALID', 'SOMETHING_ELSE']) {
      expect(adviceForRefusal(code, context).sentences[0]).toBe('Refused.');
    }
  });
});

describe('how long the gift balance lasts, in words', () => {
  const state = { status: 'active' as const, plan: 'standard', anchor: '2026-11-04', next_billing_date: '2026-12-04', access_until: null, extra_members: 0 };
  const direct = { kind: 'direct' as const };
  const estimate = (balance: number, periods: number, runsOut: string | null, last: number, price: number | null = 1799) => ({
    balance, price_per_period: price, periods_covered: periods, runs_out_on: runsOut, paid_of_last: last,
  });
  const february = /(February 4, 2027|4 February 2027)/.source;

  it('says the months, the price and the date the card is next needed', () => {
    const text = describeGiftEstimate({ state: { ...state, gift_balance: 3598 }, billed_by: direct, gift: estimate(3598, 2, '2027-02-04', 0) }, usd);
    expect(text).toMatch(new RegExp(`^It covers about 2 months at \\$17\\.99 a month, tax included — until ${february}\\. Your card is next charged on ${february}\\.$`));
  });

  it('says what the balance still pays of the renewal it runs out on', () => {
    const text = describeGiftEstimate({ state: { ...state, gift_balance: 4000 }, billed_by: direct, gift: estimate(4000, 2, '2027-02-04', 402) }, usd);
    expect(text).toMatch(new RegExp(`On ${february} it pays the last \\$4\\.02 and your card the rest\\.$`));
  });

  it('says a balance smaller than a month pays part of the next payment', () => {
    const text = describeGiftEstimate({ state: { ...state, gift_balance: 500 }, billed_by: direct, gift: estimate(500, 0, '2026-12-04', 500) }, usd);
    expect(text).toMatch(/^That is less than one month at \$17\.99 a month, tax included: it pays \$5\.00 of your next payment on/);
  });

  it('says a balance with no payment coming waits for a restart', () => {
    const text = describeGiftEstimate({ state: { ...state, status: 'canceled', gift_balance: 500 }, billed_by: direct, gift: estimate(500, 0, null, 0, null) }, usd);
    expect(text).toMatch(/waits for you/);
  });

  it('says nothing without a balance', () => {
    expect(describeGiftEstimate({ state: { ...state, gift_balance: 0 }, billed_by: direct, gift: estimate(0, 0, null, 0) }, usd)).toBeNull();
  });
});
