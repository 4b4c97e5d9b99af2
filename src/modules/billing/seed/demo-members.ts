import { addDays, addMonthsClamped, type IsoDate } from '../rules/calendar.ts';
import type { ActionActor, MembershipAction } from '../membership.service.ts';
import type { CardDetails } from '../payments/payment-provider.ts';

/**
 * A step of a demo member's story, `monthsAgo` months and `daysAgo` days
 * before the seeding day: months keep billing days where the story needs them
 * (a renewal two days ago), whatever the month lengths.
 */
type When = { daysAgo: number; monthsAgo?: number };
export type DemoStep = When &
  (
    | { do: 'join'; plan: string; card?: CardDetails; partner?: string }
    | { do: 'act'; action: MembershipAction; actor?: ActionActor }
    | { do: 'update_card'; card: CardDetails }
    | { do: 'price_change'; plan: string; price: number; effectiveInDays: number }
    | { do: 'refund'; chargeDaysAgo: number; amount: number; reason: string }
    | { do: 'redeem_gift_card'; code: string }
  );

export type DemoMember = {
  accountId: string;
  name: string;
  email: string;
  country: string;
  region: string | null;
  /** What a support conversation about this member is about. */
  story: string;
  steps: DemoStep[];
};

const card = (number: string): CardDetails => ({ number, expMonth: 9, expYear: 2029 });
const VISA = card('4242424242424242');
/**
 * Every other Visa member has a card of their own (still a Visa ending 4242,
 * as the demo screens show): the card fingerprint must link only the accounts
 * that really share a card, Ben's two.
 */
const ownVisa = (middle: string): CardDetails => card(`40000000${middle}4242`);
const MASTERCARD = card('5555555555554444');
const DECLINES_LATER = card('4000000000000341');
const REISSUED = card('4000000000000119');

/**
 * The device that restarted Hugo's membership. Identity owns devices; a demo
 * seed there that wants this TV in Hugo's device list uses the same id.
 */
export const HUGO_LIVING_ROOM_TV: ActionActor = { deviceId: 'dev_demo_hugo_tv', deviceName: 'Living room TV', accountId: 'acct_demo_hugo', via: 'tv_app' };

/** The Reelhouse demo: one member for each state a support conversation needs. */
export const DEMO_MEMBERS: DemoMember[] = [
  {
    accountId: 'acct_demo_ava', name: 'Ava Moreno', email: 'ava@demo.reelhouse.example', country: 'US', region: 'WA',
    story: 'Upgraded from Standard to Premium in the middle of a billing period: a prorated charge between two renewals.',
    steps: [{ monthsAgo: 4, daysAgo: 12, do: 'join', plan: 'standard', card: VISA }, { daysAgo: 9, do: 'act', action: { type: 'change_plan', plan: 'premium' } }],
  },
  {
    accountId: 'acct_demo_ben', name: 'Ben Okafor', email: 'ben@demo.reelhouse.example', country: 'US', region: 'NY',
    story: 'Charged twice each month: a second account (ben.okafor.tv@demo.reelhouse.example) pays with the same card.',
    steps: [{ daysAgo: 95, do: 'join', plan: 'standard', card: MASTERCARD }],
  },
  {
    accountId: 'acct_demo_ben_tv', name: 'Ben Okafor', email: 'ben.okafor.tv@demo.reelhouse.example', country: 'US', region: 'NY',
    story: 'The forgotten second account on Ben’s card, made from a TV months ago.',
    steps: [{ daysAgo: 80, do: 'join', plan: 'basic', card: MASTERCARD }],
  },
  {
    accountId: 'acct_demo_chloe', name: 'Chloé Brandt', email: 'chloe@demo.reelhouse.example', country: 'DE', region: 'BE',
    story: 'Added an extra member last week: a prorated slot charge, then the slot on every renewal (tax included in the price).',
    steps: [{ daysAgo: 200, do: 'join', plan: 'premium', card: ownVisa('0002') }, { daysAgo: 8, do: 'act', action: { type: 'add_extra_member' } }],
  },
  {
    accountId: 'acct_demo_dev', name: 'Dev Raman', email: 'dev@demo.reelhouse.example', country: 'CA', region: 'ON',
    story: 'Pays more since the Standard price change announced ten weeks ago, with 30 days’ notice.',
    steps: [
      { daysAgo: 150, do: 'join', plan: 'standard', card: ownVisa('0010') },
      { daysAgo: 70, do: 'price_change', plan: 'standard', price: 2099, effectiveInDays: 20 },
    ],
  },
  {
    accountId: 'acct_demo_emi', name: 'Emi Tanaka', email: 'emi@demo.reelhouse.example', country: 'JP', region: '13',
    story: 'Billed by her mobile carrier, Northwind Mobile: no charges here, and changes are made with the carrier.',
    steps: [{ daysAgo: 300, do: 'join', plan: 'premium', partner: 'Northwind Mobile' }],
  },
  {
    accountId: 'acct_demo_finn', name: 'Finn Gallagher', email: 'finn@demo.reelhouse.example', country: 'GB', region: 'ENG',
    story: 'Paused for two months; billing restarts by itself on the resume date.',
    steps: [{ daysAgo: 100, do: 'join', plan: 'standard', card: ownVisa('0028') }, { daysAgo: 40, do: 'act', action: { type: 'pause', months: 2 } }],
  },
  {
    accountId: 'acct_demo_grace', name: 'Grace Liu', email: 'grace@demo.reelhouse.example', country: 'US', region: 'TX',
    story: 'On hold: the card started declining; retries at +1, +3 and +7 days.',
    steps: [{ monthsAgo: 2, daysAgo: 2, do: 'join', plan: 'standard', card: ownVisa('0036') }, { daysAgo: 20, do: 'update_card', card: DECLINES_LATER }],
  },
  {
    accountId: 'acct_demo_hugo', name: 'Hugo Lambert', email: 'hugo@demo.reelhouse.example', country: 'CA', region: 'QC',
    story: 'Cancelled, then charged again: someone in the household restarted the membership.',
    steps: [
      { daysAgo: 160, do: 'join', plan: 'premium', card: ownVisa('0044') },
      { daysAgo: 75, do: 'act', action: { type: 'cancel' } },
      // Not Hugo: the household's TV, still signed in to his account.
      { daysAgo: 6, do: 'act', action: { type: 'restart' }, actor: HUGO_LIVING_ROOM_TV },
    ],
  },
  {
    accountId: 'acct_demo_ines', name: 'Inês Costa', email: 'ines@demo.reelhouse.example', country: 'BR', region: 'SP',
    story: 'Cancelled with time left: keeps watching until the end of the paid period. Extra members are not offered in her country.',
    steps: [{ daysAgo: 50, do: 'join', plan: 'standard', card: ownVisa('0051') }, { daysAgo: 3, do: 'act', action: { type: 'cancel' } }],
  },
  {
    accountId: 'acct_demo_jade', name: 'Jade Whitfield', email: 'jade@demo.reelhouse.example', country: 'US', region: 'IL',
    story: 'Joined on the 31st: the billing day falls on the last day of shorter months. The bank sent a replacement card.',
    steps: [{ daysAgo: 0, do: 'join', plan: 'basic', card: REISSUED }],
  },
  {
    accountId: 'acct_demo_karim', name: 'Karim Haddad', email: 'karim@demo.reelhouse.example', country: 'GB', region: 'SCT',
    story: 'Refunded in part after a streaming outage.',
    steps: [
      { daysAgo: 90, do: 'join', plan: 'premium', card: ownVisa('0069') },
      { daysAgo: 10, do: 'refund', chargeDaysAgo: 90, amount: 500, reason: 'Service outage goodwill' },
    ],
  },
];

