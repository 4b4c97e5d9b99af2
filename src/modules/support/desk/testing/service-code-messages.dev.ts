/**
 * A development set for `takeServiceCode` (service-code-request.rules.ts),
 * written from PRODUCT.md's service code ("a short code the member sees in
 * Help … that an agent asks for"): what members type after the agent asked
 * for it, in the four languages the desk serves, and messages with other
 * numbers that must stay as they are. The code in every line is 482913.
 */
export const CODE = '482913';

export const GIVES_THE_CODE: readonly string[] = [
  '482913',
  '482 913',
  '482-913',
  'my code is 482 913',
  'the code is 482913',
  'service code: 482913',
  'ok here it is 482913 thanks',
  'It says 482 913 under Help',
  'code 482913.',
  '482913 (just opened the app)',
  'Sure! 482-913',
  'sorry typo, 482913',
  'Mein Code ist 482 913',
  'Servicecode: 482913',
  'mi código es 482913',
  'el código de servicio es 482 913',
  'meu código é 482913',
  'código: 482-913',
  'yes 482913 is what the app shows',
  'here: 482 913!',
];

export const OTHER_NUMBERS: readonly string[] = [
  'I was charged 19.99 on 2026-03-05',
  'my card ends in 4242',
  'the card 4111 1111 1111 1111 was charged twice',
  'call me on +1 555 010 0000',
  'my phone is 0151 234 5678',
  'order number 12345678',
  'it happened at 14:02 yesterday',
  'error code NW-2-5 on my TV',
  'I paid $15.49 and then $3.00',
  'my zip code is 98101',
  'the invoice 2026-000123',
  'about 2 or 3 times since March',
  'reference RPT-AB12CD34EF',
  'the TV is a 2019 model, serial 55ABC123456',
  'my account is from 2015',
];
