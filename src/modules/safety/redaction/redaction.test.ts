import { describe, expect, it } from 'vitest';
import { findCredentialRequest, luhnValid, redact, type FindingKind } from './index.ts';

/** What each finding covers in the input. */
function removed(text: string, options?: Parameters<typeof redact>[1]): [FindingKind, string][] {
  return redact(text, options).findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('luhnValid', () => {
  it('accepts test card numbers and rejects one digit off', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('redact: card numbers', () => {
  it('removes Luhn-valid numbers of 13 to 19 digits, spaced, dashed or run together, with offsets into the input', () => {
    for (const card of ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '3782 822463 10005', '6011 0009 9013 9424', '4222222222222']) {
      const text = `pay with ${card} please`;
      expect(removed(text)).toEqual([['card_number', card]]);
      expect(redact(text).text).toBe('pay with [card number removed] please');
    }
  });

  it('keeps numbers that fail the check, last-four mentions and short numbers', () => {
    for (const text of ['order 4111 1111 1111 1112 arrived', 'card ending 4242 was charged', 'the visa ending in 0417', 'my last four are 1881', 'member id 123456789012']) {
      expect(removed(text), text).toEqual([]);
    }
  });

  it('takes the card out of a longer run and the expiry and cvv pasted after it', () => {
    const text = 'card 4111 1111 1111 1111 04/27 123 thanks';
    expect(removed(text)).toEqual([['card_number', '4111 1111 1111 1111'], ['card_expiry', '04/27'], ['cvv', '123']]);
    expect(redact(text).text).toBe('card [card number removed] [expiry date removed] [security code removed] thanks');
  });
});

describe('redact: security codes and expiry dates', () => {
  it('removes the digits a CVV word names, either side', () => {
    expect(removed('the cvv is 123')).toEqual([['cvv', '123']]);
    expect(removed('security code: 1234 and that is all')).toEqual([['cvv', '1234']]);
    expect(removed('CVC 987, exp 04/27')).toEqual([['cvv', '987'], ['card_expiry', '04/27']]);
    expect(removed('321 is the cvv')).toEqual([['cvv', '321']]);
  });

  it('removes expiry dates only in card context', () => {
    expect(removed('exp 04/27')).toEqual([['card_expiry', '04/27']]);
    expect(removed('valid thru 11/2028')).toEqual([['card_expiry', '11/2028']]);
    expect(removed('my debit card expires 09/26')).toEqual([['card_expiry', '09/26']]);
    expect(removed('my membership expires 12/06/2025')).toEqual([]);
    expect(removed('the trial expires 10/5 I think')).toEqual([]);
  });
});

describe('redact: passwords', () => {
  it('removes the password after "password is", "pw:", "password =", "reset my password to"', () => {
    expect(removed('my password is hunter2')).toEqual([['password', 'hunter2']]);
    expect(removed('pw: s3cr3t!! thanks')).toEqual([['password', 's3cr3t!!']]);
    expect(removed('password = Correct-Horse-9')).toEqual([['password', 'Correct-Horse-9']]);
    expect(removed('I set my password to Rainbow77.')).toEqual([['password', 'Rainbow77']]);
    expect(removed('password: sunshine')).toEqual([['password', 'sunshine']]);
    expect(removed("the old password was Abc123 and the new one is Xyz789")).toEqual([['password', 'Abc123'], ['password', 'Xyz789']]);
  });

  it('keeps descriptions of a password', () => {
    for (const text of ['my password is incorrect', 'the password was changed yesterday', 'password is not working', 'I forgot my password', 'my password is too long', 'password reset email never came']) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('redact: one-time codes', () => {
  it('removes 4 to 8 digits near a code word, in the same sentence', () => {
    expect(removed('the verification code is 123456')).toEqual([['one_time_code', '123456']]);
    expect(removed('login code 4821, it expired')).toEqual([['one_time_code', '4821']]);
    expect(removed('reset code: 12 34 56')).toEqual([['one_time_code', '12 34 56']]);
    expect(removed('987654 is my code')).toEqual([['one_time_code', '987654']]);
    expect(removed('2FA: 55501234')).toEqual([['one_time_code', '55501234']]);
  });

  it('keeps error, promo and zip codes, years, prices, units and numbered things', () => {
    for (const text of [
      'error code 1234 on the TV',
      'promo code 2024 did not apply',
      'the code expired in 2023',
      'the code took 1500 minutes to arrive',
      'I got a code for case 58213',
      'code came but I paid $1299 already',
      'no code came. I waited until 2130',
    ]) {
      expect(removed(text), text).toEqual([]);
    }
  });

  it('keeps the Reelhouse service code by default, removes it on request', () => {
    expect(removed('my service code is 482913')).toEqual([]);
    expect(redact('my service code is 482913', { serviceCodes: 'remove' })).toEqual({
      text: 'my service code is [service code removed]',
      findings: [{ kind: 'one_time_code', start: 19, end: 25 }],
    });
  });
});

describe('redact: phones and emails', () => {
  it('removes phone numbers in phone shapes or after a phone word', () => {
    expect(removed('ring +1 (212) 555-0199 today')).toEqual([['phone', '+1 (212) 555-0199']]);
    expect(removed('it is 212-555-0199')).toEqual([['phone', '212-555-0199']]);
    expect(removed('landline 0113 496 0000')).toEqual([['phone', '0113 496 0000']]);
    expect(removed('call me on 555-0132')).toEqual([['phone', '555-0132']]);
  });

  it('keeps dates, times, prices, versions and counts', () => {
    for (const text of ['on 2024-05-18 at 21:30', 'paid 1,299.00 for 12 months', 'version 10.2.3 on 192.168.100.10', 'season 2 episode 10 at 00:41:37', 'between 10 and 20 people']) {
      expect(removed(text), text).toEqual([]);
    }
  });

  it('removes email addresses, keeping official ones when configured', () => {
    expect(removed('write to a.b+c@mail.example.co.uk now')).toEqual([['email', 'a.b+c@mail.example.co.uk']]);
    expect(removed('I wrote to help@reelhouse.example', { officialDomains: ['reelhouse.example'] })).toEqual([]);
  });
});

describe('redact: output', () => {
  it('leaves a text without secrets unchanged and offsets point into the input', () => {
    expect(redact('charged $15.49 on 3 May')).toEqual({ text: 'charged $15.49 on 3 May', findings: [] });
    const text = 'é 🎬 mail x@example.com, pw: p4ss!';
    const result = redact(text);
    expect(result.findings.map((f) => text.slice(f.start, f.end))).toEqual(['x@example.com', 'p4ss!']);
    expect(result.text).toBe('é 🎬 mail [email removed], pw: [password removed]');
  });
});

describe('findCredentialRequest', () => {
  it('finds a request for a password, a one-time code or a card security code', () => {
    expect(findCredentialRequest("What's your password?")).toMatchObject({ kind: 'password' });
    expect(findCredentialRequest('Could you send me your password so I can check?')).toMatchObject({ kind: 'password', start: 23, end: 31 });
    expect(findCredentialRequest('Please confirm the verification code we just sent.')).toMatchObject({ kind: 'one_time_code' });
    expect(findCredentialRequest('Can you read me the 6-digit code from the text?')).toMatchObject({ kind: 'one_time_code' });
    expect(findCredentialRequest("I'll need the one-time code to continue")).toMatchObject({ kind: 'one_time_code' });
    expect(findCredentialRequest('Type your password here and I will sign you in')).toMatchObject({ kind: 'password' });
    expect(findCredentialRequest('Can you give me the CVV on the back of the card?')).toMatchObject({ kind: 'cvv' });
  });

  it('allows the service code, warnings, instructions and other questions', () => {
    for (const text of [
      'Please read me the service code from the Help menu.',
      "What's the service code shown in Help?",
      'We will never ask for your password.',
      "Please don't share your password or any code with anyone.",
      'You can reset your password from the sign-in page.',
      'Could you tell me what error code the TV shows?',
      'Did you receive the verification code?',
      'Could you confirm the last four digits of the card?',
    ]) {
      expect(findCredentialRequest(text), text).toBeNull();
    }
  });
});
