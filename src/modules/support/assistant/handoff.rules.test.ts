import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../../triage/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState, type AssistantState, type TurnDecision } from './assistant.types.ts';
import { queueForIntent } from './handoff.rules.ts';
import { fakeExplainer, inputOf, snapshotOf, toolsWith, triageAs } from './testing/assistant-fixtures.ts';

const text = (decision: TurnDecision) => decision.replies.map((reply) => reply.body).join('\n');
const choiceIds = (decision: TurnDecision) => decision.replies.flatMap((reply) => reply.payload.choices ?? []).map((choice) => choice.id);

function turn(state: AssistantState, message: string, options: { triage?: TriageResult | null; snapshot?: AccountSnapshot | null; choice?: string; explain?: ReturnType<typeof fakeExplainer> } = {}) {
  const snapshot = options.snapshot === undefined ? snapshotOf() : options.snapshot;
  return decideTurn(state, inputOf(message, options.choice ?? null), { snapshot, triage: options.triage ?? null, tools: toolsWith(options.explain ?? fakeExplainer()) });
}

const danger = snapshotOf({
  security: {
    signals: [{ kind: 'email_changed_unconfirmed', at: '2026-03-19T10:00:00.000Z', summary: 'Your email was changed to an address that has not been confirmed.', severity: 'danger' }],
    steps: ['Sign out of all devices and choose a new password you use nowhere else.'],
  },
});

describe('a takeover', () => {
  it('offers to sign out everywhere (confirmed first) and hands off to security in the same turn', () => {
    const decision = turn(initialState(), 'someone changed my email and I can’t log in', { triage: triageAs('security.account_takeover') });
    expect(decision.replies.map((reply) => reply.payload.kind)).toEqual(['notice', 'confirm_action', 'text']);
    expect(decision.run).toBeNull();
    expect(decision.state.pending?.action.kind).toBe('sign_out_everywhere');
    expect(decision.handOff).toMatchObject({ queue: 'security', caseFile: { reason: 'takeover', intent: 'security.account_takeover' } });
  });

  it('mentions danger signals of the security review once, briefly, and still answers what the member asked (issue 10)', () => {
    const first = turn(initialState(), 'videos keep buffering', { triage: triageAs('streaming.playback'), snapshot: danger });
    expect(first.replies[0]).toMatchObject({ payload: { kind: 'notice', choices: [{ id: 'secure_account' }] } });
    expect(text(first)).toContain('Your email was changed to an address that has not been confirmed.');
    expect(text(first)).not.toContain('lock your account down');
    expect(first.replies.length).toBeGreaterThan(1);
    expect(first.handOff).toBeNull();
    expect(first.state.findings[0]).toContain('Security review (danger)');
    const second = turn(first.state, 'who bills me', { triage: triageAs('billing.third_party'), snapshot: danger });
    expect(text(second)).not.toContain('Your email was changed');
    expect(text(second)).toContain('Reelhouse bills you directly');
  });

  it('locks the account down and brings in security when the member taps "Secure my account", or says someone else is in it', () => {
    const first = turn(initialState(), 'videos keep buffering', { triage: triageAs('streaming.playback'), snapshot: danger });
    const secured = turn(first.state, 'Secure my account', { choice: 'secure_account', snapshot: danger });
    expect(secured.handOff?.caseFile.reason).toBe('takeover');
    expect(secured.state.pending?.action.kind).toBe('sign_out_everywhere');
    // Asking which devices are on the account lists them with remove buttons (the review's findings included), without a hand-off.
    const which = turn(initialState(), 'which devices are on my account', { triage: triageAs('security.unknown_user'), snapshot: danger });
    expect(which.handOff).toBeNull();
    expect(text(which)).toContain('Your email was changed');
    expect(turn(initialState(), 'I don’t recognise these devices, someone is using my account', { triage: triageAs('security.unknown_user'), snapshot: danger }).handOff?.caseFile.reason).toBe('takeover');
    expect(turn(initialState(), 'someone changed my email', { triage: triageAs('billing.unexpected_charge'), snapshot: danger }).handOff?.caseFile.reason).toBe('takeover');
    // Words between "someone" and what they do ("someone I do not know is using…") still report a stranger.
    expect(turn(initialState(), 'Someone I do not know is using my account from another country', { triage: triageAs('security.unknown_user'), snapshot: danger }).handOff?.caseFile.reason).toBe('takeover');
    expect(turn(initialState(), 'my account was hacked', { triage: triageAs('security.account_takeover'), snapshot: danger }).handOff?.caseFile.reason).toBe('takeover');
  });

  it('still answers its own confirmation after the hand-off, and nothing else', () => {
    const first = turn(initialState(), 'I think I was hacked', { triage: triageAs('security.account_takeover') });
    const handedOff = { ...first.state, handedOff: { caseId: 'case_1', queue: 'security' as const } };
    expect(turn(handedOff, 'hello?', { triage: triageAs('out_of_scope') }).replies).toEqual([]);
    expect(turn(handedOff, '', { choice: `confirm:${first.state.lastSeq}` }).run?.action.kind).toBe('sign_out_everywhere');
    expect(turn(handedOff, '', { choice: `decline:${first.state.lastSeq}` }).state.pending).toBeNull();
    // Another proposal's button (or a bare one) is not the assistant's to answer once a person has the chat.
    for (const choice of ['confirm', `confirm:${first.state.lastSeq - 1}`]) {
      const stale = turn(handedOff, '', { choice });
      expect(stale.run).toBeNull();
      expect(stale.replies).toEqual([]);
      expect(stale.state.pending).toEqual(first.state.pending);
    }
  });
});

