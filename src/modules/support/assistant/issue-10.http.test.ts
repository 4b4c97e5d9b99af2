import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { messagesUntil } from '../testing/conversation-polling.ts';

type Message = { seq: number; author: { kind: string }; body: string; payload: { kind: string; choices?: { id: string; label: string }[] } | null };

/** Issue 10 over HTTP on the demo (2026-11-27): what the rules decide reaches the member as stored messages. */
describeEachDatabase('the assistant in the member\'s own words, over HTTP', (open) => {
  let t: TestApp;
  const signIn = async (email: string): Promise<HttpClient> => {
    const client = createHttpClient(t.app.server);
    await client.open();
    expect((await client.post('/api/sign-in', { login: email, password: DEMO_PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const chat = async (client: HttpClient, text: string, until: (messages: Message[]) => boolean): Promise<{ id: string; messages: Message[] }> => {
    const started = await client.post('/api/chat/conversations', { text });
    expect(started.statusCode).toBe(201);
    const id = (started.json() as { conversation: { id: string } }).conversation.id;
    return { id, messages: await messagesUntil<Message>(client, id, until) };
  };
  const fromAssistant = (messages: Message[]) => messages.filter((message) => message.author.kind === 'assistant');

  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: true, database: await open() });
  }, 60_000);
  afterAll(() => t?.close());

  it('tells Karim his security finding once and briefly, and still answers when he is charged next', async () => {
    const karim = await signIn('karim@demo.reelhouse.example');
    const { id, messages } = await chat(karim, 'when is my next payment', (all) => fromAssistant(all).some((message) => message.body.includes('Your next charge')));
    const said = fromAssistant(messages);
    expect(said.find((message) => message.payload?.kind === 'notice')?.payload?.choices).toEqual([{ id: 'secure_account', label: 'Secure my account' }]);
    expect(said.map((message) => message.body).join('\n')).toContain('Your next charge is £18.99 on November 29, 2026');
    expect(said.map((message) => message.body).join('\n')).not.toContain('lock your account down');
    const conversation = (await karim.get(`/api/chat/conversations/${id}`)).json() as { conversation: { status: string } };
    expect(conversation.conversation.status).toBe('assistant');
  });

  it('stores Grace\'s pasted password redacted, tells her to change it, and still answers her hold', async () => {
    const grace = await signIn('grace@demo.reelhouse.example');
    const { messages } = await chat(grace, 'my account is frozen, my password is Sunflower!77 if you need it', (all) => fromAssistant(all).some((message) => message.body.includes('on hold')));
    expect(messages.map((message) => message.body).join('\n')).not.toContain('Sunflower!77');
    const said = fromAssistant(messages);
    expect(said.some((message) => message.payload?.choices?.some((choice) => choice.id === 'link:/account/security'))).toBe(true);
    expect(said.map((message) => message.body).join('\n')).toContain('We try it again on November 28, 2026');
  });
});
