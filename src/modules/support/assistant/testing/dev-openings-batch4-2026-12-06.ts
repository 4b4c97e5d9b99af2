import type { DevOpening, Expectation } from './dev-openings-harness.ts';

/**
 * A fourth batch, written after batch 3 reached 30/30 and measured once on
 * those rules before any change for it: 22/25 (0.880), the last estimate, on
 * this author's wording, of the rules on openings they were not tuned on.
 * Its three misses were fixed afterwards (25/25).
 */

const NOT_FOUND = /No Reelhouse charge .*was found/i;
const TAKEOVER = /lock your account down/i;
const CHARGE = ['charge_explanation'];
const x = (e: Expectation): Expectation => ({ ...e, never: [...(e.never ?? []), /(tell|send|give|share|type) (me )?(your|the) (password|code|full card)/i, NOT_FOUND] });

export const DEV_OPENINGS_BATCH4: DevOpening[] = [
  { id: 'b4-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'u charged me 3 days after my normal payment. why', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b4-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'whats my bill gonna be in december', expect: x({ says: ['27.55'] }),
    followUp: { text: 'why more than before?', expect: x({ says: [/(premium|upgrad)/i] }) } },
  { id: 'b4-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'there are two reelhouse subscriptions on my credit card statement, i only want one', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'b4-ben-2', member: 'acct_demo_ben', kind: 'access_end', text: 'if i cancel will i lose access right away', expect: x({ says: ['December 24'] }) },
  { id: 'b4-chloe-1', member: 'acct_demo_chloe', kind: 'next_charge', text: 'how much does it cost me now every month incl. Jonas', expect: x({ says: ['25.98'] }) },
  { id: 'b4-chloe-2', member: 'acct_demo_chloe', kind: 'language', text: 'Ich möchte wissen, wann mein Abo verlängert wird.', expect: x({ says: [/German/i, 'December 11'] }) },
  { id: 'b4-jonas-1', member: 'acct_demo_jonas', kind: 'who_bills', text: 'does chloe pay for me or do i need a card', expect: x({ says: [/owner/i], never: ['4242'] }) },
  { id: 'b4-dev-1', member: 'acct_demo_dev', kind: 'bill_difference', text: 'my reelhouse went from 21.46 to 23.72 overnight', expect: x({ kinds: CHARGE, says: [/price/i] }),
    followUp: { text: 'is this the price from now on?', expect: x({ says: ['23.72'] }) } },
  { id: 'b4-dev-2', member: 'acct_demo_dev', kind: 'price_change', text: 'When did you announce the new price?', expect: x({ says: ['September 18'] }) },
  { id: 'b4-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'I pay through my mobile plan right?', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b4-emi-2', member: 'acct_demo_emi', kind: 'access_end', text: 'when does my membership expire', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b4-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'is my account still on pause?', expect: x({ says: [/paused/i, 'December 19'] }) },
  { id: 'b4-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'what is the first payment after the break', expect: x({ says: ['12.99'] }) },
  { id: 'b4-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'my payment failed twice this week, what happens to my account?', expect: x({ says: [/on hold/i, 'December 2'] }) },
  { id: 'b4-grace-2', member: 'acct_demo_grace', kind: 'hold', text: 'getting an error that says payment needed on the tv app', expect: x({ says: [/on hold/i] }) },
  { id: 'b4-grace-3', member: 'acct_demo_grace', kind: 'authorization', text: 'what was the one dollar thing on nov 7', expect: x({ kinds: CHARGE, says: [/(check|authori)/i] }) },
  { id: 'b4-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'Hi, I ended my membership in September. On 21 November I was billed CA$31.03. How is that possible?', expect: x({ kinds: CHARGE, says: [/restarted/i, 'Living room TV'] }) },
  { id: 'b4-hugo-2', member: 'acct_demo_hugo', kind: 'access_end', text: 'if i cancel again today how long do i still have', expect: x({ says: ['December 21'] }) },
  { id: 'b4-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'when exactly does my account close', expect: x({ says: ['December 8'] }) },
  { id: 'b4-ines-2', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'i cant find where to invite someone to my plan', expect: x({ says: [/Brazil/i] }) },
  { id: 'b4-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'why is my next charge the 30th and not the 31st', expect: x({ says: [/31/] }) },
  { id: 'b4-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'card ending changed after my bank replaced it, will the payment fail?', expect: x({ says: ['0119'] }) },
  { id: 'b4-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'when does my membership renew', expect: x({ says: ['November 29', /security/i], never: [TAKEOVER] }) },
  { id: 'b4-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'can i change my plan to basic', expect: x({ says: [/security/i], never: [TAKEOVER] }) },
  { id: 'b4-karim-3', member: 'acct_demo_karim', kind: 'pasted_card', text: 'please charge this card instead 4000 0566 5566 5556 exp 12/28', expect: x({ says: [/removed the card/i, /payments page/i] }) },
];
