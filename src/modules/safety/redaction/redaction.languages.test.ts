import { describe, expect, it } from 'vitest';
import { findDigitRuns } from './number-words.ts';
import { cpfValid, dniValid, ibanValid, steuerIdValid } from './identity-numbers.ts';
import { redact, type FindingKind } from './index.ts';

/** What each finding covers in the input. */
function removed(text: string): [FindingKind, string][] {
  return redact(text).findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('digits written as words or one by one', () => {
  it('reads English, German, Spanish and Portuguese digit words and spaced digits back as digits', () => {
    expect(findDigitRuns('code: four eight one nine two two').map((r) => r.digits)).toEqual(['481922']);
    expect(findDigitRuns('vier acht eins neun zwei zwei').map((r) => r.digits)).toEqual(['481922']);
    expect(findDigitRuns('cuatro ocho uno nueve dos dos').map((r) => r.digits)).toEqual(['481922']);
    expect(findDigitRuns('quatro oito um nove dois dois').map((r) => r.digits)).toEqual(['481922']);
    expect(findDigitRuns('it is 4-4-0-9-1-2 or 3 0 9').map((r) => r.digits)).toEqual(['440912', '309']);
  });

  it('removes a code, a card and a security code written in words, and keeps counting', () => {
    expect(removed('the code is nine one two three three eight')).toEqual([['one_time_code', 'nine one two three three eight']]);
    expect(removed('Der Anmeldecode war sieben sieben eins null drei vier')).toEqual([['one_time_code', 'sieben sieben eins null drei vier']]);
    expect(removed('card four four eight seven five seven four nine one one eight six two five two zero')).toEqual([
      ['card_number', 'four four eight seven five seven four nine one one eight six two five two zero'],
    ]);
    expect(removed('the cvv on the back: 3 1 7')).toEqual([['cvv', '3 1 7']]);
    for (const text of ['one two three, go!', 'I have one two three kids', 'season 2 episode 4 5 6']) expect(removed(text), text).toEqual([]);
  });
});

describe('passwords in any phrasing and language', () => {
  it('removes the password however it is introduced', () => {
    expect(removed('pass is moonpie7 btw')).toEqual([['password', 'moonpie7']]);
    expect(removed('login jane.doe@example.com / Kettle$2024')).toEqual([['email', 'jane.doe@example.com'], ['password', 'Kettle$2024']]);
    expect(removed('i use Sparrow77 for everything')).toEqual([['password', 'Sparrow77']]);
    expect(removed('I typed MapleSyrup!9 like ten times')).toEqual([['password', 'MapleSyrup!9']]);
    expect(removed('the password is all lowercase: sunnyday')).toEqual([['password', 'sunnyday']]);
    expect(removed('Kennwort: Elbe-Brücke-12')).toEqual([['password', 'Elbe-Brücke-12']]);
    expect(removed('Ich habe das Passwort auf Fuchsbau_44 geändert')).toEqual([['password', 'Fuchsbau_44']]);
    expect(removed('la clave es tortilla9')).toEqual([['password', 'tortilla9']]);
    expect(removed('Uso Naranja2020 para todo')).toEqual([['password', 'Naranja2020']]);
    expect(removed('mudei a senha para Raposa_44 ontem')).toEqual([['password', 'Raposa_44']]);
    expect(removed("i use 'sunshine' for everything")).toEqual([['password', 'sunshine']]);
    expect(removed('my password is the word pineapple')).toEqual([['password', 'pineapple']]);
    expect(removed('ich nutze Kaktus22 für alles')).toEqual([['password', 'Kaktus22']]);
    expect(removed('the one I use for all my apps is Cricket-99')).toEqual([['password', 'Cricket-99']]);
    expect(removed('pword: seashell11')).toEqual([['password', 'seashell11']]);
  });

  it('keeps descriptions, usernames, error codes, times and ids next to a login word', () => {
    for (const text of [
      'Mein Passwort ist falsch, sagt die App',
      'Dice que mi contraseña es incorrecta',
      'minha senha está incorreta',
      'username mike_t, I forgot my password',
      'I reset my password twice and it still fails with error AP-310',
      'I changed my password at 9:30pm',
      'signed in, then reply with the 6-digit code',
      'la clave es la paciencia',
      'logged in on account acct_19283',
      "The login button just says 'Continue' and spins",
      "El botón de iniciar sesión solo dice 'Continuar'",
      'Mein Login ist anna_k',
    ]) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('cards, expiry dates and security codes', () => {
  it('removes card numbers with dots and expiry dates in every written form', () => {
    expect(removed('my visa 4960.3082.4628.1940 was declined')).toEqual([['card_number', '4960.3082.4628.1940']]);
    expect(removed('good thru dec 27')).toEqual([['card_expiry', 'dec 27']]);
    expect(removed('card expires december 2027')).toEqual([['card_expiry', 'december 2027']]);
    expect(removed('exp 1227')).toEqual([['card_expiry', '1227']]);
    expect(removed('Karte gültig bis 12/27')).toEqual([['card_expiry', '12/27']]);
    expect(removed('tarjeta, fecha de vencimiento 08/29')).toEqual([['card_expiry', '08/29']]);
    expect(removed('Mi tarjeta vence en diciembre de 2027')).toEqual([['card_expiry', 'diciembre de 2027']]);
    expect(removed('tarjeta, vence en marzo de 2029')).toEqual([['card_expiry', 'marzo de 2029']]);
    expect(removed('cartão válido até julho de 2028')).toEqual([['card_expiry', 'julho de 2028']]);
    expect(removed('cartão validade 12/27')).toEqual([['card_expiry', '12/27']]);
    expect(removed('tarjeta venc. 12/27')).toEqual([['card_expiry', '12/27']]);
    expect(removed('card expiry Dec/27')).toEqual([['card_expiry', 'Dec/27']]);
    expect(removed('cartão 5500 0000 0000 0004 venc 11/26 cód 123')).toEqual([['card_number', '5500 0000 0000 0004'], ['card_expiry', '11/26'], ['cvv', '123']]);
    expect(removed('visa: 4526018159083012 / 09-29 / 883')).toEqual([['card_number', '4526018159083012'], ['card_expiry', '09-29'], ['cvv', '883']]);
  });

  it('removes security codes however they are named', () => {
    expect(removed('The 3 digits on the back are 309')).toEqual([['cvv', '309']]);
    expect(removed('Prüfziffer 482')).toEqual([['cvv', '482']]);
    expect(removed('die drei Ziffern auf der Rückseite sind 309')).toEqual([['cvv', '309']]);
    expect(removed('código de seguridad 482')).toEqual([['cvv', '482']]);
    expect(removed('os três números atrás do cartão são 309')).toEqual([['cvv', '309']]);
    expect(removed('the back of my card says 771')).toEqual([['cvv', '771']]);
    expect(removed('tarjeta vto. 9/27 cód. seg. 551')).toEqual([['card_expiry', '9/27'], ['cvv', '551']]);
  });

  it('keeps last-four mentions and dates that are no expiry', () => {
    for (const text of ['the back of my card is scratched, bought in 2021', 'the val. 12.99 price', 'Die letzten vier Ziffern sind 1881', 'los últimos cuatro dígitos son 1881', 'My membership renews on 12/27', 'Season 4 arrives 12/27', 'I was billed 12/27 last year too']) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('one-time codes in any phrasing', () => {
  it('removes codes near de/es/pt code words, a text message or an authenticator', () => {
    expect(removed('got the text, it says 739102')).toEqual([['one_time_code', '739102']]);
    expect(removed('the verification code is 4 8 1 9 2 2')).toEqual([['one_time_code', '4 8 1 9 2 2']]);
    expect(removed('Haushaltscode lautet 602119')).toEqual([['one_time_code', '602119']]);
    expect(removed('el código de un solo uso 55 21 90 caducó')).toEqual([['one_time_code', '55 21 90']]);
    expect(removed('recebi o SMS, está escrito 739102')).toEqual([['one_time_code', '739102']]);
    expect(removed('authenticator shows 40 21 88')).toEqual([['one_time_code', '40 21 88']]);
    expect(removed('die App hat mir 551 930 geschickt')).toEqual([['one_time_code', '551 930']]);
    expect(removed('Haushaltsbestätigung: acht acht zwei eins null fünf')).toEqual([['one_time_code', 'acht acht zwei eins null fünf']]);
  });

  it('keeps error, promo and postal codes in every language, and numbered things', () => {
    for (const text of ['Fehlercode 1234 erscheint', 'código de error 1234 en la tele', 'código de erro 1234 na TV', 'código postal 08001', 'Gutscheincode HERBST30', 'my member number is 100200300', 'my serial number is 4471 8820', 'confirmation number 55123987', 'Bestellnummer 55012, Ticket 778812', 'Buchungsbestätigung 88123456', 'I sent them 4500 last year', 'you sent a bill for 1799 yen']) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('the service code in four languages', () => {
  it('keeps it by default and removes it on request, however it is written', () => {
    for (const text of ['mein Servicecode ist 482913', 'mein Service-Code lautet 482913', 'mi código de servicio es 482913', 'meu código de serviço é 482913', 'service code four eight two nine one three']) {
      expect(removed(text), text).toEqual([]);
      expect(redact(text, { serviceCodes: 'remove' }).text, text).toMatch(/\[service code removed\]$/);
    }
  });
});

describe('government identity numbers', () => {
  it('checks CPF, DNI/NIE, Steuer-ID and IBAN check digits', () => {
    expect(cpfValid('150.587.706-79')).toBe(true);
    expect(cpfValid('150.587.706-78')).toBe(false);
    expect(cpfValid('111.111.111-11')).toBe(false);
    expect(dniValid('66070842F')).toBe(true);
    expect(dniValid('66070842G')).toBe(false);
    expect(dniValid('X1724871D')).toBe(true);
    expect(steuerIdValid('28365461076')).toBe(true);
    expect(steuerIdValid('28365461077')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('removes validated numbers anywhere and other ID numbers after their word', () => {
    expect(removed('my SSN is 123-45-6789')).toEqual([['government_id', '123-45-6789']]);
    expect(removed('NI number QQ 12 34 56 C')).toEqual([['government_id', 'QQ 12 34 56 C']]);
    expect(removed('my SIN is 273 354 647')).toEqual([['government_id', '273 354 647']]);
    expect(removed('Meine Steuer-ID ist 28365461076')).toEqual([['government_id', '28365461076']]);
    expect(removed('Personalausweisnummer L01X00T47')).toEqual([['government_id', 'L01X00T47']]);
    expect(removed('Personalausweis-Nr.: T22000129')).toEqual([['government_id', 'T22000129']]);
    expect(removed('Ausweis-Nummer: L01X00T47')).toEqual([['government_id', 'L01X00T47']]);
    expect(removed('Sozialversicherungsnummer 12 150385 M 123')).toEqual([['government_id', '12 150385 M 123']]);
    expect(removed('Mi DNI es 66070842F y ya')).toEqual([['government_id', '66070842F']]);
    expect(removed('Meu CPF é 150.587.706-79')).toEqual([['government_id', '150.587.706-79']]);
    expect(removed('passport number 533380006, expiry 2031')).toEqual([['government_id', '533380006']]);
    expect(removed("driver's licence number D1234-56789-01234")).toEqual([['government_id', 'D1234-56789-01234']]);
    expect(removed('Reisepass C01X00T47 und Ausweis T22000129')).toEqual([['government_id', 'C01X00T47'], ['government_id', 'T22000129']]);
    expect(removed('CPF 15058770679 pra nota')).toEqual([['government_id', '15058770679']]);
    expect(removed('driving licence MORGA657054SM9IJ')).toEqual([['government_id', 'MORGA657054SM9IJ']]);
  });

  it('keeps numbers whose check fails and words that only mention an ID', () => {
    for (const text of ['ref 150.587.706-78', 'code 66070842G', 'my passport expired in 2019', 'passport in 2019 was renewed', 'licence valid 2030', 'sin cargo desde 2024', 'Ich habe nie 2 Geräte gleichzeitig']) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('bank details', () => {
  it('removes IBANs that pass mod 97 and account numbers after their word', () => {
    expect(removed('IBAN DE25 5253 8885 3933 6338 75 bitte')).toEqual([['iban', 'DE25 5253 8885 3933 6338 75']]);
    expect(removed('please refund to FR6280175989834788783848372')).toEqual([['iban', 'FR6280175989834788783848372']]);
    expect(removed('IBAN DE44 5001 0517 5407 3249 31')).toEqual([['iban', 'DE44 5001 0517 5407 3249 31']]); // its digits pass Luhn too
    expect(removed('IBAN ES91 2100 0418 4502 0005 1332 para el reembolso')).toEqual([['iban', 'ES91 2100 0418 4502 0005 1332']]);
    expect(removed('Kontonummer 1234567890')).toEqual([['bank_account', '1234567890']]);
    expect(removed('routing number 021000021')).toEqual([['bank_account', '021000021']]);
    expect(removed('account 12345678 sort code 12-34-56')).toEqual([['bank_account', '12345678'], ['bank_account', '12-34-56']]);
  });

  it('keeps IBAN-shaped text that fails the check and short numbers', () => {
    for (const text of ['DE25 5253 8885 3933 6338 76', 'account acct_19283 on the Premium plan', 'my account 48213 shows Premium', 'account 12345678 was charged twice', 'agência 1234']) expect(removed(text), text).toEqual([]);
  });
});

describe('emails and phones', () => {
  it('removes email addresses written out in four languages', () => {
    expect(removed('write me at jane dot doe at mail dot com')).toEqual([['email', 'jane dot doe at mail dot com']]);
    expect(removed('my email is jane(at)example(dot)com')).toEqual([['email', 'jane(at)example(dot)com']]);
    expect(removed('Mail an petra punkt lang at gmx punkt de')).toEqual([['email', 'petra punkt lang at gmx punkt de']]);
    expect(removed('correo: ana(arroba)ejemplo(punto)es')).toEqual([['email', 'ana(arroba)ejemplo(punto)es']]);
    expect(removed('email me on sarah at example.com')).toEqual([['email', 'sarah at example.com']]);
    expect(removed('mail: jane @ example.com')).toEqual([['email', 'jane @ example.com']]);
    for (const text of ["I'm at the office at 5, at home later", "I'm @ home at 5", 'meet @ 5pm']) expect(removed(text), text).toEqual([]);
  });

  it('removes phone numbers libphonenumber accepts, after a phone word or in a phone layout', () => {
    expect(removed('Handynummer 0171/5554321')).toEqual([['phone', '0171/5554321']]);
    expect(removed('llámame al 612 345 678')).toEqual([['phone', '612 345 678']]);
    expect(removed('me liga no (11) 98765-4321')).toEqual([['phone', '(11) 98765-4321']]);
    expect(removed('whatsapp +49 151 23456789')).toEqual([['phone', '+49 151 23456789']]);
    expect(removed('best number to call: 0161 496 0123')).toEqual([['phone', '0161 496 0123']]);
    expect(removed('tlf 600 123 456')).toEqual([['phone', '600 123 456']]);
    expect(removed('phone number is seven one eight, five five five, zero one two three')).toEqual([['phone', 'seven one eight, five five five, zero one two three']]);
  });
});

describe('harmless figures stay', () => {
  it('keeps prices, dates, times, error codes, numbered things, years, episodes, durations, percentages, ZIP codes and models', () => {
    for (const text of [
      'I paid R$ 39,90 but the plan says R$ 44,90',
      'It was 15,49 € last year, now 17,99 €',
      'charged $17.99 on 2024-05-18 and 12/06/2024 at 9:30pm',
      'TV shows UI-800-3 then tvq-st-131, NW-2-5 and AP-310',
      'order 100234, case 20240518-7731, ticket #482913',
      'card ending 4242, last four 1881',
      'S02E05 stops at 00:41:37, episode 12 of season 3',
      'the movie is 2h 14m, 98 minutes, 37% watched',
      'ZIP 60614-2203, PLZ 10115, CEP 01310-100',
      'Samsung QN65Q80C, firmware 1203.4, build 12.5.0.4178',
      'Staffel 2, Folge 5 bricht bei 00:41:37 ab',
      'Temporada 2, episodio 5 se corta en 00:41:37',
      'We moved from Basic to Standard with ads in March 2024',
    ]) {
      expect(removed(text), text).toEqual([]);
    }
  });
});

describe('long input', () => {
  it('redacts 20,000 characters of repeated separators, digits and cue words without backtracking blow-up', () => {
    for (const unit of ['a_', 'a-', 'a dot ', '1', '1.', '1,', '1/', '1-', '1 ', 'one ', 'password ', 'code 12 ', 'at ', 'Ab1! ', "'a'", 'twelve ', 'twenty one ', 'vinte e ', 'one a ', 'a.b', 'a@b ', 'uso Ab12, ', 'got 123456 ', 'the password I use is ']) {
      const text = unit.repeat(Math.ceil(20000 / unit.length)).slice(0, 20000);
      const started = performance.now();
      redact(text);
      // A linear pass takes a few milliseconds; catastrophic backtracking takes seconds. The margin is for a busy machine.
      expect(performance.now() - started, unit).toBeLessThan(1000);
    }
  });
});
