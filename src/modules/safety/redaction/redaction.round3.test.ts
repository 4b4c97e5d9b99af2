import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

/** The kinds added in the third round of issue 10 (docs/safety.md), each with what it must leave alone. */
describe('redaction, third round of issue 10', () => {
  it.each([
    ['my card number is four six nine four four four zero three nine four zero seven eight zero one zero eight', 'four six nine four four four zero three nine four zero seven eight zero one zero eight'],
    ['they asked for the last 4 of my social, its 3391, but the full one is 412 68 3391', '412 68 3391'],
    ['Here you go. 4324 6456 4888 6045. The expiry is on the front, 09/29. Back numbers are 183.', '183'],
    ['my visa number is 4135 8531 2470 6922, runs out dec 2027, and the back says 819', 'dec 2027'],
    ['the date on my card is 11/29 and the little code is 406', '406'],
    ['the expiration is twelve slash twenty nine', 'twelve slash twenty nine'],
    ['use my mastercard 5145 5292 3862 4368. it expires in two thousand twenty nine, march', 'two thousand twenty nine'],
    ['the 3 digit thing on back is 447', '447'],
    ['my friend wrote down the password as Pumpkin Pie 2023 with spaces', 'Pumpkin Pie 2023'],
    ['I typed in "cranberry sauce" like you said in the email and it is not letting me in', 'cranberry sauce'],
    ['my wife\'s birthday is the password, 07141988', '07141988'],
    ['hey its me again, the thing i log in with is purplemonkey dishwasher, no numbers', 'purplemonkey dishwasher'],
    ['my password? bread and butter, all one word', 'bread and butter'],
    ['she tried with Cookies&Cream and it says no account found', 'Cookies&Cream'],
    ['wait i think my caps lock was on, i was typing SUNFLOWER88 instead', 'SUNFLOWER88'],
    ['hi my tv show number 5 5 3 2 and say ask owner', '5 5 3 2'],
    ['The app gave me a household code: H7K2P9 (letters and numbers)', 'H7K2P9'],
    ['the verifcation code i got is 6O4 218', '6O4 218'],
    ['call me on oh seven seven double oh nine zero zero four six one', 'double oh nine'],
    ['write to peter.schmidt at gmx de', 'peter.schmidt at gmx de'],
    ['Email me: mike @ example . com', 'mike @ example . com'],
    ['mein Ausweis hat die Nummer LZ6311T47', 'LZ6311T47'],
    ['CPF dele é 529 982 247 25', '529 982 247 25'],
    ['Sort code 40-47-84 acc 71234567', '71234567'],
  ])('removes: %s', (text, secret) => {
    const out = redact(text).text;
    expect(out).not.toContain(secret);
    expect(redact(out).text).toBe(out);
  });

  it.each([
    ['card 4324645648886045. I was charged on 12/25 and 12/26 for $9.99', ['12/25', '12/26', '$9.99']],
    ['my card 4324645648886045 was charged 3 times, the charge of 12/27 I do not know', ['12/27']],
    ['My social security number ends in 5521', ['5521']],
    ['tried to sign in with marathon_mom and Boston2019 and it kicked me out', ['marathon_mom']],
    ['my password stopped working, its been over 2.', ['over 2']],
    ['password? thanks', ['thanks']],
    ['I changed my password, 2024 was the last time', ['2024']],
    ['The password has expired on 05062025?', ['05062025']],
    ['I typed in "Stranger Things" and the app crashed', ['Stranger Things']],
    ['code RH50OFF didnt work', ['RH50OFF']],
    ["El botón de iniciar sesión solo dice 'Continuar' en mi LG OLED65C3", ['OLED65C3']],
    ['The confirmation number from my email is 8832-1190-4471', ['8832-1190-4471']],
    ['tracking number 1Z 999 AA1 01 2345 6784 for the gift card', ['01 2345 6784']],
    ['my son is twelve slash thirteen years old', ['twelve slash thirteen']],
    ['meet me at gmx tower at 5', ['gmx tower']],
    ['Agent: could you read me the service code shown under Help in your app?\nMember: It\'s 4 8 1 7.', ['4 8 1 7']],
  ])('keeps: %s', (text, kept) => {
    const out = redact(text).text;
    for (const figure of kept) expect(out).toContain(figure);
  });
});
