import { describe, expect, it } from 'vitest';
import { textForTriage } from './member-notes.rules.ts';
import { glossToEnglish, hasStatementLines, questionSegments, readQuestionByMeaning } from './question-meaning.rules.ts';

describe('readQuestionByMeaning', () => {
  it.each([
    ['whens my next one coming out', {}, 'next_charge'],
    ['what will december cost me', {}, 'next_charge'],
    ['due date?', {}, 'next_charge'],
    ['is it my visa you charge?', {}, 'who_bills'],
    ['u guys still have my old mastercard or what', {}, 'who_bills'],
    ['my visa was reissued with new numbers, anything I need to do?', {}, 'card_replaced'],
    ['is there room for one more extra member on my plan', {}, 'extra_member_add'],
    ['restart date?', { status: 'paused' }, 'access_end'],
    ['since wednesday no shows, whats up', { status: 'on_hold' }, 'hold'],
    ['what if it happens again', { status: 'on_hold' }, 'if_retry_fails'],
    ['and the one after?', { lastQuestion: 'next_charge' }, 'after_next'],
    ['can you at least give me the date?', { lastQuestion: 'next_charge' }, 'next_charge'],
    ['do I have to pay anything?', { role: 'extra_member' }, 'who_bills'],
    ['how many days do i have left', {}, 'access_end'],
    ['when is the next attempt', { status: 'on_hold' }, 'retry'],
    ['and the last one?', { status: 'on_hold', lastQuestion: 'retry' }, 'if_retry_fails'],
    ['whats the email on the other one', {}, 'other_account'],
    ['can my sister join too', {}, 'extra_member_add'],
    ['what is the extra member fee per month', {}, 'extra_member_price'],
    ['and what does Jonas add to that each month', { extraMemberNames: ['Jonas'] }, 'extra_member_price'],
    ['on what day', { lastQuestion: 'next_charge' }, 'next_charge'],
    ['and the price after?', { status: 'paused', lastQuestion: 'access_end' }, 'next_charge'],
  ] as const)('%s → %s', (text, context, question) => {
    expect(readQuestionByMeaning(text, context)).toBe(question);
  });

  it.each([
    'my october bill was 23.72 but september was 21.46??',
    'Who do I contact if there is a direct debit that I did not create.',
    'Why was my new card declined?',
    'how to end my plan before the next billing date',
    'how much is left on my giftcard',
    'how do I remove the extra member from my account',
  ])('leaves "%s" to the charge, action and triage readings', (text) => {
    expect(readQuestionByMeaning(text, { status: 'active', role: 'owner' })).toBeNull();
  });
});

describe('the other readers', () => {
  it('splits two questions in one message', () => {
    expect(questionSegments('what was the 6.95 for and how much is december going to be?')).toEqual(['what was the 6.95 for', 'how much is december going to be?']);
    expect(questionSegments('whens my renewal and why did i get money back?')).toHaveLength(2);
  });
  it('glosses German, Spanish and Portuguese question words, also next to accented letters', () => {
    expect(glossToEnglish('Cancelé en septiembre y me cobraron otra vez')).toMatch(/I cancelled .* charged me again/);
    expect(glossToEnglish('Até quando posso assistir?')).toMatch(/until when can I watch/);
    expect(glossToEnglish('Wann wird das nächste Mal abgebucht und wie viel?')).toMatch(/when will be charged and how much/);
  });
  it('leaves a pasted password out of what triage reads, unless the password is the topic', () => {
    expect(textForTriage('my pw is [password removed] and I think theres 2 accounts')).toBe('I think theres 2 accounts');
    expect(textForTriage('password: [password removed] doesnt work on the roku, why')).toBe('password: [password removed] doesnt work on the roku, why');
  });
  it('finds statement lines', () => {
    expect(hasStatementLines('11/08 REELHOUSE.COM 10.88\n11/24 REELHOUSE.COM 19.59\nwhy two')).toBe(2);
    expect(hasStatementLines('why was i charged 6.95 on nov 18')).toBe(0);
  });
});
