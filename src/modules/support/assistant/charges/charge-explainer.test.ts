import { describe, expect, it } from 'vitest';
import { explainCharges, type ChargeCause, type ChargeExplanation, type ChargeQuestion } from './charge-explainer.ts';
import { TEST_CATALOG, authorization, charge, event, failed, membership } from './charge-fixtures.ts';

const explain = (input: Omit<ChargeQuestion, 'sameCard' | 'catalog'> & Partial<ChargeQuestion>) => explainCharges({ sameCard: [], catalog: TEST_CATALOG, ...input });
const finding = (result: ChargeExplanation, cause: ChargeCause) => result.findings.find((item) => item.cause === cause);

describe('explaining a billing day that does not exist every month', () => {
  const jan31 = membership({
    state: { anchor: '2026-01-31', next_billing_date: '2026-05-31' },
    ledger: [
      charge('2026-01-31', 'signup', 1983, 184, '2026-02-28'),
      charge('2026-02-28', 'renewal', 1983, 184, '2026-03-31'),
      charge('2026-03-31', 'renewal', 1983, 184, '2026-04-30'),
      charge('2026-04-30', 'renewal', 1983, 184, '2026-05-31', { id: 'led_apr30' }),
    ],
  });

  it('says a renewal on the 30th of a 30-day month belongs to a billing day on the 31st', () => {
    const result = explain({ membership: jan31, today: '2026-05-10', question: { amount: 1983, date: '2026-05-01' } });
    expect(result.disputedCharge?.id).toBe('led_apr30');
    const moved = finding(result, 'billing_day_adjusted');
    expect(moved).toMatchObject({ aboutDisputedCharge: true, data: { billingDay: 31, movedCharges: ['2026-02-28', '2026-04-30'] } });
    expect(moved?.explanation).toContain('April has no 31st');
    expect(moved?.explanation).toContain('April 30, 2026');
    expect(result.findings[0].aboutDisputedCharge).toBe(true);
  });

  it('announces the next charge on the last day of a short month', () => {
    const view = membership({ state: { anchor: '2026-01-30', next_billing_date: '2026-02-28' }, ledger: [charge('2026-01-30', 'signup', 1983, 184, '2026-02-28')] });
    const moved = finding(explain({ membership: view, today: '2026-02-20' }), 'billing_day_adjusted');
    expect(moved?.data).toMatchObject({ billingDay: 30, nextCharge: '2026-02-28' });
    expect(moved?.explanation).toContain('your next charge is on its last day, February 28, 2026');
  });

  it('takes the billing day from the latest restart, not from the first sign-up', () => {
    const view = membership({
      state: { anchor: '2026-03-30', next_billing_date: '2026-05-30' },
      ledger: [charge('2026-01-31', 'signup', 1983, 184, '2026-02-28'), charge('2026-03-30', 'restart', 1983, 184, '2026-04-30'), charge('2026-04-30', 'renewal', 1983, 184, '2026-05-30')],
      events: [event('2026-02-05', 'cancel_requested', { access_until: '2026-02-28' }), event('2026-02-28', 'canceled', { reason: 'member' }), event('2026-03-30', 'restarted', { plan: 'standard' })],
    });
    expect(finding(explain({ membership: view, today: '2026-05-05' }), 'billing_day_adjusted')).toBeUndefined();
  });
});

