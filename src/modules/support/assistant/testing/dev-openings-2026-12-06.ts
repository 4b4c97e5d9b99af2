import type { DevOpening, Expectation } from './dev-openings-harness.ts';

/**
 * A development set of members' openings, written on 2026-12-06 before any
 * issue-10 rule change, for the twelve demo members' situations (README's
 * table) on the demo day 2026-11-27. Written like real members: typos, no
 * punctuation, slang, long stories, English as a second language, anger,
 * indirect questions; about thirty carry a follow-up read in context. Each
 * says what a right answer must contain, from the account itself.
 *
 * This is the set the rules were tuned on; it says nothing about openings
 * nobody tried (the frozen held-out set does, and this author never saw it).
 */

const NOT_FOUND = /No Reelhouse charge .*was found/i;
const TAKEOVER = /lock your account down/i;
const CHARGE = ['charge_explanation'];
const ASK_SECRET = /(tell|send|give|share|type) (me )?(your|the) (password|code|full card)/i;
const x = (e: Expectation): Expectation => ({ ...e, never: [...(e.never ?? []), ASK_SECRET] });
const noNotFound = (e: Expectation): Expectation => x({ ...e, never: [...(e.never ?? []), NOT_FOUND] });

export const DEV_OPENINGS: DevOpening[] = [
  // ── Ava: upgraded mid-cycle, $6.95 prorated on Nov 18 between $19.83 renewals on the 15th; next Dec 15 on Premium ($27.55 with tax)
  { id: 'ava-01', member: 'acct_demo_ava', kind: 'proration', text: 'why was i charged 6.95 on nov 18??', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i, '6.95'] }) },
  { id: 'ava-02', member: 'acct_demo_ava', kind: 'proration_timing', text: 'Why was I charged on the 18th when I always pay on the 15th?', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i, 'November 18'] }) },
  { id: 'ava-03', member: 'acct_demo_ava', kind: 'proration_timing', text: 'theres a random extra charge in the middle of the month, i pay on the 15th not whenever you feel like it', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i] }),
    followUp: { text: 'is that every month now?', expect: x({ says: [/(only once|one-off|one time|just once|not every month)/i, 'December 15'] }) } },
  { id: 'ava-04', member: 'acct_demo_ava', kind: 'next_charge', text: 'when is my next payment and how much will it be', expect: x({ says: ['December 15, 2026', '27.55'] }) },
  { id: 'ava-05', member: 'acct_demo_ava', kind: 'next_charge', text: 'how much am i gonna pay next month now that i switched to premium', expect: x({ says: ['December 15, 2026', '27.55'] }) },
  { id: 'ava-06', member: 'acct_demo_ava', kind: 'charge_explain', text: 'I see two Reelhouse charges in November, 19.83 and 6.95. I only have one account. Explain please', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['27.55', 'December 15'] }) } },
  { id: 'ava-07', member: 'acct_demo_ava', kind: 'bill_difference', text: 'last month i paid 19.83 and this month its 19.83 plus 6.95, what happened', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'ava-08', member: 'acct_demo_ava', kind: 'weekday', text: 'on wednesday i noticed a charge of 6.95 from you what is it', expect: noNotFound({ kinds: CHARGE, says: [/upgrad/i] }) },
  { id: 'ava-09', member: 'acct_demo_ava', kind: 'who_bills', text: 'who is actually charging me for this, is it apple or you guys?', expect: x({ says: [/Reelhouse bills you directly/i, '4242'] }) },
  { id: 'ava-10', member: 'acct_demo_ava', kind: 'pasted_card', text: 'my card is 4111 1111 1111 1111 why did you charge it 6.95', expect: noNotFound({ kinds: CHARGE, says: [/removed/i, /never (share|send|type)/i, /upgrad/i] }) },
  { id: 'ava-11', member: 'acct_demo_ava', kind: 'language', text: 'Hola, ¿por qué me cobraron 6,95 el 18 de noviembre? Yo pago el día 15.', expect: noNotFound({ says: [/Spanish/i, /upgrad/i] }) },

  // ── Ben: two accounts on one Mastercard 4444 ($19.59 on the 24th, $10.88 on the 8th on be…@); next Dec 24
  { id: 'ben-01', member: 'acct_demo_ben', kind: 'double_charge', text: 'you are charging me twice every month!!! fix it', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i, 'be…@'] }) },
  { id: 'ben-02', member: 'acct_demo_ben', kind: 'double_charge', text: 'hi there i see reelhouse 10.88 and reelhouse 19.59 on my mastercard statement but i only signed up once as far as i know', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'can you cancel the other one', expect: x({ says: [/(billing team|different account|sign in with)/i] }) } },
  { id: 'ben-03', member: 'acct_demo_ben', kind: 'weekday', text: 'on monday I saw two charges from reelhouse on my card', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'ben-04', member: 'acct_demo_ben', kind: 'next_charge', text: 'when will i be billed next', expect: x({ says: ['December 24, 2026', '19.59'] }) },
  { id: 'ben-05', member: 'acct_demo_ben', kind: 'charge_explain', text: 'what is the 10.88 charge from reelhouse i dont have the basic plan', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i, '10.88'] }) },
  { id: 'ben-06', member: 'acct_demo_ben', kind: 'pasted_card', text: 'the card is 5555 5555 5555 4444 and its been charged two times', expect: noNotFound({ kinds: CHARGE, says: [/removed/i, /never (share|send|type)/i, /second Reelhouse membership/i] }) },
  { id: 'ben-07', member: 'acct_demo_ben', kind: 'who_bills', text: 'which card are you billing', expect: x({ says: ['4444'] }) },
  { id: 'ben-08', member: 'acct_demo_ben', kind: 'double_charge', text: 'My wife says she might have made another account on the TV with my card? Is that why there are 2 charges', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i] }),
    followUp: { text: 'ok and is that every month?', expect: x({ says: [/(every month|monthly|each month|on the 8th|8th of)/i] }) } },
  { id: 'ben-09', member: 'acct_demo_ben', kind: 'refund', text: 'I want my money back for the duplicate', expect: x({ says: [/review/i], never: [/will be refunded/i] }) },
  { id: 'ben-10', member: 'acct_demo_ben', kind: 'pasted_password', text: 'i logged in with my password Sunrise!2024 and saw 2 memberships??', expect: x({ says: [/change (that|your) password/i], button: 'link:' }) },

  // ── Chloé: DE, Premium €19.99 on the 11th, extra member Jonas added Nov 19 (€4.39 prorated); next Dec 11 €25.98
  { id: 'chloe-01', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'what is this 4,39 € charge', expect: noNotFound({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'chloe-02', member: 'acct_demo_chloe', kind: 'proration_timing', text: 'why was i charged on the 19th i pay on the 11th', expect: noNotFound({ kinds: CHARGE, says: [/extra.member/i, 'November 19'] }) },
  { id: 'chloe-03', member: 'acct_demo_chloe', kind: 'next_charge', text: 'How much will my next bill be now that Jonas is on my account?', expect: x({ says: ['December 11, 2026', '25.98'] }) },
  { id: 'chloe-04', member: 'acct_demo_chloe', kind: 'language', text: 'Warum wurde mir am 19. November 4,39 € abgebucht?', expect: noNotFound({ says: [/German/i, /extra.member/i] }) },
  { id: 'chloe-05', member: 'acct_demo_chloe', kind: 'language', text: 'Hallo, wann ist meine nächste Zahlung fällig?', expect: x({ says: [/German/i, 'December 11, 2026'] }) },
  { id: 'chloe-06', member: 'acct_demo_chloe', kind: 'extra_member_charge', text: 'i added my brother last week and now there is a second small payment, is that normal', expect: noNotFound({ kinds: CHARGE, says: [/extra.member/i] }),
    followUp: { text: 'is that every month now?', expect: x({ says: [/(every month|each month|monthly)/i, /December 11/i] }) } },
  { id: 'chloe-07', member: 'acct_demo_chloe', kind: 'household', text: 'my tv says its not part of my household but its at home', expect: x({ says: [/household/i] }) },
  { id: 'chloe-08', member: 'acct_demo_chloe', kind: 'devices', text: 'who is using my account, which devices are on it', expect: x({ says: ['Living room TV'] }) },
  { id: 'chloe-09', member: 'acct_demo_chloe', kind: 'bill_difference', text: 'Last month it was 19,99 and now I paid 19,99 and 4,39?? why more', expect: noNotFound({ kinds: CHARGE, says: [/extra.member/i] }) },
  { id: 'chloe-10', member: 'acct_demo_chloe', kind: 'who_bills', text: 'do you bill my card directly or through paypal', expect: x({ says: [/Reelhouse bills you directly/i] }) },

  // ── Jonas: Chloé's extra member, his own login; the owner pays
  { id: 'jonas-01', member: 'acct_demo_jonas', kind: 'extra_member_self', text: 'who pays for my account', expect: x({ says: [/(owner|Chloé)/i], never: ['4242', '19.99'] }) },
  { id: 'jonas-02', member: 'acct_demo_jonas', kind: 'next_charge', text: 'when do I get charged next?', expect: x({ says: [/owner/i], never: ['4242'] }) },
  { id: 'jonas-03', member: 'acct_demo_jonas', kind: 'household', text: 'tv keeps saying this device isnt part of household. i live with chloe', expect: x({ says: [/household/i] }) },
  { id: 'jonas-04', member: 'acct_demo_jonas', kind: 'cancel_status', text: 'can i cancel my membership', expect: x({ says: [/owner/i] }) },
  { id: 'jonas-05', member: 'acct_demo_jonas', kind: 'language', text: 'Wer bezahlt eigentlich mein Konto? Ich bin ein Zusatzmitglied.', expect: x({ says: [/German/i, /owner/i], never: ['4242'] }) },
  { id: 'jonas-06', member: 'acct_demo_jonas', kind: 'extra_member_charge', text: 'was i charged for being added', expect: x({ says: [/owner/i], never: ['4242'] }) },
  { id: 'jonas-07', member: 'acct_demo_jonas', kind: 'pasted_password', text: 'my password is jonas1234 and it works on phone but not tv', expect: x({ says: [/change (that|your) password/i], button: 'link:' }) },
  { id: 'jonas-08', member: 'acct_demo_jonas', kind: 'who_bills', text: 'who bills this', expect: x({ says: [/(owner|Reelhouse bills)/i], never: ['4242'] }) },

  // ── Dev: CA, price change announced Sep 18: CA$21.46 → CA$23.72 from Oct 30; next Nov 30
  { id: 'dev-01', member: 'acct_demo_dev', kind: 'bill_difference', text: 'last month 21.46 now 23.72 ???', expect: noNotFound({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'dev-02', member: 'acct_demo_dev', kind: 'price_change', text: 'why did my price go up without asking me', expect: noNotFound({ kinds: CHARGE, says: [/price/i, /(September 18|notice)/i] }) },
  { id: 'dev-03', member: 'acct_demo_dev', kind: 'bill_difference', text: 'My bill used to be $21.46 and the last one was $23.72, did I get upgraded or something? I never changed anything', expect: noNotFound({ kinds: CHARGE, says: [/price/i] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['23.72', 'November 30'] }) } },
  { id: 'dev-04', member: 'acct_demo_dev', kind: 'next_charge', text: 'whens my next charge', expect: x({ says: ['November 30, 2026', '23.72'] }) },
  { id: 'dev-05', member: 'acct_demo_dev', kind: 'price_change', text: 'is the price increase permanent?? this is ridiculous i have been a loyal customer', expect: noNotFound({ kinds: CHARGE, says: [/price/i] }),
    followUp: { text: 'so is that every month now?', expect: x({ says: [/(every month|each month|from now|monthly)/i, '23.72'] }) } },
  { id: 'dev-06', member: 'acct_demo_dev', kind: 'weekday', text: 'on friday i got an email that my payment was 23.72 why so much', expect: noNotFound({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'dev-07', member: 'acct_demo_dev', kind: 'bill_difference', text: 'i was paying 21.46 and now 23.72 whats going on', expect: noNotFound({ kinds: CHARGE, says: [/price/i] }) },
  { id: 'dev-08', member: 'acct_demo_dev', kind: 'cancel_status', text: 'if i cancel now when does my access end', expect: x({ says: ['November 30, 2026'] }) },
  { id: 'dev-09', member: 'acct_demo_dev', kind: 'tax', text: 'why is there tax on top of the price', expect: noNotFound({ kinds: CHARGE, says: [/tax/i] }) },
  { id: 'dev-10', member: 'acct_demo_dev', kind: 'language', text: 'Oi, por que o preço subiu de 21,46 para 23,72?', expect: noNotFound({ says: [/Portuguese/i, /price/i] }) },

  // ── Emi: JP, billed by the partner Northwind Mobile
  { id: 'emi-01', member: 'acct_demo_emi', kind: 'who_bills', text: 'who bills me', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'emi-02', member: 'acct_demo_emi', kind: 'who_bills', text: 'I cant find any reelhouse charge on my credit card, how am i paying for this', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'emi-03', member: 'acct_demo_emi', kind: 'next_charge', text: 'when is my next payment', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'emi-04', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'how do i add my sister as an extra member', expect: x({ says: ['Northwind Mobile', /extra.member/i] }) },
  { id: 'emi-05', member: 'acct_demo_emi', kind: 'cancel_status', text: 'i want to cancel, how', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'emi-06', member: 'acct_demo_emi', kind: 'charge_explain', text: 'there is a reelhouse line on my phone bill for 2290 yen what is it', expect: x({ says: ['Northwind Mobile'] }),
    followUp: { text: 'can you refund it then', expect: x({ says: ['Northwind Mobile'], never: [/will be refunded/i] }) } },
  { id: 'emi-07', member: 'acct_demo_emi', kind: 'card_update', text: 'i want to change the card you charge', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'emi-08', member: 'acct_demo_emi', kind: 'who_bills', text: 'is it northwind or you that takes the money? the carrier guy said to ask you', expect: x({ says: ['Northwind Mobile'] }),
    followUp: { text: 'and when does that end?', expect: x({ says: ['Northwind Mobile'] }) } },
  { id: 'emi-09', member: 'acct_demo_emi', kind: 'language', text: '¿Quién me cobra la suscripción? No veo cargos en mi tarjeta.', expect: x({ says: [/Spanish/i, 'Northwind Mobile'] }) },

  // ── Finn: GB, paused for two months Oct 19 → Dec 19; next charge Dec 19 £12.99
  { id: 'finn-01', member: 'acct_demo_finn', kind: 'pause', text: 'when does my pause end', expect: x({ says: ['December 19, 2026'] }) },
  { id: 'finn-02', member: 'acct_demo_finn', kind: 'next_charge', text: 'will i be charged while its paused? when is the next payment', expect: x({ says: ['December 19, 2026'] }) },
  { id: 'finn-03', member: 'acct_demo_finn', kind: 'next_charge', text: 'how much will i pay when it comes back', expect: x({ says: ['12.99', 'December 19'] }) },
  { id: 'finn-04', member: 'acct_demo_finn', kind: 'pause', text: 'i paused it a while back, remind me when it starts again', expect: x({ says: ['December 19, 2026'] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['12.99'] }) } },
  { id: 'finn-05', member: 'acct_demo_finn', kind: 'cancel_status', text: 'did i cancel or pause? cant remember', expect: x({ says: [/paused/i, 'December 19'] }) },
  { id: 'finn-06', member: 'acct_demo_finn', kind: 'pause', text: 'why cant i watch anything', expect: x({ says: [/paused/i] }) },
  { id: 'finn-07', member: 'acct_demo_finn', kind: 'charge_explain', text: 'I was not charged in October is something wrong with my account', expect: noNotFound({ says: [/pause/i] }) },
  { id: 'finn-08', member: 'acct_demo_finn', kind: 'pause', text: 'can i extend the pause by another month', expect: x({ says: [/pause/i] }) },

  // ── Grace: on hold after a decline on Nov 25 ($19.47), retried Nov 26; next retry Nov 28; $1.00 check on Nov 7 (card update)
  { id: 'grace-01', member: 'acct_demo_grace', kind: 'hold', text: 'my account is frozen??', expect: x({ says: [/on hold/i, /(didn.t go through|declined|failed)/i] }) },
  { id: 'grace-02', member: 'acct_demo_grace', kind: 'hold', text: 'why is my account suspended, i paid', expect: x({ says: [/on hold/i] }) },
  { id: 'grace-03', member: 'acct_demo_grace', kind: 'hold', text: 'there is a payment problem banner on my tv', expect: x({ says: [/on hold/i] }) },
  { id: 'grace-04', member: 'acct_demo_grace', kind: 'hold', text: 'it says update payment but my card is fine', expect: x({ says: [/on hold/i, /(retr|tried again)/i] }) },
  { id: 'grace-05', member: 'acct_demo_grace', kind: 'hold', text: 'cant watch anything, it keeps saying theres a problem with my payment', expect: x({ says: [/on hold/i] }),
    followUp: { text: 'when will you try again?', expect: x({ says: ['November 28'] }) } },
  { id: 'grace-06', member: 'acct_demo_grace', kind: 'authorization', text: 'what is the $1 charge from reelhouse', expect: noNotFound({ kinds: CHARGE, says: [/(authori[sz]ation|check|drop)/i] }) },
  { id: 'grace-07', member: 'acct_demo_grace', kind: 'hold', text: 'payment declined?? there is money on my card', expect: x({ says: [/(didn.t go through|declined|failed)/i, '19.47'] }) },
  { id: 'grace-08', member: 'acct_demo_grace', kind: 'next_charge', text: 'when will you try charging me again', expect: x({ says: ['November 28'] }) },
  { id: 'grace-09', member: 'acct_demo_grace', kind: 'hold', text: 'my service got cut off out of nowhere. i have been a member since september. what is going on', expect: x({ says: [/on hold/i] }),
    followUp: { text: 'what do i do then', expect: x({ says: [/(update|card|payment method)/i] }) } },
  { id: 'grace-10', member: 'acct_demo_grace', kind: 'language', text: 'Minha conta está bloqueada, o pagamento falhou?', expect: x({ says: [/Portuguese/i, /on hold/i] }) },
  { id: 'grace-11', member: 'acct_demo_grace', kind: 'pasted_card', text: 'ok here is my new card 4242 4242 4242 4242 exp 10/29 please charge it', expect: x({ says: [/removed/i, /never (share|send|type)/i, /(account page|payment)/i] }) },

  // ── Hugo: CA, cancelled Sep 13 (ended Sep 20), restarted Nov 21 from "Living room TV", charged CA$31.03; next Dec 21
  { id: 'hugo-01', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'I cancelled in september why did you charge me 31.03', expect: noNotFound({ kinds: CHARGE, says: [/restarted/i, 'Living room TV'] }) },
  { id: 'hugo-02', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'u took money after i quit, thieves', expect: noNotFound({ kinds: CHARGE, says: [/restarted/i] }),
    followUp: { text: 'who restarted it', expect: x({ says: ['Living room TV'] }) } },
  { id: 'hugo-03', member: 'acct_demo_hugo', kind: 'next_charge', text: 'am I going to be charged again next month', expect: x({ says: ['December 21, 2026'] }) },
  { id: 'hugo-04', member: 'acct_demo_hugo', kind: 'cancel_status', text: 'is my membership cancelled or not', expect: x({ says: [/not cancelled/i, 'December 21'] }) },
  { id: 'hugo-05', member: 'acct_demo_hugo', kind: 'weekday', text: 'on saturday i got charged even though i cancelled ages ago', expect: noNotFound({ kinds: CHARGE, says: [/restarted/i] }) },
  { id: 'hugo-06', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'My membership was cancelled months ago, I have the email. Yet on November 21 CA$31.03 was taken from my visa. I did not restart anything.', expect: noNotFound({ kinds: CHARGE, says: [/restarted/i, 'Living room TV'] }),
    followUp: { text: 'and when does that end?', expect: x({ says: ['December 21'] }) } },
  { id: 'hugo-07', member: 'acct_demo_hugo', kind: 'refund', text: 'refund the 31.03 now', expect: x({ says: [/review/i], never: [/will be refunded/i] }) },
  { id: 'hugo-08', member: 'acct_demo_hugo', kind: 'language', text: 'Ich habe gekündigt, warum wurde ich wieder belastet?', expect: noNotFound({ says: [/German/i, /restarted/i] }) },

  // ── Inês: BR, cancellation asked Nov 24, watching until Dec 8; no extra members in BR
  { id: 'ines-01', member: 'acct_demo_ines', kind: 'access_end', text: 'when does my access end', expect: x({ says: ['December 8, 2026'] }) },
  { id: 'ines-02', member: 'acct_demo_ines', kind: 'access_end', text: 'i cancelled can i still watch till the end of the month?', expect: x({ says: ['December 8, 2026'] }) },
  { id: 'ines-03', member: 'acct_demo_ines', kind: 'cancel_status', text: 'did my cancellation actually go through? i dont trust this', expect: x({ says: [/cancellation went through/i, 'December 8'] }),
    followUp: { text: 'and when does that end?', expect: x({ says: ['December 8'] }) } },
  { id: 'ines-04', member: 'acct_demo_ines', kind: 'next_charge', text: 'will i be charged again in december', expect: x({ says: [/(nothing more|no more|won.t be charged|not be charged)/i, 'December 8'] }) },
  { id: 'ines-05', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'how can I add my mom as extra member', expect: x({ says: [/(Brazil|BR|not available|isn.t available|aren.t available|not offered)/i] }) },
  { id: 'ines-06', member: 'acct_demo_ines', kind: 'extra_member_unavailable', text: 'why is there no option for extra members on my account', expect: x({ says: [/(Brazil|not available|isn.t available|aren.t available|not offered)/i] }) },
  { id: 'ines-07', member: 'acct_demo_ines', kind: 'language', text: 'Quando termina o meu acesso? Eu cancelei a assinatura.', expect: x({ says: [/Portuguese/i, 'December 8, 2026'] }) },
  { id: 'ines-08', member: 'acct_demo_ines', kind: 'language', text: 'Posso adicionar um membro extra na minha conta?', expect: x({ says: [/Portuguese/i, /(Brazil|not available|isn.t available|aren.t available)/i] }) },
  { id: 'ines-09', member: 'acct_demo_ines', kind: 'charge_explain', text: 'i was charged 44.90 on nov 8 even tho i wanted to cancel', expect: noNotFound({ kinds: CHARGE, says: ['December 8'] }) },
  { id: 'ines-10', member: 'acct_demo_ines', kind: 'access_end', text: 'so what happens to my profiles after it ends?', expect: x({ says: ['December 8'] }),
    followUp: { text: 'is that every month now?', expect: x({ says: [/(nothing more|no more|won.t be charged|not be charged)/i] }) } },

  // ── Jade: US, billing day the 31st → charged Nov 30 this month; card reissued by the bank (visa 0119); $11.01
  { id: 'jade-01', member: 'acct_demo_jade', kind: 'billing_day', text: 'why does my billing date keep changing', expect: x({ says: [/31/, '30'] }) },
  { id: 'jade-02', member: 'acct_demo_jade', kind: 'billing_day', text: 'i signed up on the 31st but it says next payment is the 30th?', expect: x({ says: [/31/, 'November 30'] }) },
  { id: 'jade-03', member: 'acct_demo_jade', kind: 'card_replaced', text: 'my bank sent me a new card because of fraud. do i need to do anything', expect: x({ says: ['0119'] }) },
  { id: 'jade-04', member: 'acct_demo_jade', kind: 'card_replaced', text: 'got a replacement card from my bank with a new number, will my reelhouse payment still work?', expect: x({ says: ['0119', /(keeps? being charged|still work|carry on|continue)/i] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['11.01', 'November 30'] }) } },
  { id: 'jade-05', member: 'acct_demo_jade', kind: 'next_charge', text: 'when is my next bill', expect: x({ says: ['November 30, 2026', '11.01'] }) },
  { id: 'jade-06', member: 'acct_demo_jade', kind: 'billing_day', text: 'u charge me on different days every month, why not the same date', expect: x({ says: [/31/] }),
    followUp: { text: 'is that every month now?', expect: x({ says: [/31/] }) } },
  { id: 'jade-07', member: 'acct_demo_jade', kind: 'card_replaced', text: 'My card expired and the bank reissued it, the last four is different now', expect: x({ says: ['0119'] }) },
  { id: 'jade-08', member: 'acct_demo_jade', kind: 'charge_explain', text: 'what was the 11.01 charge on oct 31', expect: noNotFound({ kinds: CHARGE, says: ['11.01'] }) },
  { id: 'jade-09', member: 'acct_demo_jade', kind: 'language', text: '¿Por qué cambia mi fecha de cobro cada mes?', expect: x({ says: [/Spanish/i, /31/] }) },

  // ── Karim: GB, danger signals (email changed, Lagos devices); £5.00 refunded Nov 17; next Nov 29 £18.99
  { id: 'karim-01', member: 'acct_demo_karim', kind: 'security_plus', text: 'when is my next payment', expect: x({ says: ['November 29, 2026', /security/i], never: [TAKEOVER] }) },
  { id: 'karim-02', member: 'acct_demo_karim', kind: 'security_plus', text: 'where is my refund', expect: noNotFound({ says: ['5.00', /security/i], never: [TAKEOVER] }) },
  { id: 'karim-03', member: 'acct_demo_karim', kind: 'takeover', text: 'someone changed my email and i dont know these devices', expect: x({ says: [/Lagos/i], button: 'confirm:' }) },
  { id: 'karim-04', member: 'acct_demo_karim', kind: 'security_plus', text: 'who bills me', expect: x({ says: [/Reelhouse bills you directly/i, /security/i], never: [TAKEOVER] }) },
  { id: 'karim-05', member: 'acct_demo_karim', kind: 'security_plus', text: 'i was refunded 5 pounds but i paid 18.99, why only 5', expect: noNotFound({ kinds: CHARGE, says: ['5.00', /security/i], never: [TAKEOVER] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['18.99', 'November 29'] }) } },
  { id: 'karim-06', member: 'acct_demo_karim', kind: 'takeover', text: 'I think I have been hacked, there are shows in my history from Nigeria', expect: x({ says: [/Lagos/i] }) },
  { id: 'karim-07', member: 'acct_demo_karim', kind: 'security_plus', text: 'how do i cancel my membership', expect: x({ says: [/security/i], never: [TAKEOVER] }) },
  { id: 'karim-08', member: 'acct_demo_karim', kind: 'pasted_password', text: 'i cant sign in on my laptop, my password is Karim#1988 is that wrong?', expect: x({ says: [/change (that|your) password/i], button: 'link:' }) },
  { id: 'karim-09', member: 'acct_demo_karim', kind: 'security_plus', text: 'why was i charged 18.99 on 29 oct', expect: noNotFound({ kinds: CHARGE, says: ['18.99', /security/i], never: [TAKEOVER] }) },
  { id: 'karim-10', member: 'acct_demo_karim', kind: 'devices', text: 'what devices are logged into my account', expect: x({ says: [/Android TV/i] }),
    followUp: { text: 'remove the android tv', expect: x({ kinds: ['confirm_action'] }) } },

  // ── more follow-ups and mixed wording across members
  { id: 'ava-12', member: 'acct_demo_ava', kind: 'cancel_status', text: 'if i cancel today when does it stop', expect: x({ says: ['December 15, 2026'] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['27.55'] }) } },
  { id: 'ben-11', member: 'acct_demo_ben', kind: 'cancel_status', text: 'is my membership active', expect: x({ says: [/active/i, 'December 24'] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['19.59'] }) } },
  { id: 'chloe-11', member: 'acct_demo_chloe', kind: 'next_charge', text: 'next payment date?', expect: x({ says: ['December 11, 2026'] }),
    followUp: { text: 'and how much', expect: x({ says: ['25.98'] }) } },
  { id: 'dev-11', member: 'acct_demo_dev', kind: 'price_change', text: 'got an email saying my price is changing, what will i pay', expect: x({ says: ['23.72'] }),
    followUp: { text: 'and when does that start?', expect: x({ says: [/October 30|November 30/] }) } },
  { id: 'emi-10', member: 'acct_demo_emi', kind: 'who_bills', text: 'do you have my card on file', expect: x({ says: ['Northwind Mobile'] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['Northwind Mobile'] }) } },
  { id: 'finn-09', member: 'acct_demo_finn', kind: 'next_charge', text: 'next charge?', expect: x({ says: ['December 19, 2026'] }),
    followUp: { text: 'is that every month now?', expect: x({ says: [/(every month|each month|monthly)/i] }) } },
  { id: 'grace-12', member: 'acct_demo_grace', kind: 'hold', text: 'my payment failed, whats next', expect: x({ says: [/(retr|tried again)/i, 'November 28'] }),
    followUp: { text: 'and if that fails too?', expect: x({ says: [/cancel/i] }) } },
  { id: 'hugo-09', member: 'acct_demo_hugo', kind: 'charged_after_cancel', text: 'charged after cancelling', expect: noNotFound({ kinds: CHARGE, says: [/restarted/i] }),
    followUp: { text: 'so how much next time?', expect: x({ says: ['31.03', 'December 21'] }) } },
  { id: 'ines-11', member: 'acct_demo_ines', kind: 'access_end', text: 'last day i can watch?', expect: x({ says: ['December 8, 2026'] }),
    followUp: { text: 'so how much next time?', expect: x({ says: [/(nothing more|no more|won.t be charged|not be charged|nothing)/i] }) } },
  { id: 'jade-10', member: 'acct_demo_jade', kind: 'proration_timing', text: 'why was i charged on the 31st when the month has 30 days', expect: noNotFound({ says: [/31/] }) },
  { id: 'karim-11', member: 'acct_demo_karim', kind: 'security_plus', text: 'is my membership still active?', expect: x({ says: [/active/i, /security/i], never: [TAKEOVER] }),
    followUp: { text: 'and when does that end?', expect: x({ says: ['November 29'] }) } },
  { id: 'ben-12', member: 'acct_demo_ben', kind: 'bill_difference', text: 'last month i paid 19.59 and now 19.59 again and 10.88, why different amounts', expect: noNotFound({ kinds: CHARGE, says: [/second Reelhouse membership/i] }) },
  { id: 'grace-13', member: 'acct_demo_grace', kind: 'hold', text: 'reelhouse says my account is on hold. What does it mean and what do I need to do, I have never had a problem before and I am quite upset about it honestly', expect: x({ says: [/on hold/i, /(update|card)/i] }) },
  { id: 'emi-11', member: 'acct_demo_emi', kind: 'extra_member_unavailable', text: 'extra member option greyed out why', expect: x({ says: ['Northwind Mobile'] }) },
  { id: 'ava-13', member: 'acct_demo_ava', kind: 'pasted_password', text: 'password: Blue-Moon-77 doesnt work on the roku, why', expect: x({ says: [/change (that|your) password/i], button: 'link:' }) },
  { id: 'jade-11', member: 'acct_demo_jade', kind: 'next_charge', text: 'will i be charged on dec 31 or dec 30', expect: x({ says: ['December 31'] }) },
];
