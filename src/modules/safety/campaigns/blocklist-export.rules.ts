import type { SafetyReport } from '../reports/index.ts';
import { isBrandDomain, linkTarget, linksOfReport, registrableDomainOf, senderAddress } from './campaign-keys.rules.ts';

export type IndicatorReport = Pick<SafetyReport, 'id' | 'reference' | 'channel' | 'message' | 'links' | 'signals' | 'status' | 'createdAt'>;

export type Indicator = {
  type: 'domain' | 'url';
  value: string;
  /** The registrable domain, for a URL too: what a takedown request names. */
  domain: string;
  /** Where it was seen: a link in the message, or the sending domain the scan found imitating ours. */
  source: 'link' | 'sender';
  reportCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /** The reports' references (RPT-…), oldest first. */
  references: string[];
};

/**
 * The domains and URLs of confirmed reports, for takedown requests and
 * blocklists. Only what the security team confirmed; never our own domains.
 * A sending domain is listed only when the scan found it imitating ours
 * (a `lookalike_domain` sign quoting it): a free mailbox or a forged From
 * must not land on a blocklist.
 */
export function confirmedIndicators(reports: readonly IndicatorReport[], brandDomains: readonly string[]): Indicator[] {
  const found = new Map<string, Indicator>();
  const note = (type: Indicator['type'], value: string, domain: string, source: Indicator['source'], report: IndicatorReport): void => {
    const id = `${type}\u0000${value}`;
    const seen = found.get(id);
    if (!seen) {
      found.set(id, { type, value, domain, source, reportCount: 1, firstSeen: report.createdAt, lastSeen: report.createdAt, references: [report.reference] });
      return;
    }
    if (seen.references.includes(report.reference)) return;
    seen.reportCount += 1;
    seen.references.push(report.reference);
    if (report.createdAt < seen.firstSeen) seen.firstSeen = report.createdAt;
    if (report.createdAt > seen.lastSeen) seen.lastSeen = report.createdAt;
  };
  const oldestFirst = [...reports].filter((report) => report.status === 'confirmed').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const report of oldestFirst) {
    for (const link of linksOfReport(report)) {
      const target = linkTarget(link);
      if (!target || isBrandDomain(target.domain, brandDomains)) continue;
      note('url', target.url, target.domain, 'link', report);
      note('domain', target.domain, target.domain, 'link', report);
    }
    const sender = report.channel === 'email' ? senderAddress(report.message.from) : null;
    if (sender && !isBrandDomain(sender.domain, brandDomains) && imitatesUs(report, sender.domain)) note('domain', sender.domain, sender.domain, 'sender', report);
  }
  return [...found.values()].sort((a, b) => (a.type === b.type ? (a.value < b.value ? -1 : 1) : a.type === 'domain' ? -1 : 1));
}

function imitatesUs(report: IndicatorReport, domain: string): boolean {
  return report.signals.some((signal) => signal.code === 'lookalike_domain' && signal.evidence.toLowerCase().split(/[\s<>()"',;]+/).some((word) => {
    const host = word.replace(/^[^@]*@/, '').replace(/^[a-z]+:\/\//, '').split('/')[0] ?? '';
    return host !== '' && registrableDomainOf(host) === domain;
  }));
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const INDICATOR_CSV_HEADER = ['type', 'value', 'domain', 'source', 'report_count', 'first_seen', 'last_seen', 'references'] as const;

export function indicatorsAsCsv(indicators: readonly Indicator[]): string {
  const rows = indicators.map((item) => [
    item.type, item.value, item.domain, item.source, String(item.reportCount), item.firstSeen.toISOString(), item.lastSeen.toISOString(), item.references.join(' '),
  ]);
  return [[...INDICATOR_CSV_HEADER], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
