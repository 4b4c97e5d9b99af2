import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { DEMO_PASSWORD } from '../identity/index.ts';
import { messagesUntil } from './testing/conversation-polling.ts';

type Message = { seq: number; author: { kind: string; name: string }; body: string; payload: { kind: string; choices?: { id: string; label: string }[]; data?: Record<string, unknown> } | null };

describe('support, wired: a member charged twice by a second account on the same card reaches an agent who refunds it', () => {
  let t: TestApp;
  let ben: HttpClient;
  let sam: HttpClient;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: true });
    ben = createHttpClient(t.app.server);
    await ben.open();
    expect((await ben.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
    sam = createHttpClient(t.app.server);
    await sam.get('/api/desk/session');
    expect((await sam.post('/api/desk/sign-in', { email: 'sam@agents.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('explains the double charge from the ledger, hands off on request with the case file, and the agent refunds after verifying', async () => {
    const started = await ben.post('/api/chat/conversations', { text: 'I was charged twice this month, why?' });
    expect(started.statusCode).toBe(201);
    const conversationId = (started.json() as { conversation: { id: string } }).conversation.id;
    const explained = await messagesUntil<Message>(ben, conversationId, (messages) => messages.some((message) => message.payload?.kind === 'charge_explanation'));
    const explanation = explained.find((message) => message.payload?.kind === 'charge_explanation')!;
    expect(explanation.author.kind).toBe('assistant');
    expect(explanation.body).toMatch(/same card/i);
    expect(explanation.body).toContain('be…@demo.reelhouse.example');

    // The member asks for a person: the chat is handed off to billing with the whole story.
    expect((await ben.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'I want to talk to a person', client_id: 'ask-person' })).statusCode).toBe(201);
    const handedOff = await messagesUntil<Message>(ben, conversationId, (messages) => messages.some((message) => message.author.kind === 'system'));
    // The member reads the hand-off first, then that a person joined.
    const handoffAt = handedOff.findIndex((message) => message.payload?.kind === 'handoff');
    const joinedAt = handedOff.findIndex((message) => message.author.kind === 'system');
    expect(handoffAt).toBeGreaterThan(-1);
    expect(joinedAt).toBeGreaterThan(handoffAt);
    expect(handedOff[joinedAt]!.body).toMatch(/Sam .*joined/);

    const mine = await sam.get('/api/desk/cases');
    expect(mine.statusCode).toBe(200);
    const cases = (mine.json() as { cases: { id: string; queue: string; conversation_id: string }[] }).cases;
    const handed = cases.find((candidate) => candidate.conversation_id === conversationId)!;
    expect(handed).toMatchObject({ queue: 'billing' });
    type CaseView = {
      case_file: { reason: string; intent: string; findings: string[]; tried: string[]; withheld: { findings: number } | null };
      account: { sameCard: { membershipId: string; membership: { ledger: { id: string; type: string; amount: number; date: string }[] } }[] } | null;
      refund_policy: { one_period_charge: number } | null;
    };
    const before = (await sam.get(`/api/desk/cases/${handed.id}`)).json() as CaseView;
    expect(before.case_file).toMatchObject({ reason: 'member_asked', intent: 'billing.multiple_charges', findings: [] });
    // The assistant's findings wait for the member's service code.
    expect(before.case_file.withheld?.findings).toBeGreaterThan(0);
    expect(before.account).toBeNull();

    // Nothing on the account before the member's service code is checked.
    const tooSoon = await sam.post(`/api/desk/cases/${handed.id}/actions/sign-out-devices`, {});
    expect(tooSoon.statusCode).toBe(403);
    expect(tooSoon.json()).toMatchObject({ error: { code: 'VERIFICATION_REQUIRED' } });
    const code = (await ben.get('/api/me/service-code')).json() as { code: string };
    expect((await sam.post(`/api/desk/cases/${handed.id}/verify`, { code: code.code })).statusCode).toBe(200);

    const verified = (await sam.get(`/api/desk/cases/${handed.id}`)).json() as CaseView;
    expect(verified.case_file.findings.join(' ')).toMatch(/same card/i);
    const duplicate = verified.account!.sameCard[0]!;
    const charge = duplicate.membership.ledger.filter((line) => line.amount > 0).at(-1)!;
    const asking = await sam.post(`/api/desk/cases/${handed.id}/messages`, { body: 'Before I refund it, what is your password?' });
    expect(asking.json()).toMatchObject({ error: { code: 'CREDENTIAL_REQUEST_BLOCKED' } });
    const tooMuch = await sam.post(`/api/desk/cases/${handed.id}/actions/refund`, {
      membership_id: duplicate.membershipId, charge_id: charge.id, amount: charge.amount * 3, reason: 'Duplicate account on the same card', idempotency_key: 'refund-too-much',
    });
    expect(tooMuch.statusCode).toBeGreaterThanOrEqual(400);
    const refund = await sam.post(`/api/desk/cases/${handed.id}/actions/refund`, {
      membership_id: duplicate.membershipId, charge_id: charge.id, amount: charge.amount, reason: 'Duplicate account on the same card', idempotency_key: 'refund-duplicate-1',
    });
    expect(refund.statusCode).toBe(200);
    const again = await sam.post(`/api/desk/cases/${handed.id}/actions/refund`, {
      membership_id: duplicate.membershipId, charge_id: charge.id, amount: charge.amount, reason: 'Duplicate account on the same card', idempotency_key: 'refund-duplicate-1',
    });
    expect(again.json()).toMatchObject({ repeated: true });
    const cancelled = await sam.post(`/api/desk/cases/${handed.id}/actions/cancel-duplicate`, { membership_id: duplicate.membershipId });
    expect(cancelled.statusCode).toBe(200);

    const summary = 'We refunded the last charge of your second account (the one made on a TV) and cancelled it. Only your main account is billed from now on.';
    expect((await sam.post(`/api/desk/cases/${handed.id}/resolve`, { outcome: 'refund', summary })).statusCode).toBe(200);
    const closing = await messagesUntil<Message>(ben, conversationId, (messages) => messages.some((message) => message.payload?.kind === 'summary'));
    expect(closing.find((message) => message.payload?.kind === 'summary')!.body).toContain('We refunded the last charge');
    const transcript = await ben.get(`/api/chat/conversations/${conversationId}/transcript`);
    expect(transcript.headers['content-disposition']).toContain('attachment');
    expect(transcript.body).toContain('I was charged twice this month, why?');
    expect(transcript.body).toContain('We refunded the last charge');
    expect(transcript.body).not.toMatch(/what is your password/);
    const myCases = (await ben.get('/api/me/support/cases')).json() as { cases: { outcome: string; summary: string }[] };
    expect(myCases.cases[0]).toMatchObject({ outcome: 'refund', summary });
    // The conversation is closed: a new message is refused.
    expect((await ben.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'thanks!' })).statusCode).toBe(409);
  });
});
