import { Parser } from 'htmlparser2';
import { brandTokens, isIpAddress, isOfficialHost, looksLikeHost, readableHost } from './domains.ts';
import type { Brand, ScanLink } from './scan.types.ts';

/** A message with more links than this is cut; a reported mail rarely needs the rest to be judged. */
export const MAX_LINKS = 200;

/** Services that hide where a link goes. */
const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 's.id', 't.ly', 'lnkd.in', 'bl.ink', 'short.io', 'v.gd', 'qrco.de', 'urlz.fr',
]);

/**
 * App stores and social networks where the brand has its own page. A link
 * there that names the brand in its path (`instagram.com/reelhouse`, the
 * app's store listing) is a footer, not a way off to a stranger's site.
 */
const BRAND_PAGE_PLATFORMS = [
  'apps.apple.com', 'itunes.apple.com', 'play.google.com', 'apps.microsoft.com', 'instagram.com', 'facebook.com', 'x.com', 'twitter.com',
  'youtube.com', 'tiktok.com', 'linkedin.com', 'threads.net',
];

function isBrandPageOnPlatform(href: string, host: string, brand: Brand): boolean {
  if (!BRAND_PAGE_PLATFORMS.some((platform) => host === platform || host.endsWith(`.${platform}`))) return false;
  try {
    const url = new URL(/^https?:/i.test(href) ? href : `https://${href}`);
    if (redirectTarget(href)) return false;
    const where = `${url.pathname}${url.search}`.toLowerCase();
    return brandTokens(brand).some((token) => where.includes(token));
  } catch {
    return false;
  }
}

/**
 * Whether a link was written to be clicked (with its scheme or `www.`, or
 * through a shortener or to a bare address, which nobody names in prose)
 * rather than a domain named in a sentence.
 */
export function isWrittenAsLink(link: ScanLink): boolean {
  if (/^(https?:\/\/|www\.)/i.test(link.href)) return true;
  const host = hostOfLink(link.href);
  return host !== null && (SHORTENERS.has(host) || isIpAddress(host));
}

/**
 * Full URLs, and bare domains; a bare domain does not start inside a run of
 * Japanese or Chinese (written without spaces), where every character would
 * otherwise be tried as the start of a label: 100,000 such characters took a second.
 */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|(?<![@\w.-])(?!(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,10}[\p{L}]{2,24}(?::\d{2,5})?(?:\/[^\s<>"'`]*)?/giu;

function trimTrailingPunctuation(candidate: string): string {
  return candidate.replace(/[.,;:!?)\]}>»”’]+$/u, '');
}

/** The host a link goes to, or null when it is not a web link (mailto:, tel:, an anchor). */
export function hostOfLink(href: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `http://${href.replace(/^\/\//, '')}`;
  if (!/^https?:/i.test(withScheme)) return null;
  try {
    const host = new URL(withScheme).hostname.replace(/^\[|\]$/g, '');
    return host ? readableHost(host) : null;
  } catch {
    return null;
  }
}

/** Links written out in plain text: full URLs, `www.` ones and bare domains with a known suffix ("reelhouse-help.com/x"). */
export function linksInText(text: string): ScanLink[] {
  const links: ScanLink[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const written = trimTrailingPunctuation(match[0]);
    const host = hostOfLink(written);
    if (!host) continue;
    if (!/^(https?:\/\/|www\.)/i.test(written) && !looksLikeHost(host)) continue;
    links.push({ href: written, text: written });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}

/**
 * `<a href>` links of an HTML part with their visible text, read by a parser
 * that never renders or runs anything. With `after`, only the links that come
 * after the first place the page's text matches it (a forwarded message's marker).
 */
export function linksInHtml(html: string, options: { after?: RegExp } = {}): ScanLink[] {
  const links: ScanLink[] = [];
  let open: { href: string; text: string } | null = null;
  let seenText = '';
  let collecting = options.after === undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a' && collecting && typeof attributes.href === 'string' && links.length < MAX_LINKS) open = { href: attributes.href.trim(), text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
        if (!collecting && options.after) {
          seenText = (seenText + text).slice(-400);
          if (options.after.test(seenText.replace(/\s+/g, ' '))) collecting = true;
        }
      },
      onclosetag(name) {
        if (name === 'a' && open) {
          links.push({ href: open.href, text: open.text.replace(/\s+/g, ' ').trim() });
          open = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return links;
}

/**
 * A link that leaves the official domains, with why: where it goes, and what
 * hides it. `telling` ranks what to quote first: a disguise (text showing
 * another domain, a redirect) over a hidden destination (shortener, bare
 * address) over a plain foreign link.
 */
export type OffDomainLink = { link: ScanLink; host: string; reason: string; telling: number };

function redirectTarget(href: string): string | null {
  try {
    const url = new URL(/^https?:/i.test(href) ? href : `http://${href}`);
    for (const value of url.searchParams.values()) {
      if (/^(https?:\/\/|www\.)/i.test(value)) return value;
    }
  } catch {
    return null;
  }
  return null;
}

/** Judges one link: off the official domains, an address, a shortener, a redirect out, or visible text naming another domain. */
export function offDomainReason(link: ScanLink, brand: Brand): OffDomainLink | null {
  const host = hostOfLink(link.href);
  if (!host) return null;
  if (!isOfficialHost(host, brand) && !isBrandPageOnPlatform(link.href, host, brand)) {
    const shown = linksInText(link.text)[0];
    const shownHost = shown ? hostOfLink(shown.href) : null;
    if (shownHost && shownHost !== host) return { link, host, reason: `shows ${shownHost} but goes to ${host}`, telling: 3 };
    if (isIpAddress(host)) return { link, host, reason: `links to a bare address (${host})`, telling: 2 };
    if (SHORTENERS.has(host)) return { link, host, reason: `links through the shortener ${host}, which hides where it goes`, telling: 2 };
    return { link, host, reason: `links to ${host}, not an official domain`, telling: 1 };
  }
  const target = redirectTarget(link.href);
  const targetHost = target ? hostOfLink(target) : null;
  if (targetHost && !isOfficialHost(targetHost, brand)) return { link, host: targetHost, reason: `redirects from ${host} to ${targetHost}`, telling: 3 };
  return null;
}
