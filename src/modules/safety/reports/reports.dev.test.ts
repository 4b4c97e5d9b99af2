/**
 * Development checks of the intake (not of the scan, measured in ../scan):
 * 1. evidence kept: every message of the shared phishing sample goes in, and
 *    every link host and sender domain the member pasted is still in the
 *    stored message (keepAsEvidence removes only the member's secrets);
 * 2. genuine-mail recognition: each kind of email Usher sends, forwarded
 *    three ways, against copies that reuse its subject with a foreign link.
 * The figures are printed; the floors are the ones measured when written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { withTables, type Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { createMailer, findSentEmailById, findSentEmailByMessageId, findSentEmailsBySubject, listOutboxMessages, type Mailer } from '../../../platform/mail/outbox.ts';
import { openTestDatabase } from '../../../platform/testing/test-database.ts';
import { messageToScan, parseEmail, type ScanChannel } from '../scan/index.ts';
import { safetyMigrations } from '../safety-module.ts';
import type { SafetyReportsTables } from './reports.repository.ts';
import { reportSuspiciousMessage, type ReportsContext } from './reports.service.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../../shared/data/phishing-sample.jsonl');
const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };

/** The kinds of email Usher sends (subjects as the modules write them), each with its purpose. */
const OUR_EMAILS = [
  { subject: 'Reset your Reelhouse password', body: 'Someone asked to reset the password of your Reelhouse account. Open http://localhost:3000/reset?token=abc within 15 minutes.', purpose: 'a password reset someone asked for on the sign-in page' },
  { subject: 'Your Reelhouse password was changed', body: 'The password of your account was just reset.', purpose: 'an alert that your password was reset' },
  { subject: 'Your household update code', body: 'Your household update code is 482913. Enter it on "Living room TV" within 15 minutes.', purpose: 'a household update code asked for on one of your devices' },
  { subject: 'Jo invited you as an extra member', body: 'Jo invited you to join their Reelhouse membership.', purpose: 'an invitation to join a membership as an extra member' },
  { subject: 'Your Reelhouse chat code', body: 'Your code to start a chat with Reelhouse support is 551234. It works for 10 minutes.', purpose: 'the code to start a support chat, asked for on the chat page' },
  { subject: 'Your Reelhouse email address was changed', body: 'The email address of your Reelhouse account was just changed.', purpose: 'an alert that the email address of your account was changed' },
];

const hostsIn = (text: string) => [...text.matchAll(/https?:\/\/([^/\s"'<>]+)/gi)].map((match) => (match[1] as string).toLowerCase());

describe('reports intake on development sets', () => {
  let database: Database;
  let ctx: ReportsContext;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await runMigrations(database, [platformMigrations, safetyMigrations]);
    const db = database.db;
    ctx = {
      db: withTables<SafetyReportsTables>(db), clock: fixedClock('2026-03-10T15:00:00Z'), brand, ownHosts: ['localhost:3000'],
      sentMail: { byId: (id) => findSentEmailById(db, id), byMessageId: (id) => findSentEmailByMessageId(db, id), bySubject: (match) => findSentEmailsBySubject(db, match) },
    };
    mailer = createMailer({ database });
  }, 60_000);
  afterAll(() => database?.close());

  it.skipIf(!fs.existsSync(SAMPLE))('keeps every link host and sender domain of the shared phishing sample in the stored evidence', async () => {
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { channel: ScanChannel; from: string; subject?: string; body: string });
    let hosts = 0;
    let kept = 0;
    for (const line of lines) {
      const { report } = await reportSuspiciousMessage(ctx, { source: 'form', channel: line.channel, from: line.from, subject: line.subject ?? null, body: line.body, reporterAccountId: null, reporterEmail: null, enteredDetails: false });
      const stored = `${report.message.from}\n${report.message.body}`;
      for (const host of [...hostsIn(line.body), ...(/@([\w.-]+)/.exec(line.from)?.slice(1) ?? [])]) {
        hosts++;
        if (stored.toLowerCase().includes(host.toLowerCase())) kept++;
      }
    }
    console.log(`evidence: ${lines.length} messages stored, ${kept}/${hosts} link hosts and sender domains kept`);
    expect(kept).toBe(hosts);
  });

  it('recognises each kind of our email by Message-ID and by subject and time, and no copy with a foreign link', async () => {
    const to = 'jo@members.example';
    const tally = { byId: 0, bySubject: 0, noDate: 0, copies: 0 };
    for (const email of OUR_EMAILS) {
      await mailer.send({ channel: 'email', to, subject: email.subject, body: email.body, purpose: email.purpose });
      const [ours] = await listOutboxMessages(database.db, { to, limit: 1 });
      const date = new Date(ours?.created_at as Date).toUTCString();
      const attached = `From: Jo <${to}>\nTo: phishing@reelhouse.example\nSubject: is this real?\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nreal?\n--b\nContent-Type: message/rfc822\n\nFrom: Reelhouse <no-reply@reelhouse.example>\nTo: ${to}\nSubject: ${email.subject}\nDate: ${date}\nMessage-ID: ${ours?.message_id}\n\n${email.body}\n--b--\n`;
      const inline = (withDate: boolean, body: string) => `From: Jo <${to}>\nTo: phishing@reelhouse.example\nSubject: Fwd: ${email.subject}\n\nreal?\n\n---------- Forwarded message ---------\nFrom: Reelhouse <no-reply@reelhouse.example>\n${withDate ? `Date: ${date}\n` : ''}Subject: ${email.subject}\nTo: <${to}>\n\n${body}\n`;
      const judge = async (raw: string) => {
        const parsed = await parseEmail(raw);
        const message = messageToScan(parsed);
        const forwarded = parsed.forwarded;
        return reportSuspiciousMessage(ctx, {
          source: 'smtp', channel: 'email', from: message.from, subject: message.subject ?? null, body: message.body, html: message.html ?? null,
          ...(message.links ? { links: message.links } : {}),
          messageId: forwarded?.messageId ?? null, date: forwarded?.date ?? null, reporterAccountId: null, reporterEmail: to, enteredDetails: false,
        });
      };
      if ((await judge(attached)).genuine?.by === 'message_id') tally.byId++;
      const bySubject = await judge(inline(true, email.body));
      if (bySubject.genuine?.by === 'subject_recipient_time') tally.bySubject++;
      else console.log('not matched by subject:', email.subject, bySubject.report.signals.map((s) => s.code));
      if ((await judge(inline(false, email.body))).genuine) tally.noDate++;
      const copy = `${email.body}\nConfirm your card now at http://reelhouse-secure.example.net/login`;
      if ((await judge(inline(true, copy))).genuine) tally.copies++;
    }
    console.log(`genuine mail (${OUR_EMAILS.length} kinds): by Message-ID ${tally.byId}/${OUR_EMAILS.length}, by subject+recipient+time ${tally.bySubject}/${OUR_EMAILS.length}, without a date ${tally.noDate}/${OUR_EMAILS.length} (none expected), copies with a foreign link taken for ours ${tally.copies}/${OUR_EMAILS.length}`);
    expect(tally).toEqual({ byId: OUR_EMAILS.length, bySubject: OUR_EMAILS.length, noDate: 0, copies: 0 });
  });
});
