import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingModule, Catalog } from '../../billing/index.ts';
import type { HouseholdModule } from '../../household/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { createSupportAccountPort } from '../../support-account-port.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import type { DemoAccount } from './testing/demo-snapshots.ts';
import { runOpening, type DevOpening } from './testing/dev-openings-harness.ts';
import { GIFT_OPENINGS } from './testing/gift-openings-2026-12-06.ts';
import { GIFT_OPENINGS_BATCH2 } from './testing/gift-openings-batch2-2026-12-06.ts';

type Key = (typeof GIFT_OPENINGS)[number]['member'];

/**
 * The gift-card openings (testing/gift-openings-2026-12-06.ts) put to the real
 * assistant (real triage, redaction, charge explainer) on accounts made from
 * the demo through billing's public door: Jade (Basic, $11.01, billed on the
 * 30th) with $25.00 redeemed on November 27; with $5.00 redeemed that day and
 * the November 30 renewal run (the balance ran out); and with $20.00 more
 * redeemed on November 30 after that renewal.
 */
describe('gift-card openings (dev set 2026-12-06)', () => {
  const snapshots = {} as Record<Key, AccountSnapshot | null>;
  const today: Record<Key, string> = { balance: '2026-11-27', ran_out: '2026-11-30', same_day: '2026-11-30', visitor: '2026-11-30' };
  let catalog: Catalog;
  const apps: TestApp[] = [];
  const open = async () => {
    const t = await openTestApp({ today: '2026-11-27' });
    apps.push(t);
    const find = <T>(name: string) => t.app.modules.find((module) => module.name === name) as unknown as T;
    const billing = find<BillingModule>('billing');
    catalog = billing.catalog;
    const port = createSupportAccountPort({ billing, identity: find<IdentityModule>('identity'), household: find<HouseholdModule>('household'), clock: t.clock });
    const redeem = async (amount: number) => {
      const [code] = await billing.giftCards.issue({ amount, currency: 'USD', count: 1 });
      await billing.giftCards.redeem({ accountId: 'acct_demo_jade', code: code as string });
    };
    return { t, billing, redeem, read: () => port.snapshot('acct_demo_jade') };
  };
  beforeAll(async () => {
    const first = await open();
    await first.redeem(2500);
    snapshots.balance = await first.read();
    await first.t.close();
    const second = await open();
    await second.redeem(500);
    second.t.clock.set('2026-11-30T15:00:00Z');
    await second.billing.runDay('2026-11-30');
    snapshots.ran_out = await second.read();
    await second.redeem(2000);
    snapshots.same_day = await second.read();
    snapshots.visitor = null;
    await second.t.close();
  });
  afterAll(async () => {
    for (const t of apps) await t.close().catch(() => undefined);
  });

  // First measure 28/32 (a question word read as how-to-redeem, 'cover' and 'will it pay for next month' not read as the balance, 'telling me to buy' not read as asking); 32/32 after those fixes.
  it('answers at least 30 of the 32 gift-card openings from the ledger', () => {
    const results = GIFT_OPENINGS.map((opening) => runOpening(opening as unknown as DevOpening, snapshots as unknown as Record<DemoAccount, AccountSnapshot>, { today: today[opening.member], catalog }));
    const failed = results.filter((result) => !result.pass);
    for (const result of failed) console.log(result.opening.id, result.opening.text, '\n  ', result.turns[0].failures.join('; '), '\n  ', result.turns[0].replies.map((reply) => reply.body).join(' | ').slice(0, 400));
    console.log(`gift openings: ${results.length - failed.length}/${results.length}`);
    expect(results.length - failed.length).toBeGreaterThanOrEqual(30);
  });

  // First measure, before any change for it: 18/24 (75 %): 'until when… paid by', 'when will my card start being charged' taken for a charge, the
  // refusal code typed as text, a fine 'to pay with gift cards', 'asked me for the gift card pin', 'I already sent codes to…'; 24/24 after.
  it('answers at least 22 of the second batch\'s 24 openings', () => {
    const results = GIFT_OPENINGS_BATCH2.map((opening) => runOpening(opening as unknown as DevOpening, snapshots as unknown as Record<DemoAccount, AccountSnapshot>, { today: today[opening.member], catalog }));
    const failed = results.filter((result) => !result.pass);
    for (const result of failed) console.log(result.opening.id, result.opening.text, '\n  ', result.turns[0].failures.join('; '), '\n  ', result.turns[0].replies.map((reply) => reply.body).join(' | ').slice(0, 400));
    console.log(`gift openings batch 2: ${results.length - failed.length}/${results.length}`);
    expect(results.length - failed.length).toBeGreaterThanOrEqual(22);
  });
});