describe('guided flows in the chat', () => {
  it('walks the TV guide step by step and ends quietly when solved', () => {
    const start = turn(initialState(), 'videos keep buffering on my TV', { triage: triageAs('streaming.playback', { device: 'tv' }) });
    expect(start.state.flow).toMatchObject({ flowId: 'smart-tv', stepId: 'power-cycle' });
    expect(start.replies.at(-1)?.payload).toMatchObject({ kind: 'flow_step', choices: [{ id: 'flow:fixed' }, { id: 'flow:still' }] });
    const next = turn(start.state, 'Still not working', { choice: 'flow:still' });
    expect(next.state.flow?.stepId).toBe('restart-network');
    const solved = turn(next.state, 'That fixed it', { choice: 'flow:fixed' });
    expect(solved.state.flow).toBeNull();
    expect(solved.handOff).toBeNull();
    expect(solved.state.tried.at(-1)).toContain('solved');
  });

  it('asks for an explicit "I understand" on a warned step before moving on', () => {
    let state = turn(initialState(), 'the app on my TV shows an error', { triage: triageAs('streaming.app_error', { device: 'tv' }) }).state;
    for (const option of ['flow:still', 'flow:still', 'flow:still']) state = turn(state, option, { choice: option }).state;
    expect(state.flow?.stepId).toBe('reinstall');
    const warned = turn(state, 'Still not working', { choice: 'flow:still' });
    expect(warned.state.flow?.stepId).toBe('reinstall');
    expect(choiceIds(warned)).toEqual(['flow_confirm:still', 'flow_back']);
    const confirmed = turn(warned.state, 'I understand', { choice: 'flow_confirm:still' });
    expect(confirmed.state.flow?.stepId).toBe('other-device');
  });

  it('hands off to the technical team when a guide ends unresolved', () => {
    let state = turn(initialState(), 'buffering on the TV', { triage: triageAs('streaming.playback', { device: 'tv' }) }).state;
    for (const option of ['flow:still', 'flow:still', 'flow:still', 'flow:skip', 'flow:yes']) state = turn(state, option, { choice: option }).state;
    const ended = turn(state, 'It is still supported', { choice: 'flow:supported' });
    expect(ended.handOff?.queue).toBe('technical');
    expect(ended.handOff?.caseFile.reason).toBe('needs_agent');
    expect(ended.handOff?.caseFile.tried.join(' ')).toMatch(/Walked through the guide “.+”.*: not solved/);
  });

  it('lets the member pick a guide when several fit', () => {
    const decision = turn(initialState(), 'videos keep buffering', { triage: triageAs('streaming.playback') });
    expect(choiceIds(decision)).toEqual(expect.arrayContaining(['guide:general-streaming', 'guide:mobile-app']));
    expect(turn(decision.state, 'General', { choice: 'guide:general-streaming' }).state.flow?.flowId).toBe('general-streaming');
  });

  it('accepts a typed option label', () => {
    const start = turn(initialState(), 'buffering on my TV', { triage: triageAs('streaming.playback', { device: 'tv' }) });
    expect(turn(start.state, 'that fixed it').state.flow).toBeNull();
  });
});

