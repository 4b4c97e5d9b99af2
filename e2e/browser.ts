import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; browser journeys are skipped with a message when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  process.stderr.write(`\nBrowser journeys skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH). .ci/run installs it.\n\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Screenshots for docs/screenshots/, written when USHER_SCREENSHOTS=1 so that
 * an ordinary test run leaves the working tree as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.USHER_SCREENSHOTS === '1') await page.screenshot({ path: `docs/screenshots/${name}`, fullPage: true });
}
