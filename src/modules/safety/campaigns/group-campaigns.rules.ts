import type { ReportStatus, SafetyReport } from '../reports/index.ts';
import type { Verdict } from '../scan/index.ts';
import { campaignId, isBrandDomain, linksOfReport, jaccard, linkTarget, normalisedText, senderAddress, shingles } from './campaign-keys.rules.ts';

/** What grouping reads of a report. */
export type CampaignReport = Pick<SafetyReport, 'id' | 'reference' | 'channel' | 'message' | 'links' | 'verdict' | 'status' | 'createdAt'>;

export type Campaign = {
  id: string;
  /** What ties it together first: `link:domain`, `sender:domain`, `address:user@domain` or `text:<first report's id>`. */
  key: string;
  firstSeen: Date;
  lastSeen: Date;
  reportCount: number;
  /** One entry per UTC day from the first to the last report, zeros included (for a chart). */
  perDay: { day: string; count: number }[];
  senderDomains: string[];
  linkedDomains: string[];
  urls: string[];
  sampleSubjects: string[];
  verdicts: Record<Verdict, number>;
  statuses: Record<ReportStatus, number>;
  /** Newest first. */
  reportIds: string[];
};

export type GroupingOptions = {
  brandDomains: readonly string[];
  /**
   * Two texts at or above this Jaccard similarity of their word 3-shingles
   * are one campaign. Measured on campaigns.dev-set.ts (26 messages, 11
   * runs): different runs sharing a copied footer reach 0.35, so 0.45 keeps
   * every run apart while grouping every run whole (transitively: reworded
   * pairs of one run go down to 0.31, each linked through closer ones).
   */
  textThreshold?: number;
  /** Texts shorter than this many words are never matched on text alone ("hi", "call me"). */
  minTextWords?: number;
  /** A sending domain used by this many different mailboxes is a mail provider: its reports group by address, not domain. */
  providerMailboxes?: number;
  /** Groups smaller than this are not campaigns. */
  minReports?: number;
};

export const DEFAULT_TEXT_THRESHOLD = 0.45;
const MAX_URLS = 20;
const MAX_SUBJECTS = 3;
const MAX_DAYS = 366;

type Keyed = { report: CampaignReport; keys: string[]; shingles: Set<string> | null };

function unionFind(size: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return { find, union: (a, b) => { const ra = find(a); const rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); } };
}

/** Sending domains that many different mailboxes used in these reports (gmail.com and the like), learned from the reports themselves. */
function mailProviders(reports: readonly CampaignReport[], options: GroupingOptions): Set<string> {
  const mailboxes = new Map<string, Set<string>>();
  for (const report of reports) {
    const sender = report.channel === 'email' ? senderAddress(report.message.from) : null;
    if (!sender) continue;
    mailboxes.set(sender.domain, (mailboxes.get(sender.domain) ?? new Set()).add(sender.local));
  }
  const threshold = options.providerMailboxes ?? 3;
  return new Set([...mailboxes].filter(([, locals]) => locals.size >= threshold).map(([domain]) => domain));
}

function keysOf(report: CampaignReport, providers: Set<string>, options: GroupingOptions): string[] {
  const keys: string[] = [];
  const linked = new Set<string>();
  for (const link of linksOfReport(report)) {
    const target = linkTarget(link);
    if (target && !isBrandDomain(target.domain, options.brandDomains)) linked.add(target.domain);
  }
  keys.push(...[...linked].sort().map((domain) => `link:${domain}`));
  const sender = report.channel === 'email' ? senderAddress(report.message.from) : null;
  if (sender && !isBrandDomain(sender.domain, options.brandDomains)) {
    keys.push(providers.has(sender.domain) ? `address:${sender.local}@${sender.domain}` : `sender:${sender.domain}`);
  }
  return keys;
}

const byTime = (a: CampaignReport, b: CampaignReport): number => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reports that share a linked domain, a sending domain (or address, for a
 * mail provider) or most of their wording are one campaign, transitively.
 * Pure: the caller chooses the period by the reports it passes.
 */
