import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('gift-card codes and PINs (bearer secrets, issue 12)', () => {
  it.each([
    ['I bought a gift card, code is 7QXM-4KD9-PT2W-H8RL and the pin is 5502', ['7QXM-4KD9-PT2W-H8RL', '5502']],
    ['My mom gave me a Reelhouse giftcard for xmas: 4KQW 9TZP 2MXD 7HRA', ['4KQW 9TZP 2MXD 7HRA']],
    ['gift card number 6037 9915 2234 8810 pin 3319 doesnt work', ['6037 9915 2234 8810', '3319']],
    ['the digital gift card email had a claim code R8TX2P4MKQ7N', ['R8TX2P4MKQ7N']],
    ['gift card PIN: 0042', ['0042']],
    ['Die Geschenkkarten-PIN ist 7741 und der Code 4410 2287 9931', ['7741', '4410 2287 9931']],
    ['tarjeta regalo con código 7HQZ-PL29-XK4M y PIN 3390', ['7HQZ-PL29-XK4M', '3390']],
    ['comprei um cartão presente, código K9PX-44QM-7TRZ', ['K9PX-44QM-7TRZ']],
    ['the key was XQ4R-88PL-K2M9-TT71', ['XQ4R-88PL-K2M9-TT71']],
  ])('%s', (text, secrets) => {
    const out = redact(text);
    for (const secret of secrets) expect(out.text).not.toContain(secret);
    expect(redact(out.text).text).toBe(out.text);
  });

  it('labels a gift-card code as one', () => {
    expect(redact('gift card code 7QXM-4KD9-PT2W-H8RL').text).toBe('gift card code [gift card code removed]');
    expect(redact('gift card code 7QXM-4KD9-PT2W-H8RL').findings).toEqual([{ kind: 'gift_card', start: 15, end: 34 }]);
  });

  it.each([
    ['the promo code SAVE20 did not apply', 'SAVE20'],
    ['Gutscheincode HERBST30', 'HERBST30'],
    ['my gift card ABC-123 does not work', 'ABC-123'],
    ['Redeemed my gift card last week, balance $25, order 1182-4471-2290', '1182-4471-2290'],
    ['the receipt number 1100-2938-4471 is printed on the gift card', '1100-2938-4471'],
    ['the gift card says valid until 12/2027, value 50 €', '12/2027'],
    ['Serial number SN4471-22XQ-9981 on the box', 'SN4471-22XQ-9981'],
    ['My order confirmation number is 7731-0042-5518', '7731-0042-5518'],
    ['reference REF-2025-00417 and complaint CMP-448120', 'REF-2025-00417'],
    ['gift card for 25 euros, redeemed on 2025-11-30 at 14:05', '2025-11-30'],
  ])('keeps %s', (text, kept) => {
    expect(redact(text).text).toContain(kept);
  });
});
