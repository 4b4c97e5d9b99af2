import type { DevOpening } from './dev-openings-harness.ts';

/**
 * Gift-card openings (issue 12 point 3), written on 2026-12-06 before they
 * were first put to the assistant, and frozen then: members' own words for
 * the gift-card questions, on four accounts built from the demo (see
 * gift-cards.dev.test.ts): `ran_out` (Jade after her $5.00 balance paid part
 * of the November 30 renewal), `balance` (Jade with $25.00 redeemed before it),
 * `same_day` (Jade redeemed $20.00 on November 30 after the renewal) and a
 * visitor. `member` holds those keys. Controls check that other questions of
 * the same members are not taken for gift-card ones.
 */
type GiftOpening = Omit<DevOpening, 'member'> & { member: 'ran_out' | 'balance' | 'same_day' | 'visitor' };

const RAN_OUT = [/ran out on November 30, 2026/, /\$6\.01/];
const SAME_DAY = [/same day as your renewal/, /next charge/];

export const GIFT_OPENINGS: readonly GiftOpening[] = [
  { id: 'g01', member: 'ran_out', kind: 'ran_out', text: 'why was my card charged? i have a gift card', expect: { says: RAN_OUT } },
  { id: 'g02', member: 'ran_out', kind: 'ran_out', text: 'I thought my gift card covered the membership, why did you take money from my visa', expect: { says: RAN_OUT } },
  { id: 'g03', member: 'ran_out', kind: 'ran_out', text: 'my gift balance should have paid this month', expect: { says: RAN_OUT } },
  { id: 'g04', member: 'ran_out', kind: 'ran_out', text: 'why did i get charged 6.01', expect: { says: [/\$6\.01/, /gift balance/] } },
  { id: 'g05', member: 'ran_out', kind: 'ran_out', text: 'where did my gift card money go', expect: { says: [/November 30, 2026/, /gift balance/] } },
  { id: 'g06', member: 'ran_out', kind: 'ran_out', text: 'hi, you charged my bank card even though I redeemed a voucher', expect: { says: RAN_OUT } },
  { id: 'g07', member: 'ran_out', kind: 'ran_out', text: 'Gift card was used up already?? It was 5 dollars', expect: { says: [/\$5\.00/, /November 30, 2026/] } },
  { id: 'g08', member: 'ran_out', kind: 'ran_out', text: 'why is there a charge on my card this month', expect: { says: RAN_OUT } },
  { id: 'g09', member: 'ran_out', kind: 'balance', text: 'how much is left on my gift card', expect: { says: [/\$0\.00/, /ran out|used up/] } },
  { id: 'g10', member: 'balance', kind: 'balance', text: 'whats my gift card balance', expect: { says: [/\$25\.00/] } },
  { id: 'g11', member: 'balance', kind: 'balance', text: 'how long will my gift card last', expect: { says: [/\$25\.00/, /lasts until about/] } },
  { id: 'g12', member: 'balance', kind: 'balance', text: 'how many months does my gift credit cover?', expect: { says: [/in full/] } },
  { id: 'g13', member: 'balance', kind: 'balance', text: 'will my gift card pay for next month', expect: { says: [/in full/, /November 30, 2026/] } },
  { id: 'g14', member: 'balance', kind: 'balance', text: 'does the gift balance expire', expect: { says: [/never expires/] } },
  { id: 'g15', member: 'same_day', kind: 'same_day', text: 'I redeemed a gift card today but my card was still charged', expect: { says: SAME_DAY } },
  { id: 'g16', member: 'same_day', kind: 'same_day', text: 'why didnt my gift card pay for the renewal? i put it in this morning', expect: { says: SAME_DAY } },
  { id: 'g17', member: 'same_day', kind: 'same_day', text: 'added a 20 dollar gift card and you still took 11.01 from my card', expect: { says: SAME_DAY } },
  { id: 'g18', member: 'same_day', kind: 'same_day', text: 'the gift code didnt get used for the payment', expect: { says: SAME_DAY } },
  { id: 'g19', member: 'balance', kind: 'currency', text: 'my gift card is in euros and it wont redeem', expect: { says: [/EUR/, /didn’t use the code up/] } },
  { id: 'g20', member: 'balance', kind: 'currency', text: 'I got a reelhouse gift card from my aunt in the UK and it says wrong currency', expect: { says: [/USD/, /keep it/] } },
  { id: 'g21', member: 'ran_out', kind: 'currency', text: 'gift card bought in canada doesnt work on my account', expect: { says: [/currency|country/, /keep it/] } },
  { id: 'g22', member: 'visitor', kind: 'currency', text: 'can I use a gift card from another country?', expect: { says: [/currency/] } },
  { id: 'g23', member: 'ran_out', kind: 'scam', text: 'someone called saying they are reelhouse and I need to pay with gift cards or my account gets closed', expect: { says: [/Nobody legitimate asks to be paid in gift cards/] } },
  { id: 'g24', member: 'visitor', kind: 'scam', text: 'a guy on the phone wants me to read him the numbers on the back of the gift cards', expect: { says: [/Nobody legitimate asks to be paid in gift cards/] } },
  { id: 'g25', member: 'balance', kind: 'scam', text: 'is it a scam if support asks for gift cards?', expect: { says: [/scam/i, /gift cards/] } },
  { id: 'g26', member: 'visitor', kind: 'scam', text: 'I got an email telling me to buy gift cards to unlock my reelhouse account', expect: { says: [/Nobody legitimate asks to be paid in gift cards/] } },
  { id: 'g27', member: 'balance', kind: 'redeem', text: 'how do I redeem a gift card', expect: { says: [/Redeem a gift card|\/redeem/] } },
  { id: 'g28', member: 'visitor', kind: 'redeem', text: 'where do i put my gift code', expect: { says: [/redeem/i] } },
  { id: 'g29', member: 'ran_out', kind: 'used', text: 'my gift card says already redeemed but I never used it', expect: { says: [/works once/] } },
  { id: 'g30', member: 'ran_out', kind: 'control', text: 'when is my next payment', expect: { says: [/next charge/i], never: [/gift/i] } },
  { id: 'g31', member: 'balance', kind: 'control', text: 'my tv keeps buffering', expect: { never: [/gift/i] } },
  { id: 'g32', member: 'ran_out', kind: 'control', text: 'I want to cancel my membership', expect: { never: [/gift balance ran out/i] } },
];
