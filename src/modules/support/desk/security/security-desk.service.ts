import {
  confirmedIndicators, groupIntoCampaigns, isBrandDomain, linksOfReport, registrableDomainOf,
  type ReportFilter, type ReportStatus, type SafetyReport, type SafetyReportsDesk,
} from '../../../safety/index.ts';
import { findAgent, type Agent } from '../agents.repository.ts';
import { audit, type DeskContext } from '../desk-context.ts';
import { badCursor, reportAlreadyReviewed, reportNotFound, securityTeamOnly } from './security-desk.errors.ts';
import { campaignView, indicatorView, reportSummaryView } from './security-desk.http.ts';

/** The safety module's reports, as the desk's security team reads and reviews them; `brandDomains` are never a campaign's key nor exported. */
export type SecurityDeskPort = { reports: SafetyReportsDesk; brandDomains: readonly string[] };

type SecurityContext = DeskContext & { safety: SecurityDeskPort };

const DAY_MS = 86_400_000;
/** The safety module answers at most this many reports per call. */
const BATCH = 1000;
/** How many reports a campaign view or an export reads at most. */
const MAX_READ = 20_000;
/** Reports sharing one millisecond that a page cursor can step over. */
const TIE_ROOM = 50;

/** Security-team members and supervisors; everyone else, 403. */
export function requireSecurityTeam(agent: Agent): Agent {
  if (agent.role !== 'security' && agent.role !== 'supervisor') throw securityTeamOnly();
  return agent;
}

const cursorOf = (report: SafetyReport): string => Buffer.from(`${report.createdAt.toISOString()}|${report.id}`).toString('base64url');

function readCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime())) throw badCursor();
  return { at, id };
}

const startOfDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Newest first, a page at a time; the cursor is the last report's time and id, so new reports never shift a page. */
export async function listSecurityReports(ctx: SecurityContext, query: { status?: ReportStatus; verdict?: SafetyReport['verdict']; channel?: SafetyReport['channel']; from?: string; to?: string; limit: number; cursor?: string }) {
  const after = query.cursor === undefined ? null : readCursor(query.cursor);
  const untilDay = query.to === undefined ? null : new Date(startOfDay(query.to).getTime() + DAY_MS);
  const untilCursor = after ? new Date(after.at.getTime() + 1) : null;
  const until = [untilDay, untilCursor].filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  const filter: ReportFilter = {
    ...(query.status ? { status: query.status } : {}), ...(query.verdict ? { verdict: query.verdict } : {}), ...(query.channel ? { channel: query.channel } : {}),
    ...(query.from ? { since: startOfDay(query.from) } : {}), ...(until ? { until } : {}),
    limit: query.limit + 1 + (after ? TIE_ROOM : 0),
  };
  const rows = (await ctx.safety.reports.listReports(filter))
    .filter((report) => !after || report.createdAt.getTime() < after.at.getTime() || (report.createdAt.getTime() === after.at.getTime() && report.id < after.id));
  const page = rows.slice(0, query.limit);
  return { reports: page.map(reportSummaryView), next_cursor: rows.length > query.limit ? cursorOf(page[page.length - 1]!) : null };
}

export async function securityReportDetail(ctx: SecurityContext, id: string) {
  const report = await ctx.safety.reports.getReport(id);
  if (!report) throw reportNotFound();
  const reviewer = report.review ? await findAgent(ctx.db, report.review.by) : undefined;
  return {
    report: {
      ...reportSummaryView(report),
      reporter: { account_id: report.reporterAccountId, email: report.reporterEmail, note: report.reporterNote, entered_details: report.enteredDetails },
      message: report.message,
      links: linksOfReport(report).map((link) => {
        const domain = registrableDomainOf(link.href);
        return { href: link.href, text: link.text, domain, ours: domain !== null && isBrandDomain(domain, ctx.safety.brandDomains) };
      }),
      signals: report.signals,
      authentication: report.authentication,
      genuine_match: report.oursMessageId === null ? null : { sent_email_id: report.oursMessageId },
      review: report.review ? { by: { id: report.review.by, name: reviewer?.name ?? null }, reason: report.review.reason, at: report.review.at.toISOString() } : null,
    },
  };
}

/** Confirm a report as a scam, or dismiss it, with the reason; the report keeps who and when, and the desk's audit log has it too. */
export async function reviewReport(ctx: SecurityContext, agent: Agent, options: { id: string; status: 'confirmed' | 'dismissed'; reason: string }) {
  const before = await ctx.safety.reports.getReport(options.id);
  if (!before) throw reportNotFound();
  if (before.status === options.status) throw reportAlreadyReviewed(options.status);
  const after = await ctx.safety.reports.setReportStatus(before.id, options.status, agent.id, options.reason);
  await audit(ctx, {
    agentId: agent.id, caseId: null, action: options.status === 'confirmed' ? 'safety_report_confirmed' : 'safety_report_dismissed',
    // The reason as the report stored it (redacted there); never the message's text.
    details: { report_id: after.id, reference: after.reference, previous_status: before.status, reason: after.review?.reason ?? null },
  });
  return securityReportDetail(ctx, after.id);
}

/** Every report of a filter, newest first, in batches (the safety module answers 1000 at a time). */
async function readAll(ctx: SecurityContext, filter: Omit<ReportFilter, 'limit' | 'until'>): Promise<{ reports: SafetyReport[]; truncated: boolean }> {
  const reports: SafetyReport[] = [];
  const seen = new Set<string>();
  let until: Date | undefined;
  while (reports.length < MAX_READ) {
    const batch = await ctx.safety.reports.listReports({ ...filter, ...(until ? { until } : {}), limit: BATCH });
    const fresh = batch.filter((report) => !seen.has(report.id));
    for (const report of fresh) {
      seen.add(report.id);
      reports.push(report);
    }
    if (batch.length < BATCH || fresh.length === 0) return { reports, truncated: false };
    // The next batch starts at the last one's millisecond, included: reports sharing it are not lost, the seen set drops repeats.
    until = new Date(batch[batch.length - 1]!.createdAt.getTime() + 1);
  }
  return { reports, truncated: true };
}

export async function securityCampaigns(ctx: SecurityContext, query: { days: number; min_reports: number }) {
  const since = new Date(ctx.clock.now().getTime() - query.days * DAY_MS);
  const { reports, truncated } = await readAll(ctx, { since });
  const campaigns = groupIntoCampaigns(reports, { brandDomains: ctx.safety.brandDomains, minReports: query.min_reports });
  return { since: since.toISOString(), reports_considered: reports.length, truncated, campaigns: campaigns.map(campaignView) };
}

/** The domains and URLs of confirmed reports, for takedown requests and blocklists; who exported is audited. */
export async function confirmedIndicatorList(ctx: SecurityContext, agent: Agent, format: 'json' | 'csv') {
  const { reports } = await readAll(ctx, { status: 'confirmed' });
  const indicators = confirmedIndicators(reports, ctx.safety.brandDomains);
  await audit(ctx, { agentId: agent.id, caseId: null, action: 'safety_indicators_exported', details: { format, indicators: indicators.length } });
  return { generatedAt: ctx.clock.now(), indicators, views: indicators.map(indicatorView) };
}
