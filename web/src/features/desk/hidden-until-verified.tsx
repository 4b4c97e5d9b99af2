import type { ChatMessage } from '../../api/chat.ts';
import type { CaseDetail, CaseFileView } from '../../api/desk.ts';
import { Section } from '../../ui/components.tsx';

/**
 * Before the member reads out their service code the desk shows nothing of
 * the account (docs/desk.md, "Verification"): the server leaves it out of the
 * case, and these say so where it will appear.
 */

export const HIDDEN_MESSAGE = 'Hidden until the member is verified: this message may show account details.';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** "3 findings, 2 checklist answers, what was tried (2 steps) and the charge evidence". */
function waiting(withheld: NonNullable<CaseFileView['withheld']>): string | null {
  const parts = [
    withheld.findings > 0 ? plural(withheld.findings, 'finding', 'findings') : null,
    withheld.checklist_answers > 0 ? plural(withheld.checklist_answers, 'checklist answer', 'checklist answers') : null,
    withheld.tried > 0 ? `what was tried (${plural(withheld.tried, 'step', 'steps')})` : null,
    withheld.evidence ? 'the evidence' : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** In the case file: what the assistant found waits, counted. */
export function VerifyToSee({ withheld }: { withheld: NonNullable<CaseFileView['withheld']> }) {
  const what = waiting(withheld);
  return (
    <div className="alert alert-info desk-hidden" role="note">
      <p className="desk-hidden-title">Verify the member to see the account</p>
      <p>
        Until the member reads you their service code, the desk shows their words and the kind of problem, not their name, email, card, charges or
        devices{what ? `. Waiting for verification: the assistant’s ${what}.` : '.'}
      </p>
    </div>
  );
}

/** Where the account panel will be. */
export function AccountHidden() {
  return (
    <Section title="Account">
      <p className="muted desk-hidden-account">Verify the member to see the account: name, email, card, charges, devices and household.</p>
    </Section>
  );
}

/**
 * The live chat as the agent may see it before verification. The server
 * marks the messages it withholds in the case (`withheld`); a message newer
 * than the case the page last read is hidden too when it is the assistant's
 * or a tap on its buttons, until the case is read again (`onUnknown`).
 */
export function chatForAgent(messages: ChatMessage[], detail: CaseDetail): { messages: ChatMessage[]; unknown: boolean } {
  if (detail.verification.verified) {
    // The server's socket withholds the same messages until verification: what it sent before
    // is replaced by the case's whole copy, and a withheld one the case has not read yet reads it again.
    const whole = new Map(detail.messages.map((message) => [message.seq, message]));
    let stale = false;
    const shown = messages.map((message): ChatMessage => {
      const read = whole.get(message.seq);
      if (read) return { ...message, author: read.author, body: read.body, payload: read.payload };
      if (message.body === HIDDEN_MESSAGE) stale = true;
      return message;
    });
    return { messages: shown, unknown: stale };
  }
  const withheld = new Set(detail.messages.filter((message) => message.withheld).map((message) => message.seq));
  const knownUpTo = detail.messages.reduce((highest, message) => Math.max(highest, message.seq), 0);
  let unknown = false;
  const shown = messages.map((message): ChatMessage => {
    const author = message.author.kind === 'member' || message.author.kind === 'visitor' ? { ...message.author, name: message.author.kind === 'member' ? 'Member' : 'Visitor' } : message.author;
    const fresh = message.seq > knownUpTo;
    if (fresh) unknown = true;
    const mayShowAccount = message.author.kind === 'assistant' || message.payload?.data?.choice !== undefined;
    if (!withheld.has(message.seq) && !(fresh && mayShowAccount)) return { ...message, author };
    return { ...message, author, body: HIDDEN_MESSAGE, payload: message.payload ? { kind: message.payload.kind } : null };
  });
  return { messages: shown, unknown };
}
