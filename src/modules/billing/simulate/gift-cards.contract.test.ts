/**
 * contracts/billing.md, "Gift cards", sentence by sentence, through `usher simulate`'s
 * own parse and run. TEST_CATALOG, region TT (exclusive 10 %): basic 1000 → 1100 (tax 100),
 * standard 1500 → 1650 (tax 150), premium 2500, slot 600 on standard.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../catalog-config.ts';
import { giftCardRefusal } from '../rules/gift-cards.ts';
import { emptyMembership } from '../rules/membership.ts';
import { authorization, charge, codes, DEFAULT_CATALOG_PATH, failed, giftCard, refund, run, type RawAccount, type RawEvent } from './fixtures/contract-fixtures.ts';

const TT: RawAccount = { country: 'US', region: 'TT', billing: 'direct' };
const PARTNER: RawAccount = { country: 'US', region: 'TT', billing: { partner: 'StreamBox' } };
const redeem = (date: string, code: string, amount: number, currency = 'USD'): RawEvent => ({ date, type: 'redeem_gift_card', code, amount, currency });
const signup = (date: string, plan = 'basic'): RawEvent => ({ date, type: 'signup', plan });
const basicCharge = (date: string, reason: string, end: string, gift: number) => charge(date, reason, 1100, 100, date, end, 'USD', gift);

describe('redeeming a gift card', () => {
  it('adds the value to the gift balance and writes a gift_card line (not a charge) whose amount is the value', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-AAAA', 3000)], until: '2026-01-20' });
    expect(result.ledger).toEqual([basicCharge('2026-01-10', 'signup', '2026-02-10', 0), giftCard('2026-01-15', 3000)]);
    expect(result.state.gift_balance).toBe(3000);
    expect(result.rejected).toEqual([]);
  });

  it('gives a gift_card line only date, type, amount and currency', () => {
    const line = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-AAAA', 3000)] }).ledger[1];
    expect(Object.keys(line).sort()).toEqual(['amount', 'currency', 'date', 'type']);
  });

  it('refuses a card in another currency than the account’s (GIFT_CARD_CURRENCY) and adds nothing', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-EURO', 2000, 'EUR')] });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-01-15', code: 'GIFT_CARD_CURRENCY' }]);
    expect(result.ledger).toHaveLength(1);
    expect(result.state.gift_balance).toBe(0);
  });

  it('refuses redeeming on a partner-billed account (BILLED_BY_PARTNER), naming the partner', () => {
    const result = run({ account: PARTNER, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-PART', 2000)] });
    expect(codes(result)).toEqual([{ event: 1, date: '2026-01-15', code: 'BILLED_BY_PARTNER' }]);
    expect(result.rejected[0].message).toContain('StreamBox');
    expect(result.ledger).toEqual([]);
    expect(result.state.gift_balance).toBe(0);
  });

  it('refuses a code already redeemed (GIFT_CARD_USED): the second redeem adds nothing', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-TWICE', 1000), redeem('2026-01-16', 'RH01-TWICE', 1000)] });
    expect(codes(result)).toEqual([{ event: 2, date: '2026-01-16', code: 'GIFT_CARD_USED' }]);
    expect(result.ledger.filter((line) => line.type === 'gift_card')).toHaveLength(1);
    expect(result.state.gift_balance).toBe(1000);
  });

  it('checks the refusals in the order listed: currency before partner, currency before used, partner before used', () => {
    const partnerWrongCurrency = run({ account: PARTNER, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-PART', 2000, 'EUR')] });
    expect(codes(partnerWrongCurrency).map((r) => r.code)).toEqual(['GIFT_CARD_CURRENCY']);
    const usedWrongCurrency = run({ account: TT, events: [redeem('2026-01-15', 'RH01-ONCE', 1000), redeem('2026-01-16', 'RH01-ONCE', 1000, 'EUR')] });
    expect(codes(usedWrongCurrency).map((r) => r.code)).toEqual(['GIFT_CARD_CURRENCY']);
    // A partner account can never redeem, so a code used elsewhere reaches it only from another account: asked of the rule directly.
    const catalog = loadCatalogFile(DEFAULT_CATALOG_PATH);
    const partnerMember = emptyMembership('US', 'WA', { kind: 'partner', partner: 'StreamBox' });
    expect(giftCardRefusal(partnerMember, { amount: 1000, currency: 'USD', alreadyRedeemed: true }, { book: { catalog, priceChanges: [] }, pay: () => true })?.code).toBe('BILLED_BY_PARTNER');
  });

  it('does not use up the code of a refused redeem', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-RETRY', 1000, 'EUR'), redeem('2026-01-16', 'RH01-RETRY', 1000)] });
    expect(codes(result).map((r) => r.code)).toEqual(['GIFT_CARD_CURRENCY']);
    expect(result.state.gift_balance).toBe(1000);
  });

  it('needs no membership: a card redeemed before joining pays the sign-up', () => {
    const result = run({ account: TT, events: [redeem('2026-01-05', 'RH01-FIRST', 3000), signup('2026-01-10')], until: '2026-04-10' });
    expect(result.ledger).toEqual([
      giftCard('2026-01-05', 3000),
      basicCharge('2026-01-10', 'signup', '2026-02-10', 1100),
      basicCharge('2026-02-10', 'renewal', '2026-03-10', 1100),
      basicCharge('2026-03-10', 'renewal', '2026-04-10', 800),
      basicCharge('2026-04-10', 'renewal', '2026-05-10', 0),
    ]);
    expect(result.state.gift_balance).toBe(0);
  });

  it('lets a cancelled account keep its balance, and redeem more, for a restart; the balance never expires', () => {
    const result = run({
      account: TT,
      events: [signup('2026-01-10'), redeem('2026-01-15', 'RH01-KEEP', 2000), { date: '2026-01-20', type: 'cancel' }, redeem('2026-03-01', 'RH01-MORE', 500), { date: '2027-03-01', type: 'restart' }],
      until: '2027-03-01',
    });
    expect(result.rejected).toEqual([]);
    expect(result.ledger.at(-1)).toEqual(basicCharge('2027-03-01', 'restart', '2027-04-01', 1100));
    expect(result.state).toMatchObject({ status: 'active', gift_balance: 1400 });
  });
});

describe('paying charges from the gift balance', () => {
  it('pays every charge from the balance first, up to the balance; amount stays the whole charge, gift is the balance’s part', () => {
    // Upgrade Jan 25: (1500 − 1000) × 16/31 = 258.06 → 258, tax 26 → 284. Slot: 600 × 16/31 = 309.68 → 310, tax 31 → 341.
    // Renewal Feb 10: 1500 + 600 = 2100, tax 210 → 2310.
    const result = run({
      account: TT,
      events: [signup('2026-01-10'), redeem('2026-01-10', 'RH01-BIG', 5000), { date: '2026-01-25', type: 'change_plan', plan: 'standard' }, { date: '2026-01-25', type: 'add_extra_member' }],
      until: '2026-02-10',
    });
    expect(result.ledger).toEqual([
      basicCharge('2026-01-10', 'signup', '2026-02-10', 0),
      giftCard('2026-01-10', 5000),
      charge('2026-01-25', 'plan_upgrade', 284, 26, '2026-01-25', '2026-02-10', 'USD', 284),
      charge('2026-01-25', 'extra_member_added', 341, 31, '2026-01-25', '2026-02-10', 'USD', 341),
      charge('2026-02-10', 'renewal', 2310, 210, '2026-02-10', '2026-03-10', 'USD', 2310),
    ]);
    expect(result.state.gift_balance).toBe(5000 - 284 - 341 - 2310);
  });

  it('splits a charge larger than the balance: the balance pays what it has, the payment method the rest', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-12', 'RH01-HALF', 500)], until: '2026-03-10' });
    expect(result.ledger.slice(2)).toEqual([basicCharge('2026-02-10', 'renewal', '2026-03-10', 500), basicCharge('2026-03-10', 'renewal', '2026-04-10', 0)]);
    expect(result.state.gift_balance).toBe(0);
  });

  it('does not use the payment method when the balance covers the whole charge, so a failing method does not matter for it', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-01-12', 'RH01-FULL', 1100), { date: '2026-01-20', type: 'payment_method_fails' }], until: '2026-03-10' });
    expect(result.ledger.slice(2)).toEqual([basicCharge('2026-02-10', 'renewal', '2026-03-10', 1100), failed('2026-03-10', 1100)]);
    expect(result.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-03-11', gift_balance: 0 });
  });

  it('takes nothing from the balance when the rest is declined: payment_failed of the whole amount, hold, retries, cancel', () => {
    const events = [signup('2026-01-10'), redeem('2026-01-12', 'RH01-SMALL', 500), { date: '2026-01-20', type: 'payment_method_fails' }];
    const held = run({ account: TT, events, until: '2026-02-10' });
    expect(held.ledger.at(-1)).toEqual({ date: '2026-02-10', type: 'payment_failed', amount: 1100, currency: 'USD' });
    expect(held.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-02-11', gift_balance: 500 });
    const ended = run({ account: TT, events, until: '2026-02-17' });
    expect(ended.ledger.slice(2)).toMatchObject([failed('2026-02-10', 1100), failed('2026-02-11', 1100), failed('2026-02-13', 1100), failed('2026-02-17', 1100)]);
    expect(ended.state).toMatchObject({ status: 'canceled', gift_balance: 500 });
  });

  it('lets each retry use whatever balance there is on its day', () => {
    // The sign-up is paid by the balance (900 left); the renewal fails; a refund of the balance-paid sign-up brings it to 1100.
    const events = [
      redeem('2026-01-09', 'RH01-DAY', 2000), signup('2026-01-10'), { date: '2026-01-20', type: 'payment_method_fails' },
      { date: '2026-02-10', type: 'refund', charge_date: '2026-01-10', amount: 200 },
    ];
    const result = run({ account: TT, events, until: '2026-02-11' });
    expect(result.ledger.slice(2)).toEqual([
      { date: '2026-02-10', type: 'payment_failed', amount: 1100, currency: 'USD' },
      refund('2026-02-10', 200, 18, '2026-01-10', 'USD', 200),
      basicCharge('2026-02-11', 'payment_retry', '2026-03-11', 1100),
    ]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-02-11', gift_balance: 0 });
  });

  it('lets a payment-method update on hold retry with the balance first, after the authorization and its void', () => {
    const events = [signup('2026-01-10'), redeem('2026-01-12', 'RH01-UPD', 300), { date: '2026-01-20', type: 'payment_method_fails' }, { date: '2026-02-12', type: 'update_payment_method', last4: '4242' }];
    const result = run({ account: TT, events, until: '2026-02-12' });
    expect(result.ledger.slice(-3)).toEqual([...authorization('2026-02-12'), basicCharge('2026-02-12', 'payment_retry', '2026-03-12', 300)]);
    expect(result.state.gift_balance).toBe(0);
  });
});

describe('redeeming while on hold', () => {
  const FAILING = [signup('2026-01-10'), { date: '2026-01-20', type: 'payment_method_fails' }];

  it('retries the failed amount at once, balance first: gift_card line, then the retry’s; new anchor that day', () => {
    const result = run({ account: TT, events: [...FAILING, redeem('2026-02-12', 'RH01-HOLD', 2000)], until: '2026-02-12' });
    expect(result.ledger).toEqual([
      basicCharge('2026-01-10', 'signup', '2026-02-10', 0),
      { date: '2026-02-10', type: 'payment_failed', amount: 1100, currency: 'USD' },
      { date: '2026-02-11', type: 'payment_failed', amount: 1100, currency: 'USD' },
      giftCard('2026-02-12', 2000),
      basicCharge('2026-02-12', 'payment_retry', '2026-03-12', 1100),
    ]);
    expect(result.state).toMatchObject({ status: 'active', anchor: '2026-02-12', next_billing_date: '2026-03-12', gift_balance: 900 });
  });

  it('writes the still-declined retry’s payment_failed line after the gift_card line; the hold and its retry dates go on unchanged', () => {
    const events = [...FAILING, redeem('2026-02-12', 'RH01-LOW', 500)];
    const sameDay = run({ account: TT, events, until: '2026-02-12' });
    expect(sameDay.ledger.slice(-2)).toEqual([giftCard('2026-02-12', 500), { date: '2026-02-12', type: 'payment_failed', amount: 1100, currency: 'USD' }]);
    expect(sameDay.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-02-13', gift_balance: 500 });
    const later = run({ account: TT, events, until: '2026-02-17' });
    expect(later.ledger.slice(-2)).toEqual([failed('2026-02-13', 1100), failed('2026-02-17', 1100)]);
    expect(later.state).toMatchObject({ status: 'canceled', gift_balance: 500 });
  });
});

describe('refunds and the gift balance', () => {
  it('returns a refund to the payment method up to what it paid of the charge and has not had back, the rest to the balance', () => {
    // Sign-up 1100: 500 from the balance, 600 from the card.
    const result = run({
      account: TT,
      events: [
        redeem('2026-01-09', 'RH01-SPLIT', 500), signup('2026-01-10'),
        { date: '2026-01-15', type: 'refund', charge_date: '2026-01-10', amount: 400 },
        { date: '2026-01-16', type: 'refund', charge_date: '2026-01-10', amount: 400 },
        { date: '2026-01-17', type: 'refund', charge_date: '2026-01-10' },
      ],
      until: '2026-01-17',
    });
    expect(result.ledger).toEqual([
      giftCard('2026-01-09', 500),
      basicCharge('2026-01-10', 'signup', '2026-02-10', 500),
      refund('2026-01-15', 400, 36, '2026-01-10', 'USD', 0),
      refund('2026-01-16', 400, 36, '2026-01-10', 'USD', 200),
      refund('2026-01-17', 300, 27, '2026-01-10', 'USD', 300),
    ]);
    expect(result.state.gift_balance).toBe(500);
  });

  it('does not start a retry when a refund returns money to the balance while on hold', () => {
    const events = [redeem('2026-01-09', 'RH01-BACK', 2000), signup('2026-01-10'), { date: '2026-01-20', type: 'payment_method_fails' }, { date: '2026-02-10', type: 'refund', charge_date: '2026-01-10' }];
    const result = run({ account: TT, events, until: '2026-02-10' });
    expect(result.ledger.at(-1)).toEqual(refund('2026-02-10', 1100, 100, '2026-01-10', 'USD', 1100));
    expect(result.state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-02-11', gift_balance: 2000 });
  });
});

describe('the order of a day and declined charges', () => {
  it('charges the renewal first on a renewal day, so a card redeemed that day is first used by the next charge', () => {
    const result = run({ account: TT, events: [signup('2026-01-10'), redeem('2026-02-10', 'RH01-SAMEDAY', 2000)], until: '2026-03-10' });
    expect(result.ledger.slice(1)).toEqual([
      basicCharge('2026-02-10', 'renewal', '2026-03-10', 0),
      giftCard('2026-02-10', 2000),
      basicCharge('2026-03-10', 'renewal', '2026-04-10', 1100),
    ]);
  });

  it('refuses a declined prorated, restart or unpause charge with no line, taking nothing from the balance', () => {
    const prorated = run({
      account: TT,
      events: [signup('2026-01-10', 'standard'), redeem('2026-01-12', 'RH01-PRO', 200), { date: '2026-01-20', type: 'payment_method_fails' },
        { date: '2026-01-25', type: 'change_plan', plan: 'premium' }, { date: '2026-01-25', type: 'add_extra_member' },
        { date: '2026-01-26', type: 'cancel' }, { date: '2026-03-01', type: 'restart' }],
      until: '2026-03-01',
    });
    expect(codes(prorated).map((r) => r.code)).toEqual(['PAYMENT_METHOD_DECLINED', 'PAYMENT_METHOD_DECLINED', 'PAYMENT_METHOD_DECLINED']);
    expect(prorated.ledger.map((line) => line.type)).toEqual(['charge', 'gift_card']);
    expect(prorated.state).toMatchObject({ status: 'canceled', gift_balance: 200 });
    const unpause = run({
      account: TT,
      events: [signup('2026-01-10'), { date: '2026-01-15', type: 'pause', months: 1 }, redeem('2026-02-15', 'RH01-UNP', 200),
        { date: '2026-02-16', type: 'payment_method_fails' }, { date: '2026-02-20', type: 'unpause' }],
      until: '2026-02-20',
    });
    expect(codes(unpause).map((r) => r.code)).toEqual(['PAYMENT_METHOD_DECLINED']);
    expect(unpause.ledger.map((line) => line.type)).toEqual(['charge', 'gift_card']);
    expect(unpause.state).toMatchObject({ status: 'paused', gift_balance: 200 });
  });

  it('accepts a prorated charge the balance covers whole even while the payment method fails', () => {
    const result = run({
      account: TT,
      events: [signup('2026-01-10', 'standard'), redeem('2026-01-12', 'RH01-COVER', 1000), { date: '2026-01-20', type: 'payment_method_fails' }, { date: '2026-01-25', type: 'change_plan', plan: 'premium' }],
      until: '2026-01-25',
    });
    // (2500 − 1500) × 16/31 = 516.13 → 516, tax 51.6 → 52.
    expect(result.ledger.at(-1)).toEqual(charge('2026-01-25', 'plan_upgrade', 568, 52, '2026-01-25', '2026-02-10', 'USD', 568));
    expect(result.state).toMatchObject({ plan: 'premium', gift_balance: 432 });
  });
});

describe('readings where the contract is silent (docs/billing.md)', () => {
  it('compares codes without dashes, spaces or case: the same card typed differently is GIFT_CARD_USED', () => {
    const result = run({ account: TT, events: [redeem('2026-01-05', 'rh01-abcd-efgh', 1000), redeem('2026-01-06', 'RH01 ABCD EFGH', 1000)] });
    expect(codes(result).map((r) => r.code)).toEqual(['GIFT_CARD_USED']);
  });

  it('reads the card’s currency code in any case', () => {
    expect(run({ account: TT, events: [redeem('2026-01-05', 'RH01-CASE', 1000, 'usd')] }).state.gift_balance).toBe(1000);
  });

  it('refuses a malformed redeem (no code, amount not a positive integer) as a malformed scenario', () => {
    expect(() => run({ account: TT, events: [{ date: '2026-01-05', type: 'redeem_gift_card', amount: 1000, currency: 'USD' }] })).toThrow(/events\[0\]\.code/);
    expect(() => run({ account: TT, events: [redeem('2026-01-05', 'X', 0)] })).toThrow(/events\[0\]\.amount/);
  });
});
