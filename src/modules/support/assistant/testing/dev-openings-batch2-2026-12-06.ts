import type { DevOpening, Expectation } from './dev-openings-harness.ts';

/**
 * A second batch of openings for the same demo members, written after the
 * issue-10 rules had reached 130/130 on the first set and measured once
 * before any change made for it: an estimate of how the rules do on wording
 * they were not tuned on (still written by the same author).
 */

const NOT_FOUND = /No Reelhouse charge .*was found/i;
const TAKEOVER = /lock your account down/i;
const CHARGE = ['charge_explanation'];
const x = (e: Expectation): Expectation => ({ ...e, never: [...(e.never ?? []), /(tell|send|give|share|type) (me )?(your|the) (password|code|full card)/i, NOT_FOUND] });

export const DEV_OPENINGS_BATCH2: DevOpening[] = [
  { id: 'b2-ava-1', member: 'acct_demo_ava', kind: 'next_charge', text: 'whats the damage next month', expect: x({ says: ['27.55'] }) },
  { id: 'b2-ava-2', member: 'acct_demo_ava', kind: 'proration_timing', text: 'hey so i got billed on the 18th?? my renewal is the 15th, did something go wrong', expect: x({ kinds: CHARGE, says: [/upgrad/i] }),
    followUp: { text: 'will that happen again', expect: x({ says: [/(only once|isn.t repeated|not repeated)/i] }) } },
  { id: 'b2-ava-3', member: 'acct_demo_ava', kind: 'who_bills', text: 'is it my visa you charge or paypal', expect: x({ says: ['4242'] }) },
  { id: 'b2-ava-4', member: 'acct_demo_ava', kind: 'access_end', text: 'if I stop my subscription today how long do I keep it', expect: x({ says: ['December 15, 2026'] }) },
  { id: 'b2-ben-1', member: 'acct_demo_ben', kind: 'double_charge', text: 'Why do I have 2 reelhouse payments every month? One is 10.88', expect: x({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'get rid of the second one please', expect: x({ says: [/(billing team|different account|sign in with)/i] }) } },
  { id: 'b2-ben-2', member: 'acct_demo_ben', kind: 'next_charge', text: 'what day does my card get hit next', expect: x({ says: ['December 24'] }) },
  { id: 'b2-ben-3', member: 'acct_demo_ben', kind: 'weekday', text: 'tuesday my bank showed reelhouse 19.59, is that right', expect: x({ kinds: CHARGE, says: ['19.59'] }) },
  { id: 'b2-chloe-1', member: 'acct_demo_chloe', kind: 'next_charge', text: 'What will I be paying from December on, with Jonas added?', expect: x({ says: ['25.98'] }) },
  { id: 'b2-chloe-2', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'someone explain the 4.39 pls', expect: x({ kinds: CHARGE, says: [/extra.member/i] }),
    followUp: { text: 'and from now on?', expect: x({ says: ['25.98'] }) } },
  { id: 'b2-chloe-3', member: 'acct_demo_chloe', kind: 'language', text: 'Können Sie mir sagen, wer mein Konto benutzt?', expect: x({ says: [/German/i, 'Living room TV'] }) },
  { id: 'b2-jonas-1', member: 'acct_demo_jonas', kind: 'next_charge', text: 'how much do i pay for this', expect: x({ says: [/owner/i], never: ['4242'] }) },
  { id: 'b2-jonas-2', member: 'acct_demo_jonas', kind: 'extra_member_add', text: 'can i add my girlfriend too', expect: x({ says: [/owner/i] }) },
  { id: 'b2-dev-1', member: 'acct_demo_dev', kind: 'bill_difference', text: 'why 23.72 instead of 21.46', expect: x({ kinds: CHARGE, says: [/price/i] }),
    followUp: { text: 'will it go up again?', expect: x({ says: ['23.72'] }) } },
  { id: 'b2-dev-2', member: 'acct_demo_dev', kind: 'price_change', text: 'you raised prices?', expect: x({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'b2-dev-3', member: 'acct_demo_dev', kind: 'next_charge', text: 'remind me what my monthly cost is now', expect: x({ says: ['23.72'] }) },
  { id: 'b2-emi-1', member: 'acct_demo_emi', kind: 'who_bills', text: 'why isnt reelhouse on my bank statement', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b2-emi-2', member: 'acct_demo_emi', kind: 'pause', text: 'can i pause for a month', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'b2-emi-3', member: 'acct_demo_emi', kind: 'next_charge', text: 'how much is my plan a month', expect: x({ says: ['Northwind Mobile'] }),
    followUp: { text: 'and when will i be charged?', expect: x({ says: ['Northwind Mobile'] }) } },
  { id: 'b2-finn-1', member: 'acct_demo_finn', kind: 'pause', text: 'when do i get my shows back', expect: x({ says: ['December 19'] }) },
  { id: 'b2-finn-2', member: 'acct_demo_finn', kind: 'next_charge', text: 'what will i be charged in december', expect: x({ says: ['12.99', 'December 19'] }) },
  { id: 'b2-finn-3', member: 'acct_demo_finn', kind: 'charge_explain', text: 'no charge since september is that ok?', expect: x({ says: [/paus/i] }) },
  { id: 'b2-grace-1', member: 'acct_demo_grace', kind: 'hold', text: 'why is everything locked, it says payment required', expect: x({ says: [/on hold/i] }) },
  { id: 'b2-grace-2', member: 'acct_demo_grace', kind: 'hold', text: 'my card got declined but i have funds', expect: x({ says: [/on hold/i, '19.47'] }),
    followUp: { text: 'ok what now', expect: x({ says: [/(update|payments page)/i] }) } },
  { id: 'b2-grace-3', member: 'acct_demo_grace', kind: 'hold', text: 'My subscription has been paused because of payment? I did not pause it', expect: x({ says: [/on hold/i] }) },
  { id: 'b2-grace-4', member: 'acct_demo_grace', kind: 'retry', text: 'will you retry the payment automatically', expect: x({ says: ['November 28'] }) },
  { id: 'b2-hugo-1', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'I quit reelhouse in sept. why is it back on and charging me', expect: x({ kinds: CHARGE, says: [/restarted/i] }),
    followUp: { text: 'how do i stop it for good', expect: x({ says: [/cancel/i] }) } },
  { id: 'b2-hugo-2', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'who turned my membership back on', expect: x({ says: ['Living room TV'] }) },
  { id: 'b2-ines-1', member: 'acct_demo_ines', kind: 'access_end', text: 'until what date can i watch', expect: x({ says: ['December 8, 2026'] }) },
  { id: 'b2-ines-2', member: 'acct_demo_ines', kind: 'extra_member_add', text: 'my sister wants to join my account as extra member, possible?', expect: x({ says: [/Brazil/i] }) },
  { id: 'b2-ines-3', member: 'acct_demo_ines', kind: 'language', text: '¿Cuándo termina mi suscripción? La cancelé.', expect: x({ says: [/Spanish/i, 'December 8'] }),
    followUp: { text: 'y me van a cobrar otra vez?', expect: x({ says: [/nothing more/i] }) } },
  { id: 'b2-jade-1', member: 'acct_demo_jade', kind: 'billing_day', text: 'why was my payment date moved to the 30th', expect: x({ says: [/31/] }) },
  { id: 'b2-jade-2', member: 'acct_demo_jade', kind: 'card_replaced', text: 'bank cancelled my old card and gave me another one, do i have to update anything', expect: x({ says: ['0119'] }) },
  { id: 'b2-jade-3', member: 'acct_demo_jade', kind: 'next_charge', text: 'What date will I be charged in february', expect: x({ says: [/(28|last day)/i] }) },
  { id: 'b2-karim-1', member: 'acct_demo_karim', kind: 'security_plus', text: 'how much is my next bill', expect: x({ says: ['18.99', /security/i], never: [TAKEOVER] }) },
  { id: 'b2-karim-2', member: 'acct_demo_karim', kind: 'security_plus', text: 'can i pause my membership for a month', expect: x({ says: [/security/i], never: [TAKEOVER] }) },
  { id: 'b2-karim-3', member: 'acct_demo_karim', kind: 'takeover', text: 'i did not change my email, someone got into my account', expect: x({ says: [/Lagos/i] }),
    followUp: { text: 'yes sign them out', expect: x({}) } },
  { id: 'b2-karim-4', member: 'acct_demo_karim', kind: 'pasted_password', text: 'this is my password: Hadd@d2020 please check if its right', expect: x({ says: [/change it now/i], button: 'link:' }) },
  { id: 'b2-ben-4', member: 'acct_demo_ben', kind: 'pasted_card', text: 'card 5555555555554444 charged 2x', expect: x({ says: [/removed the card/i, /second Reelhouse membership/i] }) },
  { id: 'b2-ava-5', member: 'acct_demo_ava', kind: 'language', text: 'Bonjour, quand est mon prochain paiement ?', expect: x({ says: [/French/i] }) },
  { id: 'b2-dev-4', member: 'acct_demo_dev', kind: 'bill_difference', text: 'sept 21.46 oct 23.72 explain', expect: x({ kinds: CHARGE, says: [/price/i] }) },
];
