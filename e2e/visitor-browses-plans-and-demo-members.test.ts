import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../src/platform/testing/test-app.ts';
import { hasChromium, launchChromium, screenshot, VIEWPORTS } from './browser.ts';

describe.skipIf(!hasChromium)('a visitor browses the home page, the plans and the demo members', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27' });
    await t.app.server.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`follows the links from the home page to a member's payment timeline (${name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(base);
      await expect(page.locator('h1')).toBeDefined();
      expect(await page.textContent('body')).toContain('Reelhouse');
      await screenshot(page, `home-${name}.png`);

      await page.click('text=Plans and prices');
      await page.waitForURL(`${base}/plans`);
      expect(await page.textContent('main')).toContain('Prices include tax.');
      await screenshot(page, `plans-${name}.png`);

      await page.goto(base);
      await page.click('text=Demo members');
      await page.waitForURL(`${base}/demo/memberships`);
      await screenshot(page, `demo-members-${name}.png`);
      await page.click('text=Grace Liu');
      await page.waitForURL(/acct_demo_grace/);
      const main = await page.textContent('main');
      expect(main).toContain('On hold');
      expect(main).toContain('failed');
      expect(await page.locator('svg[role=img] rect').count()).toBeGreaterThan(3);
      await screenshot(page, `demo-member-on-hold-${name}.png`);
      await page.close();
    });
  }
});
