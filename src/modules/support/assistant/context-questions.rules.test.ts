import { describe, expect, it } from 'vitest';
import { readContextQuestion } from './context-questions.rules.ts';

describe('account questions read against the account and the conversation', () => {
  it('reads "the other one" as the second membership on the card, only when there is one', () => {
    expect(readContextQuestion('when will the other account charge me next', { sameCard: true })).toBe('other_next_charge');
    expect(readContextQuestion('whats the login on that one', { sameCard: true })).toBe('other_account');
    expect(readContextQuestion('since when has that been going on', { sameCard: true, afterMoney: true })).toBe('other_account');
    expect(readContextQuestion('and mine?', { sameCard: true, lastQuestion: 'other_next_charge' })).toBe('next_charge');
    expect(readContextQuestion('when will the other account charge me next', { sameCard: false })).toBeNull();
  });

  it('leaves two amounts compared and a past cost to the charge explanation', () => {
    expect(readContextQuestion('last month 21.46 this month 23.72??', {})).toBe('charge');
    // Looking ahead too: the next charge, with the explanation beside it (answerQuestions).
    expect(readContextQuestion('my next bill says 27.55 but i used to pay 19.83, why the difference', {})).toBe('next_charge');
    expect(readContextQuestion('what did the upgrade cost me', {})).toBe('charge');
    expect(readContextQuestion('what did I pay in november', {})).toBe('past_payments');
    expect(readContextQuestion('hey what was the charge in between my renewals', {})).toBeNull();
  });

  it('reads a restart, a hold, a pause and extra members by what the account is in', () => {
    expect(readContextQuestion('so why is it active now', { restarted: true })).toBe('who_restarted');
    expect(readContextQuestion('so why is it active now', { restarted: false })).toBeNull();
    expect(readContextQuestion('can i get my money back for the restart', { restarted: true })).toBeNull();
    expect(readContextQuestion('and if the card doesnt work till then?', { status: 'on_hold' })).toBe('if_retry_fails');
    expect(readContextQuestion('will it restart by itself or do i need to do something', { status: 'paused' })).toBe('access_end');
    expect(readContextQuestion('if i remove jonas do i still pay for him this month', { role: 'owner', extraMemberNames: ['Jonas'] })).toBe('extra_member_remove');
    expect(readContextQuestion('remove jonas', { role: 'owner', extraMemberNames: ['Jonas'] })).toBeNull();
    expect(readContextQuestion('how many extra members can i add', { role: 'owner' })).toBe('extra_member_price');
    expect(readContextQuestion('i joined on halloween so why does my statement say the 30th', { anchorDay: 31 })).toBe('billing_day');
  });

  it('reads follow-ups by what was answered last', () => {
    expect(readContextQuestion('and then?', { status: 'on_hold', lastQuestion: 'retry' })).toBe('if_retry_fails');
    expect(readContextQuestion('and then?', { lastQuestion: 'next_charge' })).toBe('next_charge');
    expect(readContextQuestion('why not', { lastQuestion: 'extra_member_add' })).toBe('extra_member_add');
    expect(readContextQuestion('when did it come', { lastDisputed: { date: '2026-11-26', type: 'refund', amount: -500, currency: 'GBP' } })).toBe('disputed_when');
    expect(readContextQuestion('and when is the last chance', { status: 'on_hold' })).toBe('if_retry_fails');
    expect(readContextQuestion('so you cant do it at all?', { partner: true, lastQuestion: 'partner_other' })).toBe('partner_other');
  });

  it('tells a past amount quoted from one ahead, and a repeat question from a charge question', () => {
    expect(readContextQuestion('the 7.20, one time thing or monthly?', { pastAmounts: ['7.20', '19.83'] })).toBe('recurring');
    expect(readContextQuestion('theres this random 7.20?? i thought it changes the price next month', { pastAmounts: ['7.20'] })).toBe('next_charge');
    expect(readContextQuestion('what is the 7.20', { pastAmounts: ['7.20'] })).toBe('charge');
    expect(readContextQuestion('hello i see reelhouse 2 times on my card statement every month', {})).toBe('charge');
    expect(readContextQuestion('payment declined twice, what do i do', { status: 'on_hold' })).not.toBe('charge');
  });
});
