import type { Intent } from '../../triage/index.ts';
import type { CaseFile, HandOffReason, Queue } from '../desk/case-file.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import type { AssistantState, AssistantTools, Reply } from './assistant.types.ts';

/**
 * Which queue a problem goes to, the case file an agent reads first, and
 * the message telling the member where they stand. Pure.
 */

/** Two answers that did not help (or two failed actions) bring in a person. */
export const FAILURES_BEFORE_HANDOFF = 2;

const TEAM: Record<Queue, string> = { billing: 'billing team', security: 'security team', technical: 'technical team', general: 'support team' };

/** Money and the membership's life go to billing; takeovers and scams to security; devices, playback and the household to technical. */
export function queueForIntent(intent: string | null): Queue {
  if (intent === null) return 'general';
  if (intent.startsWith('billing.') || intent.startsWith('membership.') || intent === 'extra_member.billing' || intent === 'gift_card') return 'billing';
  if (intent.startsWith('security.') || intent === 'safety.phishing') return 'security';
  if (intent.startsWith('streaming.') || intent.startsWith('household.') || intent === 'extra_member.invite' || intent === 'content.report_problem') return 'technical';
  return 'general';
}

function chargeAnswer(state: AssistantState, snapshot: AccountSnapshot | null): string | null {
  const { amount, date } = state.entities;
  if (amount === undefined && date === undefined) return null;
  const parts = [amount, date === undefined ? undefined : `on ${date}`].filter((part) => part !== undefined);
  const currency = snapshot?.membership?.currency;
  return `${parts.join(' ')}${currency ? ` (account currency ${currency})` : ''}`;
}

/** The checklist item's answer from what the account and the member's words already say; null when unknown. */
function answerFor(item: string, state: AssistantState, snapshot: AccountSnapshot | null): string | null {
  const membership = snapshot?.membership ?? null;
  switch (item) {
    case 'account_login':
      return snapshot?.account.email ?? null;
    case 'owner_name':
      return snapshot?.account.role === 'owner' ? snapshot.account.name : null;
    case 'plan':
      return membership?.state.plan ?? null;
    case 'charge':
      return chargeAnswer(state, snapshot);
    case 'card_last4':
      if (membership?.payment_method) return `${membership.payment_method.brand} ending ${membership.payment_method.last4}`;
      return state.entities.card_last4 ? `ending ${state.entities.card_last4}` : null;
    case 'billing_partner':
      if (membership) return membership.billed_by.kind === 'partner' ? membership.billed_by.partner : 'Billed directly by Reelhouse';
      return state.entities.billing_partner ?? null;
    case 'error_code':
      return state.entities.error_code ?? null;
    case 'device':
      return state.entities.device ?? null;
    case 'when_started':
      return state.entities.date ?? null;
    case 'unknown_devices': {
      const flagged = snapshot?.security.signals.filter((signal) => signal.kind === 'unfamiliar_device' || signal.kind === 'unknown_profile') ?? [];
      return flagged.length > 0 ? flagged.map((signal) => signal.summary).join(' ') : null;
    }
    default:
      return null;
  }
}

export function buildCaseFile(options: {
  state: AssistantState;
  reason: HandOffReason;
  snapshot: AccountSnapshot | null;
  tools: Pick<AssistantTools, 'help'>;
}): CaseFile {
  const { state, reason, snapshot } = options;
  const intent: Intent = state.intent ?? 'contact.agent';
  const checklist = options.tools.help(intent).checklist.map((item) => ({ item: item.text, answer: answerFor(item.id, state, snapshot) }));
  return {
    intent,
    confidence: state.confidence,
    reason,
    problem: state.problem ?? '',
    tried: [...state.tried],
    checklist,
    snapshot,
    findings: [...state.findings],
    ...(state.evidence ? { evidence: state.evidence } : {}),
  };
}

const OPENINGS: Record<HandOffReason, string> = {
  member_asked: 'Of course. I’m bringing in a person from our {team}.',
  assistant_failed_twice: 'I’m sorry I couldn’t sort this out. I’m bringing in a person from our {team}.',
  takeover: 'Because someone else may have access to your account, I’m bringing in our {team} right away.',
  unexplained_charge: 'I can’t explain this charge from your account’s history, so I’m passing it to our {team} straight away.',
  needs_agent: 'This needs a person, so I’m passing it to our {team}.',
};

/** The assistant's last words before a hand-off (posted before the desk answers). */
export function handOffOpening(reason: HandOffReason, queue: Queue): Reply {
  return { body: OPENINGS[reason].replace('{team}', TEAM[queue]), payload: { kind: 'text' } };
}

/** Posted after the desk accepted the case: which team, no need to repeat, the place in the queue. */
export function handOffReply(result: { caseId: string; queue: Queue; position: number }, reason: HandOffReason): Reply {
  const place = result.position === 0 ? 'Someone from the team already has your conversation.' : result.position === 1 ? 'You’re next in the queue.' : `You’re number ${result.position} in the queue.`;
  return {
    body: `Your conversation is now with our ${TEAM[result.queue]}. The agent will see everything we’ve said here and what I found on your account, so you won’t need to repeat yourself. ${place}`,
    payload: { kind: 'handoff', data: { caseId: result.caseId, queue: result.queue, position: result.position, reason } },
  };
}

export function teamName(queue: Queue): string {
  return TEAM[queue];
}
