/**
 * The suspicious-message report pages show what a scammer wrote as text:
 * a pasted sender, subject or message comes back escaped, on the form sent
 * back with a mistake and on the answer page, and none of its links becomes
 * clickable (docs/security.md). Cross-cutting, like the malformed-input battery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './platform/testing/test-app.ts';

const HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
const SCAM_HOST = 'reelhouse-billing-secure.com';
const SCAM_HTML = `<a href="https://${SCAM_HOST}/verify">Reelhouse: update your card</a> within 24 hours or your account is closed. Reply with your card number and CVV. ${HOSTILE}`;

const form = (t: TestApp, fields: Record<string, string>) => t.app.server.inject({
  method: 'POST', url: '/help/report-message', payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The page's own content: between <main> and </main>, where the pasted text is shown. */
const mainOf = (html: string): string => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('the report pages show a reported message as text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10', demo: false });
  }, 120_000);
  afterAll(() => t?.close());

  it('sends the form back with a mistake, every pasted value escaped', async () => {
    const sent = await form(t, { channel: 'email', from: HOSTILE, subject: HOSTILE, body: '' });
    expect(sent.statusCode).toBe(400);
    const main = mainOf(sent.body);
    expect(main).not.toContain('<img');
    expect(main).not.toContain('<script');
    expect(main).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers with the signs quoting the message as text: no tag of it is rendered and no link of it is clickable', async () => {
    const sent = await form(t, { channel: 'email', from: `Reelhouse <billing@${SCAM_HOST}>`, subject: HOSTILE, body: SCAM_HTML, entered_details: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    const answer = await t.app.server.inject({ method: 'GET', url: String(sent.headers.location) });
    expect(answer.statusCode).toBe(200);
    const main = mainOf(answer.body);
    expect(main).toContain(SCAM_HOST);
    expect(main).not.toMatch(new RegExp(`href="[^"]*${SCAM_HOST.replace(/\./g, '\\.')}`));
    expect(main).not.toContain('<img');
    expect(main).not.toContain('<script');
    // The only links are the service's own pages.
    for (const [, href] of main.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^\//);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('never echoes a reference it does not know', async () => {
    const missing = await t.app.server.inject({ method: 'GET', url: `/help/report-message/${encodeURIComponent('<b>RPT</b>')}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<b>RPT');
  });
});
