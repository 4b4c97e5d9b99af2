import type { Kysely } from 'kysely';
import type { ProblemKind } from './title-report.rules.ts';

export type ReportStatus = 'new' | 'reviewed' | 'fixed' | 'dismissed';

export type TitleReportsTables = {
  helpcenter_title_reports: {
    id: string; title: string; episode: string | null; kind: ProblemKind; device: string; playback_seconds: number | null; details: string | null;
    status: ReportStatus; created_at: Date;
  };
};
export type TitleReportsDb = Kysely<TitleReportsTables>;

export type TitleReport = {
  id: string; title: string; episode: string | null; kind: ProblemKind; device: string; playbackSeconds: number | null; details: string | null;
  status: ReportStatus; createdAt: Date;
};

type Row = TitleReportsTables['helpcenter_title_reports'];
const toReport = (row: Row): TitleReport => ({
  id: row.id, title: row.title, episode: row.episode, kind: row.kind, device: row.device, playbackSeconds: row.playback_seconds, details: row.details,
  status: row.status, createdAt: new Date(row.created_at),
});

export async function insertTitleReport(db: TitleReportsDb, report: TitleReport): Promise<void> {
  await db.insertInto('helpcenter_title_reports').values({
    id: report.id, title: report.title, episode: report.episode, kind: report.kind, device: report.device, playback_seconds: report.playbackSeconds,
    details: report.details, status: report.status, created_at: report.createdAt,
  }).execute();
}

/** Newest first; `kind` and a title substring narrow it. */
export async function listTitleReports(db: TitleReportsDb, filter: { kind?: ProblemKind; title?: string; limit: number }): Promise<TitleReport[]> {
  let query = db.selectFrom('helpcenter_title_reports').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.title) query = query.where('title', 'ilike', `%${filter.title.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toReport);
}
