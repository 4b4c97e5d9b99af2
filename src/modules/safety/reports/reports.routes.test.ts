import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';

const form = (client: HttpClient, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  client.request('POST', '/help/report-message', new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });

const SMS_PHISH = 'Reelhouse: your payment failed and your account will be closed today. Confirm your card at http://reelhouse-billing.example.net/verify now.';

describeEachDatabase('reporting a suspicious message on the web', (open) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10T15:00:00Z', demo: true, database: await open() });
  }, 120_000);
  afterAll(() => t?.close());

  it('shows a form that works without JavaScript: the three kinds of message, the sender, the message, the "I entered my details" box and the reporting address', async () => {
    const page = await t.app.server.inject({ method: 'GET', url: '/help/report-message' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/help/report-message">');
    for (const value of ['email', 'sms', 'call_transcript']) expect(page.body).toContain(`value="${value}"`);
    expect(page.body).toContain('name="entered_details"');
    expect(page.body).toContain('phishing@reelhouse.example');
    expect(page.body).not.toContain('<script');
  });

  it('answers a signed-out visitor at once: the verdict in plain words, each sign quoting their message, what to do, the reference; not linked to any account', async () => {
    const visitor = createHttpClient(t.app.server);
    const sent = await form(visitor, { channel: 'sms', from: '+44 7700 900123', body: SMS_PHISH, entered_details: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    const location = String(sent.headers.location);
    expect(location).toMatch(/^\/help\/report-message\/RPT-[A-Z2-9]{10}$/);
    const answer = await visitor.get(location);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/This is a scam|This looks suspicious/);
    expect(answer.body).toContain('A link goes somewhere that is not ours');
    expect(answer.body).toContain('reelhouse-billing.example.net');
    expect(answer.body).toContain('Do not click its links');
    expect(answer.body).toContain('call your bank');
    // Signed out: the password reset page, not the account's.
    expect(answer.body).toContain('href="/forgot"');
    expect(answer.body).toContain(location.split('/').pop());
    const stored = await t.app.modules.find((module) => module.name === 'safety') as unknown as { reports: { getReport(id: string): Promise<{ reporterAccountId: string | null; source: string; enteredDetails: boolean } | null> } };
    const report = await stored.reports.getReport(location.split('/').pop() as string);
    expect(report).toMatchObject({ reporterAccountId: null, source: 'form', enteredDetails: true });
  });

  it("links a signed-in member's report to their account and offers their account's security page as one-click actions", async () => {
    const member = createHttpClient(t.app.server);
    await member.open();
    expect((await member.post('/api/sign-in', { login: 'ava@demo.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    const formPage = await member.get('/help/report-message');
    expect(formPage.body).toContain('linked to your account');
    const sent = await form(member, { channel: 'email', from: 'Reelhouse Support <support@reelhouse-help.example.com>', subject: 'Action required', body: 'Your account is locked. Log in here within 24 hours: https://reelhouse-help.example.com/login and enter your password.', entered_details: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    const answer = await member.get(String(sent.headers.location));
    expect(answer.body).toContain('href="/account/security"');
    expect(answer.body).toContain('Change my password');
    expect(answer.body).toContain('Sign out of all devices');
    const safety = t.app.modules.find((module) => module.name === 'safety') as unknown as { reports: { getReport(id: string): Promise<{ reporterAccountId: string | null } | null> } };
    const report = await safety.reports.getReport(String(sent.headers.location).split('/').pop() as string);
    expect(report?.reporterAccountId).toMatch(/^acct_/);
  });

  it('sends the form back with the fields marked when the message is missing or the kind unknown, and stores nothing', async () => {
    const visitor = createHttpClient(t.app.server);
    const sent = await form(visitor, { channel: 'fax', from: 'x', body: '   ' });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Paste the message you received.');
    expect(sent.body).toContain('Choose email, text message or phone call.');
    expect(sent.body).toContain('value="x"');
  });

  it('refuses a form posted from another site (the Origin check that protects every form)', async () => {
    const sent = await form(createHttpClient(t.app.server), { channel: 'sms', body: SMS_PHISH }, { origin: 'https://evil.example' });
    expect(sent.statusCode).toBe(403);
  });

  it('shows nothing for a reference that does not exist or is malformed', async () => {
    expect((await t.app.server.inject({ method: 'GET', url: '/help/report-message/RPT-AAAAAAAAAA' })).statusCode).toBe(404);
    expect((await t.app.server.inject({ method: 'GET', url: '/help/report-message/srp_123' })).statusCode).toBe(404);
  });

  it('never renders the reported message as HTML: markup in it is shown as text', async () => {
    const visitor = createHttpClient(t.app.server);
    const sent = await form(visitor, { channel: 'email', from: 'x@evil.example', subject: 's', body: 'Verify <script>alert(1)</script><a href="http://evil.example/">your account</a> at http://evil.example/login or it will be closed today' });
    const answer = await visitor.get(String(sent.headers.location));
    expect(answer.body).not.toContain('<script>alert(1)</script>');
    expect(answer.body).not.toContain('<a href="http://evil.example/">');
  });
});

describeEachDatabase('POST /api/safety/reports', (open) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10T15:00:00Z', demo: true, database: await open() });
  }, 120_000);
  afterAll(() => t?.close());

  it('answers with the reference, verdict, score, signals with evidence, steps and actions', async () => {
    const response = await t.app.server.inject({ method: 'POST', url: '/api/safety/reports', payload: { channel: 'sms', from: '+44 7700 900123', body: SMS_PHISH } });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.reference).toMatch(/^RPT-/);
    expect(['phish', 'suspicious']).toContain(body.verdict);
    expect(body.signals.find((signal: { code: string }) => signal.code === 'off_domain_link')?.evidence).toContain('reelhouse-billing.example.net');
    expect(body.genuine).toBeNull();
    expect(body.steps.length).toBeGreaterThan(0);
  });

  it('refuses bad input with 400 and the project\'s error body naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ channel: 'fax', body: 'x' }, 'channel'],
      [{ channel: 'sms' }, 'body'],
      [{ channel: 'sms', body: '' }, 'body'],
      [{ channel: 'sms', body: 'x'.repeat(20_001) }, 'body'],
      [{ channel: 'sms', body: 'x', entered_details: 'yes' }, 'entered_details'],
      [{ channel: 'email', body: 'x', from: 'y'.repeat(321) }, 'from'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.server.inject({ method: 'POST', url: '/api/safety/reports', payload: payload as Record<string, unknown> });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.field).toContain(field);
    }
  });

  it('takes JSON only: a form-encoded body gets 415 UNSUPPORTED_MEDIA_TYPE (the form parser belongs to the /help pages only)', async () => {
    const response = await t.app.server.inject({
      method: 'POST', url: '/api/safety/reports', remoteAddress: '203.0.113.77',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ channel: 'sms', body: SMS_PHISH }).toString(),
    });
    expect(response.statusCode, response.body).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('limits reports per client address with the shared limiter: the 11th in ten minutes gets 429 RATE_LIMITED and Retry-After', async () => {
    const send = () => t.app.server.inject({ method: 'POST', url: '/api/safety/reports', remoteAddress: '203.0.113.9', payload: { channel: 'sms', body: 'hello' } });
    for (let i = 0; i < 10; i++) expect((await send()).statusCode).toBe(201);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
