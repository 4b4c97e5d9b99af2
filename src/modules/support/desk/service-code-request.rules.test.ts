import { describe, expect, it } from 'vitest';
import { MEMBER_CODE_TRIES, SERVICE_CODE_SENT, takeServiceCode, triesLeft, utcClock, verifiedLine, wrongCodeLine } from './service-code-request.rules.ts';

describe('a service code typed into a message while the agent waits for one', () => {
  it.each([
    ['482913', '482913'],
    ['my code is 482 913', '482913'],
    ['it says 482-913 in the app', '482913'],
    ['Code: 482913.', '482913'],
  ])('takes the code out of "%s"', (text, code) => {
    const taken = takeServiceCode(text);
    expect(taken?.code).toBe(code);
    expect(taken?.text).toContain(SERVICE_CODE_SENT);
    expect(taken?.text).not.toMatch(/\d{3}/);
  });

  it.each([
    ['no digits at all'],
    ['the card 4111 1111 1111 1111 was charged'],
    ['call me on 0151 234 5678'],
    ['I paid 19.99 twice'],
    ['12345 is five digits and 1234567 is seven'],
  ])('finds no code in "%s" (longer numbers, amounts, short ones)', (text) => {
    expect(takeServiceCode(text)).toBeNull();
  });

  it('replaces every code-like number but checks the first', () => {
    expect(takeServiceCode('111 222 or maybe 333444')).toEqual({ code: '111222', text: `${SERVICE_CODE_SENT} or maybe ${SERVICE_CODE_SENT}` });
  });
});

describe('tries and the lines the member and the agent see', () => {
  it('gives a request a fixed number of tries', () => {
    expect(triesLeft(0)).toBe(MEMBER_CODE_TRIES);
    expect(triesLeft(MEMBER_CODE_TRIES - 1)).toBe(1);
    expect(triesLeft(MEMBER_CODE_TRIES + 3)).toBe(0);
    expect(wrongCodeLine(1)).toContain('1 try left');
    expect(wrongCodeLine(3)).toContain('3 tries left');
    expect(wrongCodeLine(0)).toContain('last try');
  });

  it('says when the member was verified in UTC, 24-hour, never an ISO string', () => {
    const at = new Date('2026-03-10T14:02:59.000Z');
    expect(utcClock(at)).toBe('14:02 UTC');
    expect(verifiedLine(at)).toBe('Identity verified with the service code at 14:02 UTC.');
    expect(verifiedLine(new Date('2026-03-10T00:05:00.000Z'))).toContain('00:05 UTC');
  });
});

describe('the development set of messages typed after the agent asked (testing/service-code-messages.dev.ts)', () => {
  it('takes the code out of every way members give it, and leaves other numbers alone', async () => {
    const { CODE, GIVES_THE_CODE, OTHER_NUMBERS } = await import('./testing/service-code-messages.dev.ts');
    const { redact } = await import('../../safety/redaction/index.ts');
    const codeIn = (text: string) => text.replace(/\D/g, '').includes(CODE);
    // Before: the chat's redaction of a member's message (service codes kept for the agent to read).
    const keptBefore = GIVES_THE_CODE.filter((text) => codeIn(redact(text, { serviceCodes: 'keep' }).text)).length;
    const taken = GIVES_THE_CODE.filter((text) => takeServiceCode(text)?.code === CODE && !codeIn(takeServiceCode(text)?.text ?? text)).length;
    const touched = OTHER_NUMBERS.filter((text) => takeServiceCode(text) !== null);
    console.log(`service code dev set: stored in clear before ${keptBefore}/${GIVES_THE_CODE.length}; taken out now ${taken}/${GIVES_THE_CODE.length}; other numbers touched ${touched.length}/${OTHER_NUMBERS.length}`);
    expect(taken).toBe(GIVES_THE_CODE.length);
    expect(touched).toEqual([]);
  });
});
