import type { DevOpening } from './dev-openings-harness.ts';
import { CHARGE, OWNER, PASSWORD, TAKEOVER, answeredSafely as x, answeredSafelyWithoutTakeover as k } from './dev-openings-expectations.ts';

/**
 * A fifth development batch, 13 openings per demo member (156, 25 with a
 * follow-up), written for issue 10 point 4 from the README's situations and
 * the demo ledger, before looking at what the assistant answers to any of
 * them. Styles on purpose: voice-to-text without punctuation, English as a
 * second language, slang, elderly and formal, sarcasm, two questions in one,
 * very short, indirect, pasted statement lines, pasted passwords and card
 * numbers, weekdays, two amounts compared, German, Spanish and Portuguese.
 * Each expectation is the fact a right answer must contain (from the
 * account), and what it must never say. Measured once on the rules as they
 * were (docs/assistant.md has the figure) before any change for it.
 */

const CARD_REMOVED = /removed the card/i;

const UPGRADE = /upgrad/i;
const SECOND = /second Reelhouse membership/i;
const SLOT = /extra.member/i;
const PRICE = /(price|new price)/i;
const HOLD = /on hold/i;
const RESTART = /restarted/i;
const NORTHWIND = 'Northwind Mobile';

export const DEV_OPENINGS_BATCH5: DevOpening[] = [
  // ── Ava (US, visa 4242): $19.83 on the 15th, $6.95 upgrade on Nov 18; next Dec 15 $27.55
  { id: 'b5-ava-01', member: 'acct_demo_ava', kind: 'next_charge', text: 'hey so um when do i get charged next and like how much is it gonna be', expect: x({ says: ['December 15', '27.55'] }),
    followUp: { text: 'why is it more than usual', expect: x({ says: [/(premium|upgrad)/i] }) } },
  { id: 'b5-ava-02', member: 'acct_demo_ava', kind: 'proration_timing', text: 'Hello, I have question. Why there is payment on 18 November? My payment day is always 15.', expect: x({ kinds: CHARGE, says: [UPGRADE] }) },
  { id: 'b5-ava-03', member: 'acct_demo_ava', kind: 'statement_paste', text: 'REELHOUSE*PREMIUM 11/18 6.95\nREELHOUSE*STANDARD 11/15 19.83\nwhat is the first line', expect: x({ kinds: CHARGE, says: [UPGRADE] }) },
  { id: 'b5-ava-04', member: 'acct_demo_ava', kind: 'bill_difference', text: 'why did i pay 19.83 and then 6.95 three days later, thats 26.78 for one month', expect: x({ kinds: CHARGE, says: [UPGRADE] }) },
  { id: 'b5-ava-05', member: 'acct_demo_ava', kind: 'weekday', text: 'saw a small charge on tuesday, like 7 bucks, whats that', expect: x({ kinds: CHARGE, says: [UPGRADE] }) },
  { id: 'b5-ava-06', member: 'acct_demo_ava', kind: 'proration_timing', text: 'love paying random extra amounts in the middle of the month, great business model. what even was that', expect: x({ kinds: CHARGE, says: [UPGRADE] }),
    followUp: { text: 'will that happen again next month?', expect: x({ says: [/(only once|one-off|isn’t repeated|not every month)/i] }) } },
  { id: 'b5-ava-07', member: 'acct_demo_ava', kind: 'two_questions', text: 'what was the 6.95 for and how much is december going to be?', expect: x({ says: [UPGRADE, '27.55'] }) },
  { id: 'b5-ava-08', member: 'acct_demo_ava', kind: 'access_end', text: 'if i cancel today when does it stop working', expect: x({ says: ['December 15'] }) },
  { id: 'b5-ava-09', member: 'acct_demo_ava', kind: 'next_charge', text: 'Dear Sir or Madam, I would like to know the amount of my next bill for your service. Kind regards, Ava Moreno', expect: x({ says: ['27.55'] }) },
  { id: 'b5-ava-10', member: 'acct_demo_ava', kind: 'next_charge', text: 'next bill?', expect: x({ says: ['27.55'] }) },
  { id: 'b5-ava-11', member: 'acct_demo_ava', kind: 'pasted_password', text: 'my login is ava@demo.reelhouse.example password Tulip#8812 and i want to know the date of my next payment', expect: x({ ...PASSWORD, says: [...PASSWORD.says, 'December 15'] }) },
  { id: 'b5-ava-12', member: 'acct_demo_ava', kind: 'language', text: '¿Cuánto voy a pagar el próximo mes?', expect: x({ says: [/Spanish/i, '27.55'] }) },
  { id: 'b5-ava-13', member: 'acct_demo_ava', kind: 'who_bills', text: 'is this coming out of my paypal or my visa?', expect: x({ says: ['4242'] }) },

  // ── Ben (US, mastercard 4444): $19.59 on the 24th; a second membership be…@ at $10.88 on the 8th; next Dec 24
  { id: 'b5-ben-01', member: 'acct_demo_ben', kind: 'double_charge', text: 'hi yes i keep seeing reelhouse twice on my bank every month can you look into that please', expect: x({ kinds: CHARGE, says: [SECOND] }),
    followUp: { text: 'is that going to keep happening?', expect: x({ says: [/(every month|8th)/i] }) } },
  { id: 'b5-ben-02', member: 'acct_demo_ben', kind: 'statement_paste', text: '11/08 REELHOUSE.COM 10.88\n11/24 REELHOUSE.COM 19.59\nwhy two', expect: x({ kinds: CHARGE, says: [SECOND] }) },
  { id: 'b5-ben-03', member: 'acct_demo_ben', kind: 'bill_difference', text: 'why is one charge 10.88 and the other 19.59? different amounts same company', expect: x({ kinds: CHARGE, says: [SECOND] }) },
  { id: 'b5-ben-04', member: 'acct_demo_ben', kind: 'weekday', text: 'thursday morning i checked my statement and theres 2 reelhouse payments', expect: x({ kinds: CHARGE, says: [SECOND] }) },
  { id: 'b5-ben-05', member: 'acct_demo_ben', kind: 'double_charge', text: 'I am pay two time for same service, please explain me', expect: x({ kinds: CHARGE, says: [SECOND] }) },
  { id: 'b5-ben-06', member: 'acct_demo_ben', kind: 'next_charge', text: 'whens my next one coming out', expect: x({ says: ['December 24'] }),
    followUp: { text: 'how much?', expect: x({ says: ['19.59'] }) } },
  { id: 'b5-ben-07', member: 'acct_demo_ben', kind: 'who_bills', text: 'which of my cards do you have on file', expect: x({ says: ['4444'] }) },
  { id: 'b5-ben-08', member: 'acct_demo_ben', kind: 'two_questions', text: 'why am i charged twice and how do i stop the extra one?', expect: x({ says: [SECOND, /(sign in with|billing team)/i] }) },
  { id: 'b5-ben-09', member: 'acct_demo_ben', kind: 'charge_explain', text: 'whats the 10.88 one?', expect: x({ kinds: CHARGE, says: [SECOND] }),
    followUp: { text: 'ok kill that one', expect: x({ says: [/(different account|sign in with|billing team)/i] }) } },
  { id: 'b5-ben-10', member: 'acct_demo_ben', kind: 'access_end', text: 'if i cancel mine, until when can i watch', expect: x({ says: ['December 24'] }) },
  { id: 'b5-ben-11', member: 'acct_demo_ben', kind: 'pasted_card', text: 'card 5555-5555-5555-4444 exp 09/29 is being double billed', expect: x({ kinds: CHARGE, says: [CARD_REMOVED, SECOND] }) },
  { id: 'b5-ben-12', member: 'acct_demo_ben', kind: 'double_charge', text: 'wow two subscriptions for the price of two, what a deal. explain', expect: x({ kinds: CHARGE, says: [SECOND] }) },
  { id: 'b5-ben-13', member: 'acct_demo_ben', kind: 'double_charge', text: 'My grandson says I might have two accounts with you. Could you kindly check whether I am paying for two?', expect: x({ kinds: CHARGE, says: [SECOND] }) },

  // ── Chloé (DE, visa 4242): €19.99 on the 11th, Jonas added Nov 19 (€4.39); next Dec 11 €25.98; 1 of 2 places used (€5.99)
  { id: 'b5-chloe-01', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'whats the 4.39 euro thing on the 19th', expect: x({ kinds: CHARGE, says: [SLOT] }),
    followUp: { text: 'and every month from now?', expect: x({ says: [/(every month|monthly)/i, 'December 11'] }) } },
  { id: 'b5-chloe-02', member: 'acct_demo_chloe', kind: 'language', text: 'Was kostet mich Reelhouse ab Dezember mit Jonas zusammen?', expect: x({ says: [/German/i, '25.98'] }) },
  { id: 'b5-chloe-03', member: 'acct_demo_chloe', kind: 'proration_timing', text: 'got billed on the 19th even though my renewal is the 11th??', expect: x({ kinds: CHARGE, says: [SLOT] }) },
  { id: 'b5-chloe-04', member: 'acct_demo_chloe', kind: 'bill_difference', text: 'normally 19,99 but now also 4,39 - why?', expect: x({ kinds: CHARGE, says: [SLOT] }) },
  { id: 'b5-chloe-05', member: 'acct_demo_chloe', kind: 'next_charge', text: 'what will december cost me', expect: x({ says: ['25.98'] }),
    followUp: { text: 'why so much more than before', expect: x({ says: [SLOT] }) } },
  { id: 'b5-chloe-06', member: 'acct_demo_chloe', kind: 'two_questions', text: 'how much is jonas costing me per month and when is the next payment', expect: x({ says: ['December 11', '25.98'] }) },
  { id: 'b5-chloe-07', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'okay so I added my brother and now theres another charge from you guys what is that about', expect: x({ kinds: CHARGE, says: [SLOT] }) },
  { id: 'b5-chloe-08', member: 'acct_demo_chloe', kind: 'weekday', text: 'on friday a payment of 4,39 € showed up', expect: x({ kinds: CHARGE, says: [SLOT] }) },
  { id: 'b5-chloe-09', member: 'acct_demo_chloe', kind: 'who_bills', text: 'is it my visa you charge?', expect: x({ says: ['4242'] }) },
  { id: 'b5-chloe-10', member: 'acct_demo_chloe', kind: 'extra_member_add', text: 'can i add one more person, my mum?', expect: x({ says: [/extra members page/i] }) },
  { id: 'b5-chloe-11', member: 'acct_demo_chloe', kind: 'pasted_password', text: 'pw is Berlin2026! can u tell me when I get charged next', expect: x({ ...PASSWORD, says: [...PASSWORD.says, 'December 11'] }) },
  { id: 'b5-chloe-12', member: 'acct_demo_chloe', kind: 'access_end', text: 'if I stop my membership does Jonas lose it immediately?', expect: x({ says: ['December 11'] }) },
  { id: 'b5-chloe-13', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'Why I must pay 4,39 extra? I have already Premium', expect: x({ kinds: CHARGE, says: [SLOT] }) },

  // ── Jonas (DE): Chloé's extra member, his own login; the owner pays; never the owner's card
  { id: 'b5-jonas-01', member: 'acct_demo_jonas', kind: 'who_bills', text: 'who pays for my account', expect: x({ says: [OWNER], never: ['4242'] }),
    followUp: { text: 'and can I put my own card on it?', expect: x({ says: [OWNER], never: ['4242'] }) } },
  { id: 'b5-jonas-02', member: 'acct_demo_jonas', kind: 'next_charge', text: 'when is the next payment on my account', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-03', member: 'acct_demo_jonas', kind: 'who_bills', text: 'do I have to enter my card somewhere?', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-04', member: 'acct_demo_jonas', kind: 'language', text: 'Muss ich selbst etwas bezahlen?', expect: x({ says: [/German/i, OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-05', member: 'acct_demo_jonas', kind: 'cancel', text: 'can i cancel the membership', expect: x({ says: [/only the account owner/i] }) },
  { id: 'b5-jonas-06', member: 'acct_demo_jonas', kind: 'extra_member_add', text: 'can I invite my girlfriend too', expect: x({ says: [/only the account owner/i] }) },
  { id: 'b5-jonas-07', member: 'acct_demo_jonas', kind: 'access_end', text: 'how long do i have access', expect: x({ says: [OWNER] }) },
  { id: 'b5-jonas-08', member: 'acct_demo_jonas', kind: 'who_bills', text: 'hey is there gonna be a charge on my card for being on chloes plan', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-09', member: 'acct_demo_jonas', kind: 'charge_explain', text: 'why did chloe get charged 4.39 for me', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-10', member: 'acct_demo_jonas', kind: 'two_questions', text: 'who pays for me and when does my access end?', expect: x({ says: [OWNER, /(as long as|December 11)/i], never: ['4242'] }) },
  { id: 'b5-jonas-11', member: 'acct_demo_jonas', kind: 'who_bills', text: 'does being an extra member cost me anything', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-12', member: 'acct_demo_jonas', kind: 'next_charge', text: 'bill?', expect: x({ says: [OWNER], never: ['4242'] }) },
  { id: 'b5-jonas-13', member: 'acct_demo_jonas', kind: 'pasted_password', text: 'my password is Jonas!Brandt9 - do I pay anything?', expect: x({ ...PASSWORD, says: [...PASSWORD.says, OWNER], never: ['4242'] }) },

  // ── Dev (CA): price change announced Sep 18, CA$21.46 → CA$23.72 from the Oct 30 renewal; next Nov 30 CA$23.72
  { id: 'b5-dev-01', member: 'acct_demo_dev', kind: 'bill_difference', text: 'used to be 21.46, last bill was 23.72, whats going on', expect: x({ kinds: CHARGE, says: [PRICE] }),
    followUp: { text: 'will it go up again?', expect: x({ says: ['23.72'] }) } },
  { id: 'b5-dev-02', member: 'acct_demo_dev', kind: 'statement_paste', text: 'Sep 30 REELHOUSE 21.46\nOct 30 REELHOUSE 23.72', expect: x({ kinds: CHARGE, says: [PRICE] }) },
  { id: 'b5-dev-03', member: 'acct_demo_dev', kind: 'next_charge', text: 'how much is the charge on the 30th', expect: x({ says: ['23.72'] }),
    followUp: { text: 'and why is it higher than it used to be', expect: x({ says: [PRICE] }) } },
  { id: 'b5-dev-04', member: 'acct_demo_dev', kind: 'price_change', text: 'why did my subscription price go up nobody told me', expect: x({ says: [PRICE, 'September 18'] }) },
  { id: 'b5-dev-05', member: 'acct_demo_dev', kind: 'recurring', text: 'is 23.72 the new normal?', expect: x({ says: ['23.72'] }) },
  { id: 'b5-dev-06', member: 'acct_demo_dev', kind: 'weekday', text: 'on sunday i got charged 23.72 instead of 21.46', expect: x({ kinds: CHARGE, says: [PRICE] }) },
  { id: 'b5-dev-07', member: 'acct_demo_dev', kind: 'two_questions', text: 'when did the price change and whats my next bill?', expect: x({ says: [PRICE, 'November 30'] }) },
  { id: 'b5-dev-08', member: 'acct_demo_dev', kind: 'bill_difference', text: 'Why price is more high now? Before was 21.46', expect: x({ kinds: CHARGE, says: [PRICE] }) },
  { id: 'b5-dev-09', member: 'acct_demo_dev', kind: 'price_change', text: 'thanks for the surprise price hike. really appreciated. when was i even told?', expect: x({ says: ['September 18'] }) },
  { id: 'b5-dev-10', member: 'acct_demo_dev', kind: 'access_end', text: 'if i cancel before the 30th do i lose access straight away', expect: x({ says: ['November 30'] }) },
  { id: 'b5-dev-11', member: 'acct_demo_dev', kind: 'language', text: 'Por que o preço da minha assinatura aumentou?', expect: x({ says: [/Portuguese/i, PRICE] }) },
  { id: 'b5-dev-12', member: 'acct_demo_dev', kind: 'price_change', text: 'price up??', expect: x({ says: [PRICE, '23.72'] }) },
  { id: 'b5-dev-13', member: 'acct_demo_dev', kind: 'who_bills', text: 'are you charging my visa directly or is this through google play?', expect: x({ says: [/directly/i, '4242'] }) },

  // ── Emi (JP): billed by the partner Northwind Mobile
  { id: 'b5-emi-01', member: 'acct_demo_emi', kind: 'who_bills', text: 'I can not see any Reelhouse payment in my card statement. How do I pay?', expect: x({ says: [NORTHWIND] }),
    followUp: { text: 'so who do I ask about the price?', expect: x({ says: [NORTHWIND] }) } },
  { id: 'b5-emi-02', member: 'acct_demo_emi', kind: 'next_charge', text: 'when is my next bill', expect: x({ says: [NORTHWIND] }),
    followUp: { text: 'can you at least give me the date?', expect: x({ says: [NORTHWIND] }) } },
  { id: 'b5-emi-03', member: 'acct_demo_emi', kind: 'next_charge', text: 'how much do i pay per month', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-04', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'can I add my sister as extra member', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-05', member: 'acct_demo_emi', kind: 'cancel', text: 'I want to cancel', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-06', member: 'acct_demo_emi', kind: 'who_bills', text: 'who do I call about a billing problem', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-07', member: 'acct_demo_emi', kind: 'language', text: '¿Quién me cobra la suscripción?', expect: x({ says: [/Spanish/i, NORTHWIND] }) },
  { id: 'b5-emi-08', member: 'acct_demo_emi', kind: 'who_bills', text: 'my phone company bill has a reelhouse line on it, is that right?', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-09', member: 'acct_demo_emi', kind: 'access_end', text: 'when does my access end', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-10', member: 'acct_demo_emi', kind: 'two_questions', text: 'who bills me and can I pause it?', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-11', member: 'acct_demo_emi', kind: 'who_bills', text: 'i switched phone carriers will my reelhouse stop', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-12', member: 'acct_demo_emi', kind: 'card_replaced', text: 'How do I change my card?', expect: x({ says: [NORTHWIND] }) },
  { id: 'b5-emi-13', member: 'acct_demo_emi', kind: 'pasted_card', text: 'charge this card instead 4242 4242 4242 4242', expect: x({ says: [CARD_REMOVED, NORTHWIND] }) },

  // ── Finn (GB, visa 4242): paused Oct 19 → Dec 19; then £12.99
  { id: 'b5-finn-01', member: 'acct_demo_finn', kind: 'pause', text: 'when does my pause end', expect: x({ says: ['December 19'] }),
    followUp: { text: 'and how much then?', expect: x({ says: ['12.99'] }) } },
  { id: 'b5-finn-02', member: 'acct_demo_finn', kind: 'next_charge', text: 'when will you start charging me again', expect: x({ says: ['December 19', '12.99'] }) },
  { id: 'b5-finn-03', member: 'acct_demo_finn', kind: 'pause', text: 'am I paying anything right now?', expect: x({ says: [/paused/i, 'December 19'] }) },
  { id: 'b5-finn-04', member: 'acct_demo_finn', kind: 'pause', text: 'can I come back before the pause is over', expect: x({ says: ['December 19'] }) },
  { id: 'b5-finn-05', member: 'acct_demo_finn', kind: 'pause', text: 'hi um i think i paused it a while back when does it come back on', expect: x({ says: ['December 19'] }) },
  { id: 'b5-finn-06', member: 'acct_demo_finn', kind: 'next_charge', text: 'I believe I paused my membership in October. Would you be so kind as to tell me when it resumes and what I will be charged?', expect: x({ says: ['December 19', '12.99'] }) },
  { id: 'b5-finn-07', member: 'acct_demo_finn', kind: 'two_questions', text: 'how much will I pay when it restarts and on what date?', expect: x({ says: ['12.99', 'December 19'] }) },
  { id: 'b5-finn-08', member: 'acct_demo_finn', kind: 'weekday', text: 'on monday I tried to watch and it says paused, why', expect: x({ says: [/paus/i, 'December 19'] }) },
  { id: 'b5-finn-09', member: 'acct_demo_finn', kind: 'status', text: 'Did I cancel or just pause?', expect: x({ says: [/paused/i, 'December 19'] }) },
  { id: 'b5-finn-10', member: 'acct_demo_finn', kind: 'language', text: 'Wann ist meine Pause zu Ende?', expect: x({ says: [/German/i, 'December 19'] }) },
  { id: 'b5-finn-11', member: 'acct_demo_finn', kind: 'pause', text: 'restart date?', expect: x({ says: ['December 19'] }),
    followUp: { text: 'how much will that be', expect: x({ says: ['12.99'] }) } },
  { id: 'b5-finn-12', member: 'acct_demo_finn', kind: 'pause', text: 'no money taken in november right?', expect: x({ says: [/paused/i] }) },
  { id: 'b5-finn-13', member: 'acct_demo_finn', kind: 'who_bills', text: 'which card will the 12.99 go on', expect: x({ says: ['4242'] }) },

  // ── Grace (US, visa 0341): on hold, $19.47 declined Nov 25 and Nov 26; next try Nov 28, last Dec 2; $1.00 check Nov 7
  { id: 'b5-grace-01', member: 'acct_demo_grace', kind: 'hold', text: 'why cant i watch anything, it says account on hold', expect: x({ says: [HOLD, 'November 28'] }),
    followUp: { text: 'and if it doesnt go through?', expect: x({ says: ['December 2'] }) } },
  { id: 'b5-grace-02', member: 'acct_demo_grace', kind: 'hold', text: 'my tv keeps saying theres a problem with billing and i cant play anything', expect: x({ says: [HOLD] }) },
  { id: 'b5-grace-03', member: 'acct_demo_grace', kind: 'hold', text: 'my card got declined? it has money on it', expect: x({ says: [/declined/i, 'November 28'] }) },
  { id: 'b5-grace-04', member: 'acct_demo_grace', kind: 'retry', text: 'when will you try my card again', expect: x({ says: ['November 28'] }),
    followUp: { text: 'how do i update it', expect: x({ says: ['/account/payments'] }) } },
  { id: 'b5-grace-05', member: 'acct_demo_grace', kind: 'retry', text: 'what happens if it fails again', expect: x({ says: ['December 2'] }) },
  { id: 'b5-grace-06', member: 'acct_demo_grace', kind: 'authorization', text: '11/07 REELHOUSE AUTH 1.00', expect: x({ kinds: CHARGE, says: [/(check|authori)/i] }),
    followUp: { text: 'is that why my account is on hold?', expect: x({ says: [HOLD] }) } },
  { id: 'b5-grace-07', member: 'acct_demo_grace', kind: 'hold', text: 'Account is stop. I not can watch. Why?', expect: x({ says: [HOLD] }) },
  { id: 'b5-grace-08', member: 'acct_demo_grace', kind: 'two_questions', text: 'why is my account locked and how do i fix it?', expect: x({ says: [HOLD, '/account/payments'] }) },
  { id: 'b5-grace-09', member: 'acct_demo_grace', kind: 'pasted_card', text: 'here is my new card 4000 0566 5566 5556 please use it', expect: x({ says: [CARD_REMOVED, '/account/payments'] }) },
  { id: 'b5-grace-10', member: 'acct_demo_grace', kind: 'weekday', text: 'since wednesday no shows, whats up', expect: x({ says: [HOLD] }) },
  { id: 'b5-grace-11', member: 'acct_demo_grace', kind: 'language', text: 'Minha conta está bloqueada, o que eu faço?', expect: x({ says: [/Portuguese/i, HOLD] }) },
  { id: 'b5-grace-12', member: 'acct_demo_grace', kind: 'hold', text: 'great, the app just locked me out for no reason, love it', expect: x({ says: [HOLD] }) },
  { id: 'b5-grace-13', member: 'acct_demo_grace', kind: 'card_replaced', text: 'my bank replaced my card last month, is that why?', expect: x({ says: [HOLD, '/account/payments'] }) },

  // ── Hugo (CA): cancelled Sep 13 (ended Sep 20), restarted Nov 21 from "Living room TV", CA$31.03; next Dec 21
  { id: 'b5-hugo-01', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'I cancelled in september why did you take 31.03 from me', expect: x({ kinds: CHARGE, says: [RESTART, 'Living room TV'] }) },
  { id: 'b5-hugo-02', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'i dont have reelhouse anymore but theres a charge from you on the 21st', expect: x({ kinds: CHARGE, says: [RESTART] }) },
  { id: 'b5-hugo-03', member: 'acct_demo_hugo', kind: 'who_restarted', text: 'who turned my membership back on?', expect: x({ says: ['Living room TV'] }),
    followUp: { text: 'ok cancel it again then', expect: x({ kinds: ['confirm_action'] }) } },
  { id: 'b5-hugo-04', member: 'acct_demo_hugo', kind: 'status', text: 'is my membership cancelled or not', expect: x({ says: [/(not cancelled|active)/i, 'December 21'] }),
    followUp: { text: 'when does it renew?', expect: x({ says: ['December 21'] }) } },
  { id: 'b5-hugo-05', member: 'acct_demo_hugo', kind: 'two_questions', text: 'why was I charged after I cancelled, and can you cancel it properly this time?', expect: x({ says: [RESTART, /cancel/i] }) },
  { id: 'b5-hugo-06', member: 'acct_demo_hugo', kind: 'weekday', text: 'Saturday I got a charge from Reelhouse and I cancelled ages ago', expect: x({ kinds: CHARGE, says: [RESTART] }) },
  { id: 'b5-hugo-07', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'I finish my subscription since September, why you take money now?', expect: x({ kinds: CHARGE, says: [RESTART] }) },
  { id: 'b5-hugo-08', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'cancelled in september, charged in november. cool cool cool.', expect: x({ kinds: CHARGE, says: [RESTART] }) },
  { id: 'b5-hugo-09', member: 'acct_demo_hugo', kind: 'next_charge', text: 'when is the next charge if I leave it as is?', expect: x({ says: ['December 21', '31.03'] }) },
  { id: 'b5-hugo-10', member: 'acct_demo_hugo', kind: 'statement_paste', text: 'NOV 21 REELHOUSE MONTREAL CA$31.03', expect: x({ kinds: CHARGE, says: [RESTART] }) },
  { id: 'b5-hugo-11', member: 'acct_demo_hugo', kind: 'language', text: 'Cancelé en septiembre y me cobraron otra vez', expect: x({ says: [/Spanish/i, RESTART] }) },
  { id: 'b5-hugo-12', member: 'acct_demo_hugo', kind: 'access_end', text: 'if I cancel now until when can I watch', expect: x({ says: ['December 21'] }) },
  { id: 'b5-hugo-13', member: 'acct_demo_hugo', kind: 'pasted_password', text: 'password is maple2019 and i got charged again after cancelling', expect: x({ ...PASSWORD, says: [...PASSWORD.says, RESTART] }) },

  // ── Inês (BR): cancellation asked Nov 24, watching until Dec 8 (R$44.90 paid Nov 8); no extra members in Brazil
  { id: 'b5-ines-01', member: 'acct_demo_ines', kind: 'status', text: 'did my cancellation work?', expect: x({ says: ['December 8'] }),
    followUp: { text: 'and after that nothing more is charged right?', expect: x({ says: [/(nothing more|no further|not be charged|won’t be charged)/i] }) } },
  { id: 'b5-ines-02', member: 'acct_demo_ines', kind: 'language', text: 'Até quando posso assistir?', expect: x({ says: [/Portuguese/i, 'December 8'] }) },
  { id: 'b5-ines-03', member: 'acct_demo_ines', kind: 'next_charge', text: 'will you charge me again in december?', expect: x({ says: ['December 8'] }) },
  { id: 'b5-ines-04', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'can i add my sister as an extra member before it ends', expect: x({ says: [/Brazil/i] }) },
  { id: 'b5-ines-05', member: 'acct_demo_ines', kind: 'status', text: 'hi i canceled on monday just want to make sure i wont be billed again', expect: x({ says: ['December 8'] }) },
  { id: 'b5-ines-06', member: 'acct_demo_ines', kind: 'two_questions', text: 'when does my access end and will I get charged again?', expect: x({ says: ['December 8', /(nothing more|no further|not be charged)/i] }) },
  { id: 'b5-ines-07', member: 'acct_demo_ines', kind: 'access_end', text: 'I cancel my plan. When finish?', expect: x({ says: ['December 8'] }) },
  { id: 'b5-ines-08', member: 'acct_demo_ines', kind: 'charge_explain', text: 'how much was my last payment', expect: x({ says: ['44.90'] }) },
  { id: 'b5-ines-09', member: 'acct_demo_ines', kind: 'language', text: '¿Cuándo termina mi suscripción?', expect: x({ says: [/Spanish/i, 'December 8'] }) },
  { id: 'b5-ines-10', member: 'acct_demo_ines', kind: 'access_end', text: 'end date?', expect: x({ says: ['December 8'] }),
    followUp: { text: 'will you charge me after that?', expect: x({ says: [/(nothing more|no further|not be charged|won’t be charged)/i] }) } },
  { id: 'b5-ines-11', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'why is there no option to add an extra member', expect: x({ says: [/Brazil/i] }) },
  { id: 'b5-ines-12', member: 'acct_demo_ines', kind: 'pasted_password', text: 'my password is Lisboa#77 and I want to know until when I have access', expect: x({ ...PASSWORD, says: [...PASSWORD.says, 'December 8'] }) },
  { id: 'b5-ines-13', member: 'acct_demo_ines', kind: 'access_end', text: 'Good afternoon. I requested to end my subscription recently. Could you confirm the final day I may use the service?', expect: x({ says: ['December 8'] }) },

  // ── Jade (US, basic, visa 0119 reissued by the bank): billing day the 31st → Nov 30 ($11.01), then Dec 31
  { id: 'b5-jade-01', member: 'acct_demo_jade', kind: 'billing_day', text: 'why does it say my next payment is the 30th? i signed up on the 31st', expect: x({ says: [/31/] }),
    followUp: { text: 'so is it the 31st again in december?', expect: x({ says: ['December 31'] }) } },
  { id: 'b5-jade-02', member: 'acct_demo_jade', kind: 'card_replaced', text: 'my bank sent a new card do i need to update anything', expect: x({ says: ['0119'] }) },
  { id: 'b5-jade-03', member: 'acct_demo_jade', kind: 'next_charge', text: 'whens my next charge', expect: x({ says: ['November 30', '11.01'] }),
    followUp: { text: 'and the one after?', expect: x({ says: ['December 31'] }) } },
  { id: 'b5-jade-04', member: 'acct_demo_jade', kind: 'two_questions', text: 'my card was replaced by the bank, will my payment on the 30th still go through and how much is it?', expect: x({ says: ['0119', '11.01'] }) },
  { id: 'b5-jade-05', member: 'acct_demo_jade', kind: 'card_replaced', text: 'i got a new debit card in the mail same bank do i have to do something with reelhouse', expect: x({ says: ['0119'] }) },
  { id: 'b5-jade-06', member: 'acct_demo_jade', kind: 'billing_day', text: 'is my billing date going to keep changing every month now?', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b5-jade-07', member: 'acct_demo_jade', kind: 'billing_day', text: 'Why payment date move from 31 to 30?', expect: x({ says: [/(31|last day)/i] }) },
  { id: 'b5-jade-08', member: 'acct_demo_jade', kind: 'extra_member_unavailable', text: 'can I add my boyfriend as an extra member', expect: x({ says: [/Basic plan has no extra member places/i] }) },
  { id: 'b5-jade-09', member: 'acct_demo_jade', kind: 'who_bills', text: 'which card are you going to charge', expect: x({ says: ['0119'] }) },
  { id: 'b5-jade-10', member: 'acct_demo_jade', kind: 'pasted_card', text: 'my new card number is 4111 1111 1111 1111 please update it', expect: x({ says: [CARD_REMOVED, '/account/payments'] }) },
  { id: 'b5-jade-11', member: 'acct_demo_jade', kind: 'next_charge', text: 'due date?', expect: x({ says: ['November 30'] }) },
  { id: 'b5-jade-12', member: 'acct_demo_jade', kind: 'language', text: 'Mi banco me dio una tarjeta nueva, ¿tengo que cambiarla aquí?', expect: x({ says: [/Spanish/i, '0119'] }) },
  { id: 'b5-jade-13', member: 'acct_demo_jade', kind: 'billing_day', text: 'what about december, the 31st or the 30th?', expect: x({ says: ['December 31'] }) },

  // ── Karim (GB, visa 4242): danger findings (email changed, Lagos devices, 'guest' profile); £5.00 refunded Nov 17; next Nov 29 £18.99
  { id: 'b5-karim-01', member: 'acct_demo_karim', kind: 'security_plus', text: 'how much will I pay on the 29th', expect: k({ says: ['18.99', /security/i] }),
    followUp: { text: 'and after that?', expect: k({ says: ['December 29'] }) } },
  { id: 'b5-karim-02', member: 'acct_demo_karim', kind: 'security_plus', text: 'what was the 5 pounds on the 17th', expect: k({ says: [/refund/i] }) },
  { id: 'b5-karim-03', member: 'acct_demo_karim', kind: 'security_plus', text: 'who bills me for this', expect: k({ says: [/directly/i, '4242'] }),
    followUp: { text: 'and whens the next one', expect: k({ says: ['November 29'] }) } },
  { id: 'b5-karim-04', member: 'acct_demo_karim', kind: 'security_plus', text: 'if I cancel today, how long can I still watch?', expect: k({ says: ['November 29'] }) },
  { id: 'b5-karim-05', member: 'acct_demo_karim', kind: 'takeover', text: 'I got an email saying my email address changed, I didnt do that', expect: x({ says: [TAKEOVER], handsOff: true }) },
  { id: 'b5-karim-06', member: 'acct_demo_karim', kind: 'takeover', text: 'theres a profile called guest on my account that i never made', expect: x({ says: [/guest/i] }) },
  { id: 'b5-karim-07', member: 'acct_demo_karim', kind: 'two_questions', text: 'whens my renewal and why did i get money back?', expect: k({ says: ['November 29', /refund/i] }) },
  { id: 'b5-karim-08', member: 'acct_demo_karim', kind: 'security_plus', text: 'hey can you tell me how much i pay a month', expect: k({ says: ['18.99'] }) },
  { id: 'b5-karim-09', member: 'acct_demo_karim', kind: 'pasted_password', text: 'my password is Haddad#2020 can you check my next bill', expect: k({ ...PASSWORD, says: [...PASSWORD.says, 'November 29'] }) },
  { id: 'b5-karim-10', member: 'acct_demo_karim', kind: 'weekday', text: 'on tuesday I saw 18.99 leave my account, is that right?', expect: k({ says: ['18.99', /(renewal|monthly|Premium)/i] }) },
  { id: 'b5-karim-11', member: 'acct_demo_karim', kind: 'language', text: '¿Cuándo es mi próximo pago?', expect: k({ says: [/Spanish/i, 'November 29'] }) },
  { id: 'b5-karim-12', member: 'acct_demo_karim', kind: 'security_plus', text: 'can I pause my membership for a month?', expect: k({ kinds: ['confirm_action'] }) },
  { id: 'b5-karim-13', member: 'acct_demo_karim', kind: 'security_plus', text: 'what plan am i on and what does it cost', expect: k({ says: ['Premium', '18.99'] }) },
];
