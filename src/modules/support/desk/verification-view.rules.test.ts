import { describe, expect, it } from 'vitest';
import type { Author, ChatMessage, MessagePayload } from '../chat/chat.types.ts';
import { messageBeforeVerification, WITHHELD_MESSAGE } from './verification-view.rules.ts';

let seq = 0;
const message = (author: Author, body: string, payload: MessagePayload | null = null): ChatMessage => {
  seq += 1;
  return { id: `msg_${seq}`, conversationId: 'conv_1', seq, author, body, payload, clientId: null, createdAt: '2026-03-10T12:00:00.000Z' };
};
const member: Author = { kind: 'member', id: 'acct_ava', name: 'Ava Martins' };
const assistant: Author = { kind: 'assistant', id: null, name: 'Reelhouse assistant' };
const system: Author = { kind: 'system', id: null, name: 'Support' };
const agent: Author = { kind: 'agent', id: 'agt_sam', name: 'Sam' };

describe('what the desk shows of a conversation before the member is verified', () => {
  it('shows what the member typed, without their name', () => {
    expect(messageBeforeVerification(message(member, 'I was charged twice'))).toMatchObject({ body: 'I was charged twice', author: { kind: 'member', id: 'acct_ava', name: 'Member' }, withheld: false });
  });

  it('shows taps of fixed buttons and guide answers, withholds taps that repeat an account label', () => {
    const tap = (label: string, choice: string) => messageBeforeVerification(message(member, label, { kind: 'text', data: { choice } }));
    expect(tap('Talk to a person', 'handoff')).toMatchObject({ body: 'Talk to a person', withheld: false });
    expect(tap('It doesn’t help', 'not_helped')).toMatchObject({ withheld: false });
    expect(tap('Yes, the light is on', 'flow:light_on')).toMatchObject({ withheld: false });
    expect(tap('Remove Living room TV', 'remove_device:dev_1')).toEqual(expect.objectContaining({ body: WITHHELD_MESSAGE, payload: { kind: 'text' }, withheld: true }));
    expect(tap('Yes, remove the device “Living room TV”', 'confirm:3')).toMatchObject({ body: WITHHELD_MESSAGE, withheld: true });
  });

  it('withholds the assistant\'s answers, keeping their kind, but shows the hand-off and a guide\'s steps', () => {
    const explanation = messageBeforeVerification(message(assistant, 'Hi Ava, you paid $15.49 on March 5, 2026 with Visa ending 4242.', { kind: 'charge_explanation', data: { lines: [1549] } }));
    expect(explanation).toEqual(expect.objectContaining({ body: WITHHELD_MESSAGE, payload: { kind: 'charge_explanation' }, withheld: true, author: assistant }));
    expect(messageBeforeVerification(message(assistant, 'Hi Ava, I’m the Reelhouse assistant.', { kind: 'text' })).withheld).toBe(true);
    expect(messageBeforeVerification(message(assistant, 'Without a payload'))).toMatchObject({ payload: null, withheld: true });
    expect(messageBeforeVerification(message(assistant, 'Your conversation is now with our billing team.', { kind: 'handoff', data: { queue: 'billing' } })).withheld).toBe(false);
    expect(messageBeforeVerification(message(assistant, 'Restart the TV', { kind: 'flow_step', choices: [{ id: 'flow:ok', label: 'Done' }] })).withheld).toBe(false);
  });

  it('shows the agents\' and the desk\'s own messages, but never a report of an account action', () => {
    expect(messageBeforeVerification(message(agent, 'Hi, could you read me your service code?')).withheld).toBe(false);
    expect(messageBeforeVerification(message(system, 'Sam from the billing team has joined the chat.', { kind: 'notice' })).withheld).toBe(false);
    expect(messageBeforeVerification(message(system, 'Sam refunded $15.49.', { kind: 'action_done', data: { action: 'refund' } })).withheld).toBe(true);
  });
});
