import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { DECLINED_AT_ENTRY, DECLINES_LATER, VISA, openBillingKit } from './testing/billing-test-kit.ts';

describeEachDatabase('membership service', (open) => {
  it('joins with a card, charges the first month and keeps only the last four digits', async () => {
    const { billing, database } = await openBillingKit(open, { today: '2026-01-31' });
    const view = await billing.service.join({ accountId: 'acct_1', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    expect(view.state).toMatchObject({ status: 'active', plan: 'standard', anchor: '2026-01-31', next_billing_date: '2026-02-28' });
    expect(view.ledger).toMatchObject([{ type: 'charge', reason: 'signup', amount: 1983, tax: 184, currency: 'USD' }]);
    expect(view.payment_method).toEqual({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 });
    const dump = JSON.stringify((await database.db.selectFrom('billing_payment_methods' as never).selectAll().execute()));
    expect(dump).not.toContain('4242424242424242');
  });

  it('refuses a declined card at joining and stores nothing', async () => {
    const { billing } = await openBillingKit(open, { today: '2026-03-01' });
    await expect(billing.service.join({ accountId: 'acct_2', country: 'US', region: null, plan: 'basic', payment: { card: DECLINED_AT_ENTRY } }))
      .rejects.toMatchObject({ code: 'PAYMENT_METHOD_DECLINED', status: 402 });
    expect(await billing.service.findByAccount('acct_2')).toBeNull();
  });

  it('charges a prorated upgrade once for a repeated request with the same idempotency key', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-31' });
    const joined = await billing.service.join({ accountId: 'acct_3', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    clock.set('2026-02-10');
    const request = { membershipId: joined.id, action: { type: 'change_plan', plan: 'premium' } as const, idempotencyKey: 'upgrade-1' };
    await billing.service.act(request);
    const again = await billing.service.act(request);
    expect(again.ledger.filter((line) => line.reason === 'plan_upgrade')).toMatchObject([{ amount: 496, tax: 46, period_start: '2026-02-10', period_end: '2026-02-28' }]);
    expect(again.state.plan).toBe('premium');
  });

  it('applies the scheduled renewal before the member action of the same day', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-31' });
    const joined = await billing.service.join({ accountId: 'acct_4', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    clock.set('2026-02-28');
    const view = await billing.service.act({ membershipId: joined.id, action: { type: 'cancel' } });
    expect(view.ledger.map((line) => line.reason)).toEqual(['signup', 'renewal']);
    expect(view.state).toMatchObject({ status: 'canceled_pending', access_until: '2026-03-31', next_billing_date: null });
  });

  it('answers a refusal with the contract code and keeps the membership as it was', async () => {
    const { billing } = await openBillingKit(open, { today: '2026-01-10' });
    const joined = await billing.service.join({ accountId: 'acct_5', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    const error = await billing.service.act({ membershipId: joined.id, action: { type: 'pause', months: 5 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PAUSE_LIMIT', status: 422 });
    expect((await billing.service.get(joined.id)).pause).toBeNull();
  });

  it('recovers a membership on hold when the card is updated: authorization, void, then the retry', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-05' });
    const joined = await billing.service.join({ accountId: 'acct_6', country: 'US', region: 'TX', plan: 'standard', payment: { card: VISA } });
    clock.set('2026-01-20');
    await billing.service.updatePaymentMethod({ membershipId: joined.id, card: DECLINES_LATER });
    clock.set('2026-02-05');
    await billing.runDay('2026-02-05');
    expect((await billing.service.get(joined.id)).state).toMatchObject({ status: 'on_hold', next_billing_date: '2026-02-06' });
    clock.set('2026-02-07');
    const view = await billing.service.updatePaymentMethod({ membershipId: joined.id, card: VISA });
    expect(view.ledger.slice(-5).map((line) => `${line.date} ${line.type} ${line.reason ?? ''}`.trim())).toEqual([
      '2026-02-05 payment_failed renewal',
      '2026-02-06 payment_failed payment_retry',
      '2026-02-07 authorization',
      '2026-02-07 authorization_void',
      '2026-02-07 charge payment_retry',
    ]);
    expect(view.state).toMatchObject({ status: 'active', anchor: '2026-02-07', next_billing_date: '2026-03-07' });
  });

  it('refunds once per idempotency key and never more than the charge', async () => {
    const { billing } = await openBillingKit(open, { today: '2026-04-01' });
    const joined = await billing.service.join({ accountId: 'acct_7', country: 'GB', region: 'ENG', plan: 'standard', payment: { card: VISA } });
    await billing.service.refund({ membershipId: joined.id, chargeDate: '2026-04-01', amount: 300, idempotencyKey: 'r1' });
    const view = await billing.service.refund({ membershipId: joined.id, chargeDate: '2026-04-01', amount: 300, idempotencyKey: 'r1' });
    expect(view.ledger.filter((line) => line.type === 'refund')).toMatchObject([{ amount: 300, tax: 50, refund_of: view.ledger[0].id }]);
    await expect(billing.service.refund({ membershipId: joined.id, chargeDate: '2026-04-01', amount: 1000, idempotencyKey: 'r2' }))
      .rejects.toMatchObject({ code: 'REFUND_EXCEEDS_CHARGE' });
    await expect(billing.service.refund({ membershipId: joined.id, chargeDate: '2026-03-01', idempotencyKey: 'r3' }))
      .rejects.toMatchObject({ code: 'NO_CHARGE' });
  });

  it('refuses partner-billed changes and names the partner', async () => {
    const { billing } = await openBillingKit(open, { today: '2026-04-01' });
    const joined = await billing.service.join({ accountId: 'acct_8', country: 'JP', region: '13', plan: 'premium', payment: { partner: 'Northwind Mobile' } });
    expect(joined.ledger).toEqual([]);
    expect(joined.state.next_billing_date).toBeNull();
    await expect(billing.service.act({ membershipId: joined.id, action: { type: 'cancel' } }))
      .rejects.toMatchObject({ code: 'BILLED_BY_PARTNER', message: expect.stringContaining('Northwind Mobile') });
  });
});

describeEachDatabase('price changes', (open) => {
  it('tells members on the day it is announced and charges the new price from max(effective, announced + 30 days)', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-10' });
    const joined = await billing.service.join({ accountId: 'acct_p', country: 'GB', region: 'ENG', plan: 'standard', payment: { card: VISA } });
    clock.set('2026-01-20');
    const announced = await billing.service.announcePriceChange({ country: 'GB', plan: 'standard', price: 1499, effective: '2026-02-01' });
    expect(announced).toEqual({ appliesFrom: '2026-02-19', notified: 1 });
    for (const day of ['2026-02-10', '2026-03-10']) {
      clock.set(day);
      await billing.runDay(day);
    }
    const view = await billing.service.get(joined.id);
    expect(view.ledger.map((line) => [line.date, line.amount])).toEqual([['2026-01-10', 1299], ['2026-02-10', 1299], ['2026-03-10', 1499]]);
    expect(view.events.map((event) => event.type)).toContain('price_change_announced');
  });
});