describe('explaining plan changes, extra members and prices', () => {
  it('shows an upgrade as the price difference for the days left, with the arithmetic', () => {
    const view = membership({
      state: { plan: 'premium', anchor: '2026-01-31', next_billing_date: '2026-02-28' },
      ledger: [charge('2026-01-31', 'signup', 1983, 184, '2026-02-28'), charge('2026-02-10', 'plan_upgrade', 496, 46, '2026-02-28', { id: 'led_up' })],
      events: [event('2026-01-31', 'joined', { plan: 'standard' }), event('2026-02-10', 'plan_changed', { from: 'standard', to: 'premium', charged: 496 })],
    });
    const result = explain({ membership: view, today: '2026-02-20', question: { amount: 496 } });
    const upgrade = finding(result, 'upgrade_proration');
    expect(upgrade).toMatchObject({ aboutDisputedCharge: true, data: { from: 'standard', to: 'premium', remainingDays: 18, periodDays: 28, priceDifference: 700 } });
    expect(upgrade?.explanation).toContain('from Standard to Premium');
    expect(upgrade?.explanation).toContain('$4.96 (including $0.46 tax)');
    expect(upgrade?.evidence.lines.map((line) => line.id)).toEqual(['led_up']);
  });

  it('shows a prorated extra-member slot, then the slot inside the next renewal (tax included)', () => {
    const view = membership({
      country: 'GB', state: { plan: 'premium', anchor: '2026-03-05', next_billing_date: '2026-05-05', extra_members: 1 },
      ledger: [
        charge('2026-03-05', 'signup', 1899, 316, '2026-04-05', { currency: 'GBP' }),
        charge('2026-03-20', 'extra_member_added', 258, 43, '2026-04-05', { currency: 'GBP' }),
        charge('2026-04-05', 'renewal', 2398, 400, '2026-05-05', { currency: 'GBP', id: 'led_slot_renewal' }),
      ],
      events: [event('2026-03-05', 'joined', { plan: 'premium' }), event('2026-03-20', 'extra_member_added', { charged: 258 })],
    });
    const result = explain({ membership: view, today: '2026-04-10', question: { amount: 2398, date: '2026-04-07' } });
    const slot = finding(result, 'extra_member_slot');
    expect(slot).toMatchObject({ aboutDisputedCharge: true, data: { slotPrice: 499, slots: 1, addedOn: ['2026-03-20'] } });
    expect(slot?.explanation).toContain('£2.58');
    expect(slot?.explanation).toContain('16 days left');
    expect(slot?.explanation).toContain('£4.99 a month');
    expect(slot?.evidence.lines.map((line) => line.id)).toContain('led_slot_renewal');
    expect(finding(result, 'taxes')?.explanation).toContain('already includes £4.00 of tax (20%)');
  });

  const priceChangeView = (ledger = [
    charge('2026-01-10', 'signup', 2146, 247, '2026-02-10', { currency: 'CAD' }),
    charge('2026-02-10', 'renewal', 2146, 247, '2026-03-10', { currency: 'CAD' }),
    charge('2026-03-10', 'renewal', 2372, 273, '2026-04-10', { currency: 'CAD', id: 'led_new_price' }),
  ], state = { anchor: '2026-01-10', next_billing_date: '2026-04-10' }) => membership({
    country: 'CA', state, ledger,
    events: [event('2026-01-10', 'joined', { plan: 'standard' }), event('2026-02-01', 'price_change_announced', { plan: 'standard', price: 2099, applies_from: '2026-03-03' })],
  });

  it('ties a higher renewal to the price change announced with notice', () => {
    const result = explain({ membership: priceChangeView(), today: '2026-03-20', question: { amount: 2372 } });
    const change = finding(result, 'price_change');
    expect(change).toMatchObject({ aboutDisputedCharge: true, data: { plan: 'standard', oldPrice: 1899, newPrice: 2099, announced: '2026-02-01', appliesFrom: '2026-03-03', firstRenewalAtNewPrice: '2026-03-10' } });
    expect(change?.explanation).toContain('CA$23.72, where it was CA$21.46 before');
    expect(change?.explanation).toContain('February 1, 2026');
  });

  it('warns of a price change that reaches the next renewal', () => {
    const view = priceChangeView([charge('2026-01-10', 'signup', 2146, 247, '2026-02-10', { currency: 'CAD' }), charge('2026-02-10', 'renewal', 2146, 247, '2026-03-10', { currency: 'CAD' })], { anchor: '2026-01-10', next_billing_date: '2026-03-10' });
    const change = finding(explain({ membership: view, today: '2026-02-20' }), 'price_change');
    expect(change?.explanation).toContain('Your next renewal, on March 10, 2026, is the first at the new price.');
  });

  it('splits the tax out of a tax-exclusive charge', () => {
    const view = membership({ ledger: [charge('2026-03-06', 'signup', 1983, 184, '2026-04-06')] });
    const taxes = finding(explain({ membership: view, today: '2026-03-20' }), 'taxes');
    expect(taxes?.explanation).toContain('$17.99 is the price and $1.84 is tax (10.25%)');
    expect(taxes?.data).toMatchObject({ mode: 'exclusive', rate: 0.1025, tax: 184, beforeTax: 1799 });
  });
});

