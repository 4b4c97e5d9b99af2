import { describe, expect, it } from 'vitest';
import { keepAsEvidence, keepMembersWords, newReportReference, REFERENCE_PATTERN, signalsAsEvidence } from './report.rules.ts';
import { originalSubject } from './genuine-mail.ts';

describe('report rules', () => {
  it('makes references nobody guesses: RPT- and ten letters and digits without look-alikes, different each time', () => {
    const references = new Set(Array.from({ length: 500 }, () => newReportReference()));
    expect(references.size).toBe(500);
    for (const reference of references) expect(reference).toMatch(REFERENCE_PATTERN);
    expect([...references].filter((reference) => /[01IOL]/.test(reference.slice(4)))).toEqual([]);
  });

  it("keeps the scammer's addresses, numbers and links as evidence but removes the member's card, code and password", () => {
    const kept = keepAsEvidence('From billing@reelhovse.example, call +44 7700 900123. My card 4111 1111 1111 1111, the code you sent me is 739214, my password is hunter2-Secret! http://reelhouse-pay.example.net/x');
    expect(kept).toContain('billing@reelhovse.example');
    expect(kept).toContain('+44 7700 900123');
    expect(kept).toContain('http://reelhouse-pay.example.net/x');
    expect(kept).toContain('[card number removed]');
    expect(kept).not.toMatch(/4111|739214|hunter2/);
    expect(keepAsEvidence('Nothing secret here')).toBe('Nothing secret here');
  });

  it('redacts the evidence a sign quotes and the words members type themselves in full', () => {
    expect(signalsAsEvidence([{ code: 'asks_card', evidence: 'reply with your card 4111 1111 1111 1111' }])[0]?.evidence).not.toContain('4111');
    expect(keepMembersWords('is this real? my email is jo@members.example')).not.toContain('jo@members.example');
    expect(keepMembersWords('   ')).toBeNull();
    // "texted" is a cue for a code, but this number is the sender, checked on its own: it stays.
    expect(signalsAsEvidence([{ code: 'odd_sender', evidence: 'texted from the number +44 7700 900123' }], '+44 7700 900123')[0]?.evidence).toBe('texted from the number +44 7700 900123');
    expect(signalsAsEvidence([{ code: 'asks_code', evidence: 'reply with the code 739214' }], '+44 7700 900123')[0]?.evidence).not.toContain('739214');
  });

  it('takes the forwarding prefixes off a subject, in the languages mail clients use', () => {
    expect(originalSubject('Fwd: Re: Your household update code')).toBe('Your household update code');
    expect(originalSubject('WG: AW: Zahlung')).toBe('Zahlung');
    expect(originalSubject('RV: TR: Fw: hello')).toBe('hello');
  });
});

describe('the reply email', () => {
  it("defangs the scammer's links and domains so no mail client makes them clickable", async () => {
    const { defang } = await import('./report-answer.ts');
    expect(defang('http://xn--rlhouse-7gga.example-kundenservice.de/konto')).toBe('hxxp://xn--rlhouse-7gga[.]example-kundenservice[.]de/konto');
    expect(defang('Go to HTTPS://reelhouse-pay.example.net now.')).toBe('Go to HxxPS://reelhouse-pay[.]example[.]net now.');
    expect(defang('sends from billing@reelhovse.example')).toBe('sends from billing@reelhovse[.]example');
    expect(defang('Ihr Konto wurde gesperrt. Jetzt bestätigen')).toBe('Ihr Konto wurde gesperrt. Jetzt bestätigen');
  });
});
