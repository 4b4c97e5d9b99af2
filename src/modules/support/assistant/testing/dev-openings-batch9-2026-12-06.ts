import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, PASSWORD, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * A ninth development batch (48 openings, 4 per demo member), written after
 * batch 8 reached 47/48 and measured once before any change for it. Same
 * author as the rules; issue 10 point 4's situations in yet other words.
 */

export const DEV_OPENINGS_BATCH9: DevOpening[] = [
  { id: 'b9-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'why 2 payments in 4 days??', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b9-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'what should I expect to pay in december', expect: x({ says: ['27.55'] }) },
  { id: 'b9-ava-3', member: 'acct_demo_ava', kind: 'bill_difference', text: 'novembers total is 26.78 but it used to be 19.83', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b9-ava-4', member: 'acct_demo_ava', kind: 'pasted_password', text: 'here is my login so you can check: ava@demo.reelhouse.example / Sunflower99 — when is the renewal', expect: x({ says: ['December 15'] }) },

  { id: 'b9-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'Reelhouse keeps taking 2 different amounts each month', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'i dont use that login, can you close it', expect: x({ says: [/(different account|sign in with|billing team)/i] }) } },
  { id: 'b9-ben-2', member: 'acct_demo_ben', kind: 'who_bills', text: 'what payment info do you have for me', expect: x({ says: ['4444'] }) },
  { id: 'b9-ben-3', member: 'acct_demo_ben', kind: 'access_end', text: 'If I end my membership, when do I stop having access?', expect: x({ says: ['December 24'] }) },
  { id: 'b9-ben-4', member: 'acct_demo_ben', kind: 'language', text: '¿Por qué tengo dos cargos de Reelhouse?', expect: x({ says: [/Spanish/i, /second Reelhouse membership/i] }) },

  { id: 'b9-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'explain the 4,39 please', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'b9-chloe-2', member: 'acct_demo_chloe', kind: 'next_charge', text: 'how much is my monthly fee now', expect: x({ says: ['25.98'] }) },
  { id: 'b9-chloe-3', member: 'acct_demo_chloe', kind: 'extra_member_add', text: 'could my dad also get his own profile and login', expect: x({ says: [/extra members page/i] }) },
  { id: 'b9-chloe-4', member: 'acct_demo_chloe', kind: 'weekday', text: 'Thursday I noticed 4,39 EUR from Reelhouse next to my usual 19,99', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },

  { id: 'b9-jonas-1', member: 'acct_demo_jonas', kind: 'who_bills', text: 'who is paying for reelhouse here', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b9-jonas-2', member: 'acct_demo_jonas', kind: 'next_charge', text: 'my next invoice?', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b9-jonas-3', member: 'acct_demo_jonas', kind: 'cancel', text: 'I would like to leave the plan', expect: x({ says: [OWNER] }) },
  { id: 'b9-jonas-4', member: 'acct_demo_jonas', kind: 'language', text: 'Wann endet mein Zugang?', expect: x({ says: [/German/i, OWNER] }) },

  { id: 'b9-dev-1', member: 'acct_demo_dev', kind: 'price_change', text: 'since when is it 23.72', expect: x({ says: [/October/i] }) },
  { id: 'b9-dev-2', member: 'acct_demo_dev', kind: 'next_charge', text: 'the end of month charge, what amount', expect: x({ says: ['23.72'] }) },
  { id: 'b9-dev-3', member: 'acct_demo_dev', kind: 'bill_difference', text: 'I pay 2.26 more than before, why', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b9-dev-4', member: 'acct_demo_dev', kind: 'weekday', text: 'on monday I saw my reelhouse went up', expect: x({ kinds: CHARGE, says: [/price/i] }) },

  { id: 'b9-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'how do i pay for this exactly', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b9-emi-2', member: 'acct_demo_emi', kind: 'next_charge', text: 'next payment amount?', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b9-emi-3', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'I want to give my brother access on my plan', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b9-emi-4', member: 'acct_demo_emi', kind: 'card_replaced', text: 'my card expired', expect: x({ says: ['Northwind Mobile'] }) },

  { id: 'b9-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'when am I unpaused', expect: x({ says: ['December 19'] }) },
  { id: 'b9-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'what will you charge when it restarts', expect: x({ says: ['12.99'] }) },
  { id: 'b9-finn-3', member: 'acct_demo_finn', kind: 'pause', text: 'nothing works, the app just says paused', expect: x({ says: ['December 19'] }) },
  { id: 'b9-finn-4', member: 'acct_demo_finn', kind: 'pasted_card', text: 'my card 4111 1111 1111 1111 is that the one you will use in december', expect: x({ says: [/removed the card/i, '4242'] }) },

  { id: 'b9-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'my subscription is not working and I paid', expect: x({ says: [/on hold/i] }) },
  { id: 'b9-grace-2', member: 'acct_demo_grace', kind: 'retry', text: 'can you run the payment again', expect: x({ says: [/(November 28|\/account\/payments)/i] }) },
  { id: 'b9-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'reelhouse says payment issue. what payment issue', expect: x({ says: [/declined/i] }),
    followUp: { text: 'and when do you try again', expect: x({ says: ['November 28'] }) } },
  { id: 'b9-grace-4', member: 'acct_demo_grace', kind: 'language', text: 'Por que minha conta foi suspensa?', expect: x({ says: [/Portuguese/i, /on hold/i] }) },

  { id: 'b9-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'Reelhouse charged me even though I had ended it. Explain.', expect: x({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'b9-hugo-2', member: 'acct_demo_hugo', kind: 'access_end', text: 'if i cancel again what is my last day', expect: x({ says: ['December 21'] }) },
  { id: 'b9-hugo-3', member: 'acct_demo_hugo', kind: 'next_charge', text: 'Is another payment scheduled?', expect: x({ says: ['December 21'] }) },
  { id: 'b9-hugo-4', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'who restarted my account', expect: x({ says: ['Living room TV'] }) },

  { id: 'b9-ines-1', member: 'acct_demo_ines', kind: 'status', text: 'is my subscription cancelled now', expect: x({ says: ['December 8'] }) },
  { id: 'b9-ines-2', member: 'acct_demo_ines', kind: 'access_end', text: 'When does my service stop?', expect: x({ says: ['December 8'] }) },
  { id: 'b9-ines-3', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'how to add a member to my account', expect: x({ says: [/Brazil/i] }) },
  { id: 'b9-ines-4', member: 'acct_demo_ines', kind: 'next_charge', text: 'Will there be a charge on the 8th of december?', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) },

  { id: 'b9-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'the 30th?? I thought my billing date was the 31st', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b9-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'the bank changed my card number because of fraud, will my subscription break', expect: x({ says: ['0119'] }) },
  { id: 'b9-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'amount and date of my next bill', expect: x({ says: ['11.01', 'November 30'] }) },
  { id: 'b9-jade-4', member: 'acct_demo_jade', kind: 'two_questions', text: 'which card do you have and when will it be charged?', expect: x({ says: ['0119', 'November 30'] }) },

  { id: 'b9-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'when does my subscription renew and for how much', expect: k({ says: ['November 29', '18.99'] }) },
  { id: 'b9-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'what was the £5 for', expect: k({ says: [/refund/i] }) },
  { id: 'b9-karim-3', member: 'acct_demo_karim', kind: 'pasted_password', text: 'password Karim!2025 - which card are you charging', expect: k({ ...PASSWORD, says: [...PASSWORD.says, '4242'] }) },
  { id: 'b9-karim-4', member: 'acct_demo_karim', kind: 'takeover', text: 'someone is using my account from abroad', expect: x({ says: [TAKEOVER] }) },
];
