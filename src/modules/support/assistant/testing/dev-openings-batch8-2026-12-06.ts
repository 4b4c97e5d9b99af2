import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * An eighth development batch (48 openings, 4 per demo member, 11 with a
 * follow-up), written after batch 7 reached 60/60, on purpose in words the
 * rules' lists do not have (long stories, synonyms, mixed questions), and
 * measured once before any change for it. Same author as the rules.
 */

export const DEV_OPENINGS_BATCH8: DevOpening[] = [
  { id: 'b8-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'So I looked at my banking app this morning and besides the normal Reelhouse payment there is a second, much smaller one a few days later. I did not buy anything extra as far as I remember.', expect: x({ kinds: CHARGE, says: [/upgrad/i] }),
    followUp: { text: 'right, and what will the regular one be from now', expect: x({ says: ['27.55'] }) } },
  { id: 'b8-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'what is my upcoming bill looking like', expect: x({ says: ['27.55'] }) },
  { id: 'b8-ava-3', member: 'acct_demo_ava', kind: 'access_end', text: 'I might switch services. If I stop now, do I keep the rest of what I paid for?', expect: x({ says: ['December 15'] }) },
  { id: 'b8-ava-4', member: 'acct_demo_ava', kind: 'who_bills', text: 'is it still the 4242 card', expect: x({ says: ['4242'] }) },

  { id: 'b8-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'my missus reckons we are paying reelhouse two times over, can you have a look', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'how do we get rid of the basic one', expect: x({ says: [/(different account|sign in with|billing team)/i] }) } },
  { id: 'b8-ben-2', member: 'acct_demo_ben', kind: 'next_charge', text: 'when do you bill me again', expect: x({ says: ['December 24'] }) },
  { id: 'b8-ben-3', member: 'acct_demo_ben', kind: 'charge_explain', text: 'What is the smaller Reelhouse payment for?', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'b8-ben-4', member: 'acct_demo_ben', kind: 'language', text: 'Warum bezahle ich zweimal im Monat?', expect: x({ says: [/German/i, /second Reelhouse membership/i] }) },

  { id: 'b8-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'I was charged a partial amount when Jonas joined - is that how it works?', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'b8-chloe-2', member: 'acct_demo_chloe', kind: 'next_charge', text: 'what’s the figure for the december renewal', expect: x({ says: ['25.98'] }),
    followUp: { text: 'and what does Jonas add to that each month', expect: x({ says: [/(5.99|extra.member)/i] }) } },
  { id: 'b8-chloe-3', member: 'acct_demo_chloe', kind: 'access_end', text: 'when would Jonas lose access if I remove him', expect: x({ says: ['December 11'] }) },
  { id: 'b8-chloe-4', member: 'acct_demo_chloe', kind: 'language', text: 'Wie hoch ist meine nächste Rechnung?', expect: x({ says: [/German/i, '25.98'] }) },

  { id: 'b8-jonas-1', member: 'acct_demo_jonas', kind: 'who_bills', text: 'will any money come off my card for this?', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b8-jonas-2', member: 'acct_demo_jonas', kind: 'next_charge', text: 'whats the price of my plan', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b8-jonas-3', member: 'acct_demo_jonas', kind: 'card_replaced', text: 'I want to add my own payment method', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b8-jonas-4', member: 'acct_demo_jonas', kind: 'access_end', text: 'does my access expire at some point', expect: x({ says: [OWNER] }),
    followUp: { text: 'ok and do i ever pay', expect: x({ says: [OWNER], never: ['4242'] }) } },

  { id: 'b8-dev-1', member: 'acct_demo_dev', kind: 'price_change', text: 'I have been with you since June and suddenly my payment is higher. When was this decided and why was I not informed?', expect: x({ says: [/price/i, 'September 18'] }) },
  { id: 'b8-dev-2', member: 'acct_demo_dev', kind: 'next_charge', text: 'how much comes out on the 30th and is it the new or old price', expect: x({ says: ['23.72'] }) },
  { id: 'b8-dev-3', member: 'acct_demo_dev', kind: 'bill_difference', text: 'difference between my sept and oct statement is 2.26, explain', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b8-dev-4', member: 'acct_demo_dev', kind: 'access_end', text: 'if I leave because of the new price how long do I have', expect: x({ says: ['November 30'] }),
    followUp: { text: 'and would I pay the 30th still', expect: x({ says: [/(23.72|nothing more|no further|November 30)/i] }) } },

  { id: 'b8-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'my bill comes from my phone provider, is that normal for reelhouse?', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b8-emi-2', member: 'acct_demo_emi', kind: 'access_end', text: 'is there an end date on my membership', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b8-emi-3', member: 'acct_demo_emi', kind: 'next_charge', text: 'what do I pay each month for reelhouse', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b8-emi-4', member: 'acct_demo_emi', kind: 'cancel', text: 'stop my subscription please', expect: x({ says: ['Northwind Mobile'] }) },

  { id: 'b8-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'I went travelling and put the account on hold, when does that finish?', expect: x({ says: ['December 19'] }),
    followUp: { text: 'cost after that?', expect: x({ says: ['12.99'] }) } },
  { id: 'b8-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'when is my next payment', expect: x({ says: ['December 19'] }) },
  { id: 'b8-finn-3', member: 'acct_demo_finn', kind: 'pause', text: 'am I being charged while it is paused', expect: x({ says: [/paus/i] }) },
  { id: 'b8-finn-4', member: 'acct_demo_finn', kind: 'language', text: '¿Me van a cobrar en diciembre?', expect: x({ says: [/Spanish/i, '12.99'] }) },

  { id: 'b8-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'Hi, my daughter says the films stopped working on our account, we pay every month so what happened?', expect: x({ says: [/on hold/i] }),
    followUp: { text: 'what do I need to do', expect: x({ says: ['/account/payments'] }) } },
  { id: 'b8-grace-2', member: 'acct_demo_grace', kind: 'retry', text: 'are you going to charge the card again by yourselves?', expect: x({ says: ['November 28'] }) },
  { id: 'b8-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'is my account suspended because of money', expect: x({ says: [/on hold/i] }) },
  { id: 'b8-grace-4', member: 'acct_demo_grace', kind: 'if_retry_fails', text: 'how many more tries before you close it', expect: x({ says: ['December 2'] }) },

  { id: 'b8-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'I unsubscribed a couple of months back so why is there a fresh reelhouse payment?', expect: x({ kinds: CHARGE, says: [/restarted/i] }),
    followUp: { text: 'that TV is in my living room, maybe my son did it. how much will the next one be', expect: x({ says: ['31.03'] }) } },
  { id: 'b8-hugo-2', member: 'acct_demo_hugo', kind: 'status', text: 'what is the status of my membership', expect: x({ says: [/active/i] }) },
  { id: 'b8-hugo-3', member: 'acct_demo_hugo', kind: 'access_end', text: 'how long would I keep it after cancelling', expect: x({ says: ['December 21'] }) },
  { id: 'b8-hugo-4', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'someone reactivated it, was it from my tv?', expect: x({ says: ['Living room TV'] }) },

  { id: 'b8-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'until what day is my account still working', expect: x({ says: ['December 8'] }) },
  { id: 'b8-ines-2', member: 'acct_demo_ines', kind: 'next_charge', text: 'no more payments after this, correct?', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) },
  { id: 'b8-ines-3', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'my cousin wants to share my account legally, how?', expect: x({ says: [/Brazil/i] }) },
  { id: 'b8-ines-4', member: 'acct_demo_ines', kind: 'language', text: 'Vou perder o acesso quando?', expect: x({ says: [/Portuguese/i, 'December 8'] }),
    followUp: { text: 'e depois não pago mais nada?', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) } },

  { id: 'b8-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'my payment date moved a day earlier, did something change?', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b8-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'lost my card, bank sent a replacement. do I need to re-enter it on reelhouse?', expect: x({ says: ['0119'] }) },
  { id: 'b8-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'upcoming charge amount and date please', expect: x({ says: ['11.01', 'November 30'] }) },
  { id: 'b8-jade-4', member: 'acct_demo_jade', kind: 'extra_member_unavailable', text: 'how do I share my plan with my sister', expect: x({ says: [/(Basic plan has no extra member places|extra member)/i] }),
    followUp: { text: 'which plan would let me', expect: x({ says: [/(Standard|Premium)/i] }) } },

  { id: 'b8-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'what is coming out of my account on sunday', expect: k({ says: ['18.99'] }) },
  { id: 'b8-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'did you send me money back recently? saw a small credit', expect: k({ says: [/refund/i] }) },
  { id: 'b8-karim-3', member: 'acct_demo_karim', kind: 'takeover', text: 'there are devices in Lagos on my account and I live in Leeds', expect: x({ says: [TAKEOVER] }) },
  { id: 'b8-karim-4', member: 'acct_demo_karim', kind: 'security_plus', text: 'can you tell me which plan I have and how much it is', expect: k({ says: ['Premium', '18.99'] }),
    followUp: { text: 'and the renewal day?', expect: k({ says: ['29'] }) } },
];
