import type { SignalCode, Verdict } from '../scan/index.ts';
import type { SafetyReport } from './reports.repository.ts';

/** A one-click next step: a page of the service the member opens. */
export type AnswerAction = { label: string; href: string };

/** What the member is told at once, on the page, in the JSON answer and in the reply email. */
export type ReportAnswer = {
  reference: string;
  verdict: Verdict;
  genuine: { sentAt: string; about: string } | null;
  headline: string;
  explanation: string;
  signs: { code: SignalCode; label: string; evidence: string }[];
  steps: string[];
  actions: AnswerAction[];
};

const SIGN_LABELS: Record<SignalCode, string> = {
  urgent_threat: 'It pressures you with a deadline or a threat',
  off_domain_link: 'A link goes somewhere that is not ours',
  lookalike_domain: 'An address is made to look like ours but is not',
  asks_card: 'It asks for your card details',
  asks_password: 'It asks for your password',
  asks_code: 'It asks for a code we sent you',
  gift_card_or_crypto_or_wire: 'It asks for gift cards, crypto or a bank transfer',
  remote_access_software: 'It asks you to install remote-access software',
  prize_claim: 'It promises a prize or a reward',
  spelling_errors: 'It has spelling and grammar mistakes we would not make',
  odd_sender: 'The sender is not one of our addresses',
};

const HEADLINES: Record<Verdict, string> = {
  phish: 'This is a scam. Do not act on it.',
  suspicious: 'This looks suspicious. Treat it as a scam.',
  legit: 'We found no sign of a scam in it.',
};

function explanation(verdict: Verdict, service: string): string {
  if (verdict === 'phish') return `It pretends to come from ${service} but shows the signs below. ${service} never asks for your password, a code or your card details by email, text or phone.`;
  if (verdict === 'suspicious') return `It shows some of the signs below. ${service} never asks for your password, a code or your card details by email, text or phone: when in doubt, open the ${service} site or app yourself instead of using the message.`;
  return `That does not prove it is from ${service}. If you are not sure, do not use its links: open the ${service} site or app yourself. The security team reads every report.`;
}

/** Plain words for when we sent it, e.g. "10 March 2026 at 15:04 UTC". */
function when(date: Date): string {
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day} at ${time} UTC`;
}

export type AnswerContext = {
  service: string;
  /** The member is signed in: the next steps link to their account pages rather than to sign-in. */
  signedIn: boolean;
  /** What we know of our own email when the report is one (see genuine-mail.ts). */
  genuine: { sentAt: Date; purpose: string | null; subject: string | null } | null;
};

/**
 * The answer to one report, in plain words: the verdict, each sign with the
 * bit of the message it rests on, and what to do now. A member who entered
 * details on the link gets the recovery steps first, as links to the pages
 * that do them.
 */
export function answerFor(report: SafetyReport, context: AnswerContext): ReportAnswer {
  const { service } = context;
  const signs = report.signals.map((signal) => ({ code: signal.code, label: SIGN_LABELS[signal.code], evidence: signal.evidence }));
  if (context.genuine) {
    const about = context.genuine.purpose ?? (context.genuine.subject ? `the email "${context.genuine.subject}"` : 'an email to you');
    return {
      reference: report.reference,
      verdict: 'legit',
      genuine: { sentAt: context.genuine.sentAt.toISOString(), about },
      headline: `This email is genuine: ${service} sent it.`,
      explanation: `We sent it on ${when(context.genuine.sentAt)}, about ${about}. Its links are safe to use. If you did not ask for it, you can ignore it, or change your password to be safe.`,
      signs: [],
      steps: ['Nothing to do if you expected it.'],
      actions: context.signedIn ? [{ label: 'Review your account security', href: '/account/security' }] : [],
    };
  }
  const steps = [
    'Do not click its links, open its attachments or call the numbers in it.',
    'Do not reply to it, and never send a password, a code or card details.',
    'Delete it once you have reported it.',
  ];
  const actions: AnswerAction[] = [];
  if (!report.enteredDetails && report.source === 'smtp' && report.verdict !== 'legit') {
    // A forward cannot say whether the member used the link: they are told what to do if they did.
    steps.push(`If you already entered your details on its link: change your ${service} password (and anywhere you reused it), sign out of all devices, and call your bank if you gave card details.`);
    actions.push({ label: 'Reset my password', href: '/forgot' });
  }
  if (report.enteredDetails) {
    steps.unshift(
      `Change your ${service} password now, and anywhere else you used the same password.`,
      'Sign out of all devices, so whoever has your password is signed out too.',
      'If you entered card or bank details, call your bank on the number on the back of your card and ask them to block the card.',
    );
    if (context.signedIn) {
      actions.push({ label: 'Change my password', href: '/account/security' }, { label: 'Sign out of all devices', href: '/account/security' });
    } else {
      actions.push({ label: 'Reset my password', href: '/forgot' }, { label: 'Sign in to sign out of all devices', href: '/sign-in' });
    }
  }
  return {
    reference: report.reference,
    verdict: report.verdict,
    genuine: null,
    headline: HEADLINES[report.verdict],
    explanation: explanation(report.verdict, service),
    signs,
    steps,
    actions,
  };
}

/**
 * The scammer's links and domains made unclickable for a plain-text email
 * (mail clients turn `http://…` and `name.tld` into links):
 * `http://evil.example/x` → `hxxp://evil[.]example/x`.
 */
export function defang(text: string): string {
  return text
    .replace(/\b(h)(tt)(ps?):\/\//gi, (_, h: string, _tt: string, rest: string) => `${h}xx${rest}://`)
    .replace(/([\p{L}\p{N}-])\.(?=[\p{L}]{2,}|xn--)/gu, '$1[.]');
}

/** The answer as a plain-text email (the reply to a forwarded report); the evidence is defanged. */
export function answerAsText(answer: ReportAnswer, service: string, baseUrl: string): string {
  const lines = [answer.headline, '', answer.explanation, ''];
  if (answer.signs.length > 0) {
    lines.push('What we found:');
    for (const sign of answer.signs) lines.push(`- ${sign.label}: "${defang(sign.evidence)}"`);
    lines.push('');
  }
  lines.push('What to do now:');
  for (const step of answer.steps) lines.push(`- ${step}`);
  for (const action of answer.actions) lines.push(`- ${action.label}: ${baseUrl}${action.href}`);
  lines.push('', `Your reference: ${answer.reference}. The ${service} security team reads every report.`);
  lines.push('', `We will never ask you for your password, a code or your card details in an email.`);
  return lines.join('\n');
}
