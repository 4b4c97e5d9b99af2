import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Response, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { isCspViolation, openJourney, type Journey } from './journey.ts';

const PASSWORD = 'reelhouse-demo';

/** Opens a page and waits until it shows its heading: its scripts (if any) ran and rendered. */
async function open(page: Page, url: string, ready = 'h1'): Promise<Response | null> {
  const response = await page.goto(url);
  await page.locator(ready).first().waitFor({ state: 'visible' });
  return response;
}

/**
 * Every main page under the Content-Security-Policy in Chromium. The journey
 * watches each browser for `securitypolicyviolation` events and Chromium's
 * "Refused to …" console lines, and fails on any (journey.ts); each step here
 * also checks that nothing was reported before moving on, to name the page.
 */
describe.skipIf(!hasChromium)('a visitor, a member and an agent open every page under the security policy', () => {
  let journey: Journey;
  /**
   * Another site: its own little server, reached as `localhost` while Usher
   * is `127.0.0.1` (two sites to the browser). It must be a real local
   * server: under Private Network Access a page Chromium thinks public may
   * not frame or post to a local address at all, which would hide what our
   * headers do.
   */
  let otherSite: Server;
  let otherBase: string;
  const otherPages = new Map<string, string>();
  beforeAll(async () => {
    // Friday 10:00 in New York: the chat is open.
    journey = await openJourney('2026-11-27T15:00:00Z');
    otherSite = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(otherPages.get(request.url ?? '') ?? '');
    });
    await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
    otherBase = `http://localhost:${(otherSite.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    otherSite?.close();
    await journey?.close();
  });

  // Each step names the page that was blocked; the journey's close() fails on anything left.
  let reported = 0;
  const expectNoViolation = (where: string) => {
    const fresh = journey.cspViolations.slice(reported);
    reported = journey.cspViolations.length;
    expect(fresh, where).toEqual([]);
  };

  it('shows the server-rendered pages, the members\' app and Swagger UI with nothing blocked', async () => {
    const page = await journey.newPage('desktop');
    const base = journey.base;
    const pages: [string, string?][] = [
      ['/'], ['/plans'], ['/help'], ['/help/flows'], ['/help/flows/smart-tv'], ['/help/contact'], ['/help/errors'],
      ['/help/articles/charged-after-cancelling'], ['/help/report-title'], ['/demo/memberships'], ['/demo/memberships/acct_demo_grace'],
      ['/dev/outbox'],
      ['/join'], ['/sign-in'], ['/forgot'], ['/reset?token=not-a-real-token'], ['/find-account'], ['/security/undo?token=not-a-real-token'],
      ['/tv'], ['/redeem', 'input'], ['/invitations/not-a-real-invitation-token'], ['/chat'], ['/desk/sign-in'], ['/desk', 'input'],
      // Swagger UI: its bundle ran, fetched the OpenAPI document and drew it.
      ['/docs', '.swagger-ui .info .title'],
    ];
    for (const [url, ready] of pages) {
      const response = await open(page, `${base}${url}`, ready);
      expect(response?.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expectNoViolation(url);
    }
  });

  it('shows a member\'s account pages and connects the chat\'s WebSocket under connect-src \'self\'', async () => {
    const page = await journey.newPage('desktop');
    const base = journey.base;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email or mobile number').fill('ben@demo.reelhouse.example');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/account`);
    for (const url of ['/account', '/account/payments', '/account/extra-members', '/account/household', '/account/security', '/account/service-code', '/redeem', '/chat']) {
      await open(page, `${base}${url}`);
      expectNoViolation(url);
    }

    // The page may open a socket and drop it while it mounts: the one that gets frames is the chat's.
    const talking = new Promise<WebSocket>((resolve) => {
      page.on('websocket', (ws) => ws.on('framereceived', () => resolve(ws)));
    });
    await page.getByLabel('What can we help with?').fill('I was charged twice this month for my membership');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.waitForURL(/\/chat\/conv_/);
    const ws = await talking;
    expect(ws.url()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/api\/chat\/ws/);
    // The assistant's answer arrives over that socket.
    await page.getByRole('log', { name: 'Chat history' }).getByText(/same card/i).first().waitFor({ timeout: 45_000 });
    expect(ws.isClosed()).toBe(false);
    expectNoViolation('the chat');
  });

  it('signs an agent in to the desk', async () => {
    const page = await journey.newPage('desktop');
    await page.goto(`${journey.base}/desk/sign-in`);
    await page.getByLabel('Work email').fill('sam@agents.reelhouse.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${journey.base}/desk`);
    await page.getByRole('region', { name: 'My open cases' }).waitFor();
    expectNoViolation('the desk');
  });

  it('sends a Help Center form from its own page, and refuses it from another site or an opaque origin', async () => {
    const page = await journey.newPage('desktop');
    const base = journey.base;
    await open(page, `${base}/help/articles/charged-after-cancelling`);
    await page.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/feedback=thanks/);
    expectNoViolation('the feedback form');

    // The same form on another site: the browser sends that site as Origin.
    const form = `<form method="post" action="${base}/help/articles/charged-after-cancelling/feedback"><input name="helpful" value="yes"><button>Send</button></form>`;
    const other = await journey.browser.newContext();
    const evil = await other.newPage();
    otherPages.set('/form', form);
    await evil.goto(`${otherBase}/form`);
    const [crossSite] = await Promise.all([evil.waitForResponse(`${base}/help/articles/charged-after-cancelling/feedback`), evil.click('button')]);
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'CROSS_ORIGIN_FORBIDDEN' } });

    // A sandboxed or data: page posts with `Origin: null`.
    await evil.goto(`data:text/html,${encodeURIComponent(form)}`);
    const [opaque] = await Promise.all([evil.waitForResponse(`${base}/help/articles/charged-after-cancelling/feedback`), evil.click('button')]);
    expect(opaque.status()).toBe(403);
    await other.close();
  });

  it('cannot be framed by another page: the desk and the Help Center refuse', async () => {
    const other = await journey.browser.newContext();
    const framer = await other.newPage();
    const refusals: string[] = [];
    framer.on('console', (message) => {
      if (isCspViolation(message.text()) || /frame/i.test(message.text())) refusals.push(message.text());
    });
    const body = ['/desk', '/desk/sign-in', '/help', '/account'].map((url) => `<iframe src="${journey.base}${url}" title="${url}"></iframe>`).join('');
    otherPages.set('/framer', body);
    await framer.goto(`${otherBase}/framer`);
    await framer.waitForLoadState('load');
    await expect.poll(() => refusals.filter((text) => text.includes("frame-ancestors 'none'")).length, { timeout: 30_000 }).toBe(4);
    for (const frame of framer.frames().slice(1)) {
      // A refused frame holds Chromium's error page, never the desk's form.
      expect(await frame.locator('input').count().catch(() => 0)).toBe(0);
    }
    await other.close();
  });
});
