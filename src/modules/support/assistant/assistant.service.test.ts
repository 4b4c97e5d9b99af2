import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { triage } from '../../triage/index.ts';
import type { AccountSnapshot, SupportAccountPort } from '../support.ports.ts';
import { createMemoryAssistantStore } from './assistant-state.repository.ts';
import { createAssistant } from './assistant.service.ts';
import { fakeExplainer, realChecklists, realFlows, snapshotOf } from './testing/assistant-fixtures.ts';
import { fakeAccount, fakeChat, fakeHandOff } from './testing/fake-ports.ts';

function setUp(options: { snapshot?: AccountSnapshot | null; accountId?: string | null; fail?: Partial<Record<keyof SupportAccountPort, Error>>; beforeSnapshot?: () => Promise<void> } = {}) {
  const chat = fakeChat({ accountId: options.accountId === undefined ? 'acct_ben' : options.accountId });
  const account = fakeAccount(options.snapshot === undefined ? snapshotOf() : options.snapshot, { ...(options.fail ? { fail: options.fail } : {}), ...(options.beforeSnapshot ? { beforeSnapshot: options.beforeSnapshot } : {}) });
  const desk = fakeHandOff(chat.port);
  const store = createMemoryAssistantStore();
  const assistant = createAssistant({
    chat: chat.port, account: account.port, handOff: desk.handOff, triage, clock: fixedClock('2026-03-20T12:00:00Z'),
    flows: realFlows, checklists: realChecklists, explainCharges: fakeExplainer(), store,
  });
  const send = (body: string, choice?: string) => {
    const message = chat.say(body);
    return assistant.onMemberMessage({ conversation: chat.conversation, message, ...(choice ? { choice } : {}) });
  };
  return { chat, account, desk, store, assistant, send };
}

const lastKinds = (chat: ReturnType<typeof fakeChat>, count: number) => chat.assistantTexts().slice(-count).map((message) => message.payload?.kind);
/** The "yes" (or "no") button of the latest confirmation, as the member's app would send it. */
const confirmButton = (chat: ReturnType<typeof fakeChat>, answer: 'confirm' | 'decline' = 'confirm') =>
  chat.assistantTexts().filter((message) => message.payload?.kind === 'confirm_action').at(-1)?.payload?.choices?.find((choice) => choice.id.startsWith(`${answer}:`))?.id ?? 'none';

