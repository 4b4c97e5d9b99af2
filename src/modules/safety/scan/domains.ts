import { domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { rectifyConfusion } from 'unicode-confusables';
import type { Brand } from './scan.types.ts';

/** Reserved for documentation and tests (RFC 2606/6761); the demo brand lives on one of them. */
const RESERVED_SUFFIXES = new Set(['example', 'test', 'invalid', 'localhost']);

/** A host as a person would read it: punycode decoded, NFKC, lower case, no trailing dot. */
export function readableHost(host: string): string {
  const lowered = host.trim().replace(/\.+$/, '').toLowerCase();
  const decoded = lowered.includes('xn--') ? domainToUnicode(lowered) || lowered : lowered;
  return decoded.normalize('NFKC');
}

/**
 * The UTS #39 skeleton, lower-cased: two strings a reader cannot tell apart
 * (Cyrillic "е" for Latin "e", "0" for "o", "rn" for "m") get the same skeleton.
 */
export function skeleton(text: string): string {
  return rectifyConfusion(text.normalize('NFKC').toLowerCase()).normalize('NFKC').toLowerCase().replace(/rn/g, 'm');
}

export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(':') && /^[0-9a-f:]+$/i.test(host.replace(/^\[|\]$/g, '')));
}

/** Whether a bare `word.word` in text is a host (a known public suffix or a reserved test one), not "file.txt". */
export function looksLikeHost(host: string): boolean {
  const parsed = parseDomain(host);
  if (parsed.isIp) return true;
  if (!parsed.domain || !parsed.publicSuffix) return false;
  return parsed.isIcann === true || RESERVED_SUFFIXES.has(parsed.publicSuffix);
}

export function registrableDomain(host: string): string {
  const parsed = parseDomain(host);
  return parsed.domain ?? host;
}

/** The registrable domain's own label, without its suffix: "dhl" for www.dhl.de, "rakuten-card" for www.rakuten-card.co.jp. */
export function siteLabel(host: string): string {
  return parseDomain(host).domainWithoutSuffix ?? '';
}

/** The official domains and all their subdomains. */
export function isOfficialHost(host: string, brand: Brand): boolean {
  const readable = readableHost(host);
  return brand.domains.some((domain) => {
    const official = readableHost(domain);
    return readable === official || readable.endsWith(`.${official}`);
  });
}

/** The brand's names to look for inside other domains: its name squeezed, and its domains' labels. */
export function brandTokens(brand: Brand): string[] {
  const tokens = new Set<string>();
  const squeezed = skeleton(brand.name.replace(/[^\p{L}\p{N}]/gu, ''));
  if (squeezed.length >= 3) tokens.add(squeezed);
  for (const domain of brand.domains) {
    const label = parseDomain(readableHost(domain)).domainWithoutSuffix;
    if (label) for (const part of [label, label.replace(/-/g, '')]) if (part.length >= 3) tokens.add(skeleton(part));
  }
  return [...tokens];
}

/** Optimal string alignment distance (a swap of two neighbours counts once: "reelhuose"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** How far a name may drift and still be read as the brand: none for short names, where chance hits abound. */
function tolerance(token: string): number {
  if (token.length >= 8) return 2;
  if (token.length >= 5) return 1;
  return 0;
}

/** Whether `part` contains the brand token, exactly or within the tolerance. */
function containsBrand(part: string, token: string): boolean {
  if (part.includes(token)) return true;
  const allowed = tolerance(token);
  if (allowed === 0) return false;
  for (let length = token.length - allowed; length <= token.length + allowed; length++) {
    for (let start = 0; start + length <= part.length; start++) {
      if (editDistance(part.slice(start, start + length), token) <= allowed) return true;
    }
  }
  return false;
}

/**
 * Why a host that is not official would be taken for the brand, or null:
 * the brand's name inside one of its labels (combo, subdomain), a near
 * spelling of it, or the same skeleton once confusable letters are folded.
 */
export function lookalikeReason(host: string, brand: Brand): string | null {
  if (isOfficialHost(host, brand)) return null;
  const readable = readableHost(host);
  if (isIpAddress(readable)) return null;
  const parsed = parseDomain(readable);
  const suffix = parsed.publicSuffix ?? '';
  const labels = readable.slice(0, suffix ? readable.length - suffix.length - 1 : readable.length).split('.').filter(Boolean);
  const tokens = brandTokens(brand);
  for (const label of labels) {
    const folded = skeleton(label);
    const parts = [folded, folded.replace(/-/g, ''), ...folded.split('-')];
    for (const token of tokens) {
      for (const part of parts) {
        if (part === token) return `${readable} uses the brand's name on a domain that is not official`;
        if (part.length >= 3 && containsBrand(part, token)) return `${readable} imitates the brand's name "${token}"`;
      }
    }
  }
  return null;
}
