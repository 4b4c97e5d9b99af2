import type { Kysely } from 'kysely';
import type { ScanChannel, ScanLink, Signal, Verdict } from '../scan/index.ts';

export type ReportSource = 'form' | 'smtp';
export type ReportStatus = 'new' | 'confirmed' | 'dismissed';
export const REPORT_STATUSES: readonly ReportStatus[] = ['new', 'confirmed', 'dismissed'];

/** SPF, DKIM and DMARC results of a forwarded raw email (mailauth's words: pass, fail, softfail, none, neutral…; `unknown` when not checkable). */
export type AuthenticationResults = { spf: string; dkim: string; dmarc: string };

export type SafetyReportsTables = {
  safety_reports: {
    id: string; reference: string; channel: ScanChannel; source: ReportSource;
    reporter_account_id: string | null; reporter_email: string | null; reporter_note: string | null; entered_details: boolean;
    message_from: string; message_subject: string | null; message_body: string;
    links: string; verdict: Verdict; score: number; signals: string; authentication: string | null;
    ours_message_id: string | null; status: ReportStatus; reviewed_by: string | null; review_reason: string | null; reviewed_at: Date | null;
    created_at: Date;
  };
};
export type SafetyReportsDb = Kysely<SafetyReportsTables>;

/** One stored report, as the security team's desk and the member's answer read it. */
export type SafetyReport = {
  id: string;
  reference: string;
  channel: ScanChannel;
  source: ReportSource;
  reporterAccountId: string | null;
  reporterEmail: string | null;
  reporterNote: string | null;
  enteredDetails: boolean;
  message: { from: string; subject: string | null; body: string };
  links: ScanLink[];
  verdict: Verdict;
  score: number;
  signals: Signal[];
  authentication: AuthenticationResults | null;
  oursMessageId: string | null;
  status: ReportStatus;
  review: { by: string; reason: string | null; at: Date } | null;
  createdAt: Date;
};

export type ReportFilter = {
  status?: ReportStatus;
  verdict?: Verdict;
  channel?: ScanChannel;
  source?: ReportSource;
  /** Reports made at or after / before these instants. */
  since?: Date;
  until?: Date;
  limit?: number;
};

type Row = SafetyReportsTables['safety_reports'];

/** jsonb comes back parsed from PostgreSQL and PGlite alike; a string is parsed, for safety. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function toReport(row: Row): SafetyReport {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    source: row.source,
    reporterAccountId: row.reporter_account_id,
    reporterEmail: row.reporter_email,
    reporterNote: row.reporter_note,
    enteredDetails: row.entered_details,
    message: { from: row.message_from, subject: row.message_subject, body: row.message_body },
    links: json<ScanLink[]>(row.links),
    verdict: row.verdict,
    score: Number(row.score),
    signals: json<Signal[]>(row.signals),
    authentication: row.authentication === null ? null : json<AuthenticationResults>(row.authentication),
    oursMessageId: row.ours_message_id,
    status: row.status,
    review: row.reviewed_by === null || row.reviewed_at === null ? null : { by: row.reviewed_by, reason: row.review_reason, at: new Date(row.reviewed_at) },
    createdAt: new Date(row.created_at),
  };
}

export async function insertReport(db: SafetyReportsDb, report: SafetyReport): Promise<void> {
  await db.insertInto('safety_reports').values({
    id: report.id,
    reference: report.reference,
    channel: report.channel,
    source: report.source,
    reporter_account_id: report.reporterAccountId,
    reporter_email: report.reporterEmail,
    reporter_note: report.reporterNote,
    entered_details: report.enteredDetails,
    message_from: report.message.from,
    message_subject: report.message.subject,
    message_body: report.message.body,
    links: JSON.stringify(report.links),
    verdict: report.verdict,
    score: report.score,
    signals: JSON.stringify(report.signals),
    authentication: report.authentication === null ? null : JSON.stringify(report.authentication),
    ours_message_id: report.oursMessageId,
    status: report.status,
    reviewed_by: null,
    review_reason: null,
    reviewed_at: null,
    created_at: report.createdAt,
  }).execute();
}

export async function findReport(db: SafetyReportsDb, by: { id: string } | { reference: string }): Promise<SafetyReport | null> {
  const query = db.selectFrom('safety_reports').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('reference', '=', by.reference.toUpperCase())).executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Newest first. */
export async function selectReports(db: SafetyReportsDb, filter: ReportFilter): Promise<SafetyReport[]> {
  let query = db.selectFrom('safety_reports').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.verdict) query = query.where('verdict', '=', filter.verdict);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.since) query = query.where('created_at', '>=', filter.since);
  if (filter.until) query = query.where('created_at', '<', filter.until);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
  return rows.map(toReport);
}

export async function updateReportStatus(
  db: SafetyReportsDb,
  change: { id: string; status: ReportStatus; by: string; reason: string | null; at: Date },
): Promise<SafetyReport | null> {
  const row = await db.updateTable('safety_reports')
    .set({ status: change.status, reviewed_by: change.by, review_reason: change.reason, reviewed_at: change.at })
    .where('id', '=', change.id)
    .returningAll()
    .executeTakeFirst();
  return row ? toReport(row) : null;
}
