import { describe, expect, it } from 'vitest';
import type { MembershipView } from '../../billing/index.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState } from './assistant.types.ts';
import { giftCardTopic, readGiftQuestion } from './gift-cards.rules.ts';
import { readGiftLedger } from './gift-ledger.rules.ts';
import { explained, fakeExplainer, inputOf, membershipView, snapshotOf, TODAY, toolsWith, triageAs } from './testing/assistant-fixtures.ts';

type Line = MembershipView['ledger'][number] & { gift?: number | null };

const charge = (date: string, amount: number, gift: number, reason = 'renewal'): Line => ({
  id: `led_${date}_${reason}`, date, type: 'charge', reason, amount, tax: 0, currency: 'USD', period_start: date, period_end: null, refund_of: null, gift,
});
const redeemed = (date: string, amount: number): Line => ({
  id: `led_${date}_gift`, date, type: 'gift_card', reason: null, amount, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: null,
});

const withLedger = (ledger: Line[], balance?: number) => snapshotOf({
  membership: membershipView({ ledger, ...(balance === undefined ? {} : { state: { ...membershipView().state, gift_balance: balance } }) }),
});

const upcoming = { date: '2026-04-15', amount: 1549, tax: 0, taxMode: null, currency: 'USD', plan: 'standard', planName: 'Standard', extraMembers: 0, kind: 'renewal' as const, basis: 'ledger' as const, finalRetry: null };
const tools = toolsWith(fakeExplainer(explained({ upcoming })));
const topic = (text: string, snapshot = withLedger([]), intent: Parameters<typeof giftCardTopic>[0]['intent'] = null) => giftCardTopic({ text, intent, snapshot, today: TODAY, tools });
const bodyOf = (outcome: ReturnType<typeof giftCardTopic>) => outcome?.replies.map((reply) => reply.body).join('\n') ?? '';

// Redeemed $25.00 on January 20; February's $15.49 paid from it in full, March's $15.49 paid $9.51 from it and $5.98 by card.
const ranOutInMarch = [charge('2026-01-15', 1549, 0, 'signup'), redeemed('2026-01-20', 2500), charge('2026-02-15', 1549, 1549), charge('2026-03-15', 1549, 951)];

describe('reading a gift-card question', () => {
  it.each([
    ['a man on the phone says I have to pay my reelhouse bill with gift cards', 'scam'],
    ['is it legit that support wants me to buy gift cards', 'scam'],
    ['my gift card code says it was already used', 'used'],
    ['my gift card from germany doesnt work', 'wrong_currency'],
    ['the gift card is in euros and it was refused', 'wrong_currency'],
    ['how much is left on my gift card', 'balance'],
    ['how long will my gift balance last', 'balance'],
    ['how do i redeem a gift card', 'redeem'],
    ['can I pay for reelhouse with a gift card', 'redeem'],
    ['i have a gift card, why did you charge my visa', 'charge'],
  ])('reads “%s” as %s', (text, question) => {
    expect(readGiftQuestion(text)).toBe(question);
  });

  it('leaves messages without gift cards to the usual reading, unless triage says gift_card', () => {
    expect(readGiftQuestion('why was I charged twice')).toBeNull();
    expect(readGiftQuestion('what is on my account', 'gift_card')).toBe('charge');
  });
});

describe('the gift ledger', () => {
  it('splits each charge into the balance part and the card part, and finds the charge that used the balance up', () => {
    const ledger = readGiftLedger(withLedger(ranOutInMarch).membership as MembershipView);
    expect(ledger.charges.map((item) => [item.date, item.gift, item.card])).toEqual([['2026-01-15', 0, 1549], ['2026-02-15', 1549, 0], ['2026-03-15', 951, 598]]);
    expect(ledger.balance).toBe(0);
    expect(ledger.ranOut?.date).toBe('2026-03-15');
  });

  it('uses billing’s own balance when the view reports it (a restored balance has no ledger line)', () => {
    expect(readGiftLedger(withLedger(ranOutInMarch, 1000).membership as MembershipView).balance).toBe(1000);
  });
});