export function groupIntoCampaigns(reports: readonly CampaignReport[], options: GroupingOptions): Campaign[] {
  const threshold = options.textThreshold ?? DEFAULT_TEXT_THRESHOLD;
  const minWords = options.minTextWords ?? 8;
  const providers = mailProviders(reports, options);
  const keyed: Keyed[] = [...reports].sort(byTime).map((report) => {
    const text = normalisedText(report.message.subject, report.message.body);
    const words = text ? text.split(' ').length : 0;
    return { report, keys: keysOf(report, providers, options), shingles: words >= minWords ? shingles(text) : null };
  });
  const sets = unionFind(keyed.length);
  const firstWithKey = new Map<string, number>();
  keyed.forEach((item, index) => {
    for (const key of item.keys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else sets.union(first, index);
    }
  });
  for (let i = 0; i < keyed.length; i += 1) {
    const a = keyed[i]!.shingles;
    if (!a) continue;
    for (let j = i + 1; j < keyed.length; j += 1) {
      const b = keyed[j]!.shingles;
      if (b && sets.find(i) !== sets.find(j) && jaccard(a, b) >= threshold) sets.union(i, j);
    }
  }
  const groups = new Map<number, Keyed[]>();
  keyed.forEach((item, index) => {
    const root = sets.find(index);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()]
    .filter((members) => members.length >= (options.minReports ?? 2))
    .map((members) => describeCampaign(members, options))
    .sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime() || b.reportCount - a.reportCount || (a.id < b.id ? -1 : 1));
}

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export function countsPerDay(dates: readonly Date[]): { day: string; count: number }[] {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const at of dates) counts.set(utcDay(at), (counts.get(utcDay(at)) ?? 0) + 1);
  const times = dates.map((at) => at.getTime());
  const first = new Date(`${utcDay(new Date(Math.min(...times)))}T00:00:00Z`);
  const last = utcDay(new Date(Math.max(...times)));
  const days: { day: string; count: number }[] = [];
  for (let at = first; days.length < MAX_DAYS; at = new Date(at.getTime() + 86_400_000)) {
    const day = utcDay(at);
    days.push({ day, count: counts.get(day) ?? 0 });
    if (day === last) break;
  }
  return days;
}

function describeCampaign(members: Keyed[], options: GroupingOptions): Campaign {
  // Members are in time order: the first report's first key names the campaign, so the id holds while it lasts.
  const first = members[0]!;
  const key = first.keys[0] ?? `text:${first.report.id}`;
  const senderDomains = new Set<string>();
  const linkedDomains = new Set<string>();
  const urls = new Set<string>();
  const subjects = new Set<string>();
  const verdicts: Record<Verdict, number> = { phish: 0, suspicious: 0, legit: 0 };
  const statuses: Record<ReportStatus, number> = { new: 0, confirmed: 0, dismissed: 0 };
  for (const { report } of members) {
    const sender = report.channel === 'email' ? senderAddress(report.message.from) : null;
    if (sender && !isBrandDomain(sender.domain, options.brandDomains)) senderDomains.add(sender.domain);
    for (const link of linksOfReport(report)) {
      const target = linkTarget(link);
      if (!target || isBrandDomain(target.domain, options.brandDomains)) continue;
      linkedDomains.add(target.domain);
      if (urls.size < MAX_URLS) urls.add(target.url);
    }
    const subject = report.message.subject?.trim();
    if (subject && subjects.size < MAX_SUBJECTS) subjects.add(subject);
    verdicts[report.verdict] += 1;
    statuses[report.status] += 1;
  }
  const dates = members.map(({ report }) => report.createdAt);
  return {
    id: campaignId(key),
    key,
    firstSeen: first.report.createdAt,
    lastSeen: members[members.length - 1]!.report.createdAt,
    reportCount: members.length,
    perDay: countsPerDay(dates),
    senderDomains: [...senderDomains].sort(),
    linkedDomains: [...linkedDomains].sort(),
    urls: [...urls],
    sampleSubjects: [...subjects],
    verdicts,
    statuses,
    reportIds: members.map(({ report }) => report.id).reverse(),
  };
}
