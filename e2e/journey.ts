import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { openTestApp, type TestApp } from '../src/platform/testing/test-app.ts';
import { launchChromium, screenshot, VIEWPORTS } from './browser.ts';

export type ViewportName = keyof typeof VIEWPORTS;

/** Every viewport size, for a journey repeated on each. */
export const VIEWPORT_NAMES = Object.keys(VIEWPORTS) as ViewportName[];

/** A Wednesday, 10:00 in New York: the Help Center's visitor journeys run then (chat and call-backs are open). */
export const VISITOR_TIME = '2026-11-25T15:00:00Z';

/** A Friday, 10:00 in New York: the chat is open and agents are on duty, for the journeys between a member and an agent. */
export const CHAT_OPEN_TIME = '2026-11-27T15:00:00Z';

/** The password of every demo member and demo agent. */
export const DEMO_PASSWORD = 'reelhouse-demo';

/** A phone's browser, so that sign-ins from the phone size are recorded as a "Phone browser". */
const PHONE_USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/** The whole app on a random port, and one Chromium for a journey file. */
export type Journey = {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A fresh browser (own cookies) at a viewport size, whose clock shows the server's time. */
  newPage(viewport: ViewportName): Promise<Page>;
  /** Moves the server's clock, and the clock of every open browser with it. */
  setTime(iso: string): Promise<void>;
  /** Content-Security-Policy violations any of its browsers reported so far; `close()` fails the journey on any. */
  cspViolations: string[];
  close(): Promise<void>;
};

/**
 * Every page reports what the policy blocked: the `securitypolicyviolation`
 * event, written to the console where the journey reads it (an init script
 * runs outside the page's CSP). Chromium's own "Refused to …" lines are read too.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' on ' + event.documentURI + (event.sample ? ' (' + event.sample + ')' : ''));
});`;

export function isCspViolation(text: string): boolean {
  return text.startsWith('CSP violation:') || /Content Security Policy/i.test(text);
}

/** Records the CSP violations of a browser context's pages into `into`. */
export async function watchCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  context.on('console', (message) => {
    const text = message.text();
    if (isCspViolation(text)) into.push(`${message.page()?.url() ?? '?'}: ${text}`);
  });
}

/** `demo: false` skips the demo members (seeding them takes seconds) when a journey needs none of them. */
export async function openJourney(now: string, options: { demo?: boolean } = {}): Promise<Journey> {
  const t = await openTestApp({ today: now.slice(0, 10), demo: options.demo ?? true });
  t.clock.set(now);
  await t.app.server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    t,
    base,
    browser,
    cspViolations,
    async newPage(viewport) {
      const context = await browser.newContext({
        viewport: VIEWPORTS[viewport],
        locale: 'en-US',
        timezoneId: 'UTC',
        ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, userAgent: PHONE_USER_AGENT } : {}),
      });
      // "2 minutes ago" and countdowns are computed in the browser: it lives on the server's clock.
      await context.clock.setFixedTime(t.clock.now());
      await watchCspViolations(context, cspViolations);
      contexts.push(context);
      context.on('close', () => contexts.splice(contexts.indexOf(context), 1));
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    },
    async setTime(iso) {
      t.clock.set(iso);
      for (const context of contexts) await context.clock.setFixedTime(t.clock.now());
    },
    async close() {
      await browser?.close();
      await t?.close();
      if (cspViolations.length > 0) throw new Error(`The Content-Security-Policy blocked something:\n${[...new Set(cspViolations)].join('\n')}`);
    },
  };
}

/**
 * Opens a journey before the tests of the enclosing describe block and closes it after
 * them; the tests read it through the returned function (it exists once beforeAll ran).
 */
export function journeyForBlock(now: string, options: { demo?: boolean } = {}): () => Journey {
  let journey: Journey | undefined;
  beforeAll(async () => {
    journey = await openJourney(now, options);
  });
  afterAll(async () => {
    await journey?.close();
  });
  return () => {
    if (!journey) throw new Error('The journey is not open yet: read it inside a test');
    return journey;
  };
}

/** Signs a demo member in on the member site and waits for their account page. */
export async function signInMember(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email or mobile number').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/account`);
}

/** Signs a demo agent in at the desk and waits for the desk's home. */
export async function signInAgent(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/desk/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/desk`);
}

/** A signed-in member starts a chat with `opening`; returns the chat's history once the conversation page is open. */
export async function startChat(page: Page, base: string, opening: string) {
  await page.goto(`${base}/chat`);
  await page.getByLabel('What can we help with?').fill(opening);
  await page.getByRole('button', { name: 'Start chatting' }).click();
  await page.waitForURL(/\/chat\/conv_/);
  return page.getByRole('log', { name: 'Chat history' });
}

/** The member's 6-digit service code, read from their account page in another browser (as they would in the app). */
export async function readServiceCode(journey: Journey, email: string): Promise<string> {
  const codePage = await journey.newPage('desktop');
  await signInMember(codePage, journey.base, email);
  await codePage.goto(`${journey.base}/account/service-code`);
  const label = await codePage.locator('[aria-label^="Your service code is"]').getAttribute('aria-label');
  const code = (label ?? '').replace(/\D/g, '');
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

/** Screenshot of the page as it is now: docs/screenshots/<journey>-<step>-<viewport>.png (USHER_SCREENSHOTS=1 only). */
const shotCounts = new Map<string, number>();

export function shooter(page: Page, journey: string, viewport: ViewportName) {
  return async (step: string) => {
    // Numbered in the order of the journey, across every browser of the member and their guests.
    const index = (shotCounts.get(`${journey}-${viewport}`) ?? 0) + 1;
    shotCounts.set(`${journey}-${viewport}`, index);
    // Let fonts and the last render settle, and never leave the focus ring of a click in the picture.
    // A full-page picture from the top (the sticky header would otherwise sit mid-page), without the
    // focus ring or hover colour left by the last click.
    await page.evaluate('document.activeElement?.blur?.(); window.scrollTo(0, 0)');
    await page.mouse.move(0, 0);
    if (viewport === 'phone') await expectNoSidewaysScroll(page);
    await screenshot(page, `${journey}-${String(index).padStart(2, '0')}-${step}-${viewport}.png`);
  };
}

export type OutboxMessage = { id: string; channel: 'email' | 'sms'; to: string; subject: string | null; body: string; links: string[]; created_at: string };

/** What a tester reads in the demo outbox (`/api/dev/outbox?to=…`), newest first. */
export async function outbox(page: Page, base: string, to: string): Promise<OutboxMessage[]> {
  const answer = await page.request.get(`${base}/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return ((await answer.json()) as { messages: OutboxMessage[] }).messages;
}

/** The 6 digits of the newest message to `to` (SMS or email). */
export async function newestCode(page: Page, base: string, to: string): Promise<string> {
  const [message] = await outbox(page, base, to);
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  if (!code) throw new Error(`No 6-digit code in the newest message to ${to}: ${message?.body ?? '(none)'}`);
  return code;
}

/** Fails when the page is wider than the viewport (sideways scrolling on a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Scripts as text: the tests are type-checked without the DOM library.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  if (overflow > 1) {
    const culprits = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + '.' + element.className)`);
    throw new Error(`The page is ${overflow}px wider than the screen at ${page.url()}: ${culprits.join(', ')}`);
  }
}

/** Waits until `text` is visible somewhere on the page (the member reads it). */
export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible' });
}

/** The visible text of the main content, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
