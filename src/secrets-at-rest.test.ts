/**
 * Secrets at rest: a member, a visitor, agents and an admin type card
 * numbers (spaced and dashed), a password, a one-time code, the member's
 * service code and a CVC into every channel that takes text. After each
 * channel every table of the database is read, every column cast to text,
 * and each place a secret is found is named (table.column) and charged to
 * the channel. Nothing may be found but the EXCEPTIONS, each checked for the
 * condition that makes it acceptable. Then every column classified as typed
 * words (stored-text-columns.ts) must show a removal token: a new such column
 * needs a channel here. A new way in for text belongs in `channels`.
 */
import type { BillingModule } from './modules/billing/index.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findInDatabase, type Sighting } from './platform/testing/database-scan.ts';
import { createHttpClient, type HttpClient } from './platform/testing/http-client.ts';
import { openTestApp, type TestApp } from './platform/testing/test-app.ts';
import { describeEachDatabase } from './platform/testing/test-database.ts';
import { until } from './platform/testing/until.ts';
import { DEMO_PASSWORD } from './modules/identity/index.ts';
import {
  CARD_DASHED, CARD_SPACED, CVC, EXCEPTIONS, MUST_SHOW_REDACTION, needles, ONE_TIME_CODE, paragraph, PASSWORD, phrases,
} from './secrets-at-rest.needles.ts';
import { openChatSocket, type ChatSocketClient } from './modules/support/chat/testing/chat-socket-client.ts';

const MEMBER_PASSWORD = 'a long enough member password';
const ADMIN_KEY = 'secrets-at-rest-admin-key';

type Message = { seq: number; author: { kind: string }; body: string; payload: { kind: string } | null };
type Channel = { name: string; run: () => Promise<void> };

