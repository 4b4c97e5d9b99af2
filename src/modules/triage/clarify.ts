import type { Intent } from './intents.ts';
import type { TriageResult } from './triage.ts';

/**
 * When triage is unsure, ask instead of guessing: the two or three likely
 * intents as buttons with plain-language labels.
 *
 * The confidence is calibrated (docs/triage.md), so the threshold reads as a
 * rate. With the model of the fourth 2026-12-06 round, on the development set
 * and data/holdout.jsonl (1,054 messages), 17 (1.6 %) fall below 0.6 and only
 * 10 of those top answers are right, while 15 have the right intent among
 * their top three; the answers at or above it are right 99.3 % of the time
 * (0.5: 7 asked, 99.0 % above; 0.7: 28 asked, 99.5 % above). On the members'
 * development sets (dev-sets/) it asks 2 % of the messages, with the right
 * intent among the buttons every time.
 */
export const CLARIFY_BELOW = 0.6;
/** An alternative below this is not worth a button. */
const MIN_CHOICE = 0.08;
const MAX_CHOICES = 3;

export type ClarifyChoice = { intent: Intent; label: string };
export type Clarification = { question: string; choices: ClarifyChoice[] };

/** Button labels in the member's words, one per intent. */
export const INTENT_LABELS: Record<Intent, string> = {
  'billing.unexpected_charge': 'A charge I don’t recognise',
  'billing.price_increase': 'My bill went up',
  'billing.multiple_charges': 'I was charged more than once',
  'billing.charged_after_cancel': 'I was charged after cancelling',
  'billing.third_party': 'I pay through my phone, TV or internet company, or an app store',
  'billing.payment_declined': 'My payment failed or my card was declined',
  'billing.refund': 'I’d like a refund',
  'membership.cancel': 'I want to cancel',
  'membership.cannot_cancel': 'I’m trying to cancel but can’t',
  'membership.pause': 'Pausing my membership',
  'login.forgot_password': 'I can’t sign in or forgot my password',
  'login.forgot_email': 'I don’t know which email my account uses',
  'security.account_takeover': 'Someone changed my login details or took over my account',
  'security.unknown_user': 'Someone I don’t know is using my account',
  'household.not_in_household': 'A “not part of your household” message',
  'extra_member.invite': 'Inviting an extra member or their sign-in',
  'extra_member.billing': 'Adding, removing or paying for an extra member',
  'streaming.playback': 'Videos buffer, freeze or look bad',
  'streaming.app_error': 'The app shows an error or won’t open',
  'content.report_problem': 'A problem with one title (subtitles, sound, episode)',
  gift_card: 'A gift card',
  'safety.phishing': 'A suspicious email, text or call',
  'contact.agent': 'Talk to a person',
  'info.company': 'Reelhouse’s address or support hours',
  out_of_scope: 'Something else',
};

const QUESTION = 'I want to make sure I help with the right thing. Which of these is closest?';

/**
 * A clarifying question when the top confidence is below CLARIFY_BELOW, else
 * null. "Something else" (out_of_scope) is never a button: when it is among
 * the likely answers the other ones are offered. Null too when fewer than two
 * intents are worth offering (asking to confirm a lone guess helps nobody).
 */
export function clarify(result: Pick<TriageResult, 'intent' | 'confidence' | 'alternatives'>): Clarification | null {
  if (result.confidence >= CLARIFY_BELOW) return null;
  const ranked = [{ intent: result.intent, confidence: result.confidence }, ...result.alternatives];
  const choices = ranked
    .filter((scored) => scored.intent !== 'out_of_scope' && scored.confidence >= MIN_CHOICE)
    .slice(0, MAX_CHOICES)
    .map((scored) => ({ intent: scored.intent, label: INTENT_LABELS[scored.intent] }));
  return choices.length >= 2 ? { question: QUESTION, choices } : null;
}
