import type { DevOpening, Expectation } from './dev-openings-harness.ts';

/**
 * A third batch, written after batch 2 reached 40/40 and measured once
 * before any change for it: 21/30 (0.700), the last estimate, on this
 * author's wording, of how the rules do on openings they were not tuned on.
 * The general fixes it showed were made afterwards (30/30), so it is a
 * development set now like the others.
 */

const NOT_FOUND = /No Reelhouse charge .*was found/i;
const TAKEOVER = /lock your account down/i;
const CHARGE = ['charge_explanation'];
const x = (e: Expectation): Expectation => ({ ...e, never: [...(e.never ?? []), /(tell|send|give|share|type) (me )?(your|the) (password|code|full card)/i, NOT_FOUND] });

export const DEV_OPENINGS_BATCH3: DevOpening[] = [
  { id: 'b3-ava-1', member: 'acct_demo_ava', kind: 'proration', text: 'Hello, I am writing because I see one more payment this month of 6 dollar 95 and I dont understand from where it comes', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b3-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'premium costs how much for me per month with taxes', expect: x({ says: ['27.55'] }) },
  { id: 'b3-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'I have been charged two different amounts by you since september, 10.88 AND 19.59. Explain yourselves.', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'and how much will the next one be', expect: x({ says: ['19.59'] }) } },
  { id: 'b3-ben-2', member: 'acct_demo_ben', kind: 'who_bills', text: 'what payment method do you have for me', expect: x({ says: ['4444'] }) },
  { id: 'b3-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'I got charged extra after adding Jonas?', expect: x({ kinds: CHARGE, says: [/extra.member/i] }),
    followUp: { text: 'ok so what is the total per month now', expect: x({ says: ['25.98'] }) } },
  { id: 'b3-chloe-2', member: 'acct_demo_chloe', kind: 'language', text: 'Guten Tag, warum zahle ich jetzt mehr als vorher?', expect: x({ says: [/German/i, /extra.member/i] }) },
  { id: 'b3-jonas-1', member: 'acct_demo_jonas', kind: 'access_end', text: 'how long can i use chloes account', expect: x({ says: [/owner/i] }) },
  { id: 'b3-dev-1', member: 'acct_demo_dev', kind: 'price_change', text: 'nobody told me about a price change!!', expect: x({ kinds: CHARGE, says: ['September 18'] }) },
  { id: 'b3-dev-2', member: 'acct_demo_dev', kind: 'next_charge', text: 'due date for my next invoice?', expect: x({ says: ['November 30'] }) },
  { id: 'b3-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'my phone company bill has reelhouse on it, is that normal?', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b3-emi-2', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'i want my husband to have his own login on my plan', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b3-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'im back from travelling early can i start watching again before the 19th', expect: x({ says: ['December 19'] }) },
  { id: 'b3-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'when does billing start again', expect: x({ says: ['December 19'] }),
    followUp: { text: 'how much', expect: x({ says: ['12.99'] }) } },
  { id: 'b3-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'reelhouse wont let me watch, says my account has a billing issue', expect: x({ says: [/on hold/i] }) },
  { id: 'b3-grace-2', member: 'acct_demo_grace', kind: 'hold', text: 'Why did my payment bounce? I have money on the card.', expect: x({ says: [/(declined|on hold)/i, '19.47'] }),
    followUp: { text: 'so when do you try it again', expect: x({ says: ['November 28'] }) } },
  { id: 'b3-grace-3', member: 'acct_demo_grace', kind: 'language', text: 'Mi cuenta está suspendida, ¿qué pasó con mi pago?', expect: x({ says: [/Spanish/i, /on hold/i] }) },
  { id: 'b3-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'why am i paying for a membership i cancelled', expect: x({ kinds: CHARGE, says: [/restarted/i] }),
    followUp: { text: 'that wasnt me', expect: x({ says: [/(security|devices|password)/i] }) } },
  { id: 'b3-hugo-2', member: 'acct_demo_hugo', kind: 'next_charge', text: 'will this keep charging me every month?', expect: x({ says: ['December 21'] }) },
  { id: 'b3-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'is my account still usable after I cancelled?', expect: x({ says: ['December 8'] }) },
  { id: 'b3-ines-2', member: 'acct_demo_ines', kind: 'next_charge', text: 'i hope you are not going to take more money from me', expect: x({ says: [/nothing more/i] }) },
  { id: 'b3-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'my renewal says nov 30 but i joined on oct 31, typo?', expect: x({ says: [/31/, /last day/i] }) },
  { id: 'b3-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'I got a new visa with a different number, where do I change it', expect: x({ says: [/payments page/i] }) },
  { id: 'b3-karim-1', member: 'acct_demo_karim', kind: 'refund', text: 'I got 5 pounds back in november, what was that for', expect: x({ says: ['5.00', /security/i], never: [TAKEOVER] }) },
  { id: 'b3-karim-2', member: 'acct_demo_karim', kind: 'next_charge', text: 'what day do you take the money', expect: x({ says: ['29'], never: [TAKEOVER] }) },
  { id: 'b3-karim-3', member: 'acct_demo_karim', kind: 'takeover', text: 'theres a guest profile i never made and someone in lagos watching', expect: x({ says: [/Lagos/i], button: 'confirm:' }) },
  { id: 'b3-ben-3', member: 'acct_demo_ben', kind: 'pasted_password', text: 'my login is ben@demo.reelhouse.example password BenOk2024 why 2 accounts', expect: x({ says: [/change it now/i], button: 'link:' }) },
  { id: 'b3-dev-3', member: 'acct_demo_dev', kind: 'bill_difference', text: 'before it was 21.46 each month, since october 23.72. why?', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b3-ava-3', member: 'acct_demo_ava', kind: 'weekday', text: 'thursday i saw 6.95 on my card from you', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b3-ines-3', member: 'acct_demo_ines', kind: 'language', text: 'Vou ser cobrada de novo em dezembro?', expect: x({ says: [/Portuguese/i, /nothing more/i] }) },
  { id: 'b3-chloe-3', member: 'acct_demo_chloe', kind: 'next_charge', text: 'what is my monthly price now with 2 people', expect: x({ says: ['25.98'] }) },
];
