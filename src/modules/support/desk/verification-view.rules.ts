import type { ChatMessage, MessagePayload } from '../chat/chat.types.ts';
import type { CaseFile } from './case-file.ts';

/**
 * What the desk shows of a case before the member read out their service
 * code (docs/desk.md, "Verification"). Pure.
 *
 * Before it the agent works from the member's own words and the kind of
 * problem, never from what the account says: the person in the chat is not
 * known to be the member yet, and an agent who reads out an email, a card's
 * last digits, a charge or a device's town to them hands over exactly what a
 * social engineer came for. Everything the assistant derived from the
 * account (its findings, the checklist's answers, what it tried, its
 * evidence, its messages) waits, counted so the agent knows there is more.
 */

/** How much of the case file waits for verification; null once verified. */
export type Withheld = { tried: number; checklist_answers: number; findings: number; evidence: boolean };

export function withheldOf(caseFile: CaseFile): Withheld {
  return {
    tried: caseFile.tried.length,
    checklist_answers: caseFile.checklist.filter((entry) => entry.answer !== null).length,
    findings: caseFile.findings.length,
    evidence: caseFile.evidence !== undefined,
  };
}

export const WITHHELD_MESSAGE = 'Hidden until the member is verified: this message may show account details.';

/**
 * Buttons whose labels never name anything of the account: asking for a
 * person, whether an answer helped, a help-center guide's answers. Every
 * other tap repeats a label the assistant built from the account ("Remove
 * Living room TV", "Yes, refund…").
 */
const PLAIN_CHOICES = new Set(['handoff', 'no_handoff', 'helped', 'not_helped', 'flow_back']);
const PLAIN_CHOICE_PREFIXES = ['flow:', 'guide:', 'flow_confirm:'];

function isPlainTap(payload: MessagePayload | null): boolean {
  const choice = payload?.data?.choice;
  if (choice === undefined) return true;
  if (typeof choice !== 'string') return false;
  return PLAIN_CHOICES.has(choice) || PLAIN_CHOICE_PREFIXES.some((prefix) => choice.startsWith(prefix));
}

/** The assistant's messages that are fixed text or help-center content: the hand-off notice and a guide's steps. */
const PLAIN_ASSISTANT_KINDS = new Set<MessagePayload['kind']>(['handoff', 'flow_step']);

/**
 * Whether a message may be shown whole before verification. The member's
 * typed words are theirs; the agents' and the desk's own messages are
 * written without the account (account actions need verification), but a
 * report of an account action never shows before it.
 */
export function showsBeforeVerification(message: Pick<ChatMessage, 'author' | 'payload'>): boolean {
  switch (message.author.kind) {
    case 'member':
    case 'visitor':
      return isPlainTap(message.payload);
    case 'assistant':
      return message.payload !== null && PLAIN_ASSISTANT_KINDS.has(message.payload.kind);
    case 'agent':
    case 'system':
      return message.payload?.kind !== 'action_done';
  }
}

/** The member's name is an account fact too: before verification the desk calls them by their role. */
const ROLE_NAMES = { member: 'Member', visitor: 'Visitor' } as const;

export function messageBeforeVerification(message: ChatMessage): ChatMessage & { withheld: boolean } {
  const author = message.author.kind === 'member' || message.author.kind === 'visitor' ? { ...message.author, name: ROLE_NAMES[message.author.kind] } : message.author;
  if (showsBeforeVerification(message)) return { ...message, author, withheld: false };
  // The kind stays (a charge explanation was given), its content does not: no choices, no data.
  return { ...message, author, body: WITHHELD_MESSAGE, payload: message.payload === null ? null : { kind: message.payload.kind }, withheld: true };
}
