import { contentSignals } from './content-signals.ts';
import { isOfficialHost, looksLikeHost, lookalikeReason, readableHost, registrableDomain, siteLabel, skeleton } from './domains.ts';
import { hostOfLink, isWrittenAsLink, linksInHtml, linksInText, MAX_LINKS, offDomainReason } from './links.ts';
import { MAX_TEXT_CHARS, sendersWords, sentencesOf } from './message-text.ts';
import { oddSenderEvidence, parseSender } from './sender.ts';
import { SIGNAL_CODES, type Brand, type ScanInput, type ScanLink, type ScanResult, type Signal, type SignalCode, type Verdict } from './scan.types.ts';

/**
 * How much each sign weighs. Structural signs (where links go, who sends)
 * weigh most because they do not depend on the language; a lone word sign
 * is never enough for "phish". Combined as independent evidence:
 * score = 1 − Π(1 − weight).
 */
const WEIGHTS: Record<SignalCode, number> = {
  lookalike_domain: 0.5,
  off_domain_link: 0.35,
  asks_card: 0.45,
  asks_password: 0.45,
  asks_code: 0.4,
  gift_card_or_crypto_or_wire: 0.45,
  remote_access_software: 0.45,
  urgent_threat: 0.3,
  prize_claim: 0.3,
  // A sender that is not the service: weak alone (a friend, the member's bank); see IMPERSONATION_WEIGHT.
  odd_sender: 0.2,
  spelling_errors: 0.15,
};

/** A sender that is not the service yet speaks as it (display name, "Reelhouse: …", "calling from Reelhouse"): suspicious alone. */
const IMPERSONATION_WEIGHT = 0.35;

/**
 * Signs of tone only. A message with nothing else (no link off the domains,
 * no stranger, no request, no payment, no app to install) gives the member
 * nothing to act on, however pressing its words: a genuine "last reminder"
 * with a typo stays legit.
 */
const TONE_ONLY: ReadonlySet<SignalCode> = new Set(['urgent_threat', 'prize_claim', 'spelling_errors']);

/** "Phish" needs two strong signs or three lesser ones; one structural sign (a link off the domain) makes it suspicious. */
const PHISH_AT = 0.6;
const SUSPICIOUS_AT = 0.35;

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]{1,64}@((?:[\p{L}\p{N}-]{1,63}\.){1,10}[\p{L}]{2,24})/gu;

/**
 * The links of a message: given ones, an HTML part's, and those written in
 * the text. In an email from the official domains, a bare domain named in
 * prose ("the link went to reelhouse-billing.com, which is not ours") is a
 * mention, not a link: mail that really comes from the service writes its
 * links out in full.
 */
function allLinks(input: ScanInput, words: string, fromService: boolean): ScanLink[] {
  const given = input.links ?? (input.html ? linksInHtml(input.html.slice(0, MAX_TEXT_CHARS * 4)) : []);
  const seen = new Set(given.map((link) => link.href));
  const links = [...given];
  for (const link of linksInText(words)) {
    if (fromService && input.channel === 'email' && !isWrittenAsLink(link)) continue;
    if (!seen.has(link.href)) links.push(link);
    seen.add(link.href);
  }
  return links.slice(0, MAX_LINKS);
}

/** Every host the message shows or sends from: links, sender, Reply-To and addresses written in the text. */
function hostsShown(input: ScanInput, links: ScanLink[], words: string, fromService: boolean): { host: string; where: string }[] {
  const hosts: { host: string; where: string }[] = [];
  for (const link of links) {
    const host = hostOfLink(link.href);
    if (host) hosts.push({ host, where: link.href });
  }
  for (const header of [input.from, input.replyTo ?? '']) {
    const domain = parseSender(header).domain;
    if (domain) hosts.push({ host: domain, where: header });
  }
  // Addresses named in the service's own mail are mentions too (see allLinks).
  if (fromService && input.channel === 'email') return hosts;
  const text = `${input.subject ?? ''}\n${words}`;
  // Without an "@" there is no address, and the pattern would try every letter as the start of one.
  if (!text.includes('@')) return hosts;
  for (const match of text.matchAll(EMAIL_IN_TEXT)) {
    const host = readableHost(match[1]);
    if (looksLikeHost(host)) hosts.push({ host, where: match[0] });
  }
  return hosts;
}

/**
 * Whether the message has anything to do with the brand: sent from its
 * domains, a host reading as it, or its name anywhere in the sender,
 * subject, text or links (compared on the confusables skeleton, spaces and
 * punctuation ignored, so "R e e l h o u s e" and "Reeⅼhouse" count). Mail
 * that never names the brand (a bank's statement, a shop's order with a
 * courier's tracking link, a friend's photo album) is not borrowing it:
 * that its links leave the brand's domains and its sender is not the brand
 * is no sign at all.
 */
