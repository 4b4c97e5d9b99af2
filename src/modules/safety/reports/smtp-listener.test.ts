/**
 * The reporting address end to end: nodemailer delivers real .eml messages
 * over SMTP to the listener on an ephemeral port of 127.0.0.1; the report is
 * stored and the member's answer lands in the outbox. DNS for mailauth is a
 * stub: no test depends on the network.
 */
import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { withTables, type Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { createLogger } from '../../../platform/logger.ts';
import { createMailer, findSentEmailById, findSentEmailByMessageId, findSentEmailsBySubject, listOutboxMessages } from '../../../platform/mail/outbox.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { safetyMigrations } from '../safety-module.ts';
import type { DNSResolver } from './mail-authentication.ts';
import type { SafetyReportsTables } from './reports.repository.ts';
import { listReports, type ReportsContext } from './reports.service.ts';
import { startReportListener, type ReportListener } from './smtp-listener.ts';

const ADDRESS = 'phishing@reelhouse.example';
const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };

/** DNS as the scammer's domain publishes it: only 198.51.100.7 may send for it, and DMARC says reject. */
const stubResolver: DNSResolver = async (name, type) => {
  if (type === 'TXT' && name === 'reelhouse-pay.example.net') return [['v=spf1 ip4:198.51.100.7 -all']];
  if (type === 'TXT' && name === '_dmarc.reelhouse-pay.example.net') return [['v=DMARC1; p=reject']];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

const INLINE_FORWARD = `From: Jo Member <jo@members.example>
To: ${ADDRESS}
Subject: Fwd: Your membership is suspended
Date: Tue, 10 Mar 2026 14:55:00 +0000
Message-ID: <fwd-1@members.example>
Content-Type: text/plain; charset=utf-8

Is this real? My card is 4111 1111 1111 1111 if you need it.

---------- Forwarded message ---------
From: Reelhouse Billing <billing@reelhouse-pay.example.net>
Date: Tue, 10 Mar 2026 at 14:40
Subject: Your membership is suspended
To: <jo@members.example>

Your payment failed. Your membership will be cancelled within 24 hours.
Update your card now: http://reelhouse-pay.example.net/update
`;

const ATTACHED = `From: Jo Member <jo@members.example>
To: ${ADDRESS}
Subject: Suspicious
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mix"

--mix
Content-Type: text/plain; charset=utf-8

Attached, looks fake.
--mix
Content-Type: message/rfc822
Content-Disposition: attachment; filename="suspended.eml"

Received: from mx.reelhouse-pay.example.net (mx.reelhouse-pay.example.net [203.0.113.66])
 by mail.members.example with ESMTP id abc; Tue, 10 Mar 2026 14:40:00 +0000
Return-Path: <billing@reelhouse-pay.example.net>
From: Reelhouse Billing <billing@reelhouse-pay.example.net>
To: jo@members.example
Subject: Your membership is suspended
Date: Tue, 10 Mar 2026 14:40:00 +0000
Message-ID: <x1@reelhouse-pay.example.net>
Content-Type: text/plain; charset=utf-8

Your payment failed. Your membership will be cancelled within 24 hours.
Enter your card number and password at http://reelhouse-pay.example.net/update

--mix
Content-Type: application/x-msdownload
Content-Disposition: attachment; filename="invoice.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=
--mix--
`;

describeEachDatabase('the reporting address (SMTP)', (open) => {
  let listener: ReportListener | undefined;
  let database: Database | undefined;
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
  });

  async function setup(options: { allowedIps?: string[]; maxBytes?: number; limitAnswers?: boolean; resolver?: DNSResolver } = {}) {
    database = await open();
    await runMigrations(database, [platformMigrations, safetyMigrations]);
    const db = database.db;
    const ctx: ReportsContext = {
      db: withTables<SafetyReportsTables>(db),
      clock: fixedClock('2026-03-10T15:00:00Z'),
      brand,
      sentMail: {
        byId: (id) => findSentEmailById(db, id),
        byMessageId: (id) => findSentEmailByMessageId(db, id),
        bySubject: (match) => findSentEmailsBySubject(db, match),
      },
    };
    const mailer = createMailer({ database });
    listener = await startReportListener({
      ctx, mailer, logger: createLogger({ level: 'silent' }), publicUrl: 'http://localhost:3000', resolver: options.resolver ?? stubResolver,
      ...(options.limitAnswers ? { limiter: createRateLimiter({ db }) } : {}),
      address: ADDRESS, host: '127.0.0.1', port: 0, allowedIps: options.allowedIps ?? [], ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    const deliver = (raw: string, to = ADDRESS, from = 'jo@members.example') => transport.sendMail({ envelope: { from, to: [to] }, raw });
    return { ctx, mailer, db, deliver };
  }

  it('takes an inline forward: judges the forwarded message, keeps the member\'s note redacted, answers the member in the outbox with the same answer as the form', async () => {
    const { ctx, db, deliver } = await setup();
    const info = await deliver(INLINE_FORWARD);
    expect(info.response).toMatch(/^250 .*Report RPT-[A-Z2-9]{10} received/);
    const [report] = await listReports(ctx);
    expect(report).toMatchObject({ source: 'smtp', channel: 'email', reporterEmail: 'jo@members.example', reporterAccountId: null });
    expect(report?.message.from).toContain('billing@reelhouse-pay.example.net');
    expect(report?.message.subject).toBe('Your membership is suspended');
    expect(report?.verdict).not.toBe('legit');
    expect(report?.signals.map((signal) => signal.code)).toEqual(expect.arrayContaining(['off_domain_link', 'urgent_threat']));
    expect(report?.reporterNote).toContain('Is this real?');
    expect(report?.reporterNote).not.toContain('4111');
    // Inline: the forward lost the original headers, so nothing to authenticate.
    expect(report?.authentication).toBeNull();
    const [answer] = await listOutboxMessages(db, { to: 'jo@members.example', limit: 5 });
    expect(answer?.subject).toContain(report?.reference);
    expect(answer?.body).toContain('What we found:');
    // The scammer's link is quoted defanged: no mail client makes it clickable.
    expect(answer?.body).toContain('hxxp://reelhouse-pay[.]example[.]net/update');
    expect(answer?.body).not.toContain('http://reelhouse-pay');
    expect(answer?.body).toContain('Do not click its links');
    expect(answer?.purpose).toBe('the answer to a suspicious message you reported');
    expect(answer?.message_id).toMatch(/^<msg_[0-9a-f]+@reelhouse\.example>$/);
  });

  it('takes a message attached as .eml: SPF and DMARC checked by mailauth with the stubbed DNS; the .exe attachment is never opened', async () => {
    const { ctx, deliver } = await setup();
    await deliver(ATTACHED);
    const [report] = await listReports(ctx);
    expect(report?.message.from).toContain('billing@reelhouse-pay.example.net');
    expect(report?.signals.map((signal) => signal.code)).toEqual(expect.arrayContaining(['off_domain_link', 'asks_card', 'asks_password']));
    expect(report?.reporterNote).toBe('Attached, looks fake.');
    // Sent from 203.0.113.66, which the domain's SPF does not allow; no DKIM signature; DMARC fails with it.
    expect(report?.authentication).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail' });
  });

  it('records "unknown" when DNS cannot answer, instead of failing the report; what the receiving server wrote fills in', async () => {
    const dnsDown: DNSResolver = async () => {
      throw Object.assign(new Error('no DNS server reachable'), { code: 'ESERVFAIL' });
    };
    const { ctx, deliver } = await setup({ resolver: dnsDown });
    await deliver(ATTACHED);
    let [report] = await listReports(ctx);
    expect(report?.authentication).toMatchObject({ spf: 'unknown', dkim: 'none' });
    await deliver(ATTACHED.replace('Return-Path:', 'Authentication-Results: mail.members.example; spf=softfail smtp.mailfrom=reelhouse-pay.example.net; dmarc=fail header.from=reelhouse-pay.example.net\nReturn-Path:'));
    [report] = await listReports(ctx);
    expect(report?.authentication).toMatchObject({ spf: 'softfail', dkim: 'none' });
  });

  it('refuses any other recipient with 550 and stores nothing', async () => {
    const { ctx, deliver } = await setup();
    await expect(deliver(INLINE_FORWARD, 'ceo@reelhouse.example')).rejects.toMatchObject({ responseCode: 550 });
    expect(await listReports(ctx)).toEqual([]);
  });

  it('refuses a mail over the size limit with 552 and stores nothing', async () => {
    const { ctx, deliver } = await setup({ maxBytes: 4096 });
    await expect(deliver(`${INLINE_FORWARD}\n${'padding line of a very long message\n'.repeat(400)}`)).rejects.toMatchObject({ responseCode: 552 });
    expect(await listReports(ctx)).toEqual([]);
  });

  it('refuses clients outside the relay allow-list', async () => {
    const { ctx, deliver } = await setup({ allowedIps: ['192.0.2.25'] });
    await expect(deliver(INLINE_FORWARD)).rejects.toMatchObject({ responseCode: 554 });
    expect(await listReports(ctx)).toEqual([]);
  });

  it('recognises a genuine email of ours forwarded as .eml by its Message-ID, and says when and why we sent it', async () => {
    const { ctx, mailer, db, deliver } = await setup();
    await mailer.send({ channel: 'email', to: 'jo@members.example', subject: 'Your household update code', body: 'Your code is 482913. It expires in 15 minutes.', purpose: 'a household update code you asked for on your TV' });
    const [ours] = await listOutboxMessages(db, { to: 'jo@members.example', limit: 1 });
    const forward = ATTACHED
      .replace('Message-ID: <x1@reelhouse-pay.example.net>', `Message-ID: ${ours?.message_id}`)
      .replaceAll('billing@reelhouse-pay.example.net', 'no-reply@reelhouse.example');
    await deliver(forward);
    const [report] = await listReports(ctx);
    expect(report?.verdict).toBe('legit');
    expect(report?.oursMessageId).toBe(ours?.id);
    const [answer] = await listOutboxMessages(db, { to: 'jo@members.example', limit: 1 });
    expect(answer?.subject).toContain(': This email is genuine');
    expect(answer?.body).toContain('a household update code you asked for on your TV');
  });

  it('falls back to subject, recipient and send time for an inline forward of ours, but never calls a copy with a foreign link ours', async () => {
    const { ctx, mailer, deliver } = await setup();
    await mailer.send({ channel: 'email', to: 'jo@members.example', subject: 'Your membership is suspended', body: 'Your payment failed.', purpose: 'a failed payment notice' });
    const sentAt = new Date();
    const at = sentAt.toUTCString();
    const ours = INLINE_FORWARD
      .replace('From: Reelhouse Billing <billing@reelhouse-pay.example.net>', 'From: Reelhouse <no-reply@reelhouse.example>')
      .replace('Date: Tue, 10 Mar 2026 at 14:40', `Date: ${at}`)
      .replace('Update your card now: http://reelhouse-pay.example.net/update', 'Update your card in the app.')
      .replace('Your membership will be cancelled within 24 hours.', '');
    await deliver(ours);
    let [report] = await listReports(ctx);
    expect(report?.oursMessageId).not.toBeNull();
    expect(report?.verdict).toBe('legit');
    // The same subject and time, but a link off our domains: a copy.
    await deliver(INLINE_FORWARD.replace('From: Reelhouse Billing <billing@reelhouse-pay.example.net>', 'From: Reelhouse <no-reply@reelhouse.example>').replace('Date: Tue, 10 Mar 2026 at 14:40', `Date: ${at}`));
    [report] = await listReports(ctx);
    expect(report?.oursMessageId).toBeNull();
    expect(report?.verdict).not.toBe('legit');
  });

  it('stores every report but answers one address at most 10 times an hour, and never answers our own addresses', async () => {
    const { ctx, db, deliver } = await setup({ limitAnswers: true });
    for (let i = 0; i < 11; i++) await deliver(INLINE_FORWARD);
    await deliver(INLINE_FORWARD.replace('From: Jo Member <jo@members.example>', 'From: Desk <desk@reelhouse.example>'), ADDRESS, 'desk@reelhouse.example');
    expect(await listReports(ctx)).toHaveLength(12);
    expect(await listOutboxMessages(db, { to: 'jo@members.example', limit: 50 })).toHaveLength(10);
    expect(await listOutboxMessages(db, { to: 'desk@reelhouse.example', limit: 50 })).toHaveLength(0);
  });

  it('survives a client that drops the connection in the middle of a message, and stores nothing of it', async () => {
    const { ctx, deliver } = await setup();
    await new Promise<void>((resolve, reject) => {
      const socket = connect((listener as ReportListener).port, '127.0.0.1');
      const steps = ['EHLO members.example', 'MAIL FROM:<jo@members.example>', `RCPT TO:<${ADDRESS}>`, 'DATA'];
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        const replies = received.split('\r\n').filter((line) => /^\d{3} /.test(line)).length;
        if (steps.length > 0 && replies >= 4 - steps.length + 1 + (received.includes('250-') ? 0 : 0)) socket.write(`${steps.shift()}\r\n`);
        else if (steps.length === 0 && /^354 /m.test(received)) {
          socket.write('From: someone@example.org\r\nSubject: half a message\r\n\r\nThe first line and then');
          setTimeout(() => { socket.destroy(); resolve(); }, 50);
        }
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listReports(ctx)).toEqual([]);
    // The listener, and the process, are still there.
    const info = await deliver(INLINE_FORWARD);
    expect(info.response).toMatch(/^250 /);
    expect(await listReports(ctx)).toHaveLength(1);
  });

  it('takes at most 30 reports in ten minutes from one client when no relay is allow-listed', async () => {
    const { ctx, deliver } = await setup({ limitAnswers: true });
    for (let i = 0; i < 30; i++) await deliver(INLINE_FORWARD);
    await expect(deliver(INLINE_FORWARD)).rejects.toMatchObject({ responseCode: 451 });
    expect(await listReports(ctx)).toHaveLength(30);
  });

  it('says which setting to change when the port is taken', async () => {
    const { ctx, mailer } = await setup();
    const taken = (listener as ReportListener).port;
    await expect(startReportListener({ ctx, mailer, logger: createLogger({ level: 'silent' }), publicUrl: 'http://localhost:3000', address: ADDRESS, host: '127.0.0.1', port: taken, allowedIps: [] }))
      .rejects.toMatchObject({ code: 'SMTP_LISTEN_FAILED', message: expect.stringContaining('USHER_SMTP_PORT') });
  });
});
