import { describe, expect, it } from 'vitest';
import { readAccountQuestion } from './account-questions.rules.ts';
import { otherLanguage, pastedSecretNotes } from './member-notes.rules.ts';
import { isYes } from './message-reading.rules.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState } from './assistant.types.ts';
import { explainCharges } from './charges/charge-explainer.ts';
import { inputOf, snapshotOf, toolsWith, triageAs } from './testing/assistant-fixtures.ts';

describe('account questions in the member\'s own words', () => {
  it.each([
    ['when is my next payment and how much will it be', 'next_charge'],
    ['so how much next time?', 'next_charge'],
    ['am I going to be charged again next month', 'next_charge'],
    ['Hallo, wann ist meine nächste Zahlung fällig?', 'next_charge'],
    ['when does my access end', 'access_end'],
    ['and when does that end?', 'access_end'],
    ['who is actually charging me for this, is it apple or you guys?', 'who_bills'],
    ['I cant find any reelhouse charge on my credit card, how am i paying for this', 'who_bills'],
    ['my account is frozen??', 'hold'],
    ['there is a payment problem banner on my tv', 'hold'],
    ['it says update payment but my card is fine', 'hold'],
    ['when will you try charging me again', 'retry'],
    ['and if that fails too?', 'if_retry_fails'],
    ['got a replacement card from my bank with a new number, will my reelhouse payment still work?', 'card_replaced'],
    ['how can I add my mom as extra member', 'extra_member_add'],
    ['Posso adicionar um membro extra na minha conta?', 'extra_member_add'],
    ['is that every month now?', 'recurring'],
    ['can you cancel the other one', 'cancel_other'],
    ['did i cancel or pause? cant remember', 'status'],
  ])('reads “%s” as %s', (text, question) => {
    expect(readAccountQuestion(text)).toBe(question);
  });

  it('reads a short "what about next month?" as the next charge only right after a money answer', () => {
    expect(readAccountQuestion('what about next month?', { afterMoney: true })).toBe('next_charge');
    expect(readAccountQuestion('what about next month?')).toBeNull();
  });

  it('leaves other questions alone', () => {
    expect(readAccountQuestion('how do i add a device to my account')).toBeNull();
    expect(readAccountQuestion('on the last day of the month i was charged twice')).toBeNull();
    expect(readAccountQuestion('my tv wont play the next episode')).toBeNull();
  });

  it('leaves questions about one charge to the charge explainer', () => {
    expect(readAccountQuestion('why was i charged 6.95 on nov 18??')).toBeNull();
    expect(readAccountQuestion('you are charging me twice every month!!! fix it')).toBeNull();
    expect(readAccountQuestion('I cancelled in september why did you charge me 31.03')).toBeNull();
  });
});

describe('notes said before the answer', () => {
  it('tells the member a pasted password was removed and to change it, with a button to where it is changed', () => {
    const [note] = pastedSecretNotes('my password is [password removed] and the tv says wrong');
    expect(note.body).toMatch(/removed the password/);
    expect(note.body).toMatch(/change it now/);
    expect(note.payload.choices).toEqual([{ id: 'link:/account/security', label: 'Change my password' }]);
    expect(pastedSecretNotes('card [card number removed] exp [expiry date removed]')[0].body).toMatch(/never send a full card number/);
    const gift = pastedSecretNotes('my gift card [gift card code removed] says invalid');
    expect(gift).toHaveLength(1);
    expect(gift[0].body).toMatch(/gift card code works like cash/);
    expect(gift[0].body).toMatch(/\/redeem/);
    expect(pastedSecretNotes('why was I charged twice')).toEqual([]);
  });

  it('names the language a member wrote in, never for an English message', () => {
    expect(otherLanguage('Warum wurde mir am 19. November 4,39 € abgebucht?', 'de')).toBe('German');
    expect(otherLanguage('Quando termina o meu acesso? Eu cancelei a assinatura.', 'pt')).toBe('Portuguese');
    expect(otherLanguage('¿Quién me cobra la suscripción?', undefined)).toBe('Spanish');
    expect(otherLanguage('why was i charged on the 19th', 'nl')).toBeNull();
    expect(otherLanguage('next charge?', 'fr')).toBeNull();
  });

  it('does not take a new question after "ok" for a yes', () => {
    expect(isYes('ok and is that every month?')).toBe(false);
    expect(isYes('ok go ahead')).toBe(true);
  });
});

describe('dates and amounts that are not the disputed charge', () => {
  const turnWith = (text: string, entities: Record<string, string>) => decideTurn(initialState(), inputOf(text), {
    snapshot: snapshotOf(), triage: triageAs('billing.unexpected_charge', entities), tools: toolsWith((input) => explainCharges(input)),
  });
  const said = (decision: ReturnType<typeof decideTurn>) => decision.replies.map((reply) => reply.body).join('\n');

  it('does not search a weekday, two amounts, or a lone date that matches nothing, and never says "no charge was found" for them', () => {
    for (const [text, entities] of [
      ['on monday I saw a charge from you', { date: 'monday' }],
      ['last month 15.49 now 17.99, why', { amount: '15.49' }],
      ['why was I charged on the 3rd when I pay on the 15th', { date: 'the 3rd' }],
    ] as const) {
      const decision = turnWith(text, entities);
      expect(said(decision)).not.toMatch(/No Reelhouse charge/);
      expect(decision.handOff).toBeNull();
    }
  });

  it('still says so when an amount the member names is nowhere in the ledger', () => {
    const decision = turnWith('what is the 99.99 charge', { amount: '99.99' });
    expect(said(decision)).toMatch(/No Reelhouse charge of \$99\.99 was found/);
    expect(decision.handOff?.queue).toBe('billing');
  });
});
