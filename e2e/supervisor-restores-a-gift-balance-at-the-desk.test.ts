import { describe, expect, it } from 'vitest';
import type { BillingModule } from '../src/modules/billing/index.ts';
import { hasChromium } from './browser.ts';
import { journeyForBlock, readServiceCode, shooter, signInAgent, signInMember, startChat } from './journey.ts';

/**
 * Jade's $5.00 gift balance was used up by Monday's renewal; she says the
 * explanation does not help and asks for a person. Morgan, a supervisor (the
 * only one on duty), verifies her, sees the gift part of each charge and
 * restores the $5.00 with a reason, confirmed first; the case history and
 * Jade's chat show it.
 */
describe.skipIf(!hasChromium)('a supervisor restores a gift balance at the desk', () => {
  // Opens on Friday 27 November (the card is redeemed); the test moves to Monday 30 November, 10:00 in New York, when the chat is open.
  const journey = journeyForBlock('2026-11-27T15:00:00Z');

  it('shows the gift balance and each charge\'s gift part after verification, and restores it with a reason, audited in the case history', async () => {
    const billing = journey().t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;
    const [code] = await billing.giftCards.issue({ amount: 500, currency: 'USD', count: 1 });
    await billing.giftCards.redeem({ accountId: 'acct_demo_jade', code: code as string });
    await journey().setTime('2026-11-30T15:00:00Z');
    await billing.runDay('2026-11-30');

    const desk = await journey().newPage('desktop');
    const deskShot = shooter(desk, 'desk-gift-restore', 'desktop');
    await signInAgent(desk, journey().base, 'morgan@agents.reelhouse.example');

    const member = await journey().newPage('desktop');
    await signInMember(member, journey().base, 'jade@demo.reelhouse.example');
    const log = await startChat(member, journey().base, 'why was my card charged? my gift card should have paid');
    await log.getByText(/ran out on November 30, 2026/).first().waitFor({ timeout: 45_000 });
    await member.getByRole('button', { name: 'It doesn’t help' }).first().click();
    await member.getByRole('button', { name: 'Talk to a person' }).last().click();
    // Not an escalation: she joins as one of the billing team.
    await log.getByText(/Morgan from the billing team has joined/).waitFor({ timeout: 45_000 });

    await desk.getByRole('region', { name: 'My open cases' }).getByRole('link').first().click();
    await desk.waitForURL(/\/desk\/cases\/case_/);
    const main = desk.locator('main');
    await main.getByText('Verify the member to see the account').first().waitFor();
    // Nothing of the gift balance before verification.
    expect(await desk.getByRole('region', { name: 'Gift balance' }).count()).toBe(0);

    const serviceCode = await readServiceCode(journey(), 'jade@demo.reelhouse.example');
    await desk.getByLabel('Service code').fill(serviceCode);
    await desk.getByRole('button', { name: 'Verify' }).click();
    const gift = desk.getByRole('region', { name: 'Gift balance' });
    await gift.waitFor();
    const renewal = gift.getByRole('row').filter({ hasText: 'Nov' }).filter({ hasText: '$11.01' });
    expect((await renewal.first().innerText()).replace(/\s+/g, ' ')).toContain('$11.01 −$5.00 $6.01');
    expect(await gift.innerText()).toContain('Gift card redeemed');
    await deskShot('gift-balance');

    await gift.getByLabel('Amount (USD)').fill('5.00');
    await gift.getByLabel('Reason').fill('The renewal should not have used up her gift card; goodwill restore');
    await gift.getByRole('button', { name: 'Restore balance' }).click();
    await gift.getByText('Add $5.00 back to the member\'s gift balance?').waitFor();
    await gift.getByRole('button', { name: 'Yes, restore $5.00' }).click();
    await gift.getByText(/Restored \$5\.00; the balance is now \$5\.00/).waitFor();
    await deskShot('restored');

    await desk.getByText(/Case history/).click();
    await main.getByText(/Restored \$5\.00 to the gift balance by Morgan Lee \(supervisor\), because: “The renewal should not have used up her gift card; goodwill restore”/).waitFor();
    await log.getByText(/We’ve added \$5\.00 back to your gift balance/).waitFor();
    expect((await billing.service.findByAccount('acct_demo_jade'))?.state.gift_balance).toBe(500);
  }, 180_000);
});
