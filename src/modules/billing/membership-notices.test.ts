import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import type { MembershipNotice } from './rules/membership.ts';
import { DECLINES_LATER, openBillingKit, VISA } from './testing/billing-test-kit.ts';

describeEachDatabase('billing: membership events told after commit (confirmation emails)', (open) => {
  it('tells each stored change once, with the account, date and details, and not again for a replayed idempotency key', async () => {
    const told: MembershipNotice[] = [];
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-10', onEvents: async (events) => void told.push(...events) });
    const joined = await billing.service.join({ accountId: 'acct_n1', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    expect(told).toEqual([expect.objectContaining({ accountId: 'acct_n1', membershipId: joined.id, type: 'joined', date: '2026-01-10', currency: 'USD', details: { plan: 'standard' } })]);
    clock.set('2026-01-20');
    await billing.service.act({ membershipId: joined.id, action: { type: 'cancel' }, idempotencyKey: 'k1' });
    await billing.service.act({ membershipId: joined.id, action: { type: 'cancel' }, idempotencyKey: 'k1' });
    expect(told.map((event) => event.type)).toEqual(['joined', 'cancel_requested']);
    expect(told[1]?.details).toEqual({ access_until: '2026-02-10' });
    await billing.service.updatePaymentMethod({ membershipId: joined.id, card: VISA });
    expect(told.map((event) => event.type)).toContain('payment_method_updated');
  });

  it('keeps the change when the notifier fails, and tells nothing for a refusal', async () => {
    let calls = 0;
    const { billing } = await openBillingKit(open, { today: '2026-01-10', onEvents: async () => { calls += 1; throw new Error('mail server down'); } });
    const joined = await billing.service.join({ accountId: 'acct_n2', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    const paused = await billing.service.act({ membershipId: joined.id, action: { type: 'pause', months: 1 } });
    expect(paused.events.map((event) => event.type)).toContain('pause_scheduled');
    expect(calls).toBe(2);
    await expect(billing.service.act({ membershipId: joined.id, action: { type: 'pause', months: 5 } })).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it('tells the billing run\'s events (a failed renewal) per committed batch, and a failing notifier never fails the run', async () => {
    const told: MembershipNotice[] = [];
    let fail = true;
    const { billing, clock } = await openBillingKit(open, {
      today: '2026-01-10',
      onEvents: async (events) => {
        if (fail) throw new Error('mail server down');
        told.push(...events);
      },
    });
    const renews = await billing.service.join({ accountId: 'acct_n3', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    const declines = await billing.service.join({ accountId: 'acct_n4', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    await billing.service.updatePaymentMethod({ membershipId: declines.id, card: DECLINES_LATER });
    fail = false;
    clock.set('2026-02-10');
    const totals = await billing.runDay();
    expect(totals.memberships).toBe(2);
    // The plain renewal tells nothing; the decline puts the membership on hold and says when it retries.
    expect(told).toEqual([expect.objectContaining({ accountId: 'acct_n4', membershipId: declines.id, type: 'payment_failed', details: expect.objectContaining({ next_retry: '2026-02-11' }) })]);
    expect(told.some((event) => event.membershipId === renews.id)).toBe(false);
    fail = true;
    clock.set('2026-02-11');
    await expect(billing.runDay()).resolves.toMatchObject({ memberships: 1 });
  });
});
