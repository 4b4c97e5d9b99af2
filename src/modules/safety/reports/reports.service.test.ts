import { expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { withTables } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { safetyMigrations } from '../safety-module.ts';
import type { SentMailLookup } from './genuine-mail.ts';
import type { SafetyReportsTables } from './reports.repository.ts';
import { getReport, listReports, reportSuspiciousMessage, setReportStatus, type ReportsContext } from './reports.service.ts';

const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };
const noMail: SentMailLookup = { byId: async () => null, byMessageId: async () => null, bySubject: async () => [] };

describeEachDatabase('safety reports storage', (open) => {
  async function setup(): Promise<ReportsContext> {
    const database = await open();
    await runMigrations(database, [platformMigrations, safetyMigrations]);
    return { db: withTables<SafetyReportsTables>(database.db), clock: fixedClock('2026-03-10T15:00:00Z'), brand, sentMail: noMail };
  }

  const phish = {
    source: 'form' as const,
    channel: 'sms' as const,
    from: '+44 7700 900123',
    body: 'Reelhouse: your membership is suspended. Pay now at http://reelhouse-billing.example.net/pay or lose access today. I already typed my card 4111 1111 1111 1111 there',
    reporterAccountId: null,
    reporterEmail: null,
    enteredDetails: true,
  };

  it('stores a report with a hard-to-guess reference, the verdict and signals, the scammer\'s number kept and the member\'s card removed', async () => {
    const ctx = await setup();
    const { report } = await reportSuspiciousMessage(ctx, phish);
    expect(report.reference).toMatch(/^RPT-[A-Z2-9]{10}$/);
    expect(report.verdict).not.toBe('legit');
    expect(report.signals.map((signal) => signal.code)).toContain('off_domain_link');
    const stored = await getReport(ctx, report.reference);
    expect(stored?.id).toBe(report.id);
    expect(stored?.message.body).toContain('http://reelhouse-billing.example.net/pay');
    expect(stored?.message.body).toContain('[card number removed]');
    expect(stored?.message.body).not.toContain('4111');
    expect(stored?.message.from).toBe('+44 7700 900123');
    expect(stored?.links.map((link) => link.href)).toEqual(['http://reelhouse-billing.example.net/pay']);
    expect(stored?.enteredDetails).toBe(true);
    expect(stored?.status).toBe('new');
    expect(await getReport(ctx, 'RPT-AAAAAAAAAA')).toBeNull();
  });

  it('lists reports newest first, filtered, and lets the security team confirm one with a redacted reason', async () => {
    const ctx = await setup();
    const first = (await reportSuspiciousMessage(ctx, phish)).report;
    (ctx.clock as ReturnType<typeof fixedClock>).advance(60_000);
    const second = (await reportSuspiciousMessage(ctx, { ...phish, channel: 'call_transcript', from: 'Someone from "Reelhouse billing"' })).report;
    expect((await listReports(ctx)).map((report) => report.id)).toEqual([second.id, first.id]);
    expect((await listReports(ctx, { channel: 'sms' })).map((report) => report.id)).toEqual([first.id]);
    const confirmed = await setReportStatus(ctx, first.id, 'confirmed', 'agt_sam', 'same campaign as yesterday, password hunter2!Ab');
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.review?.by).toBe('agt_sam');
    expect(confirmed.review?.reason).not.toContain('hunter2!Ab');
    expect((await listReports(ctx, { status: 'new' })).map((report) => report.id)).toEqual([second.id]);
    await expect(setReportStatus(ctx, 'srp_missing', 'dismissed', 'agt_sam')).rejects.toMatchObject({ code: 'SAFETY_REPORT_NOT_FOUND', status: 404 });
  });
});