/**
 * Demo gift cards (demo mode only: these codes are public). The `used` one
 * is redeemed by Lena in her story; the EUR and GBP ones are the wrong
 * currency for a US account. Listed in README.md.
 */
export const DEMO_GIFT_CARDS = [
  { code: 'RHDM-USDA-2525-KPQW', amount: 2500, currency: 'USD', note: 'unused' },
  { code: 'RHDM-USDB-5959-XTRV', amount: 5000, currency: 'USD', note: 'unused' },
  { code: 'RHDM-USDC-3535-MNHJ', amount: 3000, currency: 'USD', note: 'unused' },
  { code: 'RHDM-USED-4747-LGBZ', amount: 5000, currency: 'USD', note: 'already used (by Lena)' },
  { code: 'RHDM-EURA-2525-WQXY', amount: 2500, currency: 'EUR', note: 'unused; EUR, the wrong currency for US, CA, GB, JP and BR accounts' },
  { code: 'RHDM-GBPA-2525-CFKS', amount: 2000, currency: 'GBP', note: 'unused; GBP, for GB members (Finn, Karim), the wrong currency for others' },
] as const;

/**
 * Members added after the first twelve, seeded on their own (a database
 * seeded before they existed gets them on the next `bin/usher seed`). Kept
 * apart so that the twelve, their order and their phone numbers never change.
 */
export const DEMO_LATER_MEMBERS: DemoMember[] = [
  {
    accountId: 'acct_demo_lena', name: 'Lena Park', email: 'lena@demo.reelhouse.example', country: 'US', region: 'WA',
    story: 'Redeemed a 50.00 gift card before last month’s renewal: two renewals were paid by the balance, and the next one takes the last 10.34 and charges the card the rest.',
    steps: [
      { monthsAgo: 3, daysAgo: 5, do: 'join', plan: 'standard', card: ownVisa('0077') },
      { monthsAgo: 1, daysAgo: 10, do: 'redeem_gift_card', code: 'RHDM-USED-4747-LGBZ' },
    ],
  },
];

/** Jade joins on the most recent 31st, whatever today is. */
export function demoStepDate(member: DemoMember, step: DemoStep, today: IsoDate): IsoDate {
  if (member.accountId === 'acct_demo_jade' && step.do === 'join') {
    let date = today;
    while (!date.endsWith('-31')) date = addDays(date, -1);
    return date;
  }
  return addDays(addMonthsClamped(today, -(step.monthsAgo ?? 0)), -step.daysAgo);
}
