import { expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { openBillingKit } from '../testing/billing-test-kit.ts';
import { DEMO_GIFT_CARDS } from './demo-members.ts';

const TODAY = '2026-12-06';

describeEachDatabase('the gift-card demo', (open) => {
  it('gives Lena a balance that runs out at next month’s renewal, split between balance and card; seeding again changes nothing', async () => {
    const { billing, clock } = await openBillingKit(open, { today: TODAY });
    expect(await billing.seedDemo()).toMatchObject({ seeded: true });
    const lena = await billing.service.findByAccount('acct_demo_lena');
    // Standard in WA: 1983 a month; 5000 redeemed before two renewals leaves 1034.
    expect(lena?.state).toMatchObject({ status: 'active', gift_balance: 1034 });
    expect(lena?.ledger.filter((line) => line.type === 'charge').map((line) => line.gift)).toEqual([0, 0, 1983, 1983]);
    expect(lena?.gift).toMatchObject({ periods_covered: 0, runs_out_on: lena?.state.next_billing_date, paid_of_last: 1034 });
    expect(await billing.seedDemo()).toEqual({ seeded: false, members: 0 });
    clock.set(lena!.state.next_billing_date!);
    await billing.runDay();
    const after = await billing.service.findByAccount('acct_demo_lena');
    expect(after?.ledger.at(-1)).toMatchObject({ type: 'charge', reason: 'renewal', amount: 1983, gift: 1034 });
    expect(after?.state.gift_balance).toBe(0);
  });

  it('ships demo codes that are unused, already used and in the wrong currency, as the README lists them', async () => {
    const { billing } = await openBillingKit(open, { today: TODAY });
    await billing.seedDemo();
    const code = (note: string) => DEMO_GIFT_CARDS.find((card) => card.note.startsWith(note))!.code;
    const refusal = async (accountId: string, typed: string) => billing.giftCards.redeem({ accountId, code: typed }).then(() => null, (e: AppError) => e.code);
    expect(await refusal('acct_demo_ava', code('already used'))).toBe('GIFT_CARD_USED');
    expect(await refusal('acct_demo_ava', DEMO_GIFT_CARDS.find((card) => card.currency === 'EUR')!.code)).toBe('GIFT_CARD_CURRENCY');
    expect(await refusal('acct_demo_emi', code('unused'))).toBe('GIFT_CARD_CURRENCY');
    expect((await billing.giftCards.redeem({ accountId: 'acct_demo_ava', code: code('unused').toLowerCase() })).state.gift_balance).toBe(2500);
  });
});
