import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { journeyForBlock, readServiceCode, shooter, VIEWPORT_NAMES, VISITOR_TIME } from './journey.ts';

/**
 * Anything a visitor could dial: 7 or more digits run together or split by spaces, dots,
 * hyphens or brackets, with or without "+" ("+1 (555) 010-2030", "0800 123 4567"), or a tel: link.
 * Times ("08:00–22:00") and digits inside a reference ("cb_01a2…") do not look like one.
 */
async function phoneNumbersOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const html = await page.content();
  const numbers = (text.match(/(?<![\w.-])\+?\(?\d[\d\s().-]{5,}\d(?![\w.-])/g) ?? []).filter((candidate) => candidate.replace(/\D/g, '').length >= 7);
  return [...numbers, ...(html.match(/href="tel:[^"]*"/g) ?? [])];
}

describe.skipIf(!hasChromium)('a visitor describes a double charge on the contact page', () => {
  // The demo members exist so that the call-back's service code belongs to someone and is checked.
  const journey = journeyForBlock(VISITOR_TIME);

  for (const viewport of VIEWPORT_NAMES) {
    it(`reads the problem back in plain words, with the billing checklist and the ways to reach a person, never a phone number (${viewport})`, async () => {
      // Ben reads his 6-digit service code from the app (his own browser), then asks as a visitor.
      const serviceCode = await readServiceCode(journey(), 'ben@demo.reelhouse.example');
      const page = await journey().newPage(viewport);
      const shot = shooter(page, 'help-contact-double-charge', viewport);

      await page.goto(`${journey().base}/help`);
      await page.getByRole('navigation', { name: 'Help Center' }).getByRole('link', { name: 'Contact us' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contact us' }).waitFor();
      expect(await phoneNumbersOn(page)).toEqual([]);
      await shot('form');

      await page.getByLabel("What's the problem?").fill('I was charged twice this month for my membership');
      expect(await page.getByLabel('Country').inputValue()).toBe('US');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: /^It sounds like:/ }).waitFor();

      const main = page.locator('main');
      expect(await main.locator('blockquote').innerText()).toBe('I was charged twice this month for my membership');
      expect(await page.getByRole('heading', { name: /^It sounds like:/ }).innerText()).toBe('It sounds like: You were charged more than once for the same period.');
      // Not the intent's name: plain words only.
      expect(await main.innerText()).not.toContain('billing.multiple_charges');

      const tryFirst = main.locator('h2:text-is("Try this first") + ul');
      expect(await tryFirst.innerText()).toContain('Two accounts on the same card');

      const checklist = await main.locator('h2:text-is("Have this ready") + ul > li').allInnerTexts();
      expect(checklist).toEqual(expect.arrayContaining([
        'The date and amount of the charge you\'re asking about',
        'The last four digits of the card (never the whole number)',
      ]));

      await page.getByRole('heading', { name: 'Chat: open now' }).waitFor();
      await page.getByRole('heading', { name: 'Request a call: open now' }).waitFor();
      await page.getByRole('button', { name: 'Start a chat' }).waitFor();
      await page.getByLabel('Service code').waitFor();
      expect(await main.innerText()).toContain('There is no number to dial');
      expect(await phoneNumbersOn(page)).toEqual([]);
      await shot('triage');

      // The code is checked when the call is requested; only "verified at" is kept, never the code.
      await page.getByLabel('Service code').fill(serviceCode);
      await page.getByRole('button', { name: 'Request a call' }).click();
      await page.waitForURL(`${journey().base}/help/contact/call`);
      const confirmation = await main.innerText();
      expect(confirmation).toContain('Identity verified with the service code');
      expect(confirmation).not.toContain(serviceCode);
      expect(await phoneNumbersOn(page)).toEqual([]);
      await shot('call-requested');

      await page.context().close();
    });
  }
});
