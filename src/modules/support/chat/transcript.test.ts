import { describe, expect, it } from 'vitest';
import type { ChatConversation, ChatMessage } from './chat.types.ts';
import { renderTranscript } from './transcript.ts';

const conversation: ChatConversation = {
  id: 'conv_1', accountId: 'acct_1', visitorEmail: null, intent: 'billing.multiple_charges', country: 'US', language: 'en', status: 'closed',
  lastSeq: 3, createdAt: '2026-11-27T15:00:00.000Z', updatedAt: '2026-11-27T15:10:00.000Z',
};
const message = (seq: number, author: ChatMessage['author'], body: string, payload: ChatMessage['payload'] = null): ChatMessage => ({
  id: `msg_${seq}`, conversationId: 'conv_1', seq, author, body, payload, clientId: null, createdAt: `2026-11-27T15:0${seq}:00.000Z`,
});

describe('transcript', () => {
  it('writes every message with its UTC time and speaker, the explanations in full and the choices offered', () => {
    const text = renderTranscript({
      serviceName: 'Reelhouse', conversation, generatedAt: new Date('2026-11-27T16:00:00Z'),
      messages: [
        message(1, { kind: 'member', id: 'acct_1', name: 'Ben Okafor' }, 'I was charged twice'),
        message(2, { kind: 'assistant', id: null, name: 'Reelhouse assistant' }, 'A second membership is paid with the same card.', {
          kind: 'charge_explanation', choices: [{ id: 'handoff', label: 'Talk to a person' }],
          data: { findings: [{ title: 'A second account pays with your card', explanation: 'It was charged $10.88 on November 8, 2026.' }] },
        }),
        message(3, { kind: 'agent', id: 'agt_1', name: 'Sam' }, 'Refunded.\nAnything else?'),
      ],
    });
    expect(text).toContain('Reelhouse support conversation conv_1');
    expect(text).toContain('[2026-11-27 15:01 UTC] Ben Okafor:\n  I was charged twice');
    expect(text).toContain('  · A second account pays with your card: It was charged $10.88 on November 8, 2026.');
    expect(text).toContain('  (options: Talk to a person)');
    expect(text).toContain('[2026-11-27 15:03 UTC] Sam (Reelhouse support):\n  Refunded.\n  Anything else?');
  });
});
