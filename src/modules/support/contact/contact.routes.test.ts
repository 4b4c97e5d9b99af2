import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { createFlowCatalog } from '../../helpcenter/flows/flows.service.ts';
import { loadFlows } from '../../helpcenter/flows/index.ts';
import { createContactModule, supportMigrations, type ContactMember, type ContactModule } from '../index.ts';

/** Anything a person could dial: international or national formats, or a tel: link. */
const PHONE_NUMBER = /tel:|\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s*\d{3}[-.\s]\d{4}|\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b|\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b/;

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
});

describeEachDatabase('contact pages', (open) => {
  let database: Database;
  let server: HttpServer;
  let module: ContactModule;
  const pages: string[] = [];
  const checks: Array<{ code: string; address: string }> = [];
  const conversationsStarted: unknown[] = [];
  // Tuesday 2026-03-10 12:00 UTC: 08:00 in New York (calls just opened, chat all day), 21:00 in Tokyo (closed).
  const clock = fixedClock('2026-03-10T12:00:00Z');
  const ava: ContactMember = { accountId: 'acct_demo_ava', country: 'US', language: 'en' };

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, supportMigrations]);
    module = createContactModule({
      db: database.db, clock,
      // A signed-in member is simulated by a header; the real wiring reads identity's session cookie.
      identity: {
        currentMember: async (request) => (request.headers['x-test-member'] === 'ava' ? ava : null),
        // Identity's check: one live code (482913, Ben's); every check is recorded with its address.
        verifyServiceCode: async (code, address) => {
          checks.push({ code, address });
          return code === '482913' ? 'acct_demo_ben' : null;
        },
      },
      flows: createFlowCatalog(loadFlows()),
      searchArticles: (query) => [{ slug: 'household-basics', title: `About: ${query}` }],
      startConversation: async (options) => {
        conversationsStarted.push(options);
        return { id: `conv_test_${conversationsStarted.length}` };
      },
    });
    server = await buildHttpServer({
      config: loadConfig({ USHER_DEMO: 'true' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [module.routes ?? []].flat(), homeLinks: [],
    });
  });
  afterAll(() => server.close());

  const page = async <R extends { body: string }>(response: R): Promise<R> => {
    pages.push(response.body);
    return response;
  };
  const post = (url: string, fields: Record<string, string>, headers?: Record<string, string>) => server.inject({ method: 'POST', url, ...form(fields, headers) }).then(page);

  it('asks for the problem in the member\'s words, with country and language', async () => {
    const response = await server.inject({ url: '/help/contact' }).then(page);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<form method="post" action="/help/contact">');
    expect(response.body).toContain('<textarea id="text" name="text"');
    expect(response.body).toContain('<option value="JP">Japan</option>');
  });

  it('shows the intent in plain words, the matching flow and articles, the checklist, then what is open now', async () => {
    const response = await post('/help/contact', { text: 'my TV says it is not part of my household', country: 'US', language: 'en' });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('It sounds like: A device says it isn&#39;t part of your household.');
    expect(body).toContain('href="/help/flows/household-message"');
    expect(body).toContain('href="/help/articles/household-basics"');
    expect(body).toContain('The device&#39;s make and model');
    expect(body).toContain('Chat: open now');
    expect(body).toContain('Request a call: open now');
    // Self-help comes before the ways to reach a person.
    expect(body.indexOf('Try this first')).toBeLessThan(body.indexOf('Talk to us'));
    expect(body.indexOf('Have this ready')).toBeLessThan(body.indexOf('Talk to us'));
    expect(body).toContain('name="service_code"');
  });

  it('says when each channel opens in the desk\'s own time for another country', async () => {
    const response = await post('/help/contact', { text: 'I get error NW-2-5 on my smart TV', country: 'JP', language: 'ja' });
    expect(response.body).toContain('Chat: closed now');
    expect(response.body).toContain('Opens Wednesday 09:00 (Tokyo time)');
    expect(response.body).toContain('Error code NW-2-5');
    expect(response.body).not.toContain('action="/help/contact/chat"');
  });

  it('lets the member pick another reading of their words', async () => {
    const response = await post('/help/contact', { text: 'my TV says it is not part of my household', intent: 'streaming.app_error', country: 'US', language: 'en' });
    expect(response.body).toContain('It sounds like: The app doesn&#39;t open or work on a device');
  });

  it('asks a visitor for the service code, checks it when the request is made, and stores only that it was verified, never the code', async () => {
    const fields = { text: 'someone changed my email', intent: 'security.account_takeover', country: 'US', language: 'en' };
    const missing = await post('/help/contact/call', fields);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Type the 6-digit service code');
    expect(await module.contact.pendingCallBacks()).toEqual([]);

    const wrong = await post('/help/contact/call', { ...fields, service_code: '123 456' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('That service code does not match');
    expect(await module.contact.pendingCallBacks()).toEqual([]);

    const requested = await post('/help/contact/call', { ...fields, service_code: '482 913' });
    expect(requested.statusCode).toBe(201);
    expect(requested.body).toContain('Your call request is in.');
    expect(requested.body).toContain('Identity verified with the service code at 12:00 UTC');
    expect(requested.body).not.toContain('482913');
    expect(checks.map((check) => check.code)).toEqual(['123456', '482913']);
    const [callBack] = await module.contact.pendingCallBacks();
    expect(callBack).toMatchObject({ accountId: 'acct_demo_ben', verifiedWith: 'service_code', intent: 'security.account_takeover', country: 'US', language: 'en', status: 'requested' });
    expect(callBack?.verifiedAt?.toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(JSON.stringify(callBack)).not.toContain('482913');
    expect(Object.keys(callBack ?? {}).some((key) => /phone|code/i.test(key))).toBe(false);
  });

  it('takes a signed-in member as verified by their session, without a code', async () => {
    const advice = await post('/help/contact', { text: 'let me talk to a real person' }, { 'x-test-member': 'ava' });
    expect(advice.body).not.toContain('name="service_code"');
    const before = checks.length;
    const requested = await post('/help/contact/call', { text: 'let me talk to a real person', intent: 'contact.agent' }, { 'x-test-member': 'ava' });
    expect(requested.statusCode).toBe(201);
    expect(requested.body).toContain('Identity verified by your sign-in');
    expect(checks.length).toBe(before);
    const stored = (await module.contact.pendingCallBacks()).find((request) => request.accountId === 'acct_demo_ava');
    expect(stored).toMatchObject({ verifiedWith: 'session', intent: 'contact.agent', country: 'US', language: 'en' });
  });

  it('refuses a call request when calls have closed, storing nothing', async () => {
    const before = (await module.contact.pendingCallBacks()).length;
    clock.set('2026-03-11T03:00:00Z'); // 23:00 in New York
    try {
      const refused = await post('/help/contact/call', { text: 'call me', intent: 'contact.agent', country: 'US', language: 'en', service_code: '654321' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('It opens Wednesday 08:00 (New York time)');
      expect((await module.contact.pendingCallBacks()).length).toBe(before);
    } finally {
      clock.set('2026-03-10T12:00:00Z');
    }
  });

  it('sends a visitor to the chat page to prove an email, taking their words along without the card number', async () => {
    const started = await post('/help/contact/chat', { text: 'charged twice on 4242 4242 4242 4242', intent: 'billing.multiple_charges', country: 'US', language: 'en' });
    expect(started.statusCode).toBe(303);
    const location = new URL(started.headers.location as string, 'http://localhost');
    expect(location.pathname).toBe('/chat/new');
    expect(location.searchParams.get('text')).toBe('charged twice on [card number removed]');
    expect(started.headers.location).not.toContain('4242');
  });

  it('starts a signed-in member\'s chat at once and opens it', async () => {
    const started = await post('/help/contact/chat', { text: 'charged twice this month', intent: 'billing.multiple_charges', country: 'US', language: 'en' }, { 'x-test-member': 'ava' });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/chat/conv_test_1');
    expect(conversationsStarted).toEqual([{ accountId: 'acct_demo_ava', text: 'charged twice this month', intent: 'billing.multiple_charges', country: 'US', language: 'en' }]);
  });

  it('answers which channels are open as JSON for the apps', async () => {
    const response = await server.inject({ url: '/api/contact/availability?country=JP&language=ja' });
    expect(response.json()).toMatchObject({ country: 'JP', time_zone: 'Asia/Tokyo', channels: [{ channel: 'chat', open_now: false, opens_at: '2026-03-11T00:00:00.000Z' }, { channel: 'call', open_now: false }] });
  });

  it('refuses an empty problem and a cross-site post', async () => {
    const empty = await post('/help/contact', { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Tell us in a few words');
    const crossSite = await server.inject({ method: 'POST', url: '/help/contact/call', ...form({ service_code: '123456' }, { origin: 'https://evil.example', host: 'localhost' }) });
    expect(crossSite.statusCode).toBe(403);
  });

  it('never shows a phone number on any page it served', () => {
    expect(pages.length).toBeGreaterThan(8);
    for (const body of pages) expect(body).not.toMatch(PHONE_NUMBER);
  });
});
