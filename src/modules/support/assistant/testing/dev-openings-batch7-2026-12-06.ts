import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, PASSWORD, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * A seventh development batch (60 openings, 5 per demo member, 9 with a
 * follow-up), written after batch 6 reached 72/72 and measured once on those
 * rules before any change for it. The author had written the rules, so this
 * is an optimistic estimate of unseen wording; the frozen held-out set, by
 * other authors, is the real one.
 */

export const DEV_OPENINGS_BATCH7: DevOpening[] = [
  // ── Ava
  { id: 'b7-ava-1', member: 'acct_demo_ava', kind: 'proration_timing', text: 'Got an odd little charge on the 18th from Reelhouse. Am I being scammed?', expect: x({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'b7-ava-2', member: 'acct_demo_ava', kind: 'next_charge', text: 'premium now, so whats the monthly going forward', expect: x({ says: ['27.55'] }) },
  { id: 'b7-ava-3', member: 'acct_demo_ava', kind: 'who_bills', text: 'what card is my subscription on', expect: x({ says: ['4242'] }) },
  { id: 'b7-ava-4', member: 'acct_demo_ava', kind: 'two_questions', text: 'When is the next charge? Also why did I pay twice this month?', expect: x({ says: ['December 15', /upgrad/i] }) },
  { id: 'b7-ava-5', member: 'acct_demo_ava', kind: 'access_end', text: 'if i downgrade or cancel do i lose premium right away', expect: x({ says: ['December 15'] }),
    followUp: { text: 'ok and how much would I pay if I just keep it', expect: x({ says: ['27.55'] }) } },

  // ── Ben
  { id: 'b7-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'Reelhouse appears on my statement on the 8th AND the 24th. Why both?', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'whats the email on the other one', expect: x({ says: ['be…@'] }) } },
  { id: 'b7-ben-2', member: 'acct_demo_ben', kind: 'next_charge', text: 'how much next month', expect: x({ says: ['19.59'] }) },
  { id: 'b7-ben-3', member: 'acct_demo_ben', kind: 'pasted_password', text: 'my pw is Okafor#1 and I think theres 2 accounts', expect: x({ ...PASSWORD, says: [...PASSWORD.says, /second Reelhouse membership/i] }) },
  { id: 'b7-ben-4', member: 'acct_demo_ben', kind: 'language', text: 'Por que estou pagando duas vezes por mês?', expect: x({ says: [/Portuguese/i, /second Reelhouse membership/i] }) },
  { id: 'b7-ben-5', member: 'acct_demo_ben', kind: 'access_end', text: 'when would my access stop if I quit today', expect: x({ says: ['December 24'] }) },

  // ── Chloé
  { id: 'b7-chloe-1', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: '4,39 taken on 19.11., what is it', expect: x({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'b7-chloe-2', member: 'acct_demo_chloe', kind: 'next_charge', text: 'new monthly price with my brother added?', expect: x({ says: ['25.98'] }) },
  { id: 'b7-chloe-3', member: 'acct_demo_chloe', kind: 'language', text: 'Kann ich noch jemanden als Zusatzmitglied hinzufügen?', expect: x({ says: [/German/i, /extra members page/i] }) },
  { id: 'b7-chloe-4', member: 'acct_demo_chloe', kind: 'who_bills', text: 'does jonas pay his part or do I pay everything', expect: x({ says: [/(4242|directly|you)/i] }) },
  { id: 'b7-chloe-5', member: 'acct_demo_chloe', kind: 'next_charge', text: 'what date will I see the next debit', expect: x({ says: ['December 11'] }),
    followUp: { text: 'and is that the full 25.98?', expect: x({ says: ['25.98'] }) } },

  // ── Jonas
  { id: 'b7-jonas-1', member: 'acct_demo_jonas', kind: 'who_bills', text: 'am i being billed for this?', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b7-jonas-2', member: 'acct_demo_jonas', kind: 'next_charge', text: 'when does my subscription renew', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b7-jonas-3', member: 'acct_demo_jonas', kind: 'pause', text: 'pause my account for december', expect: x({ says: [/owner/i] }) },
  { id: 'b7-jonas-4', member: 'acct_demo_jonas', kind: 'extra_member_add', text: 'can my sister join too', expect: x({ says: [/only the account owner/i] }) },
  { id: 'b7-jonas-5', member: 'acct_demo_jonas', kind: 'language', text: '¿Cuánto pago yo al mes?', expect: x({ says: [/Spanish/i, OWNER], never: ['4242'] }) },

  // ── Dev
  { id: 'b7-dev-1', member: 'acct_demo_dev', kind: 'price_change', text: 'my reelhouse got more expensive, since when?', expect: x({ says: [/price/i, /October/i] }) },
  { id: 'b7-dev-2', member: 'acct_demo_dev', kind: 'bill_difference', text: '21.46 → 23.72 ???', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b7-dev-3', member: 'acct_demo_dev', kind: 'next_charge', text: 'Could you tell me what I will be billed on November 30?', expect: x({ says: ['23.72'] }) },
  { id: 'b7-dev-4', member: 'acct_demo_dev', kind: 'who_bills', text: 'am i billed by apple or by reelhouse', expect: x({ says: [/directly/i] }) },
  { id: 'b7-dev-5', member: 'acct_demo_dev', kind: 'price_change', text: 'so the 23.72 stays?', expect: x({ says: ['23.72'] }),
    followUp: { text: 'when is the next one', expect: x({ says: ['November 30'] }) } },

  // ── Emi
  { id: 'b7-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'who takes the money for my reelhouse', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b7-emi-2', member: 'acct_demo_emi', kind: 'next_charge', text: 'renewal date pls', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b7-emi-3', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'where is the extra member button', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b7-emi-4', member: 'acct_demo_emi', kind: 'card_replaced', text: 'I have a new credit card, please update it', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b7-emi-5', member: 'acct_demo_emi', kind: 'language', text: 'Wie kann ich kündigen?', expect: x({ says: [/German/i, 'Northwind Mobile'] }) },

  // ── Finn
  { id: 'b7-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'is my account frozen or paused or what', expect: x({ says: [/paus/i, 'December 19'] }) },
  { id: 'b7-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'next bill amount', expect: x({ says: ['12.99'] }) },
  { id: 'b7-finn-3', member: 'acct_demo_finn', kind: 'pause', text: 'I want to watch again, when will it start?', expect: x({ says: ['December 19'] }),
    followUp: { text: 'and will it charge me then', expect: x({ says: ['12.99'] }) } },
  { id: 'b7-finn-4', member: 'acct_demo_finn', kind: 'language', text: 'Quando volta minha assinatura?', expect: x({ says: [/Portuguese/i, 'December 19'] }) },
  { id: 'b7-finn-5', member: 'acct_demo_finn', kind: 'who_bills', text: 'what card do you charge after the pause', expect: x({ says: ['4242'] }) },

  // ── Grace
  { id: 'b7-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'says i need to update payment but my card is fine??', expect: x({ says: [/on hold/i] }) },
  { id: 'b7-grace-2', member: 'acct_demo_grace', kind: 'retry', text: 'when is the next attempt', expect: x({ says: ['November 28'] }),
    followUp: { text: 'and the last one?', expect: x({ says: ['December 2'] }) } },
  { id: 'b7-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'Shows wont load, it says something about my membership', expect: x({ says: [/on hold/i] }) },
  { id: 'b7-grace-4', member: 'acct_demo_grace', kind: 'language', text: 'Warum kann ich nichts mehr schauen?', expect: x({ says: [/German/i, /on hold/i] }) },
  { id: 'b7-grace-5', member: 'acct_demo_grace', kind: 'next_charge', text: 'how much are you trying to charge me', expect: x({ says: ['19.47'] }) },

  // ── Hugo
  { id: 'b7-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'subscription was cancelled, still got billed 31.03', expect: x({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'b7-hugo-2', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'how did my membership get turned back on?', expect: x({ says: ['Living room TV'] }) },
  { id: 'b7-hugo-3', member: 'acct_demo_hugo', kind: 'next_charge', text: 'next payment date?', expect: x({ says: ['December 21'] }) },
  { id: 'b7-hugo-4', member: 'acct_demo_hugo', kind: 'language', text: 'Ich habe im September gekündigt, warum wurde mir wieder Geld abgebucht?', expect: x({ says: [/German/i, /restarted/i] }) },
  { id: 'b7-hugo-5', member: 'acct_demo_hugo', kind: 'status', text: 'am I still subscribed?', expect: x({ says: [/active/i, 'December 21'] }),
    followUp: { text: 'ok please cancel it', expect: x({ kinds: ['confirm_action'] }) } },

  // ── Inês
  { id: 'b7-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'how many days do i have left', expect: x({ says: ['December 8'] }) },
  { id: 'b7-ines-2', member: 'acct_demo_ines', kind: 'next_charge', text: 'is there any payment coming in december', expect: x({ says: ['December 8'] }) },
  { id: 'b7-ines-3', member: 'acct_demo_ines', kind: 'language', text: 'Meu cancelamento deu certo?', expect: x({ says: [/Portuguese/i, 'December 8'] }) },
  { id: 'b7-ines-4', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'Can my mom be added to my plan as extra?', expect: x({ says: [/Brazil/i] }) },
  { id: 'b7-ines-5', member: 'acct_demo_ines', kind: 'access_end', text: 'will i lose my shows tomorrow?', expect: x({ says: ['December 8'] }),
    followUp: { text: 'and then no more charges?', expect: x({ says: [/(nothing more|no further|not be charged)/i] }) } },

  // ── Jade
  { id: 'b7-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'you charge me on the 30th this month but I signed up on the 31st, whats up with that', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b7-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'card expired, got a replacement from chase. will reelhouse still work', expect: x({ says: ['0119'] }) },
  { id: 'b7-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'how much do I pay on the 30th', expect: x({ says: ['11.01'] }) },
  { id: 'b7-jade-4', member: 'acct_demo_jade', kind: 'language', text: '¿Por qué me cobran el 30 y no el 31?', expect: x({ says: [/Spanish/i, /(31|last day)/i] }) },
  { id: 'b7-jade-5', member: 'acct_demo_jade', kind: 'who_bills', text: 'which card ends in what on my account', expect: x({ says: ['0119'] }) },

  // ── Karim
  { id: 'b7-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'Could you confirm my renewal date please?', expect: k({ says: ['November 29'] }) },
  { id: 'b7-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'why is there a £5 credit on my account', expect: k({ says: [/refund/i] }) },
  { id: 'b7-karim-3', member: 'acct_demo_karim', kind: 'takeover', text: 'i never changed my email to quickmail, what is going on', expect: x({ says: [TAKEOVER] }) },
  { id: 'b7-karim-4', member: 'acct_demo_karim', kind: 'security_plus', text: 'which card is being charged', expect: k({ says: ['4242'] }),
    followUp: { text: 'and how much', expect: k({ says: ['18.99'] }) } },
  { id: 'b7-karim-5', member: 'acct_demo_karim', kind: 'security_plus', text: 'if i cancel, until when can i use it', expect: k({ says: ['November 29'] }) },
];
