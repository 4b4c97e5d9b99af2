import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { scanMessage, type Brand, type ScanInput, type ScanLink } from '../scan/index.ts';
import { linksInText, MAX_LINKS } from '../scan/links.ts';
import { findGenuineMail, type GenuineMatch, type SentMailLookup } from './genuine-mail.ts';
import { keepAsEvidence, keepMembersWords, newReportReference, signalsAsEvidence } from './report.rules.ts';
import {
  findReport, insertReport, selectReports, updateReportStatus,
  type AuthenticationResults, type ReportFilter, type ReportSource, type ReportStatus, type SafetyReport, type SafetyReportsDb,
} from './reports.repository.ts';

export type ReportsContext = {
  db: SafetyReportsDb; clock: Clock; brand: Brand; sentMail: SentMailLookup;
  /** Hosts our emails link to besides the brand's domains (the public URL's): such a link does not make a forward of ours a copy. */
  ownHosts?: string[];
};

/**
 * One suspicious message as it reached us, before analysis: what the scan reads
 * (its authentication results as the report keeps them), and who reported it how.
 */
export type IncomingReport = Omit<ScanInput, 'authentication'> & {
  source: ReportSource;
  /** The reported email's own Message-ID and date, when they survived the forward. */
  messageId?: string | null;
  date?: string | null;
  /** Text where a "Message-ID:" line of the reported email may have survived (the whole forward). */
  searchText?: string;
  authentication?: AuthenticationResults | null;
  reporterAccountId: string | null;
  reporterEmail: string | null;
  /** The addresses the reported email may have been sent to: the reporter's, the signed-in member's. */
  recipients?: string[];
  note?: string | null;
  enteredDetails: boolean;
};

export type ReportOutcome = { report: SafetyReport; genuine: GenuineMatch | null };

/** The links of the message: those of its HTML (with their visible text), then those written in its text, each once. */
function linksFound(input: IncomingReport): ScanLink[] {
  const links = [...(input.links ?? [])];
  const seen = new Set(links.map((link) => link.href));
  for (const link of linksInText(input.body)) {
    if (!seen.has(link.href)) links.push(link);
    seen.add(link.href);
  }
  return links.slice(0, MAX_LINKS);
}

/**
 * Takes a member's report: analyses the message with the scan (on the words
 * as received, so the evidence quotes them), checks whether it is a genuine
 * email of ours, and stores it with the member's secrets removed. A genuine
 * email of ours is stored as `legit` whatever its words look like: we know we
 * sent it.
 */
export async function reportSuspiciousMessage(ctx: ReportsContext, input: IncomingReport): Promise<ReportOutcome> {
  const scan = scanMessage({
    channel: input.channel,
    from: input.from,
    subject: input.subject ?? null,
    body: input.body,
    html: input.html ?? null,
    replyTo: input.replyTo ?? null,
    ...(input.links ? { links: input.links } : {}),
    authentication: input.authentication ?? null,
  }, ctx.brand);
  const genuine = input.channel === 'email'
    ? await findGenuineMail(ctx.sentMail, ctx.brand, {
      messageId: input.messageId, from: input.from, subject: input.subject, body: input.searchText ? `${input.body}\n${input.searchText}` : input.body, date: input.date,
      recipients: [...new Set([...(input.recipients ?? []), ...(input.reporterEmail ? [input.reporterEmail] : [])].map((address) => address.toLowerCase()))],
      signals: scan.signals,
      ownHosts: ctx.ownHosts ?? [],
    })
    : null;
  const report: SafetyReport = {
    id: newId('srp'),
    reference: newReportReference(),
    channel: input.channel,
    source: input.source,
    reporterAccountId: input.reporterAccountId,
    reporterEmail: input.reporterEmail,
    reporterNote: keepMembersWords(input.note),
    enteredDetails: input.enteredDetails,
    message: {
      from: keepAsEvidence(input.from),
      subject: input.subject ? keepAsEvidence(input.subject) : null,
      body: keepAsEvidence(input.body),
    },
    links: linksFound(input).map((link) => ({ href: keepAsEvidence(link.href), text: keepAsEvidence(link.text) })),
    verdict: genuine ? 'legit' : scan.verdict,
    score: scan.score,
    signals: signalsAsEvidence(scan.signals, input.from.trim()),
    authentication: input.authentication ?? null,
    oursMessageId: genuine?.sent.id ?? null,
    status: 'new',
    review: null,
    createdAt: ctx.clock.now(),
  };
  await insertReport(ctx.db, report);
  return { report, genuine };
}

export function listReports(ctx: Pick<ReportsContext, 'db'>, filter: ReportFilter = {}): Promise<SafetyReport[]> {
  return selectReports(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 100, 1), 1000) });
}

/** By id (`srp_…`) or by the reference the member was given (`RPT-…`). */
export function getReport(ctx: Pick<ReportsContext, 'db'>, idOrReference: string): Promise<SafetyReport | null> {
  return findReport(ctx.db, /^rpt-/i.test(idOrReference) ? { reference: idOrReference } : { id: idOrReference });
}

/** The security team confirms a report as a scam or dismisses it; the agent and their reason (redacted) are kept. */
export async function setReportStatus(
  ctx: Pick<ReportsContext, 'db' | 'clock'>,
  id: string,
  status: ReportStatus,
  agentId: string,
  reason?: string | null,
): Promise<SafetyReport> {
  const updated = await updateReportStatus(ctx.db, { id, status, by: agentId, reason: keepMembersWords(reason), at: ctx.clock.now() });
  if (!updated) throw new AppError({ code: 'SAFETY_REPORT_NOT_FOUND', status: 404, message: 'No such report.' });
  return updated;
}
