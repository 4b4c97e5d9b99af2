/**
 * The malformed-input battery: every route the server registers (documented
 * or hidden), fired at with broken input by a browser-like client over real
 * HTTP, against the app running in a process of its own. A 5xx, a request
 * that does not answer in time, or a server that dies is a finding.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../../db/database.ts';
import { BAD_BODIES, BAD_URL_TEXT, BAD_VALUES, fieldPaths, sampleFor, withValueAt, type JsonSchema } from './schema-samples.ts';

export type BatteryRoute = { method: string; url: string; body: JsonSchema | null; querystring: JsonSchema | null; params: JsonSchema | null; headers: JsonSchema | null };

export type Finding = { route: string; label: string; outcome: string };

export type BatteryReport = { requests: number; routes: number; findings: Finding[]; statuses: Record<string, number> };

type Server = { child: ChildProcess; base: string; routes: BatteryRoute[] };

type Session = { cookies: Map<string, string>; ids: Record<string, string> };

type Attempt = { method: string; path: string; query?: string; headers?: Record<string, string>; body?: string; contentType?: string; cookies?: Record<string, string> };

/** Every cookie Usher reads; a forged value replaces the session's own for one request. */
const FORGED_COOKIES = ['usher_session', 'usher_csrf', 'usher_device', 'usher_agent_session', 'usher_chat_visitor'];

const SERVER_SCRIPT = fileURLToPath(new URL('./battery-server.ts', import.meta.url));
const ADMIN_KEY = 'battery-admin-key-0123456789';
const AGENT_KEY = 'battery-agent-key-0123456789';
const DEMO_PASSWORD = 'reelhouse-demo';

/** Long enough for the slowest honest request (argon2 on a loaded 2-core machine); a loop never ends within it. */
const REQUEST_TIMEOUT_MS = 20_000;
const PARALLEL_REQUESTS = 4;

async function startServer(kind: DatabaseKind): Promise<Server> {
  const child = spawn(process.execPath, ['--max-old-space-size=768', '--import', 'tsx', SERVER_SCRIPT, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  const ready = new Promise<{ port: number; routes: BatteryRoute[] }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)) as { port: number; routes: BatteryRoute[] });
    });
    child.once('exit', (code) => reject(new Error(`the battery's server exited (${code}) before listening`)));
  });
  const started = await ready;
  return { child, base: `http://127.0.0.1:${started.port}`, routes: started.routes };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

