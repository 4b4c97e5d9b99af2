import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../../platform/testing/http-client.ts';
import { databaseKinds, openTestDatabase } from '../../../../platform/testing/test-database.ts';
import { openTestApp, type TestApp } from '../../../../platform/testing/test-app.ts';

const PASSWORD = 'reelhouse-demo';
const PAYMENT_PHISH = 'Reelhouse: your payment failed and your account will be closed today. Confirm your card number at https://pay.reelhouse-billing.example.net/verify now.';

for (const kind of databaseKinds()) {
  describe(`the security team's desk [${kind}]`, () => {
    let t: TestApp;
    let rowan: HttpClient;
    let sam: HttpClient;
    let morgan: HttpClient;
    const references: Record<string, string> = {};

    const agent = async (name: string): Promise<HttpClient> => {
      const client = createHttpClient(t.app.server);
      await client.get('/api/desk/session');
      const signedIn = await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: PASSWORD });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      return client;
    };
    const report = async (name: string, body: Record<string, unknown>, at: string): Promise<void> => {
      t.clock.set(at);
      const sent = await t.app.server.inject({ method: 'POST', url: '/api/safety/reports', payload: body });
      expect(sent.statusCode, sent.body).toBe(201);
      references[name] = sent.json<{ reference: string }>().reference;
    };
    const idOf = async (name: string): Promise<string> => (await rowan.get(`/api/desk/security/reports/${references[name]}`)).json<{ report: { id: string } }>().report.id;

    beforeAll(async () => {
      t = await openTestApp({ today: '2026-11-01T09:00:00Z', demo: true, database: await openTestDatabase(kind) });
      await report('sms1', { channel: 'sms', from: '+44 7700 900123', body: PAYMENT_PHISH }, '2026-11-01T09:00:00Z');
      await report('email1', { channel: 'email', from: 'Reelhouse <billing@reelhouse-billing.example.net>', subject: 'Payment declined', body: `${PAYMENT_PHISH} Regards, Billing` }, '2026-11-03T10:00:00Z');
      await report('prize', { channel: 'email', from: 'Prizes <win@lucky-draw.example.org>', subject: 'You won', body: 'You won a free year! Claim your prize at https://lucky-draw.example.org/claim and pay the 1.95 fee with a gift card.' }, '2026-11-04T11:00:00Z');
      await report('plain', { channel: 'sms', from: 'Mum', body: 'Are you watching the new series tonight?' }, '2026-11-05T12:00:00Z');
      t.clock.set('2026-11-06T08:00:00Z');
      [rowan, sam, morgan] = await Promise.all(['rowan', 'sam', 'morgan'].map(agent));
    }, 120_000);
    afterAll(() => t?.close());

    it('refuses anyone but the security team and supervisors, in the project\'s error shape', async () => {
      const id = await idOf('sms1');
      const routes: Array<[string, string]> = [
        ['GET', '/api/desk/security/reports'], ['GET', `/api/desk/security/reports/${id}`], ['POST', `/api/desk/security/reports/${id}/confirm`],
        ['POST', `/api/desk/security/reports/${id}/dismiss`], ['GET', '/api/desk/security/campaigns'], ['GET', '/api/desk/security/indicators.csv'], ['GET', '/api/desk/security/indicators.json'],
      ];
      const member = createHttpClient(t.app.server);
      await member.open();
      expect((await member.post('/api/sign-in', { login: 'ava@demo.reelhouse.example', password: PASSWORD })).statusCode).toBe(200);
      const stranger = createHttpClient(t.app.server);
      await stranger.get('/api/desk/session');
      for (const [method, url] of routes) {
        const body = method === 'POST' ? { reason: 'trying my luck' } : undefined;
        for (const caller of [stranger, member]) {
          const refused = await caller.request(method as 'GET' | 'POST', url, body);
          expect(refused.statusCode, `${method} ${url}`).toBe(401);
          expect(refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
        }
        const agentRefused = await sam.request(method as 'GET' | 'POST', url, body);
        expect(agentRefused.statusCode, `${method} ${url}`).toBe(403);
        expect(agentRefused.json()).toEqual({ error: { code: 'SECURITY_TEAM_ONLY', message: expect.stringContaining('security team') } });
      }
      expect((await morgan.get('/api/desk/security/reports')).statusCode).toBe(200);
      expect((await rowan.get('/api/desk/me')).json()).toMatchObject({ agent: { role: 'security', skills: [] } });
    });

    it('lists reports newest first, filtered by status, verdict, channel and days, a page at a time', async () => {
      const all = (await rowan.get('/api/desk/security/reports')).json<{ reports: Array<{ reference: string; verdict: string; channel: string; status: string }> }>();
      expect(all.reports.map((item) => item.reference)).toEqual([references.plain, references.prize, references.email1, references.sms1]);
      const sms = (await rowan.get('/api/desk/security/reports?channel=sms')).json<{ reports: Array<{ reference: string }> }>();
      expect(sms.reports.map((item) => item.reference)).toEqual([references.plain, references.sms1]);
      const days = (await rowan.get('/api/desk/security/reports?from=2026-11-03&to=2026-11-04')).json<{ reports: Array<{ reference: string }> }>();
      expect(days.reports.map((item) => item.reference)).toEqual([references.prize, references.email1]);
      const phish = (await rowan.get('/api/desk/security/reports?verdict=phish')).json<{ reports: Array<{ verdict: string }> }>();
      expect(phish.reports.length).toBeGreaterThan(0);
      expect(phish.reports.every((item) => item.verdict === 'phish')).toBe(true);
      const seen: string[] = [];
      let url = '/api/desk/security/reports?limit=3';
      for (;;) {
        const page = (await rowan.get(url)).json<{ reports: Array<{ reference: string }>; next_cursor: string | null }>();
        seen.push(...page.reports.map((item) => item.reference));
        if (!page.next_cursor) break;
        url = `/api/desk/security/reports?limit=3&cursor=${encodeURIComponent(page.next_cursor)}`;
      }
      expect(seen).toEqual(all.reports.map((item) => item.reference));
      expect((await rowan.get('/api/desk/security/reports?cursor=nonsense')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect((await rowan.get('/api/desk/security/reports?verdict=evil')).statusCode).toBe(400);
    });

    it('shows one report: the message as stored, each sign with its quote, links with their domains, authentication and genuine-mail match', async () => {
      const detail = await rowan.get(`/api/desk/security/reports/${references.email1}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const { report } = detail.json<{ report: Record<string, unknown> & { signals: Array<{ code: string; evidence: string }>; message: { body: string } } }>();
      expect(report).toMatchObject({ reference: references.email1, channel: 'email', source: 'form', status: 'new', message: { subject: 'Payment declined' }, genuine_match: null, authentication: null, review: null });
      expect(report.signals.length).toBeGreaterThan(0);
      for (const signal of report.signals) expect(report.message.body + JSON.stringify(report.message)).toContain(signal.evidence.slice(0, 10));
      expect((await rowan.get('/api/desk/security/reports/srp_nothing')).json()).toMatchObject({ error: { code: 'SAFETY_REPORT_NOT_FOUND' } });
    });

    it('confirms and dismisses with a reason: the report keeps who and when, the audit log has it, twice is refused', async () => {
      expect((await rowan.post(`/api/desk/security/reports/${references.sms1}/confirm`, {})).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const confirmed = await rowan.post(`/api/desk/security/reports/${await idOf('sms1')}/confirm`, { reason: 'Fake billing page, same kit as last week' });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ report: { status: 'confirmed', review: { by: { id: 'agt_demo_rowan', name: 'Rowan Okafor' }, reason: 'Fake billing page, same kit as last week', at: '2026-11-06T08:00:00.000Z' } } });
      expect((await rowan.post(`/api/desk/security/reports/${await idOf('sms1')}/confirm`, { reason: 'again' })).json()).toMatchObject({ error: { code: 'SAFETY_REPORT_ALREADY_REVIEWED' } });
      const dismissed = await morgan.post(`/api/desk/security/reports/${await idOf('plain')}/dismiss`, { reason: 'A message from family' });
      expect(dismissed.json()).toMatchObject({ report: { status: 'dismissed', review: { by: { name: 'Morgan Lee' } } } });
      const audit = (await morgan.get('/api/desk/audit')).json<{ entries: Array<{ action: string; agent: { id: string } | null; details: Record<string, unknown> }> }>();
      expect(audit.entries).toEqual(expect.arrayContaining([
        expect.objectContaining({ action: 'safety_report_confirmed', agent: expect.objectContaining({ id: 'agt_demo_rowan' }), details: expect.objectContaining({ reference: references.sms1, previous_status: 'new', reason: 'Fake billing page, same kit as last week' }) }),
        expect.objectContaining({ action: 'safety_report_dismissed', agent: expect.objectContaining({ id: 'agt_demo_morgan' }) }),
      ]));
      const confirmedOnly = (await rowan.get('/api/desk/security/reports?status=confirmed')).json<{ reports: Array<{ reference: string }> }>();
      expect(confirmedOnly.reports.map((item) => item.reference)).toEqual([references.sms1]);
    });

    it('groups reports into campaigns with counts per day', async () => {
      const answer = await rowan.get('/api/desk/security/campaigns?days=30');
      expect(answer.statusCode, answer.body).toBe(200);
      const { campaigns } = answer.json<{ campaigns: Array<{ report_count: number; linked_domains: string[]; per_day: Array<{ day: string; count: number }> }> }>();
      const billing = campaigns.find((campaign) => campaign.linked_domains.includes('example.net'));
      expect(billing).toMatchObject({ report_count: 2, per_day: [{ day: '2026-11-01', count: 1 }, { day: '2026-11-02', count: 0 }, { day: '2026-11-03', count: 1 }] });
    });

    it('exports only confirmed domains and URLs, as CSV and JSON attachments', async () => {
      const csv = await rowan.get('/api/desk/security/indicators.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="confirmed-phishing-indicators-2026-11-06.csv"');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('type,value,domain,source,report_count,first_seen,last_seen,references');
      expect(lines).toContain(`url,https://pay.reelhouse-billing.example.net/verify,example.net,link,1,2026-11-01T09:00:00.000Z,2026-11-01T09:00:00.000Z,${references.sms1}`);
      expect(csv.body).not.toContain('lucky-draw');
      const json = await rowan.get('/api/desk/security/indicators.json');
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="confirmed-phishing-indicators-2026-11-06\.json"$/);
      expect(json.json<{ indicators: Array<{ type: string; value: string }> }>().indicators).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'url', value: 'https://pay.reelhouse-billing.example.net/verify' })]));
    });
  });
}