describe('gift-card answers from the ledger', () => {
  it('tells the date the balance ran out and how much of the charge came from it and from the card', () => {
    const body = bodyOf(topic('why was my card charged 5.98 when I have a gift card?', withLedger(ranOutInMarch)));
    expect(body).toContain('Of your charge of $15.49 on March 15, 2026, $9.51 came from your gift balance and the other $5.98 went on your card ending 4242');
    expect(body).toContain('ran out on March 15, 2026');
    expect(body).toContain('Your gift balance is $0.00 now');
  });

  it('explains a charge made fully on the card after the balance ran out the month before', () => {
    // $20.00 redeemed: February's $15.49 and the $4.51 upgrade on February 20 used it up; March went on the card.
    const ledger = [charge('2026-01-15', 1549, 0, 'signup'), redeemed('2026-01-20', 2000), charge('2026-02-15', 1549, 1549), charge('2026-02-20', 451, 451, 'plan_upgrade'), charge('2026-03-15', 1549, 0)];
    const body = bodyOf(topic('why did you charge my card this month', withLedger(ledger), 'billing.unexpected_charge'));
    expect(body).toContain('Your gift balance ran out on February 20, 2026');
    expect(body).toContain('your charge of $15.49 on March 15, 2026 went in full on your card ending 4242');
  });

  it('explains that a card redeemed on the renewal day is used from the next charge', () => {
    const ledger = [charge('2026-02-15', 1549, 0, 'signup'), charge('2026-03-15', 1549, 0), redeemed('2026-03-15', 3000)];
    const body = bodyOf(topic('I redeemed my gift card but you still charged my card!', withLedger(ledger)));
    expect(body).toContain('You redeemed your gift card of $30.00 on March 15, 2026, the same day as your renewal');
    expect(body).toContain('the renewal is charged first');
    expect(body).toContain('first used by your next charge, on April 15, 2026');
  });

  it('tells the balance and about how long it lasts at the current price', () => {
    const body = bodyOf(topic('how long will my gift balance last?', withLedger([redeemed('2026-03-01', 4000)])));
    expect(body).toContain('Your gift balance is $40.00');
    expect(body).toContain('it pays your next 2 charges in full, from April 15, 2026, and $9.02 of the one on June 15, 2026');
    expect(body).toContain('lasts until about June 2026');
  });

  it('tells a balance that pays whole charges exactly, and prefers billing’s own estimate when the view has one', () => {
    expect(bodyOf(topic('how much gift balance do i have left?', withLedger([redeemed('2026-03-01', 3098)])))).toContain('it pays your next 2 charges in full, from April 15, 2026. So it lasts until about May 2026');
    const snapshot = withLedger([redeemed('2026-03-01', 4000)], 4000);
    (snapshot.membership as MembershipView).gift = { balance: 4000, price_per_period: 2000, periods_covered: 2, runs_out_on: '2026-06-15', paid_of_last: 0 };
    expect(bodyOf(topic('how long does my gift balance last', snapshot))).toContain('At your current price of $20.00 a month (tax included), it pays your next 2 charges in full');
  });

  it('says a card in another currency cannot be used here and is not used up', () => {
    const body = bodyOf(topic('my gift card is in euros and your site refuses it'));
    expect(body).toContain('Your account is billed in USD');
    expect(body).toContain('A card in EUR is for the Reelhouse service of the euro countries');
    expect(body).toContain('didn’t use the code up');
  });

  it('calls being asked to pay in gift cards a scam and offers the security team, even to a visitor', () => {
    const outcome = giftCardTopic({ text: 'someone called and said I must pay my reelhouse fine with gift cards', intent: 'safety.phishing', snapshot: null, today: TODAY, tools });
    expect(bodyOf(outcome)).toContain('Nobody legitimate asks to be paid in gift cards');
    expect(outcome?.offer).toEqual({ kind: 'handoff', queue: 'security', reason: 'needs_agent' });
  });

  it('answers triage’s gift_card without a gift word only from the ledger’s own gift activity', () => {
    expect(topic('which card do you charge', withLedger([charge('2026-03-15', 1549, 0)]), 'gift_card')).toBeNull();
    expect(topic('my card from germany doesnt work', withLedger([charge('2026-03-15', 1549, 0)]), 'gift_card')).toBeNull();
    expect(bodyOf(topic('why was my card charged', withLedger(ranOutInMarch), 'gift_card'))).toContain('ran out on March 15, 2026');
  });

  it('tells a member whose card was not charged that the balance paid the charge in full', () => {
    const ledger = [charge('2026-01-15', 1549, 0, 'signup'), redeemed('2026-02-01', 5000), charge('2026-02-15', 1549, 1549), charge('2026-03-15', 1549, 1549)];
    const body = bodyOf(topic('why wasnt my card charged last month', withLedger(ledger), 'billing.unexpected_charge'));
    expect(body).toContain('Your charge of $15.49 on March 15, 2026 was paid in full from your gift balance; your card ending 4242 wasn’t charged for it');
    expect(body).toContain('You have $19.02 of gift balance now');
  });

  it('leaves a plain charge question to the charge explainer when no gift balance was used lately, or when it asks about something else', () => {
    expect(topic('why was my card charged', withLedger([charge('2026-03-15', 1549, 0)]), 'billing.unexpected_charge')).toBeNull();
    expect(topic('why was I charged twice on my card', withLedger(ranOutInMarch), 'billing.multiple_charges')).toBeNull();
  });
});

describe('in the chat', () => {
  it('answers "why was my card charged" from the gift ledger for a member whose balance ran out', () => {
    const decision = decideTurn(initialState(), inputOf('why was my card charged this month?'), {
      snapshot: withLedger(ranOutInMarch), triage: triageAs('billing.unexpected_charge'), tools,
    });
    const text = decision.replies.map((reply) => reply.body).join('\n');
    expect(text).toContain('ran out on March 15, 2026');
    expect(text).toContain('$5.98 went on your card ending 4242');
    expect(decision.state.offer).toEqual({ kind: 'feedback' });
  });
});
