import { describe, expect, it } from 'vitest';
import type { AccountSnapshot } from '../support.ports.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState, type AssistantState, type TurnDecision } from './assistant.types.ts';
import { explained, extraMemberSnapshot, fakeExplainer, inputOf, membershipView, snapshotOf, toolsWith, triageAs } from './testing/assistant-fixtures.ts';
import type { TriageResult } from '../../triage/index.ts';

const text = (decision: TurnDecision) => decision.replies.map((reply) => reply.body).join('\n');
const kinds = (decision: TurnDecision) => decision.replies.map((reply) => reply.payload.kind);
const choiceIds = (decision: TurnDecision) => decision.replies.flatMap((reply) => reply.payload.choices ?? []).map((choice) => choice.id);

function turn(state: AssistantState, message: string, options: { triage?: TriageResult | null; snapshot?: AccountSnapshot | null; choice?: string; explain?: ReturnType<typeof fakeExplainer> } = {}) {
  const snapshot = options.snapshot === undefined ? snapshotOf() : options.snapshot;
  return decideTurn(state, inputOf(message, options.choice ?? null), { snapshot, triage: options.triage === undefined ? null : options.triage, tools: toolsWith(options.explain ?? fakeExplainer()) });
}

describe('charges', () => {
  it('explains a charge from the ledger with the amount and date the member named, as evidence, and asks if it helped', () => {
    const explain = fakeExplainer();
    const decision = turn(initialState(), 'I was charged $15.49 on March 15 and I don’t know why', { triage: triageAs('billing.unexpected_charge', { amount: '$15.49', date: 'March 15' }), explain });
    // The explainer is also asked, without a question, which amounts are past ones: the call with the question is the one.
    const asked = explain.calls.find((call) => call.question);
    expect(asked).toMatchObject({ today: '2026-03-20', question: { amount: 1549, date: '2026-03-15' }, sameCard: [] });
    expect(asked?.membership?.id).toBe('mem_ben');
    expect(decision.replies[0]?.payload).toMatchObject({ kind: 'charge_explanation', data: { explained: true } });
    expect(text(decision)).toContain('monthly renewal');
    expect(choiceIds(decision)).toEqual(['helped', 'not_helped']);
    expect(decision.state.tried[0]).toContain('Explained the charges from the ledger');
    expect(decision.handOff).toBeNull();
  });

  it('shows another account on the same card by its masked email and offers billing instead of acting on an account the member may not be signed in to', () => {
    const snapshot = snapshotOf({ sameCard: [{ membershipId: 'mem_2', accountId: 'acct_2', email: 'benny@demo.reelhouse.example', maskedEmail: 'be…@demo.reelhouse.example', createdAt: '2026-02-01T10:00:00Z', membership: membershipView({ id: 'mem_2' }) }] });
    const first = turn(initialState(), 'I was charged twice', { triage: triageAs('billing.multiple_charges'), snapshot });
    expect(text(first)).toContain('be…@demo.reelhouse.example');
    expect(text(first)).not.toContain('benny@');
    expect(choiceIds(first)).toEqual(['handoff', 'no_handoff']);
    expect(first.run).toBeNull();
    expect(first.state.pending).toBeNull();
    const second = turn(first.state, 'Yes, pass me to a person', { choice: 'handoff', snapshot });
    expect(second.handOff?.queue).toBe('billing');
    expect(second.handOff?.caseFile).toMatchObject({ reason: 'needs_agent', intent: 'billing.multiple_charges', problem: 'I was charged twice' });
    expect(second.handOff?.caseFile.findings.join(' ')).toContain('Same card also pays for');
    expect(second.handOff?.caseFile.evidence).toMatchObject({ explained: true });
  });

  it('hands an unexplained disputed charge to billing at once, with the advice to secure the account and dispute with the bank', () => {
    const explain = fakeExplainer(explained({ explained: false, findings: [], summary: ['No charge of $99.00 around 2026-03-18 is on this membership.'] }));
    const decision = turn(initialState(), 'there is a $99 charge on the 18th I never made', { triage: triageAs('billing.unexpected_charge', { amount: '$99', date: 'the 18th' }), explain });
    expect(explain.calls.find((call) => call.question)?.question).toMatchObject({ amount: 9900, date: '2026-03-18' });
    expect(decision.handOff?.queue).toBe('billing');
    expect(decision.handOff?.caseFile.reason).toBe('unexplained_charge');
    expect(text(decision)).toMatch(/password/);
    expect(text(decision)).toMatch(/bank can dispute/);
    expect(decision.handOff?.caseFile.checklist).toContainEqual({ item: expect.stringContaining('date and amount'), answer: expect.stringContaining('$99') });
    expect(decision.handOff?.caseFile.checklist).toContainEqual({ item: expect.stringContaining('last four digits'), answer: 'Visa ending 4242' });
  });

  it('uses the explainer’s own advice when it gives some', () => {
    const explain = fakeExplainer(explained({ explained: false, findings: [], summary: ['Nothing matches.'], advice: ['Secure your account.', 'Ask your bank to dispute it.'] }));
    const decision = turn(initialState(), 'a charge of $5 yesterday', { triage: triageAs('billing.unexpected_charge', { amount: '$5', date: 'yesterday' }), explain });
    expect(text(decision)).toContain('• Ask your bank to dispute it.');
  });

  it('never promises a refund: an agent can review one', () => {
    const decision = turn(initialState(), 'I want my money back', { triage: triageAs('billing.refund') });
    expect(text(decision)).toContain('can review whether one is possible');
    expect(text(decision)).not.toMatch(/\b(will|’ll|'ll)\s+(be\s+)?refund/i);
    expect(decision.state.offer).toEqual({ kind: 'handoff', queue: 'billing', reason: 'needs_agent' });
  });

  it('keeps the owner’s ledger and card from an extra member, and offers billing instead', () => {
    const explain = fakeExplainer();
    const decision = turn(initialState(), 'why was I charged for the extra member', { triage: triageAs('extra_member.billing'), snapshot: extraMemberSnapshot(), explain });
    expect(explain.calls).toEqual([]);
    expect(text(decision)).toContain('The account owner pays for the membership');
    expect(text(decision)).not.toContain('4242');
    expect(decision.state.offer).toEqual({ kind: 'handoff', queue: 'billing', reason: 'needs_agent' });
  });

  it('opens a charged-after-cancel answer with where the cancellation stands', () => {
    const snapshot = snapshotOf({ membership: membershipView({ state: { status: 'canceled_pending', plan: 'standard', anchor: '2026-01-15', next_billing_date: null, access_until: '2026-04-15', extra_members: 0 } }) });
    const decision = turn(initialState(), 'I cancelled but you still charged me', { triage: triageAs('billing.charged_after_cancel'), snapshot });
    expect(decision.replies[0]?.body).toMatch(/^Your cancellation went through\. You can keep watching until April 15, 2026/);
  });
});

describe('cancellation, billing partner, household and devices', () => {
  it('says a pending cancellation went through, with the final service date', () => {
    const snapshot = snapshotOf({ membership: membershipView({ state: { status: 'canceled_pending', plan: 'standard', anchor: '2026-01-15', next_billing_date: null, access_until: '2026-04-15', extra_members: 0 } }) });
    const decision = turn(initialState(), 'did my cancellation go through?', { triage: triageAs('membership.cannot_cancel'), snapshot });
    expect(text(decision)).toContain('Your cancellation went through. You can keep watching until April 15, 2026');
  });

  it('says a running membership is not cancelled and offers to cancel it here', () => {
    const decision = turn(initialState(), 'is my membership cancelled?', { triage: triageAs('membership.cancel') });
    expect(text(decision)).toContain('not cancelled: it’s active and renews on April 15, 2026');
    expect(choiceIds(decision)).toContain('cancel_membership');
  });

  it('names the partner that bills and that cancelling goes through them', () => {
    const snapshot = snapshotOf({ membership: membershipView({ billed_by: { kind: 'partner', partner: 'Northwind Mobile' }, payment_method: null }) });
    const who = turn(initialState(), 'who bills me', { triage: triageAs('billing.third_party'), snapshot });
    expect(text(who)).toContain('Northwind Mobile bills your membership');
    const cancel = turn(initialState(), 'I want to cancel my membership', { triage: triageAs('membership.cancel'), snapshot });
    expect(text(cancel)).toContain('billed by Northwind Mobile, so it’s cancelled through Northwind Mobile');
    expect(cancel.state.pending).toBeNull();
  });

  it('describes the household and its devices, then walks the household guide', () => {
    const decision = turn(initialState(), 'my TV says it is not part of my household', { triage: triageAs('household.not_in_household', { device: 'tv' }) });
    expect(text(decision)).toContain('household is set to the internet connection at your home');
    expect(text(decision)).toContain('Living room TV (tv, Austin, US');
    expect(decision.state.flow).toMatchObject({ flowId: 'household-message', stepId: 'where' });
    expect(choiceIds(decision)).toContain('flow:home-tv');
  });

  it('lists devices and extra members with offers to remove them, changing nothing yet', () => {
    const decision = turn(initialState(), 'what devices are on my account', { triage: triageAs('security.unknown_user') });
    expect(text(decision)).toContain('Pixel phone');
    expect(choiceIds(decision)).toEqual(['remove_device:dev_tv', 'remove_device:dev_phone', 'remove_member:acct_jonas', 'sign_out_all']);
    expect(decision.run).toBeNull();
  });

  it('lists invitations and offers to resend the open one', () => {
    const decision = turn(initialState(), 'my sister never got the invite', { triage: triageAs('extra_member.invite') });
    expect(kinds(decision)).toContain('confirm_action');
    expect(text(decision)).toContain('resends the extra-member invitation to Mia Lopez (mi…@example.com)');
  });
});

describe('small talk', () => {
  it('answers thanks and hello kindly, without counting a failure or taking it as the problem', () => {
    const hello = turn(initialState(), 'hi there', { triage: triageAs('out_of_scope', {}, 0.9) });
    expect(text(hello)).toBe('Hello! What can I help you with?');
    expect(hello.state).toMatchObject({ failures: 0, problem: null });
    const thanks = turn(hello.state, 'ok thanks!', { triage: triageAs('out_of_scope', {}, 0.9) });
    expect(thanks.state.failures).toBe(0);
    expect(text(thanks)).toContain('You’re welcome');
  });
});

describe('when triage is unsure', () => {
  it('asks which of the likely problems is meant, with a button each, and answers the one tapped', () => {
    const unsure: TriageResult = { ...triageAs('membership.cancel', {}, 0.42), alternatives: [{ intent: 'membership.cannot_cancel', confidence: 0.38 }, { intent: 'gift_card', confidence: 0.01 }] };
    const asked = turn(initialState(), 'the membership thing on my account page', { triage: unsure });
    expect(text(asked)).toContain('Which of these is closest?');
    expect(choiceIds(asked)).toEqual(['intent:membership.cancel', 'intent:membership.cannot_cancel', 'handoff']);
    expect(asked.state.failures).toBe(1);
    const answered = turn(asked.state, 'I’m trying to cancel but can’t', { choice: 'intent:membership.cannot_cancel' });
    expect(text(answered)).toContain('not cancelled: it’s active and renews on April 15, 2026');
    expect(answered.state.intent).toBe('membership.cannot_cancel');
    expect(answered.handOff).toBeNull();
  });

  it('still says it did not understand when there are no two likely problems to offer', () => {
    const decision = turn(initialState(), 'hmm', { triage: triageAs('streaming.playback', {}, 0.3) });
    expect(choiceIds(decision)).toEqual(['handoff']);
    expect(decision.state.failures).toBe(1);
  });
});