describe('explaining how a charge reached the member', () => {
  it('names the partner that bills, and finds no charge of ours to explain', () => {
    const view = membership({ country: 'US', partner: 'Northwind Mobile', state: { plan: 'premium', anchor: '2026-01-02' } });
    const result = explain({ membership: view, today: '2026-03-20', question: { amount: 2755, date: '2026-03-02' } });
    expect(result.explained).toBe(true);
    expect(result.findings.map((item) => item.cause)).toEqual(['partner_billing']);
    expect(result.findings[0]).toMatchObject({ aboutDisputedCharge: true, data: { partner: 'Northwind Mobile' } });
    expect(result.findings[0].explanation).toMatch(/contact Northwind Mobile/);
    expect(result.cancellation.explanation).toContain('cancelled with them');
  });

  it('recognises a statement date 1 to 3 business days after the charge as the same charge', () => {
    const view = membership({ ledger: [charge('2026-02-06', 'signup', 1983, 184, '2026-03-06'), charge('2026-03-06', 'renewal', 1983, 184, '2026-04-06', { id: 'led_fri' })] });
    const result = explain({ membership: view, today: '2026-03-12', question: { amount: 1983, date: '2026-03-10' } });
    expect(result.disputedCharge?.id).toBe('led_fri');
    expect(finding(result, 'bank_posting_delay')).toMatchObject({ aboutDisputedCharge: true, data: { chargedOn: '2026-03-06', statementDate: '2026-03-10', businessDays: 2 } });
    expect(finding(result, 'bank_posting_delay')?.explanation).toContain('Friday, March 6, 2026');
    expect(result.notes.join(' ')).toMatch(/1 to 3 business days/);
    const sameDay = explain({ membership: view, today: '2026-03-12', question: { amount: 1983, date: '2026-03-06' } });
    expect(finding(sameDay, 'bank_posting_delay')).toBeUndefined();
  });

  it('explains the 1.00 check of a new card as a hold that drops off, not a charge', () => {
    const view = membership({ last4: '4444', ledger: [charge('2026-02-06', 'signup', 1983, 184, '2026-03-06'), ...authorization('2026-03-12')], events: [event('2026-03-12', 'payment_method_updated')] });
    const result = explain({ membership: view, today: '2026-03-14', question: { amount: 100, date: '2026-03-13' } });
    expect(result).toMatchObject({ explained: true, disputedCharge: { type: 'authorization', amount: 100 } });
    const hold = finding(result, 'temporary_authorization');
    expect(hold).toMatchObject({ aboutDisputedCharge: true, data: { checkedOn: ['2026-03-12'], amount: 100 } });
    expect(hold?.explanation).toContain('card ending 4444');
    expect(hold?.explanation).toContain('not a charge');
    expect(hold?.evidence.lines.map((line) => line.type)).toEqual(['authorization', 'authorization_void']);
  });
});

describe('explaining a declined payment and its retries', () => {
  const base = [charge('2026-02-10', 'signup', 1983, 184, '2026-03-10'), failed('2026-03-10', 'renewal', 1983), failed('2026-03-11', 'payment_retry', 1983)];

  it('says a failed attempt is not a charge and gives the next retry while on hold', () => {
    const view = membership({ state: { status: 'on_hold', anchor: '2026-02-10', next_billing_date: '2026-03-13' }, ledger: base });
    const result = explain({ membership: view, today: '2026-03-12', question: { amount: 1983, date: '2026-03-11' } });
    const retry = finding(result, 'failed_payment_retry');
    expect(retry).toMatchObject({ aboutDisputedCharge: true, data: { dueDate: '2026-03-10', attempts: ['2026-03-10', '2026-03-11'], retrySchedule: ['2026-03-11', '2026-03-13', '2026-03-17'], nextRetry: '2026-03-13', recoveredOn: null } });
    expect(retry?.explanation).toContain('A declined attempt is not a charge');
    expect(retry?.explanation).toContain('The next try is on March 13, 2026.');
    expect(result.advice.join(' ')).toMatch(/Update your card/);
    expect(result.cancellation.explanation).toContain('next payment try is on March 13, 2026');
  });

  it('tells when a retry went through and that the billing day moved', () => {
    const view = membership({ state: { anchor: '2026-03-13', next_billing_date: '2026-04-13' }, ledger: [...base, charge('2026-03-13', 'payment_retry', 1983, 184, '2026-04-13', { id: 'led_retry' })] });
    const result = explain({ membership: view, today: '2026-03-20', question: { amount: 1983, date: '2026-03-16' } });
    expect(result.disputedCharge?.id).toBe('led_retry');
    const retry = finding(result, 'failed_payment_retry');
    expect(retry).toMatchObject({ aboutDisputedCharge: true, data: { recoveredOn: '2026-03-13', nextRetry: null } });
    expect(retry?.explanation).toContain('billing day moved to the 13th');
  });

  it('tells that the membership was cancelled after the last retry failed', () => {
    const view = membership({
      state: { status: 'canceled', anchor: '2026-02-10', access_until: '2026-03-10' },
      ledger: [...base, failed('2026-03-13', 'payment_retry', 1983), failed('2026-03-17', 'payment_retry', 1983)],
      events: [event('2026-03-17', 'canceled', { reason: 'payment_failed' })],
    });
    const result = explain({ membership: view, today: '2026-03-20' });
    expect(finding(result, 'failed_payment_retry')?.data).toMatchObject({ canceledOn: '2026-03-17', attempts: ['2026-03-10', '2026-03-11', '2026-03-13', '2026-03-17'] });
    expect(result.cancellation).toMatchObject({ state: 'done', endedOn: '2026-03-17', reason: 'payment_failed' });
  });
});
