/**
 * A member forwards a phishing email to the reporting address (the safety
 * module's SMTP listener, on an ephemeral port); it arrives as a report on
 * the security team's list at the desk; Rowan of the security team reads it
 * (the message as text, links not clickable), confirms it with a reason, and
 * its URL is in the CSV export downloaded from the desk.
 */
import fs from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafetyModule } from '../src/modules/safety/index.ts';
import { openTestApp, type TestApp } from '../src/platform/testing/test-app.ts';
import { hasChromium, launchChromium, screenshot, VIEWPORTS } from './browser.ts';
import { watchCspViolations } from './journey.ts';

const PASSWORD = 'reelhouse-demo';
const PHISH_URL = 'http://reelhouse-renew.example.net/update-card';
const FORWARD = `From: Jo Member <jo@members.example>
To: phishing@reelhouse.example
Subject: Fwd: Your membership is on hold
Date: Fri, 06 Nov 2026 08:55:00 +0000
Message-ID: <fwd-e2e-1@members.example>
Content-Type: text/plain; charset=utf-8

Is this real?

---------- Forwarded message ---------
From: Reelhouse Billing <billing@reelhouse-renew.example.net>
Date: Fri, 6 Nov 2026 at 08:40
Subject: Your membership is on hold
To: <jo@members.example>

Your payment failed. Your membership will be cancelled within 24 hours.
Update your card now: ${PHISH_URL} <b>not bold</b>
`;

/** A port nobody uses right now, for the listener (the app's config takes a number). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!hasChromium)('the security team confirms a forwarded phish and exports it', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let smtpPort: number;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    smtpPort = await freePort();
    t = await openTestApp({ today: '2026-11-06T09:00:00Z', demo: true, env: { USHER_SMTP_PORT: String(smtpPort), USHER_SMTP_HOST: '127.0.0.1' } });
    const safety = t.app.modules.find((module) => module.name === 'safety') as SafetyModule;
    await safety.startListeners?.();
    expect(safety.smtpPort()).toBe(smtpPort);
    await t.app.server.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('takes the email as a report, shows it to the security team, and exports its URL once confirmed', async () => {
    // The member's mail server delivers the forward to the reporting address.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'jo@members.example', to: ['phishing@reelhouse.example'] }, raw: FORWARD });
    // The day before, another member had forwarded the same run, with another subject: one campaign.
    t.clock.set('2026-11-05T18:00:00Z');
    const earlier = FORWARD.replace(/Your membership is on hold/g, 'Last reminder: payment problem').replace('fwd-e2e-1', 'fwd-e2e-0').replace('Jo Member <jo@', 'Al Member <al@');
    await transport.sendMail({ envelope: { from: 'al@members.example', to: ['phishing@reelhouse.example'] }, raw: earlier });
    t.clock.set('2026-11-06T09:00:00Z');
    transport.close();
    const safety = t.app.modules.find((module) => module.name === 'safety') as SafetyModule;
    const report = (await safety.reports.listReports({ source: 'smtp' })).find((item) => item.message.subject === 'Your membership is on hold');
    expect(report?.message.subject).toBe('Your membership is on hold');

    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
    await watchCspViolations(context, cspViolations);
    const page: Page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/desk/sign-in`);
    await page.getByLabel('Work email').fill('rowan@agents.reelhouse.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/desk`);

    // The security team's desk opens on the reports to review.
    await expect.poll(() => page.getByRole('heading', { name: 'Phishing reports' }).isVisible()).toBe(true);
    const row = page.getByRole('row').filter({ hasText: 'Your membership is on hold' });
    await row.waitFor();
    expect(await row.textContent()).toContain(report!.reference);
    await screenshot(page, 'security-team-01-reports-desktop.png');
    await row.getByRole('link', { name: report!.reference }).click();

    // The message is text: the HTML in it is shown as written, and no link leads to the scam.
    await page.getByRole('heading', { name: `Report ${report!.reference}` }).waitFor();
    const message = page.getByLabel('Message text');
    expect(await message.textContent()).toContain('<b>not bold</b>');
    expect(await page.locator('a[href*="reelhouse-renew"]').count()).toBe(0);
    expect(await page.locator('code', { hasText: PHISH_URL }).count()).toBeGreaterThan(0);

    await page.getByLabel('Reason').fill('Fake card update page, takedown requested');
    await page.getByRole('button', { name: 'Confirm as scam' }).click();
    await page.getByText('Confirmed as a scam.').waitFor();
    await page.getByText('Confirmed by Rowan Okafor').waitFor();
    await screenshot(page, 'security-team-02-report-confirmed-desktop.png');

    // Both forwards are one campaign, drawn day by day.
    await page.getByRole('link', { name: 'Campaigns' }).click();
    const chart = page.getByRole('img', { name: /Reports per day/ });
    await chart.waitFor();
    expect(await page.locator('figcaption', { hasText: '2 reports over 2 days' }).isVisible()).toBe(true);
    await screenshot(page, 'security-team-03-campaigns-desktop.png');

    // The export, downloaded as the team would for a takedown request.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('confirmed-phishing-indicators-2026-11-06.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('type,value,domain,source,report_count,first_seen,last_seen,references');
    expect(csv).toContain(`url,${PHISH_URL},example.net,link,1,`);
    expect(csv).toContain(report!.reference);
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
