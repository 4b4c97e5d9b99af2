import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { journeyForBlock, shooter, VIEWPORT_NAMES, VISITOR_TIME } from './journey.ts';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe.skipIf(!hasChromium)('a visitor looks up an error code', () => {
  const journey = journeyForBlock(VISITOR_TIME, { demo: false });

  for (const viewport of VIEWPORT_NAMES) {
    it(`finds a code from the Help Center's box, the list and the search, and an unknown code leads to the general steps (${viewport})`, async () => {
      const page = await journey().newPage(viewport);
      const shot = shooter(page, 'help-error-code', viewport);

      // The TV shows "AP-310"; the visitor types it as they read it.
      await page.goto(`${journey().base}/help`);
      await page.getByLabel('Type the code shown on screen').fill('ap 310');
      await page.getByRole('button', { name: 'Look it up' }).click();
      await heading(page, 'AP-310: App stops at the loading screen');
      const codePage = await page.locator('main').innerText();
      expect(codePage).toContain('What to do');
      expect(codePage).toContain('Smart TV');
      await shot('code-from-help-home');

      await page.getByRole('link', { name: 'Go through the guided steps' }).click();
      await page.waitForURL(`${journey().base}/help/flows/smart-tv`);
      await heading(page, 'Unplug the TV from power for 15 seconds');
      await shot('code-guided-steps');

      // The list of every code, from the header.
      await page.getByRole('navigation', { name: 'Help Center' }).getByRole('link', { name: 'Error codes' }).click();
      await heading(page, 'Error codes');
      expect(await page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(30);
      await shot('list');
      await page.getByRole('link', { name: 'NT-104', exact: true }).click();
      await page.waitForURL(`${journey().base}/help/errors/NT-104`);
      await heading(page, 'NT-104: Connection lost while playing');
      await shot('code-from-list');

      // The code inside a sentence, typed into the search box.
      await page.getByRole('searchbox', { name: 'Search help articles' }).fill('my tv says error ap-310');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await heading(page, 'Search results');
      await page.getByRole('link', { name: 'AP-310', exact: true }).waitFor();
      await shot('code-in-search');
      await page.getByRole('link', { name: 'AP-310', exact: true }).click();
      await page.waitForURL(`${journey().base}/help/errors/AP-310`);

      // A code Reelhouse does not know (another app's, or mistyped).
      await page.goto(`${journey().base}/help/errors`);
      await page.getByLabel('Error code').fill('XQ-999');
      await page.getByRole('button', { name: 'Look it up' }).click();
      await heading(page, "We don't know the code “XQ-999”");
      expect(await page.locator('main').innerText()).toContain('look it up again');
      await shot('unknown-code');

      await page.getByRole('link', { name: 'Start the general streaming steps' }).click();
      await page.waitForURL(`${journey().base}/help/flows/general-streaming`);
      expect(await page.locator('main').innerText()).toContain('step 1');
      await shot('unknown-code-general-steps');

      await page.context().close();
    });
  }
});
