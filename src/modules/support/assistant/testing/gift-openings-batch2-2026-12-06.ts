import type { GIFT_OPENINGS } from './gift-openings-2026-12-06.ts';

/**
 * A second batch of gift-card openings, written on 2026-12-06 after the
 * first batch's changes and frozen before it was first run: typing, run-on
 * sentences, other words for the card, three in German, Spanish and
 * Portuguese, and controls. Same accounts as the first batch.
 */
const RAN_OUT = [/ran out on November 30, 2026/];

export const GIFT_OPENINGS_BATCH2: typeof GIFT_OPENINGS = [
  { id: 'h01', member: 'ran_out', kind: 'ran_out', text: 'giftcard ran out??? why did u bill my credit card', expect: { says: RAN_OUT } },
  { id: 'h02', member: 'ran_out', kind: 'ran_out', text: 'hello i have a question, my daughter gave me a reelhouse gift card for my birthday and now I see a payment on my bank statement, how come', expect: { says: RAN_OUT } },
  { id: 'h03', member: 'ran_out', kind: 'ran_out', text: 'the present card should pay for my plan, not my mastercard', expect: { says: RAN_OUT } },
  { id: 'h04', member: 'ran_out', kind: 'ran_out', text: 'Why was $6.01 taken when I still had gift credit', expect: { says: [/\$6\.01/, /gift balance/] } },
  { id: 'h05', member: 'ran_out', kind: 'ran_out', text: 'charged on the 30th even tho i used a gift code', expect: { says: RAN_OUT } },
  { id: 'h06', member: 'ran_out', kind: 'balance', text: 'do i have any gift card money left', expect: { says: [/\$0\.00/] } },
  { id: 'h07', member: 'balance', kind: 'balance', text: 'check gift balance pls', expect: { says: [/\$25\.00/] } },
  { id: 'h08', member: 'balance', kind: 'balance', text: 'until when is my membership paid by the gift card', expect: { says: [/lasts until about/] } },
  { id: 'h09', member: 'balance', kind: 'balance', text: 'When will my card start being charged again, I redeemed a gift card', expect: { says: [/lasts until about|in full/] } },
  { id: 'h10', member: 'same_day', kind: 'same_day', text: 'i entered my gift card on my billing day and it charged my card anyway', expect: { says: [/same day as your renewal/] } },
  { id: 'h11', member: 'same_day', kind: 'same_day', text: 'Redeemed $20 gift card today, why is there still an 11.01 charge?', expect: { says: [/same day as your renewal/] } },
  { id: 'h12', member: 'balance', kind: 'currency', text: 'gift card says GIFT_CARD_CURRENCY error', expect: { says: [/currency/, /keep it/] } },
  { id: 'h13', member: 'balance', kind: 'currency', text: 'My friend sent me a gift card from Japan and it is in yen, can I use it?', expect: { says: [/JPY|yen/i, /keep it/] } },
  { id: 'h14', member: 'visitor', kind: 'currency', text: 'bought a gift card while on holiday in spain, will it work back home in the US?', expect: { says: [/currency/] } },
  { id: 'h15', member: 'visitor', kind: 'scam', text: 'Someone texted me that my reelhouse is suspended and to pay a fine with 3 gift cards', expect: { says: [/Nobody legitimate asks to be paid in gift cards/] } },
  { id: 'h16', member: 'ran_out', kind: 'scam', text: 'the reelhouse agent on the phone asked me for the gift card pin to fix my billing, is that normal', expect: { says: [/Nobody legitimate asks to be paid in gift cards/] } },
  { id: 'h17', member: 'balance', kind: 'scam', text: 'i already sent 2 gift card codes to the guy from support, what now', expect: { says: [/scam/i, /issued the cards/] } },
  { id: 'h18', member: 'visitor', kind: 'redeem', text: 'how to use a gift card on reelhouse', expect: { says: [/redeem/i] } },
  { id: 'h19', member: 'balance', kind: 'used', text: 'the gift card code has been used already, I just bought it at the shop', expect: { says: [/works once/] } },
  { id: 'h20', member: 'ran_out', kind: 'other_language', text: 'Warum wurde meine Karte belastet, ich habe doch einen Gutschein eingelöst?', expect: { says: RAN_OUT } },
  { id: 'h21', member: 'ran_out', kind: 'other_language', text: 'por qué me cobraron en la tarjeta si tengo una tarjeta regalo', expect: { says: RAN_OUT } },
  { id: 'h22', member: 'ran_out', kind: 'other_language', text: 'por que cobraram no meu cartão se eu tenho um cartão presente', expect: { says: RAN_OUT } },
  { id: 'h23', member: 'ran_out', kind: 'control', text: 'how do i update my credit card', expect: { never: [/gift/i] } },
  { id: 'h24', member: 'balance', kind: 'control', text: 'how much is premium per month', expect: { never: [/gift balance ran out/i] } },
];
