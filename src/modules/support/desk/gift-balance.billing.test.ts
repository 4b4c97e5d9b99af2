import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, type BillingModule } from '../../billing/index.ts';
import type { HouseholdModule } from '../../household/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { createSupportAccountPort } from '../../support-account-port.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { decideGiftRestore, giftFigures } from './gift-restore.rules.ts';

/**
 * The desk's restore against the real billing module, through the support
 * port the desk uses: Jade redeems $5.00, the November 30 renewal ($11.01)
 * uses it up, a supervisor puts $5.00 back, once per key.
 */
describe('restoring a gift balance through billing', () => {
  let t: TestApp;
  let billing: BillingModule;
  let port: ReturnType<typeof createSupportAccountPort>;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27' });
    const find = <T>(name: string) => t.app.modules.find((module) => module.name === name) as unknown as T;
    billing = find<BillingModule>('billing');
    port = createSupportAccountPort({ billing, identity: find<IdentityModule>('identity'), household: find<HouseholdModule>('household'), clock: t.clock });
    const [code] = await billing.giftCards.issue({ amount: 500, currency: 'USD', count: 1 });
    await billing.giftCards.redeem({ accountId: 'acct_demo_jade', code: code as string });
    t.clock.set('2026-11-30T15:00:00Z');
    await billing.runDay('2026-11-30');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the used-up balance from billing, restores it once per key, and then allows no more than the cards added', async () => {
    const before = (await port.snapshot('acct_demo_jade'))?.membership;
    if (!before) throw new Error('Jade has no membership');
    expect(giftFigures(before)).toEqual({ redeemed: 500, balance: 0, restorable: 500, currency: 'USD' });
    expect(decideGiftRestore({ role: 'supervisor', membership: before, amount: 500, reason: 'Renewal should not have used the card', money: formatMoney })).toMatchObject({ ok: true });

    const request = { membershipId: before.id, amount: 500, reason: 'Renewal should not have used the card', restoredBy: 'agt_demo_morgan', idempotencyKey: 'desk:case_test:gift:key-0001' };
    await port.restoreGiftBalance(request);
    await port.restoreGiftBalance(request);
    const after = (await port.snapshot('acct_demo_jade'))?.membership;
    if (!after) throw new Error('Jade has no membership');
    expect(giftFigures(after)).toEqual({ redeemed: 500, balance: 500, restorable: 0, currency: 'USD' });
    expect(decideGiftRestore({ role: 'supervisor', membership: after, amount: 1, reason: 'Renewal should not have used the card', money: formatMoney })).toMatchObject({ ok: false, code: 'GIFT_RESTORE_TOO_MUCH' });
    const balance = await billing.giftCards.balance('acct_demo_jade');
    expect(balance?.restores).toEqual([expect.objectContaining({ amount: 500, by: 'agt_demo_morgan', reason: 'Renewal should not have used the card' })]);
  });
});