describe('the assistant in a conversation', () => {
  it('greets once, saying what it never asks for', async () => {
    const { chat, assistant } = setUp();
    await assistant.greet(chat.conversation);
    await assistant.greet(chat.conversation);
    expect(chat.assistantTexts()).toHaveLength(1);
    expect(chat.assistantTexts()[0]?.body).toMatch(/^Hi Ben, I’m the Reelhouse assistant\. I can see your account/);
    expect(chat.assistantTexts()[0]?.body).toContain('never ask for your password');
    expect(chat.assistantTexts()[0]?.author).toEqual({ kind: 'assistant', id: null, name: 'Reelhouse assistant' });
  });

  it('cancels only after the member confirms, with a key from the conversation and the message', async () => {
    const { chat, account, send } = setUp();
    await send('I want to cancel my membership');
    expect(account.actions()).toEqual([]);
    expect(lastKinds(chat, 1)).toEqual(['confirm_action']);
    expect(confirmButton(chat)).toBe('confirm:1');
    await send('Yes, cancel it', confirmButton(chat));
    expect(account.calls).toEqual([{ name: 'cancelMembership', args: { membershipId: 'mem_ben', idempotencyKey: 'assistant:conv_1:1:cancel_membership' } }]);
    expect(chat.assistantTexts().at(-1)).toMatchObject({ payload: { kind: 'action_done' } });
    expect(chat.assistantTexts().at(-1)?.body).toContain('You can keep watching until April 15, 2026');
  });

  it('never acts on a decline', async () => {
    const { chat, account, send } = setUp();
    await send('please sign me out of all devices');
    await send('No, leave it', confirmButton(chat, 'decline'));
    await send('yes');
    expect(account.actions()).toEqual([]);
  });

  it('on a takeover, hands off to security at once and still runs the sign-out the member then confirms', async () => {
    const { chat, account, desk, send } = setUp();
    await send('someone changed my email and I can’t log in');
    expect(desk.cases).toHaveLength(1);
    expect(desk.cases[0]).toMatchObject({ conversationId: 'conv_1', accountId: 'acct_ben', queue: 'security', caseFile: { reason: 'takeover', problem: 'someone changed my email and I can’t log in' } });
    expect(chat.assistantTexts().at(-1)).toMatchObject({ payload: { kind: 'handoff', data: { caseId: 'case_1', queue: 'security', position: 3 } } });
    expect(chat.assistantTexts().at(-1)?.body).toContain('security team');
    expect(chat.assistantTexts().at(-1)?.body).toContain('won’t need to repeat yourself');
    expect(chat.assistantTexts().at(-1)?.body).toContain('number 3 in the queue');
    expect(chat.conversation.status).toBe('waiting');
    const before = chat.assistantTexts().length;
    await send('hello? anyone?');
    expect(chat.assistantTexts()).toHaveLength(before);
    await send('Yes, sign out everywhere', confirmButton(chat));
    expect(account.actions()).toEqual(['signOutEverywhere']);
  });

  it('runs nothing when an older confirmation’s button is tapped, and the open one still works', async () => {
    const { chat, account, send } = setUp();
    await send('sign out all devices');
    const signOut = confirmButton(chat);
    await send('I want to cancel my membership');
    await send('Yes, sign out everywhere', signOut);
    expect(account.actions()).toEqual([]);
    expect(chat.assistantTexts().at(-1)?.body).toContain('That request is no longer open');
    await send('Yes, cancel it', confirmButton(chat));
    expect(account.actions()).toEqual(['cancelMembership']);
  });

  it('hands off after failing twice, to the general queue with what was tried', async () => {
    const { desk, send } = setUp();
    await send('asdf qwerty');
    expect(desk.cases).toEqual([]);
    await send('what’s the weather');
    expect(desk.cases[0]).toMatchObject({ queue: 'general', caseFile: { reason: 'assistant_failed_twice', problem: 'asdf qwerty' } });
  });

  it('hands off when the member asks for a person, and goes quiet', async () => {
    const { chat, desk, send } = setUp();
    await send('I was charged $15.49 on March 15 and I don’t know why');
    await send('I want to talk to a human');
    expect(desk.cases[0]).toMatchObject({ queue: 'billing', caseFile: { reason: 'member_asked', intent: 'billing.unexpected_charge' } });
    expect(desk.cases[0]?.caseFile.evidence).toMatchObject({ explained: true });
    const count = chat.assistantTexts().length;
    await send('thanks');
    expect(chat.assistantTexts()).toHaveLength(count);
  });

  it('passes a refusal’s safe message on, and hands off after a second failure', async () => {
    const refusal = new AppError({ code: 'BILLING_NOT_ELIGIBLE', message: 'Only an active membership can be paused.' });
    const { chat, desk, send } = setUp({ fail: { pauseMembership: refusal } });
    await send('please pause my membership for 2 months');
    await send('yes', confirmButton(chat));
    expect(chat.assistantTexts().at(-1)?.body).toBe('I couldn’t pause the membership for 2 month(s): Only an active membership can be paused.');
    expect(desk.cases).toEqual([]);
    await send('asdf qwerty');
    expect(desk.cases[0]?.caseFile.reason).toBe('assistant_failed_twice');
  });

  it('answers a message delivered twice only once, and ignores its own messages', async () => {
    const { chat, assistant } = setUp();
    const message = chat.say('asdf qwerty');
    await assistant.onMemberMessage({ conversation: chat.conversation, message });
    const count = chat.assistantTexts().length;
    await assistant.onMemberMessage({ conversation: chat.conversation, message });
    await assistant.onMemberMessage({ conversation: chat.conversation, message: chat.assistantTexts()[0]! });
    expect(chat.assistantTexts()).toHaveLength(count);
  });

  it('answers a message whose listener ran late in its place, and only once', async () => {
    const { chat, account, assistant } = setUp();
    const first = chat.say('I want to cancel my membership');
    const second = chat.say('Yes, cancel it');
    await assistant.onMemberMessage({ conversation: chat.conversation, message: second, choice: `confirm:${first.seq}` });
    await assistant.onMemberMessage({ conversation: chat.conversation, message: first });
    expect(account.actions()).toEqual(['cancelMembership']);
    expect(chat.assistantTexts().map((message) => message.payload?.kind)).toEqual(['text', 'confirm_action', 'action_done']);
  });

  it('takes a tapped choice from the stored message when the transport carries it there', async () => {
    const { chat, account, assistant, send } = setUp();
    await send('sign out all devices');
    const tap = chat.say('Sign out everywhere');
    await assistant.onMemberMessage({ conversation: chat.conversation, message: { ...tap, payload: { kind: 'text', data: { choice: confirmButton(chat) } } } });
    expect(account.actions()).toEqual(['signOutEverywhere']);
  });

  it('runs one turn at a time per conversation, in the order the messages came', async () => {
    let active = 0;
    let most = 0;
    const { chat, send } = setUp({
      beforeSnapshot: async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
      },
    });
    // The proposal will be answered to the first message (seq 1), so its button is `confirm:1`.
    await Promise.all([send('I want to cancel my membership'), send('yes', 'confirm:1')]);
    expect(most).toBe(1);
    expect(chat.assistantTexts().map((message) => message.payload?.kind)).toEqual(['text', 'confirm_action', 'action_done']);
  });

  it('helps a visitor with a guide and hands account questions to a person without reading an account', async () => {
    const { chat, account, desk, send } = setUp({ accountId: null, snapshot: null });
    await send('videos keep buffering on my TV');
    expect(chat.assistantTexts().at(-1)?.payload?.kind).toBe('flow_step');
    await send('I want to cancel my membership');
    expect(account.actions()).toEqual([]);
    expect(desk.cases[0]).toMatchObject({ accountId: null, queue: 'billing', caseFile: { snapshot: null } });
  });
});
