import { z } from 'zod';
import { linksOfReport, REPORT_STATUSES, SCAN_CHANNELS, SIGNAL_CODES, type Campaign, type Indicator, type SafetyReport } from '../../../safety/index.ts';

/** Request and response shapes of the security team's routes (docs/desk.md, "Security team"). */
const VERDICTS = ['phish', 'suspicious', 'legit'] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const reportListQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  verdict: z.enum(VERDICTS).optional(),
  channel: z.enum(SCAN_CHANNELS).optional(),
  /** Reports made on or after this UTC day. */
  from: day.optional(),
  /** Reports made on or before this UTC day. */
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** `next_cursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});

export const reportIdParams = z.object({ id: z.string().min(1).max(64) });
export const reviewBody = z.object({ reason: z.string().trim().min(3, 'Say why, in a few words.').max(500) });
export const campaignQuery = z.object({
  /** The period looked at, in days back from today (default 30). */
  days: z.coerce.number().int().min(1).max(365).default(30),
  min_reports: z.coerce.number().int().min(1).max(100).default(2),
});
export const exportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

const reportSummarySchema = z.object({
  id: z.string(), reference: z.string(), channel: z.enum(SCAN_CHANNELS), source: z.enum(['form', 'smtp']),
  from: z.string(), subject: z.string().nullable(), verdict: z.enum(VERDICTS), score: z.number(), signal_codes: z.array(z.enum(SIGNAL_CODES)),
  link_count: z.number().int(), genuine: z.boolean(), status: z.enum(REPORT_STATUSES), created_at: z.string(),
});
export const reportListSchema = z.object({ reports: z.array(reportSummarySchema), next_cursor: z.string().nullable() });

const reviewSchema = z.object({ by: z.object({ id: z.string(), name: z.string().nullable() }), reason: z.string().nullable(), at: z.string() }).nullable();
export const reportDetailSchema = z.object({
  report: reportSummarySchema.extend({
    reporter: z.object({ account_id: z.string().nullable(), email: z.string().nullable(), note: z.string().nullable(), entered_details: z.boolean() }),
    message: z.object({ from: z.string(), subject: z.string().nullable(), body: z.string() }),
    links: z.array(z.object({ href: z.string(), text: z.string(), domain: z.string().nullable(), ours: z.boolean() })),
    signals: z.array(z.object({ code: z.enum(SIGNAL_CODES), evidence: z.string() })),
    authentication: z.object({ spf: z.string(), dkim: z.string(), dmarc: z.string() }).nullable(),
    genuine_match: z.object({ sent_email_id: z.string() }).nullable(),
    review: reviewSchema,
  }),
});

export const campaignListSchema = z.object({
  since: z.string(),
  /** How many reports of the period were read; `truncated` when the period holds more than the desk reads at once. */
  reports_considered: z.number().int(),
  truncated: z.boolean(),
  campaigns: z.array(z.object({
    id: z.string(), key: z.string(), first_seen: z.string(), last_seen: z.string(), report_count: z.number().int(),
    per_day: z.array(z.object({ day: z.string(), count: z.number().int() })),
    sender_domains: z.array(z.string()), linked_domains: z.array(z.string()), urls: z.array(z.string()), sample_subjects: z.array(z.string()),
    verdicts: z.object({ phish: z.number().int(), suspicious: z.number().int(), legit: z.number().int() }),
    statuses: z.object({ new: z.number().int(), confirmed: z.number().int(), dismissed: z.number().int() }),
    report_ids: z.array(z.string()),
  })),
});

export const indicatorListSchema = z.object({
  generated_at: z.string(),
  indicators: z.array(z.object({
    type: z.enum(['domain', 'url']), value: z.string(), domain: z.string(), source: z.enum(['link', 'sender']),
    report_count: z.number().int(), first_seen: z.string(), last_seen: z.string(), references: z.array(z.string()),
  })),
});

export function reportSummaryView(report: SafetyReport) {
  return {
    id: report.id, reference: report.reference, channel: report.channel, source: report.source,
    from: report.message.from, subject: report.message.subject, verdict: report.verdict, score: report.score,
    signal_codes: [...new Set(report.signals.map((signal) => signal.code))], link_count: linksOfReport(report).length,
    genuine: report.oursMessageId !== null, status: report.status, created_at: report.createdAt.toISOString(),
  };
}

export function campaignView(campaign: Campaign) {
  return {
    id: campaign.id, key: campaign.key, first_seen: campaign.firstSeen.toISOString(), last_seen: campaign.lastSeen.toISOString(),
    report_count: campaign.reportCount, per_day: campaign.perDay, sender_domains: campaign.senderDomains, linked_domains: campaign.linkedDomains,
    urls: campaign.urls, sample_subjects: campaign.sampleSubjects, verdicts: campaign.verdicts, statuses: campaign.statuses, report_ids: campaign.reportIds,
  };
}

export function indicatorView(indicator: Indicator) {
  return {
    type: indicator.type, value: indicator.value, domain: indicator.domain, source: indicator.source, report_count: indicator.reportCount,
    first_seen: indicator.firstSeen.toISOString(), last_seen: indicator.lastSeen.toISOString(), references: indicator.references,
  };
}
