import type { Intent } from '../../triage/index.ts';
import { maskEmail } from '../account/account-snapshot.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { proposeAction } from './actions.rules.ts';
import { FEEDBACK_CHOICES, HANDOFF_CHOICES, say, type TopicOutcome } from './account-topics.rules.ts';
import type { AssistantTools, TurnInput } from './assistant.types.ts';

/**
 * A takeover (lock things down and bring in security at once) and the
 * general answers that need no account: signing in, scams, gift cards, the
 * company. Pure.
 */

export function dangerSignals(snapshot: AccountSnapshot | null): AccountSnapshot['security']['signals'] {
  return snapshot?.security.signals.filter((signal) => signal.severity === 'danger') ?? [];
}

/** Offers to sign out everywhere (confirmed first) and hands off to security in the same turn. */
export function takeoverTopic(snapshot: AccountSnapshot | null, input: TurnInput): TopicOutcome {
  if (!snapshot) {
    return {
      replies: [say('I’m sorry, that’s worrying. If an email told you your email, phone or password changed, its undo link puts back the old one and signs everyone out.')],
      tried: ['Pointed to the undo link of the change email'],
      handOff: { queue: 'security', reason: 'takeover' },
    };
  }
  const flagged = snapshot.security.signals.filter((signal) => signal.severity !== 'info');
  const lines = ['I’m sorry, that’s worrying. Let’s lock your account down.'];
  if (flagged.length > 0) lines.push(`Here’s what your account’s security review shows:\n${flagged.map((signal) => `• ${signal.summary}`).join('\n')}`);
  if (snapshot.security.steps.length > 0) lines.push(`What helps right now:\n${snapshot.security.steps.map((step) => `• ${step}`).join('\n')}`);
  const proposal = proposeAction({ kind: 'sign_out_all' }, snapshot, input);
  return {
    replies: [{ body: lines.join('\n\n'), payload: { kind: 'notice', data: { signals: flagged } } }, ...proposal.replies],
    pending: proposal.pending,
    tried: ['Showed the security review', 'Offered to sign out all devices'],
    findings: flagged.length > 0 ? flagged.map((signal) => `Security review (${signal.severity}): ${signal.summary}`) : ['The member reports a takeover; the security review shows no warning signs.'],
    handOff: { queue: 'security', reason: 'takeover' },
  };
}

function helpLink(tools: Pick<AssistantTools, 'help'>, intent: Intent): string {
  const search = tools.help(intent).search;
  return search ? ` The Help Center has more on this: /help/search?q=${encodeURIComponent(search)}` : '';
}

/** Answers that need no account. Always ends with "did that help?", so a "no" counts toward a hand-off. */
export function infoTopic(intent: Intent, snapshot: AccountSnapshot | null, tools: Pick<AssistantTools, 'help'>): TopicOutcome {
  const feedback = (body: string, tried: string): TopicOutcome => ({ replies: [say(body, FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: [tried] });
  switch (intent) {
    case 'login.forgot_password':
      return feedback(
        `${snapshot ? 'You’re signed in here, so you can change your password from your account page. ' : ''}On a device where you can’t sign in, use “Forgot password?” on its sign-in screen: we email you a link to set a new one.`,
        'Explained how to reset the password',
      );
    case 'login.forgot_email':
      return snapshot
        ? feedback(`This account signs in with ${maskEmail(snapshot.account.email)}.`, 'Told the member which email the account uses (masked)')
        : feedback('“Find my account” on the sign-in page looks it up with the card holder’s name and the card’s last four digits, and sends the login to the account’s own email.', 'Pointed to Find my account');
    case 'safety.phishing':
      return {
        replies: [say(
          'Reelhouse never asks for your password, a one-time code or your full card number, by email, text, phone or chat. Don’t open links in that message or reply to it. If you already typed details somewhere, change your password from your account page and tell your bank. Would you like our security team to look at it?',
          HANDOFF_CHOICES,
        )],
        offer: { kind: 'handoff', queue: 'security', reason: 'needs_agent' },
        tried: ['Gave the advice on suspicious messages'],
      };
    default: {
      const help = tools.help(intent);
      return feedback(`If I understand right: ${lowerFirst(help.plain)}${helpLink(tools, intent)}`, `Pointed to the Help Center (${help.search || intent})`);
    }
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const INFO_INTENTS = new Set<string>(['login.forgot_password', 'login.forgot_email', 'safety.phishing', 'gift_card', 'info.company', 'content.report_problem']);

export function isInfoIntent(intent: string): boolean {
  return INFO_INTENTS.has(intent);
}

/** The first message of the chat: who the assistant is and what it can do, and what it never asks. */
export function greetingBody(options: { visitor: boolean; name: string | null; plain: string | null; answering?: boolean }): string {
  const hello = options.name ? `Hi ${options.name.split(/\s+/)[0]}, I’m the Reelhouse assistant.` : 'Hi, I’m the Reelhouse assistant.';
  const can = options.visitor
    ? 'I can help with streaming problems and general questions. As you’re not signed in, I can’t see an account here, so for account questions I’ll bring in a person.'
    : 'I can see your account, so I can explain charges, check a cancellation, look at your devices and household, and make changes once you confirm them.';
  const about = options.answering ? ' Let me look at your message.'
    : options.plain ? ` From what you told us, ${lowerFirst(options.plain)} Tell me a bit more, or ask anything else.` : ' What can I help with?';
  return `${hello} ${can} I’ll never ask for your password, a code or your full card number.${about}`;
}
