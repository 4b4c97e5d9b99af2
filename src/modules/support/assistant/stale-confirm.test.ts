import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { messagesUntil } from '../testing/conversation-polling.ts';

type Message = { seq: number; author: { kind: string }; body: string; payload: { kind: string; choices?: { id: string; label: string }[] } | null };

const assistantAfter = (messages: Message[], seq: number) => messages.filter((message) => message.seq > seq && message.author.kind === 'assistant');
const yesButton = (message: Message | undefined) => message?.payload?.choices?.find((choice) => choice.id.startsWith('confirm:'));

/** Ava (the demo, on 2026-11-27) answers an older confirmation's button while a newer one is open, over HTTP. */
describeEachDatabase('a tap on an older confirmation', (open) => {
  let t: TestApp;
  let ava: HttpClient;

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: true, database: await open() });
    ava = createHttpClient(t.app.server);
    await ava.open();
    expect((await ava.post('/api/sign-in', { login: 'ava@demo.reelhouse.example', password: DEMO_PASSWORD })).statusCode).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  const membershipStatus = async () => ((await ava.get('/api/me/membership')).json() as { state: { status: string } }).state.status;
  const sessions = async () => {
    const response = await ava.get('/api/me/devices');
    expect(response.statusCode).toBe(200);
    return (response.json() as { sessions: unknown[] }).sessions.length;
  };

  async function send(conversationId: string, body: string, choice?: string): Promise<number> {
    const response = await ava.post(`/api/chat/conversations/${conversationId}/messages`, { body, ...(choice ? { choice } : {}) });
    expect(response.statusCode).toBe(201);
    return (response.json() as { message: { seq: number } }).message.seq;
  }

  it('changes nothing, and the open confirmation’s own button still works', async () => {
    const sessionsBefore = await sessions();
    expect(await membershipStatus()).toBe('active');

    const started = await ava.post('/api/chat/conversations', { text: 'sign out all devices' });
    expect(started.statusCode).toBe(201);
    const conversationId = (started.json() as { conversation: { id: string } }).conversation.id;
    const first = await messagesUntil<Message>(ava, conversationId, (messages) => messages.some((message) => message.payload?.kind === 'confirm_action'));
    const signOutYes = yesButton(first.find((message) => message.payload?.kind === 'confirm_action'));
    expect(signOutYes?.label).toBe('Yes, sign out everywhere');

    const cancelAsked = await send(conversationId, 'I want to cancel my membership');
    const second = await messagesUntil<Message>(ava, conversationId, (messages) => assistantAfter(messages, cancelAsked).some((message) => message.payload?.kind === 'confirm_action'));
    const cancelYes = yesButton(assistantAfter(second, cancelAsked).find((message) => message.payload?.kind === 'confirm_action'));
    expect(cancelYes?.label).toBe('Yes, cancel it');
    expect(cancelYes?.id).not.toBe(signOutYes?.id);

    // The sign-out's button, tapped while the cancellation is the open question.
    const staleTap = await send(conversationId, 'Yes, sign out everywhere', signOutYes?.id);
    const afterStale = await messagesUntil<Message>(ava, conversationId, (messages) => assistantAfter(messages, staleTap).length > 0);
    const answer = assistantAfter(afterStale, staleTap);
    expect(answer.map((message) => message.payload?.kind)).toEqual(['text']);
    expect(answer[0]?.body).toContain('That request is no longer open, so nothing was changed.');
    expect(await membershipStatus()).toBe('active');
    expect(await sessions()).toBe(sessionsBefore);

    const rightTap = await send(conversationId, 'Yes, cancel it', cancelYes?.id);
    const done = await messagesUntil<Message>(ava, conversationId, (messages) => assistantAfter(messages, rightTap).some((message) => message.payload?.kind === 'action_done'));
    expect(assistantAfter(done, rightTap).find((message) => message.payload?.kind === 'action_done')?.body).toContain('Done: your membership is cancelled.');
    expect(await membershipStatus()).toBe('canceled_pending');
    // Still signed in: the sign-out everywhere never ran.
    expect(await sessions()).toBe(sessionsBefore);
  });
});
