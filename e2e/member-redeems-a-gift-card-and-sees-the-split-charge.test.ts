import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BillingModule } from '../src/modules/billing/index.ts';
import { hasChromium } from './browser.ts';
import { DEMO_PASSWORD, expectNoSidewaysScroll, journeyForBlock, mainText, see, shooter, signInMember, type Journey } from './journey.ts';

/** A Friday afternoon in New York; the renewal is whenever Ava's next billing date falls. */
const START = '2026-11-27T18:00:00Z';

const billingOf = (journey: Journey) => journey.t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;

/** New cards with random codes, as the shop's batch would have them: nothing here knows a demo code. */
async function issueCard(journey: Journey, amount: number, currency: string): Promise<string> {
  const [code] = await billingOf(journey).giftCards.issue({ amount, currency, count: 1 });
  return code!;
}

async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email or mobile number').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!hasChromium)('a member redeems a gift card and sees the split charge', () => {
  const journey = journeyForBlock(START);

  it('keeps the code through sign-in, redeems it, hears what to do about a used or foreign card, and after the renewal sees the balance’s part of the charge (desktop)', async () => {
    const page = await journey().newPage('desktop');
    const shot = shooter(page, 'gift-card-redeem', 'desktop');
    const { base } = journey();
    const code = await issueCard(journey(), 1500, 'USD');
    const euroCode = await issueCard(journey(), 2500, 'EUR');
    // As a member reads it off the card: small letters, spaces instead of dashes.
    const typed = code.toLowerCase().replace(/-/g, ' ');

    // Signed out: asked to sign in or join first; the code typed is kept.
    await page.goto(`${base}/redeem`);
    await page.getByRole('heading', { name: 'Redeem a gift card', level: 1 }).waitFor();
    await page.getByLabel(/Gift card code/).fill(typed);
    await shot('visitor');
    await page.getByRole('link', { name: 'Sign in to redeem' }).click();
    await page.waitForURL(`${base}/sign-in?next=%2Fredeem`);
    expect(page.url().toUpperCase()).not.toContain(code.slice(0, 4));
    await see(page, 'Sign in to redeem your gift card: we fill in its code for you afterwards.');
    await signInHere(page, 'ava@demo.reelhouse.example');

    // Back on /redeem with the code filled in.
    await page.waitForURL(`${base}/redeem`);
    const field = page.getByLabel('Gift card code', { exact: true });
    await field.waitFor();
    expect(await field.inputValue()).toBe(typed);
    await page.getByRole('button', { name: 'Redeem', exact: true }).click();
    const result = page.getByRole('heading', { name: '$15.00 added to your gift balance' });
    await result.waitFor();
    // Focus goes to the result, so a screen reader reads it next.
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('$15.00 added to your gift balance');
    let text = await mainText(page);
    expect(text).toContain('Your gift balance is now $15.00.');
    // Premium in Washington: $24.99 + 10.25 % = $27.55 a month; $15 pays part of the next one.
    expect(text).toMatch(/That is less than one month at \$27\.55 a month, tax included: it pays \$15\.00 of your next payment on [A-Z][a-z]+ \d+, 20\d\d, and your card the rest\./);
    expect(await field.inputValue()).toBe('');
    await shot('redeemed');

    // The same code again: already used, with what to do instead, announced.
    await field.fill(code);
    await page.getByRole('button', { name: 'Redeem', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This code has already been redeemed' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Nobody from Reelhouse/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await shot('already-used');

    // A card sold for another country's currency: not used up, and said so.
    await field.fill(euroCode);
    await page.getByRole('button', { name: 'Redeem', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'This gift card is for another country' }).waitFor();
    text = await mainText(page);
    expect(text).toContain('Your membership is billed in USD.');
    expect(text).toContain('not used up');
    await shot('another-currency');

    // The membership page shows the balance and how far it goes.
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Membership' }).click();
    const balance = page.getByRole('region', { name: 'Gift balance' });
    await balance.waitFor();
    expect(await balance.innerText()).toContain('$15.00');
    expect(await balance.getByRole('link', { name: 'Redeem a gift card' }).getAttribute('href')).toBe('/redeem');

    // The next renewal: the nightly billing run on Ava's billing date.
    const ava = await billingOf(journey()).service.findByAccount('acct_demo_ava');
    const renewal = ava!.state.next_billing_date!;
    await journey().setTime(`${renewal}T09:00:00Z`);
    await billingOf(journey()).runDay();
    await page.goto(`${base}/account/payments`);
    if (page.url().includes('/sign-in')) await signInHere(page, 'ava@demo.reelhouse.example');
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
    expect(rows[0]).toContain('Monthly payment');
    expect(rows[0]).toContain('$27.55');
    expect(rows[0]).toContain('$15.00 from your gift balance, $12.55 on your card.');
    expect(rows[1]).toContain('Gift card redeemed');
    expect(rows[1]).toContain('+$15.00');
    // The chart tells the same in its text alternative, and hatches the balance's part.
    const chart = page.getByRole('img', { name: /Payments over time/ });
    const description = (await chart.locator('desc').textContent()) ?? '';
    expect(description).toContain('1 gift card redeemed, adding $15.00 to your gift balance');
    expect(description).toContain('$15.00 was paid from the gift balance');
    expect(await chart.locator('rect.bar-gift').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Gift balance' }).innerText()).toContain('$0.00');
    await shot('split-charge');
  });

});

/** Its own app: the journey above moves the clock and runs billing, which would retry Grace's payment before she redeems. */
describe.skipIf(!hasChromium)('a member on hold redeems a gift card from its email', () => {
  const journey = journeyForBlock(START);

  it('redeems from a gift email’s link on a phone while a payment is on hold, and the balance pays it at once (phone)', async () => {
    const page = await journey().newPage('phone');
    const shot = shooter(page, 'gift-card-on-hold', 'phone');
    const { base } = journey();
    const code = await issueCard(journey(), 3000, 'USD');

    await signInMember(page, base, 'grace@demo.reelhouse.example');
    await see(page, 'Update payment method');
    // The account page offers the way in.
    await page.getByRole('region', { name: 'Gift balance' }).getByRole('link', { name: 'Redeem a gift card' }).waitFor();

    // A gift email's link carries the code in the fragment, which the server never sees; the page takes it out of the address bar.
    await page.goto(`${base}/redeem#code=${encodeURIComponent(code)}`);
    const field = page.getByLabel('Gift card code', { exact: true });
    await field.waitFor();
    expect(await field.inputValue()).toBe(code);
    expect(page.url()).toBe(`${base}/redeem`);
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Redeem', exact: true }).click();
    await page.getByRole('heading', { name: '$30.00 added to your gift balance' }).waitFor();
    const text = await mainText(page);
    expect(text).toMatch(/We used it at once for the payment that had failed: \$\d+\.\d\d from your gift balance\. Your membership is running again\./);
    await expectNoSidewaysScroll(page);
    await shot('redeemed-on-hold');

    await page.getByRole('link', { name: 'Back to your membership' }).click();
    await see(page, 'Active');
    expect(await page.getByRole('region', { name: 'Gift balance' }).innerText()).toMatch(/\$\d+\.\d\d/);
    await expectNoSidewaysScroll(page);
    await shot('membership-after');

    // The retry on the payments timeline: paid from the balance, nothing on the card, readable on a phone.
    await page.goto(`${base}/account/payments`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    const rows = (await page.getByRole('table').locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
    expect(rows[0]).toContain('Failed payment, paid on retry');
    expect(rows[0]).toMatch(/Paid in full from your gift balance \(\$\d+\.\d\d\); nothing on your card\./);
    expect(rows[1]).toContain('Gift card redeemed');
    await expectNoSidewaysScroll(page);
    await shot('payments-after');
  });

  it('lets a visitor with a gift card join first and comes back to redeem it, the code kept (phone)', async () => {
    const page = await journey().newPage('phone');
    const { base } = journey();
    const code = await issueCard(journey(), 2000, 'USD');

    await page.goto(`${base}/redeem`);
    await page.getByLabel(/Gift card code/).fill(code);
    await page.getByRole('link', { name: 'Join Reelhouse' }).click();
    await page.waitForURL(`${base}/join?next=%2Fredeem`);
    await page.getByRole('heading', { name: 'Choose your plan' }).waitFor();
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('State or region').selectOption('NY');
    await page.getByRole('radio', { name: /Standard/ }).check();
    await page.getByLabel('Full name').fill('Noor Haddad');
    await page.getByLabel('Email').fill('noor.gift@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a-gift-from-my-aunt');
    await page.getByLabel('Card number').fill('4242424242424242');
    await page.getByLabel('Expiry (MM/YY)').fill('08/29');
    await page.getByLabel(/Security code/).fill('123');
    await page.getByRole('button', { name: 'Start membership' }).click();

    await page.waitForURL(`${base}/redeem`);
    await see(page, 'Welcome! Your membership has started.');
    const field = page.getByLabel('Gift card code', { exact: true });
    expect(await field.inputValue()).toBe(code);
    await page.getByRole('button', { name: 'Redeem', exact: true }).click();
    await page.getByRole('heading', { name: '$20.00 added to your gift balance' }).waitFor();
    // Standard in New York: $17.99 + 8.875 % = $19.59 a month; $20.00 pays the first renewal and 41 cents of the next.
    expect(await mainText(page)).toMatch(/It covers about 1 month at \$19\.59 a month, tax included — until [A-Z][a-z]+ \d+, 20\d\d\. On [A-Z][a-z]+ \d+, 20\d\d it pays the last \$0\.41 and your card the rest\./);
    await expectNoSidewaysScroll(page);
  });

  it('shows the demo member whose balance runs out next month how far it goes (phone)', async () => {
    const page = await journey().newPage('phone');
    const shot = shooter(page, 'gift-balance-runs-out', 'phone');
    await signInMember(page, journey().base, 'lena@demo.reelhouse.example');
    const balance = page.getByRole('region', { name: 'Gift balance' });
    await balance.waitFor();
    const text = (await balance.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('$10.34');
    expect(text).toMatch(/That is less than one month at \$\d+\.\d\d a month, tax included: it pays \$10\.34 of your next payment on [A-Z][a-z]+ \d+, 20\d\d, and your card the rest\./);
    await shot('membership');
    // Her two renewals paid from the balance, on the timeline.
    await page.goto(`${journey().base}/account/payments`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    const paid = (await page.getByRole('table').locator('tbody tr').allInnerTexts()).filter((row) => row.includes('Paid in full from your gift balance'));
    expect(paid).toHaveLength(2);
    await shot('payments');
  });
});
