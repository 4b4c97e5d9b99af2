/** The 25 intent ids of contracts/intents.md, in the contract's order. Part of the public contract: never rename. */
export const INTENTS = [
  'billing.unexpected_charge',
  'billing.price_increase',
  'billing.multiple_charges',
  'billing.charged_after_cancel',
  'billing.third_party',
  'billing.payment_declined',
  'billing.refund',
  'membership.cancel',
  'membership.cannot_cancel',
  'membership.pause',
  'login.forgot_password',
  'login.forgot_email',
  'security.account_takeover',
  'security.unknown_user',
  'household.not_in_household',
  'extra_member.invite',
  'extra_member.billing',
  'streaming.playback',
  'streaming.app_error',
  'content.report_problem',
  'gift_card',
  'safety.phishing',
  'contact.agent',
  'info.company',
  'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

const known = new Set<string>(INTENTS);

export function isIntent(value: string): value is Intent {
  return known.has(value);
}
