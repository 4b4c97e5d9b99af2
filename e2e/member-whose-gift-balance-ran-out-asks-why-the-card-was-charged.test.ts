import { describe, expect, it } from 'vitest';
import type { BillingModule } from '../src/modules/billing/index.ts';
import { hasChromium } from './browser.ts';
import { CHAT_OPEN_TIME, journeyForBlock, shooter, signInMember, startChat } from './journey.ts';

/**
 * Jade (Basic, $11.01 a month, billed on the 30th) redeems a $5.00 gift card
 * on Friday; Monday's renewal takes the $5.00 from the balance and the other
 * $6.01 from her card. She asks the assistant why her card was charged, and
 * the answer comes from her ledger: the date the balance ran out and both parts.
 */
describe.skipIf(!hasChromium)('a member whose gift balance ran out asks the assistant why her card was charged', () => {
  const journey = journeyForBlock(CHAT_OPEN_TIME);

  it('explains the charge from the ledger: the balance paid part, ran out that day, the rest went on the card', async () => {
    const billing = journey().t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;
    // A card bought for her, redeemed on Friday: the gift balance is $5.00 until the renewal.
    const [code] = await billing.giftCards.issue({ amount: 500, currency: 'USD', count: 1 });
    await billing.giftCards.redeem({ accountId: 'acct_demo_jade', code: code as string });
    // Monday, 10:00 in New York: the billing run renews her membership.
    await journey().setTime('2026-11-30T15:00:00Z');
    await billing.runDay('2026-11-30');
    const after = await billing.service.findByAccount('acct_demo_jade');
    const renewal = after?.ledger.filter((line) => line.type === 'charge').at(-1);
    expect(renewal).toMatchObject({ date: '2026-11-30', amount: 1101, gift: 500 });
    expect(after?.state.gift_balance).toBe(0);
    const last4 = after?.payment_method?.last4 as string;

    const page = await journey().newPage('desktop');
    const shot = shooter(page, 'chat-gift-balance-ran-out', 'desktop');
    await signInMember(page, journey().base, 'jade@demo.reelhouse.example');
    const log = await startChat(page, journey().base, 'Why was my card charged? I thought my gift card was paying for Reelhouse');

    await log.getByText(/ran out on November 30, 2026/).first().waitFor({ timeout: 45_000 });
    const text = (await log.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Of your charge of $11.01 on November 30, 2026, $5.00 came from your gift balance');
    expect(text).toContain(`the other $6.01 went on your card ending ${last4}`);
    expect(text).toContain('Your gift balance is $0.00 now');
    await shot('explained');

    // It explained it: the member says so, and nothing is handed off.
    await page.getByRole('button', { name: 'That answers it' }).first().click();
    await log.getByText(/Glad that helped/).waitFor();
    expect(await log.innerText()).not.toMatch(/Your conversation is now with/);
  }, 120_000);
});