describe('hand-off', () => {
  it('goes to the problem’s queue when the member asks for a person, with the checklist answered from the account', () => {
    const charges = turn(initialState(), 'I was charged $15.49 on March 15', { triage: triageAs('billing.unexpected_charge', { amount: '$15.49', date: 'March 15' }) });
    const person = turn(charges.state, 'I want to talk to a human', { triage: triageAs('contact.agent') });
    expect(person.handOff?.queue).toBe('billing');
    const caseFile = person.handOff?.caseFile;
    expect(caseFile).toMatchObject({ reason: 'member_asked', intent: 'billing.unexpected_charge', problem: 'I was charged $15.49 on March 15' });
    expect(caseFile?.tried[0]).toContain('Explained the charges');
    expect(caseFile?.snapshot?.account.id).toBe('acct_ben');
    expect(caseFile?.checklist).toEqual(expect.arrayContaining([
      { item: expect.stringContaining('email address'), answer: 'ben@demo.reelhouse.example' },
      { item: expect.stringContaining('date and amount'), answer: '$15.49 on March 15 (account currency USD)' },
      { item: expect.stringContaining('Who bills you'), answer: 'Billed directly by Reelhouse' },
      { item: expect.stringContaining('Screenshots'), answer: null },
    ]));
    expect(caseFile?.evidence).toMatchObject({ explained: true });
  });

  it('hands off after two failures: not understood, then not helped', () => {
    const first = turn(initialState(), 'asdf qwerty', { triage: triageAs('out_of_scope', {}, 0.9) });
    expect(first.handOff).toBeNull();
    expect(first.state.failures).toBe(1);
    const second = turn(first.state, 'hmm', { triage: triageAs('streaming.playback', {}, 0.3) });
    expect(second.handOff).toMatchObject({ queue: 'general', caseFile: { reason: 'assistant_failed_twice' } });
  });

  it('counts "that did not help" after an answer', () => {
    const answered = turn(initialState(), 'I was charged', { triage: triageAs('billing.unexpected_charge') });
    const once = turn(answered.state, 'It doesn’t help', { choice: 'not_helped' });
    expect(once.state.failures).toBe(1);
    const twice = turn(once.state, 'no that didn’t help', { triage: triageAs('billing.price_increase', {}, 0.62) });
    expect(twice.handOff).toMatchObject({ queue: 'billing', caseFile: { reason: 'assistant_failed_twice' } });
  });

  it('answers a message once even if it is delivered twice', () => {
    const first = turn(initialState(), 'asdf', { triage: triageAs('out_of_scope') });
    const again = decideTurn(first.state, { conversationId: 'conv_1', seq: first.state.lastSeq, text: 'asdf', choice: null, today: '2026-03-20' }, { snapshot: snapshotOf(), triage: triageAs('out_of_scope'), tools: toolsWith() });
    expect(again.replies).toEqual([]);
    expect(again.state.failures).toBe(1);
  });

  it('routes intents to queues by family', () => {
    expect(queueForIntent('billing.refund')).toBe('billing');
    expect(queueForIntent('membership.cancel')).toBe('billing');
    expect(queueForIntent('security.account_takeover')).toBe('security');
    expect(queueForIntent('streaming.app_error')).toBe('technical');
    expect(queueForIntent('household.not_in_household')).toBe('technical');
    expect(queueForIntent('info.company')).toBe('general');
    expect(queueForIntent(null)).toBe('general');
  });
});

describe('visitors', () => {
  it('hand account questions to a person without reading an account', () => {
    const explain = fakeExplainer();
    const decision = turn(initialState(), 'why was I charged twice', { triage: triageAs('billing.multiple_charges'), snapshot: null, explain });
    expect(explain.calls).toEqual([]);
    expect(decision.handOff).toMatchObject({ queue: 'billing', caseFile: { reason: 'needs_agent', snapshot: null } });
  });

  it('walk guides with visitors, and send a takeover to security at once', () => {
    expect(turn(initialState(), 'buffering on my TV', { triage: triageAs('streaming.playback', { device: 'tv' }), snapshot: null }).state.flow?.flowId).toBe('smart-tv');
    expect(turn(initialState(), 'I was hacked', { triage: triageAs('security.account_takeover'), snapshot: null }).handOff).toMatchObject({ queue: 'security', caseFile: { reason: 'takeover' } });
  });
});
