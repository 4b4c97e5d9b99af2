/**
 * Who may call what, for every route the server registers (documented or
 * hidden). Each route is classified below; a new route without a class fails
 * the first test, so nobody adds an endpoint without deciding who may use it.
 * Then every route that is not public is tried with no credentials, with the
 * other kind of session (a member's cookie on the desk, an agent's on the
 * member's routes) and with a wrong key, and must refuse. Cross-account tries
 * within a class are in authorization.test.ts (members) and the desk's tests
 * (agents and supervisors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeCatalog } from './platform/http/route-catalog.ts';
import { sampleFor, type JsonSchema } from './platform/testing/malformed-input/schema-samples.ts';
import { createHttpClient, type HttpClient, type HttpMethod } from './platform/testing/http-client.ts';
import { openTestApp, type TestApp } from './platform/testing/test-app.ts';

type Access =
  | 'public' // anyone: pages, sign-in, join, the Help Center, token links (the token is the credential)
  | 'member' // a signed-in member (or, for chats, a visitor who proved their email)
  | 'agent' // a signed-in agent or supervisor
  | 'security-team' // a signed-in security-team member or supervisor; an ordinary agent gets 403
  | 'admin-key' // the operator's USHER_ADMIN_KEY
  | 'agent-key' // the phone team's USHER_AGENT_KEY
  | 'demo'; // only in demo mode

const RULES: Array<[RegExp, Access]> = [
  [/^(GET|HEAD) \/(|healthz|metrics|plans|join|sign-in|forgot|reset|find-account|account|account\/\*|tv|redeem|invitations\/\*|security\/undo|chat|chat\/\*|desk|desk\/\*|assets\/\*)$/, 'public'],
  [/^GET \/docs/, 'public'],
  [/^(GET|POST) \/help(\/|$)/, 'public'],
  [/^GET \/api\/(billing\/catalog|session|help\/.*|flows|flow-runs\/:runId|contact\/availability|desk\/session)$/, 'public'],
  [/^POST \/api\/(billing\/simulate|join|sign-in|sign-out|desk\/sign-out|login-help\/.*|security\/undo|triage|title-reports|safety\/reports|chat\/visitor\/(code|verify)|desk\/sign-in|invitations\/:token\/accept)$/, 'public'],
  [/^(GET|POST|PATCH|DELETE) \/api\/(me|tv)\//, 'member'],
  [/^(GET|POST) \/api\/chat\/conversations/, 'member'],
  [/^(PUT|GET) \/api\/admin\//, 'admin-key'],
  [/^POST \/api\/desk\/admin\//, 'admin-key'],
  [/^(GET|POST) \/api\/desk\/security\//, 'security-team'],
  [/^(GET|POST) \/api\/desk\//, 'agent'],
  [/^POST \/api\/agent\//, 'agent-key'],
  [/^GET \/(api\/)?(demo|dev)\//, 'demo'],
];

function accessOf(route: string): Access | undefined {
  return RULES.find(([pattern]) => pattern.test(route))?.[1];
}

const SAMPLE_PARAMS: Record<string, string> = { id: 'some-id', accountId: 'acct_demo_ava', deviceId: 'dev_some', token: 'some-token', slug: 'billing-and-payments', code: 'AP-310', flowId: 'cant-sign-in', runId: 'run_some' };

function urlOf(url: string): string {
  return url.replace(/:([A-Za-z_]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x').replace('*', 'x');
}

describe('route access', () => {
  let t: TestApp;
  let routes: Array<{ method: HttpMethod; url: string; key: string; access: Access | undefined; body: unknown }>;
  let member: HttpClient;
  let agent: HttpClient;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10', demo: true, env: { USHER_ADMIN_KEY: 'route-access-admin-key-0123', USHER_AGENT_KEY: 'route-access-agent-key-0123' } });
    routes = routeCatalog(t.app.server)
      .filter((route) => !route.websocket && route.method !== 'HEAD')
      .map((route) => {
        // A body the schema accepts, so that the refusal tested is the caller's, not the body's.
        const bodySchema = (route.schema as { body?: z.ZodType } | undefined)?.body;
        const body = bodySchema === undefined ? undefined : sampleFor(z.toJSONSchema(bodySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '', 0, { optionalObjects: false });
        return { method: route.method as HttpMethod, url: route.url, key: `${route.method} ${route.url}`, access: accessOf(`${route.method} ${route.url}`), body };
      });
    member = createHttpClient(t.app.server);
    await member.open();
    expect((await member.post('/api/sign-in', { login: 'ava@demo.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    agent = createHttpClient(t.app.server);
    await agent.get('/api/desk/session');
    expect((await agent.post('/api/desk/sign-in', { email: 'morgan@agents.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('knows who may call every route the server registers', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((route) => route.access === undefined).map((route) => route.key)).toEqual([]);
  });

  it('gives the service code\'s two routes the class of the side that uses them (issue 11: the code never reaches the agent)', () => {
    // The member (or the verified visitor) sends the code from the secure field; only the desk's agents ask for it.
    expect(accessOf('POST /api/chat/conversations/:id/service-code')).toBe('member');
    expect(accessOf('POST /api/desk/cases/:id/ask-service-code')).toBe('agent');
    expect(routes.map((route) => route.key)).toEqual(expect.arrayContaining(['POST /api/chat/conversations/:id/service-code', 'POST /api/desk/cases/:id/ask-service-code']));
  });

  it('refuses every route that is not public to a caller with no credentials', async () => {
    const answered: string[] = [];
    for (const route of routes.filter((r) => r.access === 'member' || r.access === 'agent' || r.access === 'security-team' || r.access === 'admin-key' || r.access === 'agent-key')) {
      const stranger = createHttpClient(t.app.server);
      await stranger.open();
      const response = await stranger.request(route.method, urlOf(route.url), route.body);
      if (response.statusCode !== 401 && response.statusCode !== 403) answered.push(`${route.key} answered ${response.statusCode}`);
    }
    expect(answered).toEqual([]);
  });

  it('does not take a member’s session on the desk, nor an agent’s on a member’s routes', async () => {
    const answered: string[] = [];
    for (const route of routes.filter((r) => r.access === 'member' || r.access === 'agent' || r.access === 'security-team')) {
      const caller = route.access === 'member' ? agent : member;
      const response = await caller.request(route.method, urlOf(route.url), route.body);
      if (response.statusCode !== 401 && response.statusCode !== 403) answered.push(`${route.key} answered ${response.statusCode} to ${route.access === 'member' ? 'an agent' : 'a member'}`);
    }
    expect(answered).toEqual([]);
  });

  it('keeps the security team\'s routes from an ordinary agent (issue 11: phishing reports)', async () => {
    const security = routes.filter((r) => r.access === 'security-team');
    expect(security.map((route) => route.key)).toEqual(expect.arrayContaining(['GET /api/desk/security/reports', 'POST /api/desk/security/reports/:id/confirm', 'GET /api/desk/security/indicators.csv']));
    const sam = createHttpClient(t.app.server);
    await sam.get('/api/desk/session');
    expect((await sam.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    const answered: string[] = [];
    for (const route of security) {
      const response = await sam.request(route.method, urlOf(route.url), route.body);
      if (response.statusCode !== 403) answered.push(`${route.key} answered ${response.statusCode} to an agent`);
    }
    expect(answered).toEqual([]);
  });

  it('refuses the operator’s and the phone team’s routes without the right key', async () => {
    const answered: string[] = [];
    for (const route of routes.filter((r) => r.access === 'admin-key' || r.access === 'agent-key')) {
      const noKey: Record<string, string> = {};
      for (const headers of [noKey, { 'x-admin-key': 'wrong-key-0123456789abcdef', 'x-agent-key': 'wrong-key-0123456789abcdef' }]) {
        const response = await agent.request(route.method, urlOf(route.url), route.body, headers);
        if (response.statusCode !== 401 && response.statusCode !== 403) answered.push(`${route.key} answered ${response.statusCode} with ${Object.keys(headers).length === 0 ? 'no key' : 'a wrong key'}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('serves the demo’s pages only in demo mode', async () => {
    const production = await openTestApp({ today: '2026-03-10', demo: false, database: undefined });
    try {
      const served: string[] = [];
      for (const route of routes.filter((r) => r.access === 'demo')) {
        const response = await production.app.server.inject({ method: route.method, url: urlOf(route.url) });
        if (response.statusCode !== 404) served.push(`${route.key} answered ${response.statusCode} outside demo mode`);
      }
      expect(served).toEqual([]);
    } finally {
      await production.close();
    }
  });
});
