import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { journeyForBlock, shooter, VIEWPORT_NAMES, VISITOR_TIME } from './journey.ts';

/** Types into the header's search box, as a visitor does, and waits for the results page. */
async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search help articles' }).fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/help\/search\?q=/);
  await page.getByRole('heading', { level: 1, name: 'Search results' }).waitFor();
}

/** The titles of the results, best first. */
async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('main ol.list > li strong').allInnerTexts();
}

describe.skipIf(!hasChromium)('a visitor searches the Help Center with typos and opens the right article', () => {
  const journey = journeyForBlock(VISITOR_TIME, { demo: false });

  for (const viewport of VIEWPORT_NAMES) {
    it(`finds "cancel my membership" and "why was I charged twice" despite the typos (${viewport})`, async () => {
      const page = await journey().newPage(viewport);
      const shot = shooter(page, 'help-search-typo', viewport);

      await page.goto(`${journey().base}/help`);
      await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
      await shot('help-home');

      await search(page, 'cancell my membrship');
      expect((await resultTitles(page))[0]).toBe('Cancel your membership');
      await shot('results-cancel');
      await page.getByRole('link', { name: 'Cancel your membership' }).first().click();
      await page.waitForURL(`${journey().base}/help/articles/cancel-your-membership`);
      await page.getByRole('heading', { level: 1, name: 'Cancel your membership' }).waitFor();
      expect(await page.locator('main').innerText()).toContain('Account › Membership');
      await shot('article-cancel');

      await search(page, 'wy was i chargd twice');
      expect((await resultTitles(page))[0]).toBe('Two accounts on the same card');
      await shot('results-charged-twice');
      await page.getByRole('link', { name: 'Two accounts on the same card' }).first().click();
      await page.waitForURL(`${journey().base}/help/articles/second-account-same-card`);
      await page.getByRole('heading', { level: 1, name: 'Two accounts on the same card' }).waitFor();
      await shot('article-charged-twice');

      await page.context().close();
    });
  }
});
