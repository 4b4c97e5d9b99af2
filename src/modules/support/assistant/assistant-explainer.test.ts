import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { triage } from '../../triage/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { createMemoryAssistantStore } from './assistant-state.repository.ts';
import { createAssistant } from './assistant.service.ts';
import type { ExplainCharges } from './assistant.types.ts';
import { explainCharges } from './charges/charge-explainer.ts';
import { membershipView, realChecklists, realFlows, snapshotOf } from './testing/assistant-fixtures.ts';
import { fakeAccount, fakeChat, fakeHandOff } from './testing/fake-ports.ts';

// The real explainer fits the engine's contract (a compile-time check as much as a test).
const real: ExplainCharges = explainCharges;

function setUp(snapshot: AccountSnapshot) {
  const chat = fakeChat();
  const desk = fakeHandOff(chat.port);
  const assistant = createAssistant({
    chat: chat.port, account: fakeAccount(snapshot).port, handOff: desk.handOff, triage, clock: fixedClock('2026-03-20T12:00:00Z'),
    flows: realFlows, checklists: realChecklists, explainCharges: real, store: createMemoryAssistantStore(),
  });
  const send = (body: string) => assistant.onMemberMessage({ conversation: chat.conversation, message: chat.say(body) });
  return { chat, desk, send };
}

describe('the assistant with the real charge explainer', () => {
  it('explains a charge the ledger has, with its evidence', async () => {
    const { chat, desk, send } = setUp(snapshotOf());
    await send('I was charged $15.49 on March 15 and I don’t know why');
    const explanation = chat.assistantTexts().find((message) => message.payload?.kind === 'charge_explanation');
    expect(explanation?.payload?.data).toMatchObject({ explained: true });
    expect(explanation?.body).toContain('15.49');
    expect(desk.cases).toEqual([]);
  });

  it('hands a charge the ledger cannot explain to billing at once', async () => {
    const { desk, send } = setUp(snapshotOf());
    await send('There is a $42.00 charge on March 18 that I don’t recognise');
    expect(desk.cases[0]).toMatchObject({ queue: 'billing', caseFile: { reason: 'unexplained_charge' } });
    expect(desk.cases[0]?.caseFile.evidence).toMatchObject({ explained: false });
  });

  it('finds the charge on a second account paid with the same card and offers billing', async () => {
    const other = membershipView({
      id: 'mem_2', account_id: 'acct_2',
      ledger: [{ id: 'led_o1', date: '2026-03-02', type: 'charge', reason: 'signup', amount: 1549, tax: 0, currency: 'USD', period_start: '2026-03-02', period_end: '2026-04-02', refund_of: null }],
    });
    const { chat, desk, send } = setUp(snapshotOf({ sameCard: [{ membershipId: 'mem_2', accountId: 'acct_2', email: 'benny@demo.reelhouse.example', maskedEmail: 'be…@demo.reelhouse.example', createdAt: '2026-03-02T10:00:00Z', membership: other }] }));
    await send('I was charged twice, $15.49 on March 2');
    expect(desk.cases).toEqual([]);
    expect(chat.assistantTexts().at(-1)?.body).toContain('be…@demo.reelhouse.example');
    expect(chat.assistantTexts().at(-1)?.payload?.choices?.map((choice) => choice.id)).toEqual(['handoff', 'no_handoff']);
  });
});
