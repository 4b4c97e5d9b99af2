import { afterEach, describe, expect, it } from 'vitest';
import type { BillingModule } from '../src/modules/billing/index.ts';
import { hasChromium } from './browser.ts';
import { mainText, openJourney, see, shooter, type Journey, type ViewportName } from './journey.ts';

describe.skipIf(!hasChromium)('a visitor joins, upgrades, cancels and later restarts', () => {
  let journey: Journey | undefined;
  afterEach(async () => {
    await journey?.close();
    journey = undefined;
  });

  for (const viewport of ['desktop', 'phone'] as const satisfies ViewportName[]) {
    it(`sees every charge and date before confirming (${viewport})`, async () => {
      // Time passes in this journey: each viewport gets its own app and clock.
      journey = await openJourney('2026-11-27T18:30:00Z', { demo: false });
      const email = `maya.${viewport}@example.com`;
      const page = await journey.newPage(viewport);
      const shot = shooter(page, 'join-upgrade-cancel-restart', viewport);

      // Join: the plans with their prices, then the account and the card.
      await page.goto(journey.base);
      await page.getByRole('link', { name: /Join Reelhouse/ }).click();
      await page.getByRole('heading', { name: 'Choose your plan' }).waitFor();
      await page.getByLabel('Country').selectOption('US');
      await page.getByLabel('State or region').selectOption('NY');
      await page.getByRole('radio', { name: /Standard/ }).check();
      await page.getByLabel('Full name').fill('Maya Lindqvist');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('popcorn-on-the-sofa');
      await page.getByLabel('Card number').fill('4242424242424242');
      await page.getByLabel('Expiry (MM/YY)').fill('08/29');
      await page.getByLabel(/Security code/).fill('123');
      expect(await mainText(page)).toContain('You pay $17.99 plus tax today, then every month on the same day.');
      await shot('join');
      await page.getByRole('button', { name: 'Start membership' }).click();

      await page.waitForURL(`${journey.base}/account`);
      await see(page, 'Welcome! Your membership has started.');
      let text = await mainText(page);
      expect(text).toContain('Active');
      expect(text).toContain('Your next payment of $17.99 is on December 27, 2026.');
      expect(text).toContain('Standard');
      await shot('membership-after-joining');

      // Ten days later: upgrade to Premium, told the prorated charge before confirming.
      await journey.setTime('2026-12-07T18:30:00Z');
      await page.reload();
      await page.getByRole('button', { name: 'Change plan' }).click();
      await page.getByLabel('New plan').selectOption('premium');
      await page.getByRole('button', { name: 'See what will happen' }).click();
      await see(page, 'What will happen');
      text = await mainText(page);
      expect(text).toContain('Your plan changes to Premium now. You will be charged');
      expect(text).toContain('From December 27, 2026 you pay the Premium price each month.');
      const upgradeCharge = /We will charge (\$\d+\.\d\d)/.exec(text)?.[1];
      expect(upgradeCharge).toBeDefined();
      await shot('upgrade-what-will-happen');
      await page.getByRole('button', { name: 'Confirm: change plan' }).click();
      await see(page, /^Done\. Your plan changes to Premium now/);
      text = await mainText(page);
      expect(text).toContain('Your next payment of $24.99 is on December 27, 2026.');
      await shot('membership-after-upgrade');

      // The payment history shows the first month and the upgrade.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
      const history = page.getByRole('table');
      await history.waitFor();
      const rows = (await history.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
      expect(rows[0]).toContain('Plan upgrade (rest of the month)');
      expect(rows[0]).toContain(upgradeCharge!);
      expect(rows.at(-1)).toContain('First month');
      expect(rows.at(-1)).toContain('$19.59'); // $17.99 + 8.875% New York tax
      await shot('payments-after-upgrade');

      // Cancel: the final service date is said before confirming, and shown after.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Membership' }).click();
      await page.getByRole('button', { name: 'Cancel membership' }).click();
      await see(page, 'You have paid until December 27, 2026.');
      await page.getByRole('button', { name: 'See what will happen' }).click();
      await see(page, 'Your membership stays active until December 27, 2026, your final service date.');
      expect(await mainText(page)).toContain('No charge for this change.');
      await shot('cancel-what-will-happen');
      await page.getByRole('button', { name: 'Confirm cancellation' }).click();
      await see(page, /^Done\. Your membership stays active until/);
      text = await mainText(page);
      expect(text).toContain('Cancelled, ends soon');
      expect(text).toContain('You can keep watching until December 27, 2026. You won’t be charged again.');
      expect(text).toMatch(/Last day of service\s*December 27, 2026/);
      await shot('membership-cancelled');

      // The paid month runs out; the nightly billing run ends the membership.
      await journey.setTime('2027-01-10T09:00:00Z');
      const billing = journey.t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;
      await billing.runDay();
      await page.reload();
      // Over a month without visiting: the session has expired, so the member signs in again.
      await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
      await page.getByLabel('Email or mobile number').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('popcorn-on-the-sofa');
      await shot('sign-in-again');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${journey.base}/account`);
      await see(page, 'Ended');
      text = await mainText(page);
      expect(text).toContain('Your membership ended on December 27, 2026.');
      await shot('membership-ended');

      // Restart on Standard: charged today, billing date becomes the 10th.
      await page.getByRole('button', { name: 'Restart membership' }).click();
      await page.getByLabel('Restart with plan').selectOption('standard');
      await page.getByRole('button', { name: 'See what will happen' }).click();
      await see(page, 'Your membership restarts now on the Standard plan.');
      text = await mainText(page);
      expect(text).toContain('Your billing date becomes the 10th of each month.');
      expect(text).toContain('We will charge $19.59');
      await shot('restart-what-will-happen');
      await page.getByRole('button', { name: 'Confirm: restart membership' }).click();
      await see(page, /^Done\. Your membership restarts now/);
      text = await mainText(page);
      expect(text).toContain('Your next payment of $17.99 is on February 10, 2027.');
      await shot('membership-restarted');

      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Payments' }).click();
      await history.waitFor();
      const after = (await history.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
      expect(after[0]).toContain('Membership restarted');
      expect(after[0]).toContain('$19.59');
      expect(after).toHaveLength(rows.length + 1);
      await shot('payments-after-restart');
    });
  }
});
