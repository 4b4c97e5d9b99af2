import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { mainText, openJourney, see, shooter, type Journey, type ViewportName } from './journey.ts';

const PASSWORD = 'reelhouse-demo';

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email or mobile number').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/account`);
  await page.getByRole('heading', { name: 'Your membership' }).waitFor();
}

describe.skipIf(!hasChromium)('a member signs out of every device from a second session', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await openJourney('2026-11-27T18:30:00Z');
  });
  afterAll(async () => {
    await journey?.close();
  });

  const members: Record<ViewportName, string> = { desktop: 'ava@demo.reelhouse.example', phone: 'ben@demo.reelhouse.example' };

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`sees both sessions, confirms, and the first browser is signed out too (${viewport})`, async () => {
      const email = members[viewport];
      // The first session: another browser (on another computer or phone).
      const first = await journey.newPage(viewport);
      await signIn(first, journey.base, email);

      // Later, from a second browser.
      await journey.setTime('2026-11-27T19:15:00Z');
      const page = await journey.newPage(viewport);
      const shot = shooter(page, 'sign-out-everywhere', viewport);
      await signIn(page, journey.base, email);
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
      await page.getByRole('heading', { name: 'Security and devices' }).waitFor();
      const devices = page.getByRole('region', { name: 'Devices and sessions' });
      await devices.getByRole('list').first().waitFor();
      const sessions = devices.getByText(/Sign-in sessions \(\d+\)/);
      await sessions.click();
      const sessionRows = devices.locator('details table tbody tr');
      expect(await sessionRows.count()).toBeGreaterThanOrEqual(2);
      expect(await devices.getByText('(this one)').count()).toBe(1);
      expect(await devices.getByText('This device').count()).toBe(1);
      await shot('security-and-devices');

      await page.getByRole('button', { name: 'Sign out of all devices' }).click();
      await see(page, 'You will need to sign in again everywhere.');
      await shot('confirm-sign-out-everywhere');
      await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
      await page.waitForURL(/\/sign-in/);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await mainText(page)).toContain('You have been signed out of every device, including this one.');
      await shot('signed-out');

      // The first browser's next step finds it signed out.
      await first.reload();
      await first.waitForURL(/\/sign-in\?next=%2Faccount/);
      await first.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shooter(first, 'sign-out-everywhere', viewport)('other-browser-signed-out');
      await first.context().close();
      await page.context().close();
    });
  }
});
