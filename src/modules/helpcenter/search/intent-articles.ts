/**
 * The articles that answer each triage intent (contracts/intents.md), best
 * first. Triage reads a member's words in English, German, Spanish and
 * Portuguese, so this is how a question the English index cannot read still
 * finds its article, and how a clear intent settles close neighbours.
 * `out_of_scope` has none; `info.company` is left out on purpose: triage
 * gives it to every question about the company, including the many we have
 * no article for ("is reelhouse hiring"), so it would promise answers.
 */
export const INTENT_ARTICLES: Readonly<Record<string, readonly string[]>> = {
  'billing.unexpected_charge': ['why-was-i-charged', 'charge-i-do-not-recognise'],
  'billing.price_increase': ['price-changes', 'taxes-on-your-bill', 'upgrade-charge-explained'],
  'billing.multiple_charges': ['second-account-same-card', 'why-was-i-charged'],
  'billing.charged_after_cancel': ['charged-after-cancelling'],
  'billing.third_party': ['billed-by-a-partner'],
  'billing.payment_declined': ['payment-failed-account-on-hold', 'update-your-payment-method'],
  'billing.refund': ['refunds'],
  'membership.cancel': ['cancel-your-membership'],
  'membership.cannot_cancel': ['cancel-your-membership', 'billed-by-a-partner'],
  'membership.pause': ['pause-your-membership'],
  'login.forgot_password': ['reset-your-password', 'cannot-sign-in', 'reset-link-or-code-not-working'],
  'login.forgot_email': ['forgot-which-email'],
  'security.account_takeover': ['someone-else-is-using-my-account', 'account-change-alert'],
  'security.unknown_user': ['someone-else-is-using-my-account', 'manage-devices-and-sign-out'],
  'household.not_in_household': ['not-part-of-your-household', 'update-your-household'],
  'extra_member.invite': ['add-an-extra-member', 'invitation-problems'],
  'extra_member.billing': ['extra-member-charge', 'what-are-extra-members', 'add-an-extra-member', 'remove-an-extra-member'],
  'streaming.playback': ['buffering-or-video-will-not-play'],
  'streaming.app_error': ['tv-troubleshooting', 'error-codes-explained'],
  'content.report_problem': ['report-a-problem-with-a-title', 'subtitles-problems'],
  gift_card: ['gift-cards-and-balance', 'redeem-a-gift-card', 'gift-card-wrong-currency', 'gift-card-scams'],
  'safety.phishing': ['recognise-a-scam-message', 'report-phishing'],
  'contact.agent': ['how-to-contact-us', 'request-a-call'],
};
