import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, PASSWORD, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * A sixth development batch (72 openings, 6 per demo member, 10 with a
 * follow-up), written after batch 5 reached 156/156 and measured once on
 * those rules before any change for it: the estimate, on this author's
 * wording, of how the reading by meaning does on openings it was not tuned
 * on. Same styles as batch 5, different wording.
 */

export const DEV_OPENINGS_BATCH6: DevOpening[] = [
  // ── Ava: $6.95 upgrade on Nov 18 between $19.83 renewals on the 15th; next Dec 15 $27.55
  { id: 'b6-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'there is a reelhouse charge 3 days after my usual one. mistake?', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b6-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'what am i paying on december 15', expect: x({ says: ['27.55'] }) },
  { id: 'b6-ava-3', member: 'acct_demo_ava', kind: 'two_questions', text: 'Why did the amount change? And will it stay like this?', expect: x({ says: [/(upgrad|premium)/i] }),
    followUp: { text: 'ok so whats the exact amount in december', expect: x({ says: ['27.55'] }) } },
  { id: 'b6-ava-4', member: 'acct_demo_ava', kind: 'access_end', text: 'thinking of quitting. would i keep premium until the 15th?', expect: x({ says: ['December 15'] }) },
  { id: 'b6-ava-5', member: 'acct_demo_ava', kind: 'language', text: 'Olá, qual vai ser o valor da próxima cobrança?', expect: x({ says: [/Portuguese/i, '27.55'] }) },
  { id: 'b6-ava-6', member: 'acct_demo_ava', kind: 'pasted_card', text: 'visa 4242424242424242 got hit with 6.95 extra', expect: x({ kinds: CHARGE, says: [/removed the card/i, /upgrad/i] }) },

  // ── Ben: second membership be…@ on the same mastercard 4444 ($10.88 on the 8th); his own $19.59 on the 24th
  { id: 'b6-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'two reelhouse debits per month on my mastercard, one smaller one bigger', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'whose account is the small one', expect: x({ says: ['be…@'] }) } },
  { id: 'b6-ben-2', member: 'acct_demo_ben', kind: 'statement_paste', text: 'REELHOUSE 10.88 08 NOV\nREELHOUSE 19.59 24 NOV\n??', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'b6-ben-3', member: 'acct_demo_ben', kind: 'next_charge', text: 'what date does my payment come out each month', expect: x({ says: [/24/] }) },
  { id: 'b6-ben-4', member: 'acct_demo_ben', kind: 'who_bills', text: 'u guys still have my old mastercard or what', expect: x({ says: ['4444'] }) },
  { id: 'b6-ben-5', member: 'acct_demo_ben', kind: 'weekday', text: 'Yesterday (Wednesday) my bank app showed 10.88 from Reelhouse, I pay 19.59 normally', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'b6-ben-6', member: 'acct_demo_ben', kind: 'language', text: 'Me están cobrando dos veces cada mes, ¿por qué?', expect: x({ says: [/Spanish/i, /second Reelhouse membership/i] }) },

  // ── Chloé (DE): Jonas added Nov 19 (€4.39); next Dec 11 €25.98
  { id: 'b6-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'small extra payment after adding jonas?', expect: x({ kinds: CHARGE, says: [/extra.member/i] }),
    followUp: { text: 'will december be more then?', expect: x({ says: ['25.98'] }) } },
  { id: 'b6-chloe-2', member: 'acct_demo_chloe', kind: 'next_charge', text: 'total for december incl extra member pls', expect: x({ says: ['25.98'] }) },
  { id: 'b6-chloe-3', member: 'acct_demo_chloe', kind: 'language', text: 'Wann wird das nächste Mal abgebucht und wie viel?', expect: x({ says: [/German/i, 'December 11', '25.98'] }) },
  { id: 'b6-chloe-4', member: 'acct_demo_chloe', kind: 'extra_member_add', text: 'is there room for one more extra member on my plan', expect: x({ says: [/extra members page/i] }) },
  { id: 'b6-chloe-5', member: 'acct_demo_chloe', kind: 'proration_timing', text: 'you took money on the 19th, my date is the 11th. explain', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'b6-chloe-6', member: 'acct_demo_chloe', kind: 'access_end', text: 'if I cancel, how long can Jonas and I keep watching', expect: x({ says: ['December 11'] }) },

  // ── Jonas: extra member; the owner pays
  { id: 'b6-jonas-1', member: 'acct_demo_jonas', kind: 'next_charge', text: 'how much will I be charged next month', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b6-jonas-2', member: 'acct_demo_jonas', kind: 'who_bills', text: 'is chloe paying for my profile or am i', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b6-jonas-3', member: 'acct_demo_jonas', kind: 'cancel', text: 'I want to stop my membership', expect: x({ says: [/only the account owner/i] }) },
  { id: 'b6-jonas-4', member: 'acct_demo_jonas', kind: 'card_replaced', text: 'got a new bank card, do I need to tell you', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b6-jonas-5', member: 'acct_demo_jonas', kind: 'language', text: 'Wer bezahlt eigentlich für mein Konto?', expect: x({ says: [/German/i, OWNER], never: ['4242'] }) },
  { id: 'b6-jonas-6', member: 'acct_demo_jonas', kind: 'access_end', text: 'until when am i on the plan', expect: x({ says: [OWNER] }),
    followUp: { text: 'and who pays', expect: x({ says: [OWNER], never: ['4242'] }) } },

  // ── Dev (CA): CA$21.46 → CA$23.72 from Oct 30 (announced Sep 18); next Nov 30
  { id: 'b6-dev-1', member: 'acct_demo_dev', kind: 'bill_difference', text: 'my october bill was 23.72 but september was 21.46??', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b6-dev-2', member: 'acct_demo_dev', kind: 'price_change', text: 'did u raise prices', expect: x({ says: [/price/i, '23.72'] }) },
  { id: 'b6-dev-3', member: 'acct_demo_dev', kind: 'next_charge', text: 'whats coming out on my card end of this month', expect: x({ says: ['23.72', 'November 30'] }) },
  { id: 'b6-dev-4', member: 'acct_demo_dev', kind: 'price_change', text: 'Did I get any notice before the increase?', expect: x({ says: ['September 18'] }),
    followUp: { text: 'and how much is it now exactly', expect: x({ says: ['23.72'] }) } },
  { id: 'b6-dev-5', member: 'acct_demo_dev', kind: 'language', text: '¿Por qué subió el precio de 21,46 a 23,72?', expect: x({ says: [/Spanish/i, /price/i] }) },
  { id: 'b6-dev-6', member: 'acct_demo_dev', kind: 'weekday', text: 'friday morning 23.72 came out instead of the usual', expect: x({ kinds: CHARGE, says: [/price/i] }) },

  // ── Emi (JP): Northwind Mobile bills
  { id: 'b6-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'why is there no reelhouse on my credit card bill', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b6-emi-2', member: 'acct_demo_emi', kind: 'pause', text: 'pause please for one month', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b6-emi-3', member: 'acct_demo_emi', kind: 'next_charge', text: 'what do I owe you this month', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b6-emi-4', member: 'acct_demo_emi', kind: 'access_end', text: 'if i stop my northwind contract do i lose reelhouse', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b6-emi-5', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'my husband wants his own login on my plan', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b6-emi-6', member: 'acct_demo_emi', kind: 'language', text: 'Quem cobra minha assinatura?', expect: x({ says: [/Portuguese/i, 'Northwind Mobile'] }) },

  // ── Finn (GB): paused Oct 19 → Dec 19, then £12.99
  { id: 'b6-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'how long is my break', expect: x({ says: ['December 19'] }) },
  { id: 'b6-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'first bill after the pause?', expect: x({ says: ['12.99', 'December 19'] }) },
  { id: 'b6-finn-3', member: 'acct_demo_finn', kind: 'pause', text: 'the app says my membership is paused. I forgot I did that, when is it back', expect: x({ says: ['December 19'] }),
    followUp: { text: 'and will it charge me straight away then', expect: x({ says: ['12.99'] }) } },
  { id: 'b6-finn-4', member: 'acct_demo_finn', kind: 'charge_explain', text: 'was I charged anything in november', expect: x({ says: [/paus/i] }) },
  { id: 'b6-finn-5', member: 'acct_demo_finn', kind: 'language', text: '¿Cuándo vuelve mi suscripción?', expect: x({ says: [/Spanish/i, 'December 19'] }) },
  { id: 'b6-finn-6', member: 'acct_demo_finn', kind: 'pasted_password', text: 'password = Gallagher77 and it says paused, when does it restart', expect: x({ ...PASSWORD, says: [...PASSWORD.says, 'December 19'] }) },

  // ── Grace: on hold; $19.47 declined Nov 25, Nov 26; next try Nov 28; last Dec 2
  { id: 'b6-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'everything says payment required and nothing will play', expect: x({ says: [/on hold/i] }) },
  { id: 'b6-grace-2', member: 'acct_demo_grace', kind: 'retry', text: 'will you take the money automatically again or do i have to do something', expect: x({ says: ['November 28'] }) },
  { id: 'b6-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'why was my payment refused', expect: x({ says: [/declined/i] }),
    followUp: { text: 'what if it happens again', expect: x({ says: ['December 2'] }) } },
  { id: 'b6-grace-4', member: 'acct_demo_grace', kind: 'authorization', text: 'what was that 1 dollar charge early this month', expect: x({ kinds: CHARGE, says: [/(check|authori)/i] }) },
  { id: 'b6-grace-5', member: 'acct_demo_grace', kind: 'language', text: 'Mi cuenta está suspendida, ¿qué hago?', expect: x({ says: [/Spanish/i, /on hold/i] }) },
  { id: 'b6-grace-6', member: 'acct_demo_grace', kind: 'two_questions', text: 'how long until my account gets cancelled and how do I stop that?', expect: x({ says: ['December 2', '/account/payments'] }) },

  // ── Hugo (CA): cancelled Sep 13, restarted Nov 21 from "Living room TV" (CA$31.03); next Dec 21
  { id: 'b6-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'how are you billing me when I closed my account in sept', expect: x({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'b6-hugo-2', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'which device restarted my subscription', expect: x({ says: ['Living room TV'] }),
    followUp: { text: 'so is it active now?', expect: x({ says: [/active/i, 'December 21'] }) } },
  { id: 'b6-hugo-3', member: 'acct_demo_hugo', kind: 'next_charge', text: 'will it take another 31.03 next month?', expect: x({ says: ['December 21'] }) },
  { id: 'b6-hugo-4', member: 'acct_demo_hugo', kind: 'weekday', text: 'Noticed on Sunday a 31.03 payment, I thought I had cancelled?!', expect: x({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'b6-hugo-5', member: 'acct_demo_hugo', kind: 'language', text: 'Eu cancelei em setembro, por que fui cobrado de novo?', expect: x({ says: [/Portuguese/i, /restarted/i] }) },
  { id: 'b6-hugo-6', member: 'acct_demo_hugo', kind: 'access_end', text: 'if I cancel today do I get to use the rest of the month', expect: x({ says: ['December 21'] }) },

  // ── Inês (BR): cancellation pending, access until Dec 8; no extra members in Brazil
  { id: 'b6-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'whats my last day', expect: x({ says: ['December 8'] }),
    followUp: { text: 'and you wont take any more money?', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) } },
  { id: 'b6-ines-2', member: 'acct_demo_ines', kind: 'status', text: 'just checking the cancel went through', expect: x({ says: ['December 8'] }) },
  { id: 'b6-ines-3', member: 'acct_demo_ines', kind: 'language', text: 'Vou ser cobrada em dezembro?', expect: x({ says: [/Portuguese/i, 'December 8'] }) },
  { id: 'b6-ines-4', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'why cant my brother join as extra member', expect: x({ says: [/Brazil/i] }) },
  { id: 'b6-ines-5', member: 'acct_demo_ines', kind: 'access_end', text: 'so do I still have reelhouse next week or is it off already', expect: x({ says: ['December 8'] }) },
  { id: 'b6-ines-6', member: 'acct_demo_ines', kind: 'pasted_card', text: 'cartão 4111 1111 1111 1111 — vou ser cobrada de novo?', expect: x({ says: [/removed the card/i, 'December 8'] }) },

  // ── Jade: billing day the 31st → Nov 30 ($11.01), then Dec 31; card reissued (visa 0119)
  { id: 'b6-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'I joined on Oct 31, so why is my renewal Nov 30 and not Dec 1?', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b6-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'my visa was reissued with new numbers, anything I need to do?', expect: x({ says: ['0119'] }) },
  { id: 'b6-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'how much is the renewal on sunday', expect: x({ says: ['11.01'] }),
    followUp: { text: 'and the month after', expect: x({ says: ['December 31'] }) } },
  { id: 'b6-jade-4', member: 'acct_demo_jade', kind: 'extra_member_unavailable', text: 'I want my roommate on my plan as extra member', expect: x({ says: [/Basic plan has no extra member places/i] }) },
  { id: 'b6-jade-5', member: 'acct_demo_jade', kind: 'language', text: 'Meu banco trocou meu cartão, preciso atualizar?', expect: x({ says: [/Portuguese/i, '0119'] }) },
  { id: 'b6-jade-6', member: 'acct_demo_jade', kind: 'billing_day', text: 'so every month the date jumps around?', expect: x({ says: [/(31|last day)/i] }) },

  // ── Karim (GB): danger findings; £5.00 refund Nov 17; next Nov 29 £18.99
  { id: 'b6-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'what day am I charged', expect: k({ says: [/29/] }) },
  { id: 'b6-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'you refunded me a fiver, what for?', expect: k({ says: [/refund/i] }) },
  { id: 'b6-karim-3', member: 'acct_demo_karim', kind: 'security_plus', text: 'cancel my membership please', expect: k({ kinds: ['confirm_action'] }) },
  { id: 'b6-karim-4', member: 'acct_demo_karim', kind: 'takeover', text: 'someone in Nigeria is watching on my account', expect: x({ says: [TAKEOVER] }) },
  { id: 'b6-karim-5', member: 'acct_demo_karim', kind: 'language', text: 'Wann ist meine nächste Abbuchung?', expect: k({ says: [/German/i, 'November 29'] }) },
  { id: 'b6-karim-6', member: 'acct_demo_karim', kind: 'pasted_password', text: 'pass: Karim2024! whats my monthly price', expect: k({ ...PASSWORD, says: [...PASSWORD.says, '18.99'] }) },
];