describeEachDatabase('secrets at rest', (open) => {
  let t: TestApp;
  let member: HttpClient;
  let serviceCode: string;
  let origin: string;
  const sockets: ChatSocketClient[] = [];

  const browser = async (): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.open();
    return client;
  };
  const agent = async (name: 'sam' | 'priya' | 'morgan'): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.get('/api/desk/session');
    const signedIn = await client.post('/api/desk/sign-in', { email: `${name}@agents.reelhouse.example`, password: DEMO_PASSWORD });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    return client;
  };
  const messages = (client: HttpClient, conversationId: string) => async () =>
    ((await client.get(`/api/chat/conversations/${conversationId}`)).json() as { messages: Message[] }).messages;
  const form = (client: HttpClient, url: string, fields: Record<string, string>) =>
    client.request('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

  beforeAll(async () => {
    // 15:00 UTC on a Tuesday: the US desk's chat and calls are open.
    t = await openTestApp({ today: '2026-03-10T15:00:00Z', demo: true, database: await open(), env: { USHER_ADMIN_KEY: ADMIN_KEY } });
    origin = await t.app.server.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  it('keeps no card number, password, code or CVC typed into any channel, in any table', async () => {
    // Nothing to find before anyone typed anything (else a needle would need changing).
    expect(await findInDatabase(t.database.db, needles('000000').filter((needle) => needle.name !== 'service code'))).toEqual([]);
    // The member's service code is the one they would read to an agent; it is typed everywhere.
    member = await browser();
    const joined = await member.post('/api/join', {
      name: `Jo ${CARD_SPACED}`, email: 'jo@members.example', password: MEMBER_PASSWORD, country: 'US', region: 'WA', plan: 'standard',
      card: { number: CARD_SPACED, exp_month: 12, exp_year: 2031, cvc: CVC },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    serviceCode = ((await member.get('/api/me/service-code')).json() as { code: string }).code;
    const secrets = needles(serviceCode);
    const said = phrases(serviceCode);
    const text = paragraph(serviceCode);

    let conversationId = '';
    let caseId = '';
    const channels: Channel[] = [
      // The join above (its name, password and card) is charged to this first channel.
      { name: 'join (name, password, card)', run: async () => {} },
      {
        name: 'sign-in (login, password, device name)', run: async () => {
          const stranger = await browser();
          await stranger.post('/api/sign-in', { login: `my password is ${PASSWORD}`, password: PASSWORD });
          await stranger.post('/api/sign-in', { login: 'jo@members.example', password: `${PASSWORD} ${CARD_DASHED}` });
          const device = await stranger.post('/api/sign-in', { login: 'jo@members.example', password: MEMBER_PASSWORD, device: { type: 'phone', name: said[2] } });
          expect(device.statusCode, device.body).toBe(200);
        },
      },
      {
        name: 'profiles (names)', run: async () => {
          for (const name of said.slice(0, 4)) {
            const response = await member.post('/api/me/profiles', { name });
            expect(response.statusCode, response.body).toBeLessThan(500);
          }
        },
      },
      {
        name: 'viewing (title)', run: async () => {
          const profiles = (await member.get('/api/me/profiles')).json() as { profiles: { id: string }[] };
          const response = await member.post('/api/me/viewing', { profile_id: profiles.profiles[0]!.id, title: said[0] });
          expect(response.statusCode, response.body).toBe(201);
        },
      },
      {
        name: 'TV device name', run: async () => {
          for (const name of [said[1], said[3]]) expect((await member.post('/api/tv/start', { device_name: name, network_id: 'net_home' })).statusCode).toBe(200);
        },
      },
      {
        // Redeemed before the extra member's slot is charged, so that charge uses the balance and the
        // desk's supervisor has something to restore (its reason is typed in the desk channel).
        name: 'gift card (redeem)', run: async () => {
          const billing = t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;
          const [code] = await billing.giftCards.issue({ amount: 300, currency: 'USD', count: 1 });
          const redeemed = await member.post('/api/me/gift-cards/redeem', { code });
          expect(redeemed.statusCode, redeemed.body).toBe(200);
        },
      },
      {
        name: 'extra member invitation and acceptance (names, password)', run: async () => {
          const invited = await member.post('/api/me/extra-members/invitations', { email: 'friend@members.example', name: said[2] });
          expect(invited.statusCode, invited.body).toBe(201);
          const mail = ((await member.get('/api/dev/outbox?to=friend%40members.example')).json() as { messages: { body: string }[] }).messages[0];
          const token = String(mail?.body).match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
          const friend = await browser();
          const accepted = await friend.post(`/api/invitations/${token}/accept`, { name: said[4], password: `${PASSWORD} and more`, transfer_profile: said[3] });
          expect(accepted.statusCode, accepted.body).toBeLessThan(500);
          expect((await member.post('/api/me/extra-members/invitations', { email: 'second@members.example', name: said[0] })).statusCode).toBeLessThan(500);
        },
      },
      {
        name: 'account changes (current passwords, new password)', run: async () => {
          await member.post('/api/me/email', { new_email: 'jo2@members.example', current_password: `my password is ${PASSWORD}` });
          await member.post('/api/me/password', { new_password: `${PASSWORD} is new`, current_password: `my password is ${PASSWORD}` });
          await member.post('/api/me/phone', { new_phone: '+15550100000', current_password: `pw ${PASSWORD}` });
        },
      },
      {
        name: 'login help and household codes', run: async () => {
          const stranger = await browser();
          await stranger.post('/api/login-help/reset', { login: said[2], channel: 'email' });
          await stranger.post('/api/login-help/reset/confirm', { login: 'jo@members.example', code: ONE_TIME_CODE, new_password: `${PASSWORD} again` });
          await stranger.post('/api/login-help/find-account', { owner_name: said[2], card_last4: '1111', card_exp_month: 12, card_exp_year: 2031, country: 'US' });
          const devices = (await member.get('/api/me/devices')).json() as { devices: { id: string; type: string }[] };
          const tv = devices.devices.find((device) => device.type === 'tv');
          if (tv) await member.post(`/api/tv/${tv.id}/household/confirm`, { code: ONE_TIME_CODE });
        },
      },
      {
        name: 'payment method (card, CVC)', run: async () => {
          const updated = await member.post('/api/me/payment-method', { card: { number: CARD_DASHED, exp_month: 11, exp_year: 2030, cvc: CVC } });
          expect(updated.statusCode, updated.body).toBe(200);
        },
      },
      {
        name: 'triage', run: async () => {
          expect((await member.post('/api/triage', { text })).statusCode).toBe(200);
        },
      },
      {
        name: 'chat (HTTP: first message, messages)', run: async () => {
          const started = await member.post('/api/chat/conversations', { text: `I was charged twice. ${text}` });
          expect(started.statusCode, started.body).toBe(201);
          conversationId = (started.json() as { conversation: { id: string } }).conversation.id;
          await until(messages(member, conversationId), (list) => list.some((message) => message.author.kind === 'assistant'), 'the assistant answers');
          for (const [index, line] of said.entries()) {
            const sent = await member.post(`/api/chat/conversations/${conversationId}/messages`, { body: line, client_id: `line-${index}` });
            expect(sent.statusCode, sent.body).toBe(201);
          }
          await until(messages(member, conversationId), (list) => list.filter((message) => message.author.kind === 'assistant').length > said.length, 'the assistant answers each line');
        },
      },
      {
        name: 'chat (socket)', run: async () => {
          const socket = await openChatSocket({ url: `${origin.replace('http', 'ws')}/api/chat/ws`, cookies: member.cookies, origin });
          sockets.push(socket);
          socket.send({ type: 'hello', conversation_id: conversationId, last_seq: 0 });
          await socket.waitFor((frame) => frame.type === 'ready');
          socket.send({ type: 'send', client_id: 'socket-1', body: text });
          await socket.waitFor((frame) => frame.type === 'ack' || frame.type === 'error');
          // A read mark keeps the reader's name.
          socket.send({ type: 'read', seq: 1 });
          await until(messages(member, conversationId), (list) => list.at(-1)?.author.kind === 'assistant', 'the assistant answers the socket message');
        },
      },
      {
        name: 'desk (hand-off, verification, message, note, refund, escalation, transfer, summary)', run: async () => {
          // Sam (billing, general) and Priya (security, technical) are on duty, so the case reaches one of
          // them whichever queue triage chooses for these words: what is tested is what gets stored.
          const onDuty = [await agent('sam'), await agent('priya')];
          expect((await member.post(`/api/chat/conversations/${conversationId}/messages`, { body: `I want to talk to a person. ${said[4]}`, client_id: 'ask-person' })).statusCode).toBe(201);
          const caseOf = async (client: HttpClient) => ((await client.get('/api/desk/cases')).json() as { cases: { id: string; conversation_id: string }[] }).cases.find((item) => item.conversation_id === conversationId);
          const found = await until(async () => (await Promise.all(onDuty.map(async (client) => ({ client, deskCase: await caseOf(client) })))).find((item) => item.deskCase !== undefined),
            (item) => item !== undefined, 'the case reaches an agent on duty');
          const handler = found!.client;
          caseId = found!.deskCase!.id;
          expect((await handler.post(`/api/desk/cases/${caseId}/verify`, { code: serviceCode })).statusCode).toBe(200);
          const echoed = await handler.post(`/api/desk/cases/${caseId}/messages`, { body: `Thanks, the service code ${serviceCode} checks out. I can see the card you typed, ${CARD_SPACED}, and ${said[2]}: please never share those.` });
          expect(echoed.statusCode, echoed.body).toBe(201);
          expect((await handler.post(`/api/desk/cases/${caseId}/notes`, { body: `Member typed: ${text}` })).statusCode).toBe(201);
          type View = { account: { membership: { id: string; ledger: { id: string; type: string; amount: number }[] } } | null };
          const view = (await handler.get(`/api/desk/cases/${caseId}`)).json() as View;
          const membership = view.account?.membership;
          // The latest charge: the join's and the extra member's were taken the same day, and only the later one is the desk's to refund.
          const charge = membership?.ledger.filter((line) => line.type === 'charge' && line.amount > 0).at(-1);
          if (membership && charge) {
            const refunded = await handler.post(`/api/desk/cases/${caseId}/actions/refund`, {
              membership_id: membership.id, charge_id: charge.id, amount: Math.min(charge.amount, 100), reason: `Goodwill. ${text}`, idempotency_key: 'secrets-refund-1',
            });
            expect(refunded.statusCode, refunded.body).toBe(200);
          }
          expect((await handler.post(`/api/desk/cases/${caseId}/escalate`, { reason: `Needs a supervisor. ${text}` })).statusCode).toBe(200);
          const morgan = await agent('morgan');
          const escalated = await until(async () => ((await morgan.get('/api/desk/cases')).json() as { cases: { id: string; queue: string }[] }).cases.find((item) => item.id === caseId),
            (item) => item !== undefined, 'the case reaches Morgan');
          // Triage chose the first queue; the transfer goes to another one, whichever that was.
          const otherQueue = escalated!.queue === 'billing' ? 'general' : 'billing';
          const transferred = await morgan.post(`/api/desk/cases/${caseId}/transfer`, { queue: otherQueue, reason: `Another queue should look. ${text}` });
          expect(transferred.statusCode, transferred.body).toBe(200);
          await until(async () => ((await morgan.get('/api/desk/cases')).json() as { cases: { id: string }[] }).cases, (cases) => cases.some((item) => item.id === caseId), 'the case comes back to Morgan');
          const restored = await morgan.post(`/api/desk/cases/${caseId}/actions/restore-gift-balance`, { amount: 100, reason: `Restoring part of the gift balance. ${text}`, idempotency_key: 'secrets-restore-1' });
          expect(restored.statusCode, restored.body).toBe(200);
          const resolved = await morgan.post(`/api/desk/cases/${caseId}/resolve`, { outcome: 'information', summary: `We explained the charges. You wrote: ${text}` });
          expect(resolved.statusCode, resolved.body).toBe(200);
        },
      },
      {
        name: 'chat: the service code the agent asked for (typed into a message, then the secure field)', run: async () => {
          const started = await member.post('/api/chat/conversations', { text: 'A question about my bill' });
          expect(started.statusCode, started.body).toBe(201);
          const id = (started.json() as { conversation: { id: string } }).conversation.id;
          await until(messages(member, id), (list) => list.some((message) => message.author.kind === 'assistant'), 'the assistant answers');
          expect((await member.post(`/api/chat/conversations/${id}/messages`, { body: 'I want to talk to a person', client_id: 'asked-person' })).statusCode).toBe(201);
          const onDuty = [await agent('sam'), await agent('priya')];
          const caseOf = async (client: HttpClient) => ((await client.get('/api/desk/cases')).json() as { cases: { id: string; conversation_id: string }[] }).cases.find((item) => item.conversation_id === id);
          const found = await until(async () => (await Promise.all(onDuty.map(async (client) => ({ client, deskCase: await caseOf(client) })))).find((item) => item.deskCase !== undefined),
            (item) => item !== undefined, 'the case reaches an agent on duty');
          expect((await found!.client.post(`/api/desk/cases/${found!.deskCase!.id}/ask-service-code`, {})).statusCode).toBe(200);
          // While the agent waits, every code-like number in a message is taken out before it is stored (the first is checked).
          expect((await member.post(`/api/chat/conversations/${id}/messages`, { body: text, client_id: 'asked-code-in-words' })).statusCode).toBe(201);
          const secure = await member.post(`/api/chat/conversations/${id}/service-code`, { code: serviceCode });
          expect(secure.statusCode, secure.body).toBe(200);
        },
      },
      {
        name: 'desk admin (new agent name, password)', run: async () => {
          const admin = createHttpClient(t.app.server);
          await admin.get('/api/desk/session');
          const created = await admin.request('POST', '/api/desk/admin/agents', {
            name: `Tess ${CARD_DASHED}`, email: 'tess@agents.reelhouse.example', password: `${PASSWORD} for tess`, role: 'agent', skills: ['general'], max_concurrent: 2,
          }, { 'x-admin-key': ADMIN_KEY });
          expect(created.statusCode, created.body).toBe(201);
        },
      },
      {
        name: 'contact page (advice, call-back, chat)', run: async () => {
          expect((await form(member, '/help/contact', { text, country: 'US', language: 'en' })).statusCode).toBe(200);
          const call = await form(member, '/help/contact/call', { text, intent: 'contact.agent', country: 'US', language: 'en' });
          expect(call.statusCode, call.body).toBe(201);
          const chat = await form(member, '/help/contact/chat', { text, intent: 'contact.agent', country: 'US', language: 'en' });
          expect(chat.statusCode, chat.body).toBe(303);
          // A visitor types the code into the form's own field, as asked, and the secrets into the words.
          const visitor = await browser();
          const visitorCall = await form(visitor, '/help/contact/call', { text, intent: 'contact.agent', country: 'US', language: 'en', service_code: serviceCode });
          expect(visitorCall.statusCode, visitorCall.body).toBe(201);
        },
      },
      {
        name: 'visitor chat', run: async () => {
          const visitor = await browser();
          expect((await visitor.post('/api/chat/visitor/code', { email: 'visitor@elsewhere.example' })).statusCode).toBe(200);
          const mail = ((await visitor.get('/api/dev/outbox?to=visitor%40elsewhere.example')).json() as { messages: { body: string }[] }).messages[0];
          const code = String(mail?.body).match(/\b(\d{6})\b/)?.[1] ?? '';
          expect((await visitor.post('/api/chat/visitor/verify', { email: 'visitor@elsewhere.example', code })).statusCode).toBe(200);
          const started = await visitor.post('/api/chat/conversations', { text });
          expect(started.statusCode, started.body).toBe(201);
          const id = (started.json() as { conversation: { id: string } }).conversation.id;
          await until(messages(visitor, id), (list) => list.some((message) => message.author.kind === 'assistant'), 'the assistant answers the visitor');
        },
      },
      {
        name: 'title reports (form, API)', run: async () => {
          const sent = await form(member, '/help/report-title', { title: said[0], episode: said[3], kind: 'subtitles_wrong', device: 'tv', details: text });
          expect(sent.statusCode, sent.body).toBe(303);
          const api = await member.post('/api/title-reports', { title: said[1], episode: said[2], kind: 'poor_picture', device: 'tv', details: text });
          expect(api.statusCode, api.body).toBe(201);
        },
      },
      {
        name: 'suspicious message reports (form, API)', run: async () => {
          const sent = await form(member, '/help/report-message', { channel: 'email', from: said[2], subject: said[0], body: text, entered_details: 'yes' });
          expect(sent.statusCode, sent.body).toBe(303);
          const api = await member.post('/api/safety/reports', { channel: 'sms', from: said[1], body: text });
          expect(api.statusCode, api.body).toBe(201);
        },
      },
      {
        name: 'complaint (member\'s description, desk steps)', run: async () => {
          const filed = await member.post('/api/me/support/escalations', { kind: 'complaint', topic: 'billing', description: `I want to complain. ${text}` });
          expect(filed.statusCode, filed.body).toBe(201);
          const reference = (filed.json() as { escalation: { reference: string } }).escalation.reference;
          const morgan = await agent('morgan');
          for (const kind of ['note_to_member', 'internal_note'] as const) {
            const step = await morgan.post(`/api/desk/escalations/${reference}/steps`, { kind, summary: `The member wrote: ${text}` });
            expect(step.statusCode, step.body).toBe(201);
          }
        },
      },
      {
        name: 'article feedback (comment)', run: async () => {
          const slug = 'billed-by-a-partner';
          const sent = await form(member, `/help/articles/${slug}/feedback`, { helpful: 'no', comment: text });
          expect(sent.statusCode, sent.body).toBe(303);
        },
      },
    ];

    // Each channel is charged with the rows it added; the verdict is the last scan, after every channel.
    const key = (s: Sighting) => `${s.table}.${s.column}: ${s.needle}`;
    let last: Sighting[] = [];
    const perChannel: string[] = [];
    for (const channel of channels) {
      await channel.run();
      const now = await findInDatabase(t.database.db, secrets);
      const before = new Map(last.map((s) => [key(s), s.rows]));
      const added = now.filter((s) => s.rows > (before.get(key(s)) ?? 0)).map((s) => `  ${key(s)} (+${s.rows - (before.get(key(s)) ?? 0)} rows)`);
      const gone = last.filter((s) => !now.some((n) => key(n) === key(s))).map((s) => `  ${key(s)} (removed)`);
      if (added.length + gone.length > 0) perChannel.push(`${channel.name}:\n${[...added, ...gone].join('\n')}`);
      last = now;
    }
    console.log(`secrets at rest: ${last.length} column/secret pairs, ${last.reduce((sum, s) => sum + s.rows, 0)} rows\n${perChannel.join('\n')}`);
    const left: string[] = [];
    for (const sighting of last) {
      const allowed = EXCEPTIONS.find((exception) => exception.column === `${sighting.table}.${sighting.column}` && exception.needle === sighting.needle);
      if (!allowed) {
        left.push(`${key(sighting)} (${sighting.rows} rows)`);
        continue;
      }
      await allowed.holds(t, serviceCode);
      console.log(`kept on purpose: ${key(sighting)}: ${allowed.why}`);
    }
    expect(left).toEqual([]);

    // Every channel reached the database: its column holds the redacted words (a token such as "[card number removed]").
    const redactedIn = (await findInDatabase(t.database.db, [{ name: 'token', pattern: / removed\]/ }])).map((s) => `${s.table}.${s.column}`);
    expect(MUST_SHOW_REDACTION.filter((column) => !redactedIn.includes(column)), 'typed-words columns no channel reached').toEqual([]);
  }, 240_000);
});
