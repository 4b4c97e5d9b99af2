import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { VISA, openBillingKit } from './testing/billing-test-kit.ts';

const MASTERCARD = { number: '5555 5555 5555 4444', expMonth: 4, expYear: 2031 };

describeEachDatabase('memberships sharing a card', (open) => {
  it('finds the other memberships whose current card is the same card, whatever their status', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-03-01' });
    const first = await billing.service.join({ accountId: 'acct_one', country: 'US', region: 'NY', plan: 'standard', payment: { card: MASTERCARD } });
    const second = await billing.service.join({ accountId: 'acct_two', country: 'US', region: 'NY', plan: 'basic', payment: { card: { ...MASTERCARD, number: '5555555555554444' } } });
    const stranger = await billing.service.join({ accountId: 'acct_three', country: 'US', region: 'NY', plan: 'basic', payment: { card: VISA } });
    await billing.service.join({ accountId: 'acct_partner', country: 'JP', region: null, plan: 'basic', payment: { partner: 'Northwind Mobile' } });
    clock.set('2026-03-05');
    await billing.service.act({ membershipId: second.id, action: { type: 'cancel' } });

    expect((await billing.service.membershipsSharingCard(first.id)).map((view) => [view.account_id, view.state.status])).toEqual([['acct_two', 'canceled_pending']]);
    expect((await billing.service.membershipsSharingCard(second.id)).map((view) => view.account_id)).toEqual(['acct_one']);
    expect(await billing.service.membershipsSharingCard(stranger.id)).toEqual([]);
  });

  it('stops matching once a membership has replaced the shared card', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-03-01' });
    const first = await billing.service.join({ accountId: 'acct_one', country: 'US', region: 'NY', plan: 'standard', payment: { card: MASTERCARD } });
    const second = await billing.service.join({ accountId: 'acct_two', country: 'US', region: 'NY', plan: 'basic', payment: { card: MASTERCARD } });
    clock.set('2026-03-10');
    await billing.service.updatePaymentMethod({ membershipId: second.id, card: VISA });
    expect(await billing.service.membershipsSharingCard(first.id)).toEqual([]);
    expect(await billing.service.membershipsSharingCard(second.id)).toEqual([]);
  });

  it('keeps who acted on the events of the action, and nothing when nobody is named', async () => {
    const { billing, clock } = await openBillingKit(open, { today: '2026-01-10' });
    const joined = await billing.service.join({ accountId: 'acct_hh', country: 'CA', region: 'QC', plan: 'premium', payment: { card: VISA } });
    await billing.service.act({ membershipId: joined.id, action: { type: 'cancel' } });
    clock.set('2026-03-20');
    const view = await billing.service.act({ membershipId: joined.id, action: { type: 'restart' }, actor: { deviceId: 'dev_tv', deviceName: 'Living room TV', via: 'tv_app' } });
    const restarted = view.events.find((event) => event.type === 'restarted');
    expect(restarted?.details).toMatchObject({ plan: 'premium', actor: { device_id: 'dev_tv', device_name: 'Living room TV', via: 'tv_app' } });
    // The cancellation taking effect was the billing run's doing, not the device's.
    expect(view.events.find((event) => event.type === 'canceled')?.details).not.toHaveProperty('actor');
    expect(view.events.find((event) => event.type === 'cancel_requested')?.details).not.toHaveProperty('actor');
  });
});
