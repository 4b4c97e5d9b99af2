import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, VIEWPORTS } from './browser.ts';
import { expectNoSidewaysScroll, journeyForBlock, mainText, shooter, VIEWPORT_NAMES, VISITOR_TIME, watchCspViolations } from './journey.ts';

/**
 * A text that claims to be the service: a deadline, a lookalike link and a
 * request for the card. The `<b>` is there to prove the page shows what was
 * pasted as text, never as HTML.
 */
const SENDER = '+44 7700 900123';
const LOOKALIKE = 'reelhouse-billing-secure.com';
const PHISHING_SMS = `Reelhouse: your payment failed and your membership will be suspended in 24 hours. <b>Act now</b>: confirm your card at https://${LOOKALIKE}/verify or reply with your card number, expiry date and CVV.`;

/** The quote holds 12 or more characters in a row of the SMS or of its sender. */
function quotesWhatWasReceived(quote: string): boolean {
  const received = [PHISHING_SMS.toLowerCase(), SENDER];
  const said = quote.toLowerCase().replace(/…/g, ' ');
  for (let start = 0; start + 12 <= said.length; start++) {
    if (received.some((text) => text.includes(said.slice(start, start + 12)))) return true;
  }
  return false;
}

/** Pastes the SMS on the report form and submits it; the answer page is then open. */
async function reportTheSms(page: Page, base: string, options: { enteredDetails: boolean }): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Report a suspicious message' }).waitFor();
  await page.getByLabel('A text message (SMS, WhatsApp…)').check();
  await page.getByLabel('Who sent it?').fill(SENDER);
  await page.getByLabel('The message').fill(PHISHING_SMS);
  if (options.enteredDetails) await page.getByLabel('I already entered my details').check();
  await page.getByRole('button', { name: 'Check this message' }).click();
  // Post, then redirect to the answer's own address: a reload never reports twice.
  await page.waitForURL(new RegExp(`^${base}/help/report-message/RPT-`));
  await page.getByRole('heading', { level: 1, name: 'Your report' }).waitFor();
}

/** What every answer to this SMS says: the verdict, the signs quoting the text, the advice, a reference. */
async function expectTheScamAnswer(page: Page): Promise<string> {
  const main = page.locator('main');
  expect(await page.getByRole('status').innerText()).toMatch(/This is a scam\. Do not act on it\.|This looks suspicious/);

  await page.getByRole('heading', { level: 2, name: 'What we found' }).waitFor();
  const signs = await main.locator('ul.signs > li').allInnerTexts();
  expect(signs.join('\n')).toContain('It asks for your card details');
  expect(signs.join('\n')).toMatch(/An address is made to look like ours but is not|A link goes somewhere that is not ours/);
  // Each sign quotes the visitor's own message.
  const quotes = await main.locator('ul.signs q').allInnerTexts();
  expect(quotes.length).toBeGreaterThan(0);
  // Each quotes a piece of what was received (the text, or the number it came from), sometimes with a word on why.
  for (const quote of quotes) expect(quotesWhatWasReceived(quote), quote).toBe(true);
  expect(quotes.some((quote) => quote.includes(LOOKALIKE))).toBe(true);

  // The scammer's text and link are shown as text: no link, no bold, nothing of the message clickable.
  expect(await main.locator(`a[href*="${LOOKALIKE}"]`).count()).toBe(0);
  expect(await main.locator('b').count()).toBe(0);

  const text = await mainText(page);
  expect(text).toContain('Do not click its links');
  expect(text).toContain('never send a password, a code or card details');
  const reference = /Your reference: (RPT-[A-Z0-9-]+)/.exec(text)?.[1];
  expect(reference).toBeDefined();
  return reference!;
}

describe.skipIf(!hasChromium)('a visitor reports a phishing SMS and gets advice', () => {
  const journey = journeyForBlock(VISITOR_TIME, { demo: false });

  for (const viewport of VIEWPORT_NAMES) {
    it(`finds the report page in the Help Center, pastes the text and reads the verdict, the signs in its own words and a reference (${viewport})`, async () => {
      const page = await journey().newPage(viewport);
      const shot = shooter(page, 'help-report-phishing-sms', viewport);

      await page.goto(`${journey().base}/help`);
      await page.getByRole('navigation', { name: 'Help Center' }).getByRole('link', { name: 'Report a scam' }).click();
      await page.waitForURL(`${journey().base}/help/report-message`);
      if (viewport === 'phone') await expectNoSidewaysScroll(page);
      await shot('form');

      await reportTheSms(page, journey().base, { enteredDetails: false });
      const reference = await expectTheScamAnswer(page);
      // Without "I entered my details" the recovery steps are not pushed on the visitor.
      expect(await mainText(page)).not.toContain('call your bank');
      if (viewport === 'phone') await expectNoSidewaysScroll(page);
      await shot('answer');

      // The reference opens the same answer again (and a reload reports nothing twice).
      await page.reload();
      expect(await mainText(page)).toContain(reference);
      await page.context().close();
    });
  }

  it('having entered the card on the link, is told to change the password, sign out everywhere and call the bank, with links to do it', async () => {
    const page = await journey().newPage('desktop');
    const shot = shooter(page, 'help-report-phishing-sms-entered-details', 'desktop');
    await page.goto(`${journey().base}/help/report-message`);
    await reportTheSms(page, journey().base, { enteredDetails: true });
    await expectTheScamAnswer(page);

    const steps = await page.locator('main h2:text-is("What to do now") + ol > li').allInnerTexts();
    expect(steps[0]).toMatch(/^Change your Reelhouse password now/);
    expect(steps.join('\n')).toContain('Sign out of all devices');
    expect(steps.join('\n')).toContain('call your bank');
    // A visitor is not signed in: the links lead to the reset and the sign-in, never to the scammer.
    expect(await page.getByRole('link', { name: 'Reset my password' }).getAttribute('href')).toBe('/forgot');
    expect(await page.getByRole('link', { name: 'Sign in to sign out of all devices' }).getAttribute('href')).toBe('/sign-in');
    await shot('answer');
    await page.context().close();
  });

  it('works without JavaScript: the plain form posts and the answer page reads the same', async () => {
    const context = await journey().browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US', timezoneId: 'UTC', javaScriptEnabled: false });
    await watchCspViolations(context, journey().cspViolations);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${journey().base}/help/report-message`);
    expect(await page.locator('script').count()).toBe(0);
    await reportTheSms(page, journey().base, { enteredDetails: true });
    await expectTheScamAnswer(page);
    expect(await mainText(page)).toContain('call your bank');

    await context.close();
  });
});
