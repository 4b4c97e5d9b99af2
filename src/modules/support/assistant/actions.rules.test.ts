import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../../triage/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { concludeAction } from './action-results.rules.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState, type AssistantState, type TurnDecision } from './assistant.types.ts';
import { extraMemberSnapshot, fakeExplainer, inputOf, membershipView, snapshotOf, toolsWith, triageAs } from './testing/assistant-fixtures.ts';

const text = (decision: TurnDecision) => decision.replies.map((reply) => reply.body).join('\n');
const choiceIds = (decision: TurnDecision) => decision.replies.flatMap((reply) => reply.payload.choices ?? []).map((choice) => choice.id);
/** The id of a proposal's "yes" or "no" button, as the member would tap it. */
const button = (decision: TurnDecision, answer: 'confirm' | 'decline') => choiceIds(decision).find((id) => id.startsWith(`${answer}:`)) ?? 'none';

function turn(state: AssistantState, message: string, options: { triage?: TriageResult | null; snapshot?: AccountSnapshot | null; choice?: string } = {}) {
  const snapshot = options.snapshot === undefined ? snapshotOf() : options.snapshot;
  return decideTurn(state, inputOf(message, options.choice ?? null), { snapshot, triage: options.triage ?? null, tools: toolsWith(fakeExplainer()) });
}

