import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { findCredentialRequest, redact } from '../../safety/redaction/index.ts';
import { triage } from '../../triage/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { createMemoryAssistantStore } from './assistant-state.repository.ts';
import { createAssistant } from './assistant.service.ts';
import type { ChargeExplanationLike } from './assistant.types.ts';
import { explained, extraMemberSnapshot, fakeExplainer, membershipView, realChecklists, realFlows, snapshotOf } from './testing/assistant-fixtures.ts';
import { fakeAccount, fakeChat, fakeHandOff } from './testing/fake-ports.ts';

/** A promise of money back, in any tense that commits to it. "An agent can review a refund" is fine. */
const REFUND_PROMISE = /\b(?:will|shall|going to)\s+(?:be\s+)?(?:refund|reimburs|credit)|\brefund\s+(?:will|is going to|is on its way)|\b(?:we|i)(?:’ll|'ll| will)\s+(?:refund|give you (?:your money|a refund))|\byou(?:’ll|'ll| will)\s+(?:get|receive)\s+(?:your money|a refund)|\bguarantee/i;

const SCRIPT = [
  'I was charged $15.49 on March 15 and I don’t know why', 'no that didn’t help', 'I want my money back, refund me now',
  'I was charged twice this month', 'why did my price go up', 'I cancelled but you still charged me', 'my card was declined',
  'who bills me', 'did my cancellation go through?', 'I want to cancel my membership', 'yes', 'please pause my membership for 2 months', 'no',
  'pause for 7 months', 'sign out all devices', 'remove the Living room TV', 'remove Jonas from my account', 'resend the invitation',
  'what devices are on my account', 'it says my TV is not part of the household', 'A TV at home', 'videos keep buffering on my TV',
  'Still not working', 'the app shows error NW-2-5 on my phone', 'I forgot my password', 'which email do I use to log in',
  'I got a text saying my account is suspended and asking for my card', 'do you sell gift cards', 'someone changed my email and I can’t log in',
  'asdf qwerty', 'what’s the weather',
  // Issue 10: other ways members put it, pasted secrets, follow-ups, another language.
  'my password is hunter2 and the TV won’t sign in', 'my card is 4111 1111 1111 1111 why was it charged', 'when is my next payment', 'my account is frozen',
  'is that every month now?', 'and when does that end?', 'Warum wurde mir 4,39 € abgebucht?', 'how do I add an extra member', 'my bank sent me a new card',
  'I want to talk to a human',
];

const SNAPSHOTS: Record<string, AccountSnapshot | null> = {
  direct: snapshotOf(),
  partner: snapshotOf({ membership: membershipView({ billed_by: { kind: 'partner', partner: 'Northwind Mobile' }, payment_method: null }) }),
  sameCard: snapshotOf({ sameCard: [{ membershipId: 'mem_2', accountId: 'acct_2', email: 'benny@demo.reelhouse.example', maskedEmail: 'be…@demo.reelhouse.example', createdAt: '2026-02-01T10:00:00Z', membership: membershipView({ id: 'mem_2' }) }] }),
  cancelled: snapshotOf({ membership: membershipView({ state: { status: 'canceled_pending', plan: 'standard', anchor: '2026-01-15', next_billing_date: null, access_until: '2026-04-15', extra_members: 0 } }) }),
  extraMember: extraMemberSnapshot(),
  noMembership: snapshotOf({ membership: null }),
  visitor: null,
  securityFinding: snapshotOf({ security: { signals: [{ kind: 'email_changed_unconfirmed', at: '2026-03-19T10:00:00.000Z', summary: 'Your email was changed to an address that has not been confirmed.', severity: 'danger' }], steps: ['Sign out of all devices.'] } }),
};

const EXPLANATIONS: ChargeExplanationLike[] = [
  explained(),
  explained({ explained: false, findings: [], summary: ['No charge like that is on this membership.'] }),
];

function openConversation(snapshot: AccountSnapshot | null, explanation: ChargeExplanationLike) {
  const chat = fakeChat({ accountId: snapshot ? snapshot.account.id : null });
  const assistant = createAssistant({
    chat: chat.port, account: fakeAccount(snapshot).port, handOff: fakeHandOff(chat.port).handOff, triage, clock: fixedClock('2026-03-20T12:00:00Z'),
    flows: realFlows, checklists: realChecklists, explainCharges: fakeExplainer(explanation), store: createMemoryAssistantStore(),
  });
  return { chat, assistant };
}

async function converse(snapshot: AccountSnapshot | null, explanation: ChargeExplanationLike, order: readonly string[]): Promise<string[]> {
  const said: string[] = [];
  const collect = (chat: ReturnType<typeof fakeChat>) => said.push(...chat.assistantTexts().flatMap((message) => [message.body, ...(message.payload?.choices ?? []).map((choice) => choice.label)]));
  let { chat, assistant } = openConversation(snapshot, explanation);
  await assistant.greet(chat.conversation);
  for (const text of order) {
    // A hand-off ends the assistant's part: the rest of the script goes to a fresh conversation.
    if (chat.conversation.status !== 'assistant') {
      collect(chat);
      ({ chat, assistant } = openConversation(snapshot, explanation));
    }
    // Redacted as the chat stores it, so the assistant's notes about a pasted secret are checked too.
    await assistant.onMemberMessage({ conversation: chat.conversation, message: chat.say(redact(text).text) });
    // Then tap one of the choices offered, if any: confirmations, guides, hand-off offers all get exercised.
    const last = chat.assistantTexts().at(-1);
    const choice = last?.payload?.choices?.[text.length % last.payload.choices.length];
    if (choice && chat.conversation.status === 'assistant') await assistant.onMemberMessage({ conversation: chat.conversation, message: chat.say(choice.label), choice: choice.id });
  }
  collect(chat);
  return said;
}

describe('what the assistant never says', () => {
  it('never asks for a password, a one-time code or a full card number, and never promises a refund, over many turns', async () => {
    const said: string[] = [];
    for (const snapshot of Object.values(SNAPSHOTS)) {
      for (const explanation of EXPLANATIONS) {
        said.push(...await converse(snapshot, explanation, SCRIPT));
        said.push(...await converse(snapshot, explanation, [...SCRIPT].reverse()));
      }
    }
    expect(said.length).toBeGreaterThan(500);
    const asks = said.filter((body) => findCredentialRequest(body) !== null);
    expect(asks).toEqual([]);
    expect(said.filter((body) => REFUND_PROMISE.test(body))).toEqual([]);
    expect(said.filter((body) => /\b\d{13,19}\b/.test(body) || /card number/i.test(body.replace(/full card number/gi, '')))).toEqual([]);
  });

  it('recognises the asks it must never make (the check itself works)', () => {
    expect(findCredentialRequest('Can you send me the code we just texted you?')).not.toBeNull();
    expect(findCredentialRequest('What is your password?')).not.toBeNull();
    expect(REFUND_PROMISE.test('You will be refunded within 5 days.')).toBe(true);
    expect(REFUND_PROMISE.test('An agent can review a refund.')).toBe(false);
  });
});
