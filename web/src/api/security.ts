import { request } from './client.ts';

/** The security team's routes of the desk (docs/desk.md, "Security team"). */
export type Verdict = 'phish' | 'suspicious' | 'legit';
export type ReportStatus = 'new' | 'confirmed' | 'dismissed';
export type ReportChannel = 'email' | 'sms' | 'call_transcript';

export type ReportSummary = {
  id: string;
  reference: string;
  channel: ReportChannel;
  source: 'form' | 'smtp';
  from: string;
  subject: string | null;
  verdict: Verdict;
  score: number;
  signal_codes: string[];
  link_count: number;
  genuine: boolean;
  status: ReportStatus;
  created_at: string;
};

export type ReportDetail = ReportSummary & {
  reporter: { account_id: string | null; email: string | null; note: string | null; entered_details: boolean };
  message: { from: string; subject: string | null; body: string };
  links: { href: string; text: string; domain: string | null; ours: boolean }[];
  signals: { code: string; evidence: string }[];
  authentication: { spf: string; dkim: string; dmarc: string } | null;
  genuine_match: { sent_email_id: string } | null;
  review: { by: { id: string; name: string | null }; reason: string | null; at: string } | null;
};

export type ReportFilters = { status?: ReportStatus | ''; verdict?: Verdict | ''; channel?: ReportChannel | ''; from?: string; to?: string };

export type Campaign = {
  id: string;
  key: string;
  first_seen: string;
  last_seen: string;
  report_count: number;
  per_day: { day: string; count: number }[];
  sender_domains: string[];
  linked_domains: string[];
  urls: string[];
  sample_subjects: string[];
  verdicts: Record<Verdict, number>;
  statuses: Record<ReportStatus, number>;
  report_ids: string[];
};

export function listSecurityReports(filters: ReportFilters, cursor: string | null = null, limit = 25) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return request<{ reports: ReportSummary[]; next_cursor: string | null }>('GET', `/api/desk/security/reports?${query.toString()}`);
}

export const getSecurityReport = (id: string) => request<{ report: ReportDetail }>('GET', `/api/desk/security/reports/${encodeURIComponent(id)}`);

export const reviewSecurityReport = (id: string, verb: 'confirm' | 'dismiss', reason: string) =>
  request<{ report: ReportDetail }>('POST', `/api/desk/security/reports/${encodeURIComponent(id)}/${verb}`, { body: { reason } });

export const getCampaigns = (days = 30) =>
  request<{ since: string; reports_considered: number; truncated: boolean; campaigns: Campaign[] }>('GET', `/api/desk/security/campaigns?days=${days}`);

/** Plain links: the browser downloads the attachment with the agent's cookie. */
export const INDICATOR_EXPORTS = { csv: '/api/desk/security/indicators.csv', json: '/api/desk/security/indicators.json' } as const;