describe('confirm before acting', () => {
  it('proposes a cancellation with the final service date and runs it only on confirm, keyed by conversation and message', () => {
    const proposal = turn(initialState(), 'I want to cancel my membership', { triage: triageAs('membership.cancel') });
    expect(proposal.run).toBeNull();
    const seq = proposal.state.lastSeq;
    expect(proposal.replies[0]?.payload).toMatchObject({ kind: 'confirm_action', choices: [{ id: `confirm:${seq}`, label: 'Yes, cancel it' }, { id: `decline:${seq}` }], data: { action: { kind: 'cancel_membership', membershipId: 'mem_ben', finalServiceDate: '2026-04-15' } } });
    expect(proposal.state.pending?.proposedAt).toBe(seq);
    expect(text(proposal)).toContain('you can keep watching until April 15, 2026');
    const confirmed = turn(proposal.state, 'Yes, cancel it', { choice: `confirm:${seq}` });
    expect(confirmed.run?.action.kind).toBe('cancel_membership');
    expect(confirmed.run?.idempotencyKey).toBe(`assistant:conv_1:${proposal.state.lastSeq}:cancel_membership`);
    expect(confirmed.state.pending).toBeNull();
  });

  it('never runs on decline, and a second confirm finds nothing open', () => {
    const proposal = turn(initialState(), 'please sign me out of all devices', { triage: triageAs('security.unknown_user') });
    const declined = turn(proposal.state, 'No, leave it', { choice: button(proposal, 'decline') });
    expect(declined.run).toBeNull();
    expect(text(declined)).toContain('haven’t changed anything');
    const late = turn(declined.state, 'Yes', { choice: button(proposal, 'confirm') });
    expect(late.run).toBeNull();
    expect(text(late)).toContain('no longer open');
  });

  it('takes a typed "yes" as the confirmation, and anything else as dropping the proposal', () => {
    const proposal = turn(initialState(), 'sign out all devices', { triage: triageAs('security.unknown_user') });
    expect(turn(proposal.state, 'yes please').run?.action).toEqual({ kind: 'sign_out_everywhere', accountId: 'acct_ben' });
    const moved = turn(proposal.state, 'actually, why was I charged?', { triage: triageAs('billing.unexpected_charge') });
    expect(moved.run).toBeNull();
    expect(moved.state.pending).toBeNull();
    expect(text(moved)).toContain('nothing was changed');
    expect(moved.replies.some((reply) => reply.payload.kind === 'charge_explanation')).toBe(true);
  });

  it('removes a device named in the message, after confirmation', () => {
    const proposal = turn(initialState(), 'remove the Living room TV please', { triage: triageAs('streaming.app_error', {}, 0.56) });
    expect(proposal.state.pending?.action).toEqual({ kind: 'remove_device', accountId: 'acct_ben', deviceId: 'dev_tv', deviceName: 'Living room TV' });
    expect(turn(proposal.state, '', { choice: button(proposal, 'confirm') }).run?.action.kind).toBe('remove_device');
  });

  it('asks which device when none is named', () => {
    const decision = turn(initialState(), 'remove a device', { triage: triageAs('security.unknown_user') });
    expect(choiceIds(decision)).toEqual(['remove_device:dev_tv', 'remove_device:dev_phone']);
    const picked = turn(decision.state, 'Pixel phone', { choice: 'remove_device:dev_phone' });
    expect(picked.state.pending?.action).toMatchObject({ kind: 'remove_device', deviceId: 'dev_phone' });
  });

  it('removes an extra member named by first name, after confirmation', () => {
    const proposal = turn(initialState(), 'please remove Jonas from my account', { triage: triageAs('security.unknown_user') });
    expect(proposal.state.pending?.action).toEqual({ kind: 'remove_extra_member', ownerAccountId: 'acct_ben', memberAccountId: 'acct_jonas', memberName: 'Jonas Weber' });
    expect(text(proposal)).toContain('access ends when your current paid period does (April 15, 2026)');
  });

  it('says the resend is the extra-member invitation', () => {
    const proposal = turn(initialState(), 'can you resend the invitation?', { triage: triageAs('extra_member.invite') });
    expect(proposal.state.pending?.action).toMatchObject({ kind: 'resend_invitation', invitationId: 'inv_mia' });
    expect(text(proposal)).toContain('extra-member invitation');
  });

  it('pauses for the months in the message, offers 1 to 3 months otherwise, and refuses more than billing allows', () => {
    const two = turn(initialState(), 'please pause my membership for 2 months', { triage: triageAs('membership.pause') });
    expect(two.state.pending?.action).toEqual({ kind: 'pause_membership', membershipId: 'mem_ben', months: 2, startsOn: '2026-04-15' });
    const open = turn(initialState(), 'I want to pause', { triage: triageAs('membership.pause') });
    expect(choiceIds(open)).toEqual(['pause:1', 'pause:2', 'pause:3']);
    expect(open.state.pending).toBeNull();
    expect(turn(open.state, '3 months', { choice: 'pause:3' }).state.pending?.action).toMatchObject({ months: 3 });
    const long = turn(initialState(), 'pause for 6 months please', { triage: triageAs('membership.pause') });
    expect(text(long)).toContain('A pause can last 1 to 3 months');
    expect(long.state.pending).toBeNull();
  });

  it('tells an extra member they cannot cancel or pause the owner’s membership', () => {
    for (const [message, intent] of [['I want to cancel my membership', 'membership.cancel'], ['pause my membership for a month', 'membership.pause']] as const) {
      const decision = turn(initialState(), message, { triage: triageAs(intent), snapshot: extraMemberSnapshot() });
      expect(text(decision)).toContain('only the account owner can');
      expect(decision.state.pending).toBeNull();
    }
  });

  it('does not propose a second cancellation when one is pending', () => {
    const snapshot = snapshotOf({ membership: membershipView({ state: { status: 'canceled_pending', plan: 'standard', anchor: '2026-01-15', next_billing_date: null, access_until: '2026-04-15', extra_members: 0 } }) });
    const decision = turn(initialState(), 'cancel my membership please', { triage: triageAs('membership.cancel'), snapshot });
    expect(text(decision)).toContain('already cancelled. You can keep watching until April 15, 2026');
    expect(decision.state.pending).toBeNull();
  });
});

