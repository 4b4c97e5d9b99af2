import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * A tenth development batch (36 openings, 3 per demo member, 5 with a
 * follow-up), written after batch 9 reached 48/48 and measured once before
 * any change for it. Same author as the rules.
 */

export const DEV_OPENINGS_BATCH10: DevOpening[] = [
  { id: 'b10-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'hey what was the charge in between my renewals', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b10-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'december amount?', expect: x({ says: ['27.55'] }) },
  { id: 'b10-ava-3', member: 'acct_demo_ava', kind: 'language', text: 'Wann ist die nächste Zahlung und wie viel kostet Premium?', expect: x({ says: [/German/i, '27.55', 'December 15'] }) },

  { id: 'b10-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'Why am I being billed for 2 subscriptions?', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'since when has that been going on', expect: x({ says: ['September 8'] }) } },
  { id: 'b10-ben-2', member: 'acct_demo_ben', kind: 'next_charge', text: 'date of next debit', expect: x({ says: ['December 24'] }) },
  { id: 'b10-ben-3', member: 'acct_demo_ben', kind: 'weekday', text: 'saturday two reelhouse lines on my visa statement, 10.88 and 19.59', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },

  { id: 'b10-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'what is the extra member fee per month', expect: x({ says: ['5.99'] }) },
  { id: 'b10-chloe-2', member: 'acct_demo_chloe', kind: 'proration_timing', text: 'a payment in the middle of my billing period, why?', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'b10-chloe-3', member: 'acct_demo_chloe', kind: 'next_charge', text: 'next bill incl. Jonas?', expect: x({ says: ['25.98'] }),
    followUp: { text: 'on what day', expect: x({ says: ['December 11'] }) } },

  { id: 'b10-jonas-1', member: 'acct_demo_jonas', kind: 'who_bills', text: 'will I get a bill from you', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b10-jonas-2', member: 'acct_demo_jonas', kind: 'access_end', text: 'what happens to me if chloe cancels', expect: x({ says: [OWNER] }) },
  { id: 'b10-jonas-3', member: 'acct_demo_jonas', kind: 'extra_member_add', text: 'how do I add someone to the account', expect: x({ says: [/only the account owner/i] }) },

  { id: 'b10-dev-1', member: 'acct_demo_dev', kind: 'price_change', text: 'how come my plan costs more now', expect: x({ kinds: CHARGE, says: [/price/i] }),
    followUp: { text: 'so next month is 23.72 too?', expect: x({ says: ['23.72'] }) } },
  { id: 'b10-dev-2', member: 'acct_demo_dev', kind: 'next_charge', text: 'when is the 23.72 due', expect: x({ says: ['November 30'] }) },
  { id: 'b10-dev-3', member: 'acct_demo_dev', kind: 'language', text: '¿Cuánto pagaré el 30 de noviembre?', expect: x({ says: [/Spanish/i, '23.72'] }) },

  { id: 'b10-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'which company bills my subscription', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b10-emi-2', member: 'acct_demo_emi', kind: 'pause', text: 'can i take a break from my subscription', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b10-emi-3', member: 'acct_demo_emi', kind: 'next_charge', text: 'what is my billing date', expect: x({ says: ['Northwind Mobile'] }) },

  { id: 'b10-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'the pause - when is it over', expect: x({ says: ['December 19'] }),
    followUp: { text: 'and the price after?', expect: x({ says: ['12.99'] }) } },
  { id: 'b10-finn-2', member: 'acct_demo_finn', kind: 'pause', text: 'Can I still watch during the pause?', expect: x({ says: [/paus/i, 'December 19'] }) },
  { id: 'b10-finn-3', member: 'acct_demo_finn', kind: 'status', text: 'is my account active', expect: x({ says: [/paus/i] }) },

  { id: 'b10-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'it says my membership is inactive', expect: x({ says: [/on hold/i] }) },
  { id: 'b10-grace-2', member: 'acct_demo_grace', kind: 'retry', text: 'do I need to do anything or will it fix itself', expect: x({ says: ['November 28'] }) },
  { id: 'b10-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'Good morning. I am unable to view any programmes this week. Could you kindly advise?', expect: x({ says: [/on hold/i] }) },

  { id: 'b10-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'charged after cancellation, explain please', expect: x({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'b10-hugo-2', member: 'acct_demo_hugo', kind: 'next_charge', text: 'what is the renewal amount', expect: x({ says: ['31.03'] }) },
  { id: 'b10-hugo-3', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'was the restart done on my tv?', expect: x({ says: ['Living room TV'] }),
    followUp: { text: 'and when is the next charge then', expect: x({ says: ['December 21'] }) } },

  { id: 'b10-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'when can I no longer watch', expect: x({ says: ['December 8'] }) },
  { id: 'b10-ines-2', member: 'acct_demo_ines', kind: 'next_charge', text: 'will reelhouse take money from me again', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) },
  { id: 'b10-ines-3', member: 'acct_demo_ines', kind: 'language', text: 'Posso adicionar um membro extra?', expect: x({ says: [/Portuguese/i, /Brazil/i] }) },

  { id: 'b10-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'why isnt it the 31st like last month', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b10-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'new card came in the mail from my bank', expect: x({ says: ['0119'] }) },
  { id: 'b10-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'when exactly do you bill me this month', expect: x({ says: ['November 30'] }) },

  { id: 'b10-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'date of my next bill please', expect: k({ says: ['November 29'] }) },
  { id: 'b10-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'I want to pause for a month', expect: k({ kinds: ['confirm_action'] }) },
  { id: 'b10-karim-3', member: 'acct_demo_karim', kind: 'takeover', text: 'I did not create the guest profile and i dont know those devices', expect: x({ says: [TAKEOVER] }) },
];