let addressCounter = 0;
/** Documentation addresses (RFC 5737), one per request: per-address limits would otherwise end the battery early. */
function nextAddress(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter % 250}, 198.51.100.${Math.floor(addressCounter / 250) % 250}`;
}

type Outcome = { status: number; text: string } | { status: 'timeout' | 'connection'; text: string };

async function send(server: Server, session: Session | null, attempt: Attempt): Promise<Outcome> {
  const headers: Record<string, string> = { 'x-forwarded-for': nextAddress(), ...attempt.headers };
  const cookies = new Map([...(session?.cookies ?? []), ...Object.entries(attempt.cookies ?? {})]);
  if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = attempt.cookies?.usher_csrf ?? session?.cookies.get('usher_csrf');
  if (csrf && attempt.method !== 'GET') headers['x-csrf-token'] = csrf;
  if (attempt.body !== undefined) headers['content-type'] = attempt.contentType ?? 'application/json';
  const url = `${server.base}${attempt.path}${attempt.query ? `?${attempt.query}` : ''}`;
  try {
    const response = await fetch(url, {
      method: attempt.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(attempt.body === undefined ? {} : { body: attempt.body }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      if (!session) continue;
      if (value === '' || /max-age=0/i.test(cookie)) session.cookies.delete(name.trim());
      else session.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    return { status: response.status, text: text.slice(0, 300) };
  } catch (error) {
    const name = (error as Error).name;
    return { status: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'connection', text: String(error) };
  }
}

async function json(server: Server, session: Session, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const outcome = await send(server, session, { method, path, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  try {
    return JSON.parse(outcome.text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A fresh member (joined now, so nothing a previous route did to its account matters), with a TV and a chat of its own. */
async function memberSession(server: Server): Promise<Session> {
  const session: Session = { cookies: new Map(), ids: {} };
  await send(server, session, { method: 'GET', path: '/api/session' });
  const email = `battery-${randomBytes(5).toString('hex')}@members.example`;
  await json(server, session, 'POST', '/api/join', {
    name: 'Battery Member', email, password: 'battery password 123', country: 'US', region: 'WA', plan: 'premium',
    card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2031, cvc: '123' },
  });
  const tv = await json(server, session, 'POST', '/api/tv/start', { device_name: 'Battery TV', network_id: 'net_home' });
  if (typeof tv.device_id === 'string') session.ids.deviceId = tv.device_id;
  const chat = await json(server, session, 'POST', '/api/chat/conversations', { text: 'Why was I charged?' });
  const conversation = chat.conversation as { id?: string } | undefined;
  if (conversation?.id) session.ids.id = conversation.id;
  return session;
}

async function agentSession(server: Server): Promise<Session> {
  const session: Session = { cookies: new Map(), ids: {} };
  await send(server, session, { method: 'GET', path: '/api/desk/session' });
  await json(server, session, 'POST', '/api/desk/sign-in', { email: 'morgan@agents.reelhouse.example', password: DEMO_PASSWORD });
  const cases = await json(server, session, 'GET', '/api/desk/cases?scope=all');
  const first = (cases.cases as Array<{ id?: string }> | undefined)?.[0];
  if (first?.id) session.ids.id = first.id;
  return session;
}

type Who = 'member' | 'agent' | 'visitor';

function whoCalls(url: string): Who {
  if (url.startsWith('/api/desk') || url.startsWith('/desk')) return 'agent';
  if (url.startsWith('/api/me') || url.startsWith('/api/tv') || url.startsWith('/api/chat/conversations') || url === '/api/sign-out') return 'member';
  return 'visitor';
}

const PARAM_SAMPLES: Record<string, string> = {
  slug: 'billing-and-payments', code: 'AP-310', accountId: 'acct_demo_ava', token: 'battery-invitation-token',
  flowId: 'cant-sign-in', runId: 'run_battery', deviceId: 'dev_battery', id: 'battery-id',
};

function pathWith(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z_]+)/g, (_, name: string) => values[name] ?? PARAM_SAMPLES[name] ?? 'battery');
}

/** Bodies a schema cannot describe (a scenario's events are checked one by one after the schema). */
const ROUTE_EXAMPLES: Record<string, unknown> = {
  // A real sign-in, so that what only a successful one reads (the device cookie) is reached too.
  'POST /api/sign-in': { login: 'ava@demo.reelhouse.example', password: DEMO_PASSWORD },
  'POST /api/billing/simulate': {
    account: { country: 'US', region: 'WA' },
    events: [
      { date: '2026-01-15', type: 'signup', plan: 'standard' },
      { date: '2026-02-20', type: 'pause', months: 2 },
      { date: '2026-06-01', type: 'refund', charge_date: '2026-01-15' },
    ],
    until: '2026-08-01',
  },
};

function keyHeaders(route: BatteryRoute): Record<string, string> {
  const headers: Record<string, string> = {};
  if (route.url.includes('/admin/')) headers['x-admin-key'] = ADMIN_KEY;
  if (route.url.startsWith('/api/agent/')) headers['x-agent-key'] = AGENT_KEY;
  const declared = Object.keys(route.headers?.properties ?? {});
  if (declared.includes('idempotency-key')) headers['idempotency-key'] = `battery-${randomBytes(6).toString('hex')}`;
  return headers;
}

function queryString(values: Record<string, unknown>): string {
  return Object.entries(values).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&');
}

/** Every broken request for one route, with a label saying what is broken. */
export function attemptsFor(route: BatteryRoute, ids: Record<string, string>): Array<{ label: string; attempt: Attempt }> {
  const params = (route.url.match(/:([A-Za-z_]+)/g) ?? []).map((param) => param.slice(1));
  const path = pathWith(route.url, ids);
  const query = (sampleFor(route.querystring) ?? {}) as Record<string, unknown>;
  const goodQuery = queryString(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== null && typeof value !== 'object')));
  const headers = keyHeaders(route);
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE' && route.method !== 'HEAD';
  const example = ROUTE_EXAMPLES[`${route.method} ${route.url}`];
  const body = hasBody ? (example ?? sampleFor(route.body, '', 0, { optionalObjects: false }) ?? {}) : undefined;
  const everyField = hasBody ? (example ?? sampleFor(route.body) ?? {}) : undefined;
  const base: Attempt = { method: route.method, path, headers, ...(goodQuery ? { query: goodQuery } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  const attempts: Array<{ label: string; attempt: Attempt }> = [{ label: 'plausible request', attempt: base }];
  // First, while the plausible request still succeeds (later broken passwords may lock the login). Cookies the client forged: every cookie Usher reads, holding NUL, half a character, or too much.
  for (const [label, raw] of [['NUL', '%00'], ['encoded lone surrogate', '%ED%A0%80'], ['long', 'c'.repeat(3_000)]] as const) {
    // The CSRF cookie apart: a forged one fails the CSRF check first and would hide the others.
    attempts.push({ label: `cookies: ${label}`, attempt: { ...base, cookies: Object.fromEntries(FORGED_COOKIES.filter((name) => name !== 'usher_csrf').map((name) => [name, raw])) } });
    attempts.push({ label: `cookies.usher_csrf: ${label}`, attempt: { ...base, cookies: { usher_csrf: raw } } });
  }

  if (body !== undefined) {
    for (const field of fieldPaths(everyField)) {
      for (const bad of BAD_VALUES) attempts.push({ label: `body.${field.join('.')}: ${bad.label}`, attempt: { ...base, body: JSON.stringify(withValueAt(body, field, bad.value)) } });
    }
    for (const bad of BAD_BODIES) attempts.push({ label: `body: ${bad.label}`, attempt: { ...base, body: bad.body, contentType: bad.contentType } });
  }
  for (const param of params) {
    for (const bad of BAD_URL_TEXT) {
      attempts.push({ label: `params.${param}: ${bad.label}`, attempt: { ...base, path: pathWith(route.url, { ...ids, [param]: bad.raw }) } });
    }
  }
  const queryNames = Object.keys(route.querystring?.properties ?? {});
  for (const name of queryNames) {
    const others = queryString(Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== name && value !== null && typeof value !== 'object')));
    for (const bad of BAD_URL_TEXT) attempts.push({ label: `querystring.${name}: ${bad.label}`, attempt: { ...base, query: [others, `${encodeURIComponent(name)}=${bad.raw}`].filter(Boolean).join('&') } });
    attempts.push({ label: `querystring.${name}: repeated`, attempt: { ...base, query: `${name}=a&${name}=b` } });
  }
  attempts.push({ label: 'querystring: unknown keys with NUL and a lone surrogate', attempt: { ...base, query: [goodQuery, '%00=%00&x=%ED%A0%80&y=%FF'].filter(Boolean).join('&') } });
  for (const name of Object.keys(headers)) {
    attempts.push({ label: `headers.${name}: long`, attempt: { ...base, headers: { ...headers, [name]: 'k'.repeat(6_000) } } });
    attempts.push({ label: `headers.${name}: empty`, attempt: { ...base, headers: { ...headers, [name]: '' } } });
  }
  return attempts;
}

function isFailure(outcome: Outcome): boolean {
  return typeof outcome.status !== 'number' || outcome.status >= 500;
}

/**
 * A server may answer 413 and close the connection while a large body is
 * still being sent: the client then sees a broken connection, not the answer.
 * That is a refusal, not a crash, when the server still answers afterwards.
 */
async function stillServing(server: Server): Promise<boolean> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return false;
  try {
    const response = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(10_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  }));
}

export async function runBattery(kind: DatabaseKind, options: { onlyRoutes?: (route: BatteryRoute) => boolean } = {}): Promise<BatteryReport> {
  let server = await startServer(kind);
  const report: BatteryReport = { requests: 0, routes: 0, findings: [], statuses: {} };
  const routes = server.routes.filter((route) => options.onlyRoutes?.(route) ?? true);
  // Routes that end sessions or sign out last, so one dying session does not hide the rest.
  routes.sort((a, b) => Number(/sign-out/.test(a.url)) - Number(/sign-out/.test(b.url)));
  try {
    for (const route of routes) {
      report.routes += 1;
      const who = whoCalls(route.url);
      const session = who === 'member' ? await memberSession(server) : who === 'agent' ? await agentSession(server) : { cookies: new Map(), ids: {} };
      if (who === 'visitor') await send(server, session, { method: 'GET', path: '/api/session' });
      let serverDied = false;
      await inParallel(attemptsFor(route, session.ids), PARALLEL_REQUESTS, async ({ label, attempt }) => {
        if (serverDied) return;
        let outcome = await send(server, session, attempt);
        if (outcome.status === 'connection' && (await stillServing(server))) outcome = { status: 499, text: 'connection closed by the server while the request was sent' };
        report.requests += 1;
        const key = String(outcome.status);
        report.statuses[key] = (report.statuses[key] ?? 0) + 1;
        if (!isFailure(outcome)) return;
        report.findings.push({ route: `${route.method} ${route.url}`, label, outcome: `${outcome.status} ${outcome.text.slice(0, 160)}` });
        if (typeof outcome.status !== 'number') serverDied = true;
      });
      if (serverDied) {
        // A hung or dead server answers nothing more: start a fresh one for the routes left.
        await stopServer(server);
        server = await startServer(kind);
      }
    }
  } finally {
    await stopServer(server);
  }
  return report;
}