describe('a button answers only the proposal it was shown with', () => {
  function twoProposals() {
    const signOut = turn(initialState(), 'sign out all devices', { triage: triageAs('security.unknown_user') });
    const cancel = turn(signOut.state, 'I want to cancel my membership', { triage: triageAs('membership.cancel') });
    return { signOut, cancel };
  }

  it('runs nothing on an older proposal’s "yes", keeps the open one, and does not count a failure', () => {
    const { signOut, cancel } = twoProposals();
    expect(text(cancel)).toContain('nothing was changed (sign out all devices)');
    expect(button(signOut, 'confirm')).not.toBe(button(cancel, 'confirm'));
    const stale = turn(cancel.state, 'Yes, sign out everywhere', { choice: button(signOut, 'confirm') });
    expect(stale.run).toBeNull();
    expect(text(stale)).toContain('That request is no longer open, so nothing was changed.');
    expect(text(stale)).toContain('shall I cancel the membership?');
    expect(stale.state.pending).toEqual(cancel.state.pending);
    expect(stale.state.failures).toBe(0);
    expect(stale.handOff).toBeNull();
    // The open proposal's buttons come again, so it can be answered from the newest message.
    expect(choiceIds(stale)).toEqual([button(cancel, 'confirm'), button(cancel, 'decline')]);
    const right = turn(stale.state, 'Yes, cancel it', { choice: button(cancel, 'confirm') });
    expect(right.run).toEqual({ action: { kind: 'cancel_membership', membershipId: 'mem_ben', finalServiceDate: '2026-04-15' }, idempotencyKey: `assistant:conv_1:${cancel.state.lastSeq}:cancel_membership` });
  });

  it('keeps the open proposal on an older proposal’s "no" too', () => {
    const { signOut, cancel } = twoProposals();
    const stale = turn(cancel.state, 'No, leave it', { choice: button(signOut, 'decline') });
    expect(stale.run).toBeNull();
    expect(stale.state.pending?.action.kind).toBe('cancel_membership');
    expect(text(stale)).not.toContain('haven’t changed anything');
  });

  it('answers nothing for a bare "confirm" or a proposal that never existed', () => {
    const { cancel } = twoProposals();
    for (const choice of ['confirm', 'decline', 'confirm:0', 'confirm:soon', `confirm:${cancel.state.lastSeq + 1}`]) {
      const decision = turn(cancel.state, 'Yes', { choice });
      expect(decision.run).toBeNull();
      expect(decision.state.pending).toEqual(cancel.state.pending);
      expect(text(decision)).toContain('no longer open');
    }
  });

  it('takes a typed plain "yes" as the answer to the latest proposal', () => {
    const { cancel } = twoProposals();
    expect(turn(cancel.state, 'yes').run?.action.kind).toBe('cancel_membership');
    expect(turn(cancel.state, 'no').state.pending).toBeNull();
  });
});

describe('after an action', () => {
  const run = { action: { kind: 'sign_out_everywhere', accountId: 'acct_ben' } as const, idempotencyKey: 'k' };
  const tools = toolsWith();

  it('reports what was done and records it as tried', () => {
    const decision = concludeAction({ state: initialState(), run, outcome: { ok: true, signedOut: 3 }, snapshot: snapshotOf(), tools });
    expect(decision.replies[0]).toMatchObject({ payload: { kind: 'action_done' } });
    expect(decision.replies[0]?.body).toContain('every device is signed out (3 sign-in sessions ended)');
    expect(decision.state.tried).toContain('Done: sign out all devices');
  });

  it('counts a refusal as a failure and hands off on the second one', () => {
    const once = concludeAction({ state: initialState(), run, outcome: { ok: false, message: 'Not now.' }, snapshot: snapshotOf(), tools });
    expect(once.replies[0]?.body).toBe('I couldn’t sign out all devices: Not now.');
    expect(once.handOff).toBeNull();
    const twice = concludeAction({ state: once.state, run, outcome: { ok: false, message: null }, snapshot: snapshotOf(), tools });
    expect(twice.handOff?.caseFile.reason).toBe('assistant_failed_twice');
  });
});