function isAboutBrand(input: ScanInput, brand: Brand, links: ScanLink[]): boolean {
  const domain = parseSender(input.from).domain;
  if (domain && isOfficialHost(domain, brand)) return true;
  const name = skeleton(brand.name).replace(/[^\p{L}\p{N}]/gu, '');
  if (name.length === 0) return false;
  const shown = [input.from, input.replyTo ?? '', input.subject ?? '', input.body.slice(0, MAX_TEXT_CHARS), ...links.map((link) => `${link.href} ${link.text}`)].join(' ');
  return skeleton(shown).replace(/[^\p{L}\p{N}]/gu, '').includes(name);
}

/**
 * Whether a link goes to the sender's own site: the site named like the
 * sender ("DHL" → dhl.de, "InPost" → inpost.pl, "Amazon.co.jp" →
 * amazon.co.jp); a bare address proves nothing, as anyone can send from
 * their own domain, and "Spotify" on spotify-billing.top is not Spotify's own site. Only asked of mail that never
 * names the brand: an organisation linking to itself is not borrowing ours.
 */
function isSendersOwnSite(host: string, input: ScanInput): boolean {
  const sender = parseSender(input.from);
  const site = registrableDomain(host);
  const name = (sender.address ? sender.displayName : input.from).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const label = siteLabel(site).replace(/[^\p{L}\p{N}]/gu, '');
  return label.length >= 3 && name.startsWith(label);
}

function verdictFor(score: number): Verdict {
  if (score >= PHISH_AT) return 'phish';
  if (score >= SUSPICIOUS_AT) return 'suspicious';
  return 'legit';
}

/**
 * Judges one reported message against the brand's official domains: pure,
 * synchronous, no network. Each signal quotes what it rests on.
 */
export function scanMessage(input: ScanInput, brand: Brand): ScanResult {
  const words = sendersWords(input);
  const oddSender = oddSenderEvidence(input, brand);
  const links = allLinks(input, words, oddSender === null);
  const signals: Signal[] = [];

  const lookalike = hostsShown(input, links, words, oddSender === null)
    .filter(({ host }) => !isOfficialHost(host, brand))
    .map(({ host, where }) => ({ where, reason: lookalikeReason(host, brand) }))
    .find((found) => found.reason !== null);
  const aboutBrand = lookalike !== undefined || isAboutBrand(input, brand, links);

  // Mail that never names the brand (another organisation's, a person's) is not borrowing it: its links to its own
  // site and its not being the service say nothing; what it asks for, threatens or offers still does.
  const offDomain = links
    .map((link) => offDomainReason(link, brand))
    .filter((found) => found !== null)
    .filter((found) => aboutBrand || !isSendersOwnSite(found.host, input));
  const mostTelling = offDomain.reduce<(typeof offDomain)[number] | null>((best, found) => (best && best.telling >= found.telling ? best : found), null);
  if (mostTelling) signals.push({ code: 'off_domain_link', evidence: `${mostTelling.link.href} (${mostTelling.reason})` });
  if (lookalike) signals.push({ code: 'lookalike_domain', evidence: `${lookalike.where} (${lookalike.reason})` });

  const wordSigns = contentSignals(sentencesOf(input), brand, offDomain.length > 0);
  if (!aboutBrand && wordSigns.length === 0) return { verdict: 'legit', score: 0, signals: [] };
  // Outside the brand's name only a number to call is telling about the sender (weighed as a stranger, 0.2).
  if (oddSender && (aboutBrand || oddSender.impersonates)) signals.push({ code: 'odd_sender', evidence: oddSender.evidence });
  signals.push(...wordSigns);

  signals.sort((a, b) => SIGNAL_CODES.indexOf(a.code) - SIGNAL_CODES.indexOf(b.code));
  const weight = (code: SignalCode) => (code === 'odd_sender' && oddSender?.impersonates && aboutBrand ? IMPERSONATION_WEIGHT : WEIGHTS[code]);
  const score = 1 - signals.reduce((remaining, signal) => remaining * (1 - weight(signal.code)), 1);
  const nothingToActOn = signals.every((signal) => TONE_ONLY.has(signal.code));
  const rounded = Math.round((nothingToActOn ? Math.min(score, SUSPICIOUS_AT - 0.01) : score) * 100) / 100;
  return { verdict: verdictFor(rounded), score: rounded, signals };
}
