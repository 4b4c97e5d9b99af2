import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import type { ChatMessage } from '../chat/chat.types.ts';
import { REFERENCE_PATTERN } from './escalation.rules.ts';
import { openEscalationTestApp, type EscalationTestApp } from './testing/escalation-test-app.ts';

describeEachDatabase('escalations from the chat and the contact page', (open) => {
  const apps: EscalationTestApp[] = [];
  const fresh = async () => {
    const app = await openEscalationTestApp(await open());
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** What the member types or taps, stored by the chat and then handed to escalation. */
  const say = async (app: EscalationTestApp, conversationId: string, body: string, choice?: string) => {
    const conversation = app.chat.conversations.get(conversationId);
    if (!conversation) throw new Error('no conversation');
    const message: ChatMessage = await app.chat.port.post({
      conversationId, author: { kind: 'member', id: conversation.accountId, name: 'Emi' }, body, payload: choice ? { kind: 'text', data: { choice } } : null,
    });
    return app.escalations.chat.onMemberMessage(conversation, message);
  };

  it('offers a complaint or a specialist when asked in so many words, and leaves other messages to the assistant', async () => {
    const app = await fresh();
    app.chat.open('conv_emi', 'acct_emi');
    expect(await say(app, 'conv_emi', 'why is there a Reelhouse line on my phone bill?')).toBe(false);
    expect(await say(app, 'conv_emi', 'This is not good enough, I want to make a complaint')).toBe(true);
    const offer = app.chat.messages.at(-1);
    expect(offer?.author.kind).toBe('assistant');
    expect(offer?.payload?.choices?.map((choice) => choice.label)).toEqual(['Make a formal complaint', 'Ask for a specialist', 'Talk to a person now', 'No, keep chatting']);
    // That last button is the assistant's hand-off: escalation lets its tap through.
    expect(await say(app, 'conv_emi', 'Talk to a person now', 'handoff')).toBe(false);
  });

  it('offers no live hand-off once a person is already in the conversation', async () => {
    const app = await fresh();
    app.chat.open('conv_with_agent', 'acct_ava').status = 'active';
    expect(await say(app, 'conv_with_agent', 'Can I speak to a supervisor?')).toBe(true);
    expect(app.chat.messages.at(-1)?.payload?.choices?.map((choice) => choice.id)).toEqual(['escalation:complaint', 'escalation:specialist', 'escalation:not_now']);
  });

  it('files the complaint on a tap, linked to the conversation, with the reference, the dates and the partner to ask', async () => {
    const app = await fresh();
    app.chat.open('conv_emi', 'acct_emi');
    await say(app, 'conv_emi', 'I was charged twice on my phone bill');
    await say(app, 'conv_emi', 'speak to a supervisor');
    expect(await say(app, 'conv_emi', 'Make a formal complaint', 'escalation:complaint')).toBe(true);
    const reply = app.chat.messages.at(-1);
    const reference = String(reply?.payload?.data?.reference);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reply?.body).toContain(`Your reference is ${reference}`);
    expect(reply?.body).toContain('answer by 2026-03-31');
    expect(reply?.body).toContain('billed by Northwind Mobile');

    const member = (await app.member('acct_emi').get(`/api/me/support/escalations/${reference}`)).json().escalation;
    expect(member).toMatchObject({ kind: 'complaint', topic: 'billing', conversation_id: 'conv_emi', description: expect.stringContaining('charged twice on my phone bill') });

    // A second tap answers the same reference.
    await say(app, 'conv_emi', 'Make a formal complaint', 'escalation:complaint');
    expect(app.chat.messages.at(-1)?.body).toContain(`You already have an open formal complaint from this chat: ${reference}`);
    expect((await app.member('acct_emi').get('/api/me/support/escalations')).json().escalations).toHaveLength(1);
  });

  it('asks a visitor in the chat to sign in first', async () => {
    const app = await fresh();
    app.chat.open('conv_visitor', null);
    await say(app, 'conv_visitor', 'Ask for a specialist', 'escalation:specialist');
    expect(app.chat.messages.at(-1)?.body).toContain('please sign in first');
  });

  it('takes a complaint from the contact page\'s form and gives the reference; a visitor is asked to sign in', async () => {
    const app = await fresh();
    const visitor = await app.member(null).get('/help/contact/complaint');
    expect(visitor.statusCode).toBe(401);
    expect(visitor.body).toContain('Sign in');
    expect((await app.member('acct_ava').get('/help/contact/complaint')).body).toContain('name="description"');

    const short = await app.member('acct_ava').postForm('/help/contact/complaint', { kind: 'complaint', topic: 'billing', description: 'bad' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('10 characters at least');

    const filed = await app.member('acct_ava').postForm('/help/contact/complaint', { kind: 'specialist', topic: 'technical', description: 'The app crashes on my TV every evening since the update.' });
    expect(filed.statusCode).toBe(201);
    const reference = /SPC-[A-Z0-9]{8}/.exec(filed.body)?.[0];
    expect(reference).toMatch(REFERENCE_PATTERN);
    const member = (await app.member('acct_ava').get(`/api/me/support/escalations/${reference}`)).json().escalation;
    expect(member).toMatchObject({ kind: 'specialist', topic: 'technical', answer_by: '2026-03-17T12:00:00.000Z' });
  });
});
