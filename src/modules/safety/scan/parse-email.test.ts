import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmailInputError, MAX_EMAIL_BYTES, messageToScan, parseEmail } from './parse-email.ts';
import { scanMessage } from './scan-message.ts';

const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseEmail', () => {
  it('decodes a quoted-printable ISO-8859-1 HTML part and keeps each link with its visible text', async () => {
    const parsed = await parseEmail(fixture('attached-eml-german.eml'));
    const inner = messageToScan(parsed);
    expect(inner.subject).toBe('Ihr Konto wurde gesperrt – Bestätigung erforderlich');
    expect(inner.body).toContain('vorübergehend gesperrt');
    expect(inner.links).toEqual([{ href: 'http://xn--rlhouse-7gga.example-kundenservice.de/konto', text: 'Jetzt bestätigen' }]);
  });

  it('analyses a message attached as .eml (message/rfc822) instead of the member\'s wrapper', async () => {
    const parsed = await parseEmail(fixture('attached-eml-german.eml'));
    expect(parsed.from).toBe('Anna Weber <anna@mail.example>');
    expect(parsed.attachments).toEqual([expect.objectContaining({ contentType: 'message/rfc822', filename: 'Ihr Konto.eml' })]);
    expect(parsed.forwarded?.from).toBe('Reelhouse Kundenservice <service@reelhouse-kundenservice.de>');
    const result = scanMessage(messageToScan(parsed), brand);
    expect(result.verdict).toBe('phish');
    expect(result.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['lookalike_domain', 'asks_card', 'urgent_threat']));
  });

  it('finds a Gmail-style inline forward and takes the HTML links that come after its marker', async () => {
    const parsed = await parseEmail(fixture('forwarded-inline-gmail.eml'));
    expect(parsed.messageId).toBe('<fwd-1@mail.example>');
    const inner = messageToScan(parsed);
    expect(inner).toMatchObject({ from: 'Reelhouse Billing <billing@reelhouse-payments.net>', subject: 'Your payment was declined' });
    expect(inner.body.startsWith('Dear member,')).toBe(true);
    expect(inner.links).toEqual([{ href: 'https://reelhouse-payments.net/login?id=88', text: 'https://www.reelhouse.example/account' }]);
    const offDomain = scanMessage(inner, brand).signals.find((s) => s.code === 'off_domain_link');
    expect(offDomain?.evidence).toContain('shows www.reelhouse.example but goes to reelhouse-payments.net');
  });

  it('finds an Outlook forward in Dutch ("Oorspronkelijk bericht", "Van:", "Onderwerp:") in a base64 UTF-8 part', async () => {
    const inner = messageToScan(await parseEmail(fixture('forwarded-outlook-dutch.eml')));
    expect(inner).toMatchObject({ from: 'Reelhouse Klantenservice <klantenservice@reelhouse-nl.com>', subject: 'Laatste herinnering' });
    expect(scanMessage(inner, brand).signals.map((s) => s.code)).toContain('remote_access_software');
  });

  it('recognises other clients\' markers and languages', async () => {
    const markers = ['Begin forwarded message:', '-------- Message transféré --------', '---------- Mensaje reenviado ---------', '-----Ursprüngliche Nachricht-----', '---------- Messaggio inoltrato ----------'];
    for (const marker of markers) {
      const raw = `From: me@mail.example\r\nTo: phishing@reelhouse.example\r\nSubject: Fwd\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee below\r\n\r\n${marker}\r\nFrom: Reelhouse <x@reelhouse-fr.com>\r\nSubject: Alerte\r\n\r\nConfirmez votre mot de passe.\r\n`;
      const inner = messageToScan(await parseEmail(raw));
      expect(inner.from, marker).toBe('Reelhouse <x@reelhouse-fr.com>');
      expect(inner.body, marker).toBe('Confirmez votre mot de passe.');
    }
  });

  it('reads a genuine base64 UTF-8 HTML mail with its authentication results, and judges it legit', async () => {
    const parsed = await parseEmail(fixture('official-legit-spanish.eml'));
    expect(parsed.forwarded).toBeUndefined();
    expect(parsed.authentication).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(parsed.links).toHaveLength(3);
    expect(scanMessage(messageToScan(parsed), brand)).toEqual({ verdict: 'legit', score: 0, signals: [] });
  });

  it('reads a windows-1252 part, the Reply-To and a failed DMARC of a spoofed official sender', async () => {
    const parsed = await parseEmail(fixture('spoofed-official-dmarc-fail.eml'));
    expect(parsed.body).toContain('We’ve sent a 6-digit code');
    expect(parsed.replyTo).toBe('security-team@reelhouse-security.net');
    expect(parsed.authentication).toMatchObject({ spf: 'fail', dmarc: 'fail' });
    expect(scanMessage(parsed, brand).verdict).toBe('phish');
  });

  it('refuses an empty file, a file that is not an email and one over the size limit', async () => {
    await expect(parseEmail('')).rejects.toBeInstanceOf(EmailInputError);
    await expect(parseEmail('just some words\nand more')).rejects.toThrow(/no email headers/);
    await expect(parseEmail(Buffer.alloc(MAX_EMAIL_BYTES + 1, 'a'))).rejects.toThrow(/larger than 2 MB/);
  });
});

describe('parseEmail and scanMessage on hostile input', () => {
  it('stay fast on long runs that make careless patterns backtrack', async () => {
    const runs = ['-'.repeat(200_000), '_'.repeat(200_000), 'a.'.repeat(100_000), `${'x'.repeat(70)}\n`.repeat(3_000)];
    for (const run of runs) {
      const started = performance.now();
      const parsed = await parseEmail(`From: a@mail.example\r\nSubject: s\r\n\r\n${run}`);
      scanMessage(messageToScan(parsed), brand);
      expect(performance.now() - started, run.slice(0, 12)).toBeLessThan(5_000);
    }
  });
});

describe('parseEmail on HTML-only mail', () => {
  it('reads the words of the HTML without rendering it (no scripts, no styles, no [url] after links) and finds the forward in it', async () => {
    const parsed = await parseEmail(fixture('forwarded-html-only.eml'));
    expect(parsed.body).not.toMatch(/alert|color:red|\[https?:/);
    const inner = messageToScan(parsed);
    expect(inner).toMatchObject({ from: 'Reelhouse <help@reelhouse-help.example.net>', subject: 'Payment problem' });
    expect(inner.body).toBe('Payment problem\n\nWe could not charge your card. Update payment');
    expect(inner.links).toContainEqual({ href: 'https://pay.example.net/rh', text: 'Update payment' });
    expect(scanMessage(inner, brand).verdict).toBe('phish');
  });
});
