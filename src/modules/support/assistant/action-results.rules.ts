import type { MembershipView } from '../../billing/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { say } from './account-topics.rules.ts';
import { longDate } from './charges/charge-dates.ts';
import type { ActionToRun, AssistantAction, AssistantState, AssistantTools, Reply, TurnDecision } from './assistant.types.ts';
import { buildCaseFile, FAILURES_BEFORE_HANDOFF, handOffOpening, queueForIntent } from './handoff.rules.ts';

/** What a confirmed action did, told to the member; a failure counts toward the hand-off. Pure. */

/** The outcome of running an action, as the service reports it (port results, or the refusal's safe message). */
export type ActionOutcome =
  | { ok: true; membership?: MembershipView; signedOut?: number; accessUntil?: string }
  | { ok: false; message: string | null };

/** A short description for "tried" and for notices: "cancel the membership". */
export function describeAction(action: AssistantAction): string {
  switch (action.kind) {
    case 'cancel_membership': return 'cancel the membership';
    case 'pause_membership': return `pause the membership for ${action.months} month(s)`;
    case 'sign_out_everywhere': return 'sign out all devices';
    case 'remove_device': return `remove the device “${action.deviceName}”`;
    case 'remove_extra_member': return `remove the extra member ${action.memberName}`;
    case 'resend_invitation': return `resend the extra-member invitation to ${action.name}`;
  }
}

function doneText(action: AssistantAction, outcome: Extract<ActionOutcome, { ok: true }>): string {
  switch (action.kind) {
    case 'cancel_membership': {
      const until = outcome.membership?.state.access_until ?? action.finalServiceDate;
      return `Done: your membership is cancelled.${until ? ` You can keep watching until ${longDate(until)}.` : ''} There are no further charges, and you can restart any time from your account page.`;
    }
    case 'pause_membership': {
      const pause = outcome.membership?.pause;
      return pause
        ? `Done: your membership pauses on ${longDate(pause.starts)}${pause.resumes ? ` and restarts by itself on ${longDate(pause.resumes)}` : ''}. You won’t be charged while it’s paused.`
        : `Done: your membership is set to pause for ${action.months} month(s).`;
    }
    case 'sign_out_everywhere': {
      const count = outcome.signedOut ?? 0;
      return `Done: every device is signed out (${count === 1 ? '1 sign-in session' : `${count} sign-in sessions`} ended). Sign in again on the devices you use; if you think someone else knew your password, change it from your account page now.`;
    }
    case 'remove_device':
      return `Done: “${action.deviceName}” is removed from your account and signed out.`;
    case 'remove_extra_member':
      return `Done: ${action.memberName} is no longer an extra member on your account.${outcome.accessUntil ? ` Their access ends on ${longDate(outcome.accessUntil)}.` : ''}`;
    case 'resend_invitation':
      return `Done: I’ve resent the extra-member invitation to ${action.name} (${action.maskedEmail}), with a fresh link. They verify their email and join from it.`;
  }
}

/** After the service ran (or failed to run) a confirmed action: the reply, the record of it, and a hand-off on the second failure. */
export function concludeAction(options: {
  state: AssistantState;
  run: ActionToRun;
  outcome: ActionOutcome;
  snapshot: AccountSnapshot | null;
  tools: Pick<AssistantTools, 'help'>;
}): TurnDecision {
  const { run, outcome } = options;
  const what = describeAction(run.action);
  if (outcome.ok) {
    const body = doneText(run.action, outcome);
    const reply: Reply = { body, payload: { kind: 'action_done', data: { action: run.action, idempotencyKey: run.idempotencyKey } } };
    const state = { ...options.state, tried: [...options.state.tried, `Done: ${what}`], findings: [...options.state.findings, body] };
    return { state, replies: [reply], run: null, handOff: null };
  }
  const failures = options.state.failures + 1;
  const state = { ...options.state, failures, tried: [...options.state.tried, `Tried to ${what}, which did not go through${outcome.message ? `: ${outcome.message}` : ''}`] };
  const replies: Reply[] = [say(outcome.message
    ? `I couldn’t ${what}: ${outcome.message}`
    : `Something went wrong on our side and I couldn’t ${what}. Nothing was changed.`)];
  if (failures < FAILURES_BEFORE_HANDOFF) return { state, replies, run: null, handOff: null };
  const queue = queueForIntent(state.intent);
  replies.push(handOffOpening('assistant_failed_twice', queue));
  const caseFile = buildCaseFile({ state, reason: 'assistant_failed_twice', snapshot: options.snapshot, tools: options.tools });
  return { state: { ...state, offer: null, flow: null }, replies, run: null, handOff: { queue, caseFile } };
}
