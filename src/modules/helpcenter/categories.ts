/** The Help Center's categories (PRODUCT.md §4), in the order the /help page shows them. */
export const CATEGORIES = [
  { slug: 'billing-and-payments', title: 'Billing and payments', description: 'Every kind of charge explained, failed payments, payment methods, partners, refunds.' },
  { slug: 'membership', title: 'Membership', description: 'Plans, changing plan, pausing, cancelling and restarting.' },
  { slug: 'login-and-security', title: 'Login and security', description: 'Signing in, resetting a password, devices and sessions, a hacked account, the service code.' },
  { slug: 'household', title: 'Household', description: 'What a household is, "not part of your household", updating it, travel and moving.' },
  { slug: 'extra-members', title: 'Extra members', description: 'Adding someone outside your household, invitations, profile transfer, removing a slot.' },
  { slug: 'streaming-and-devices', title: 'Streaming and devices', description: 'Buffering, TVs, picture quality, downloads, VPNs, supported devices and error codes.' },
  { slug: 'shows-and-movies', title: 'Shows and movies', description: 'Subtitles, audio, titles that are missing or behave oddly, viewing activity.' },
  { slug: 'scams-and-safety', title: 'Scams and safety', description: 'Recognising fake messages, reporting phishing, what to do if you gave your details away.' },
  { slug: 'contact', title: 'Contact and escalation', description: 'Reaching a person, requesting a call, what to have ready, specialists and disputes.' },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategorySlug = Category['slug'];

export const CATEGORY_SLUGS = CATEGORIES.map((category) => category.slug) as [CategorySlug, ...CategorySlug[]];

export function findCategory(slug: string): Category | undefined {
  return CATEGORIES.find((category) => category.slug === slug);
}
