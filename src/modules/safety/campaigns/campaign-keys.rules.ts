import { createHash } from 'node:crypto';
import { parse as parseDomain } from 'tldts';
import type { ScanLink } from '../scan/index.ts';
import { linksInText } from '../scan/links.ts';

/** A host's registrable domain ("login.reelhouse-billing.com" → "reelhouse-billing.com"); an IP stays itself; null when it is no host. */
export function registrableDomainOf(hostOrUrl: string): string | null {
  const parsed = parseDomain(hostOrUrl.trim().toLowerCase());
  if (parsed.isIp && parsed.hostname) return parsed.hostname;
  return parsed.domain ?? null;
}

/** The domain of an address in `Name <user@host>` or a bare `user@host`. */
export function senderAddress(from: string): { local: string; domain: string } | null {
  const match = /<?([^<>\s@]+)@([^<>\s@]+?)>?\s*$/.exec(from.trim());
  if (!match) return null;
  const domain = registrableDomainOf(match[2]!);
  return domain ? { local: match[1]!.toLowerCase(), domain } : null;
}

/** The brand's own domains and their subdomains: a spoofed From or a genuine link to us says nothing about who sent it. */
export function isBrandDomain(domain: string, brandDomains: readonly string[]): boolean {
  return brandDomains.some((brand) => domain === brand.toLowerCase() || domain.endsWith(`.${brand.toLowerCase()}`));
}

/** A link's URL as written, and its registrable domain; null for a link without a host (mailto:, tel:, "#"). */
export function linkTarget(link: ScanLink): { url: string; domain: string } | null {
  const href = link.href.trim();
  if (!href || /^(mailto|tel|sms|javascript|data):/i.test(href)) return null;
  const domain = registrableDomainOf(href);
  return domain ? { url: href, domain } : null;
}

/**
 * The text a campaign repeats: subject and body, Unicode-normalised, lower
 * case, links and numbers blanked (each message of a run carries its own
 * tracking link, name, amount or reference), punctuation dropped.
 */
export function normalisedText(subject: string | null, body: string): string {
  return `${subject ?? ''} ${body}`
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const SHINGLE_WORDS = 3;

/** Overlapping runs of `SHINGLE_WORDS` words: two texts sharing most of their runs say the same thing in the same words. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const words = text.split(' ').filter(Boolean);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(words.join(' '));
    return out;
  }
  for (let index = 0; index + size <= words.length; index += 1) out.add(words.slice(index, index + size).join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** A campaign's id comes from its key, so it stays the same from one request to the next. */
export function campaignId(key: string): string {
  return `cmp_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/**
 * A report's links: those the message carried (an email's <a href>) and
 * those written out in its text (a pasted SMS has only these), once each.
 */
export function linksOfReport(report: { links: readonly ScanLink[]; message: { subject: string | null; body: string } }): ScanLink[] {
  const seen = new Set<string>();
  const all: ScanLink[] = [];
  for (const link of [...report.links, ...linksInText(`${report.message.subject ?? ''}\n${report.message.body}`)]) {
    if (seen.has(link.href)) continue;
    seen.add(link.href);
    all.push(link);
  }
  return all;
}
