import { isOfficialHost, readableHost, skeleton } from './domains.ts';
import type { Brand, ScanInput } from './scan.types.ts';

export type Sender = { displayName: string; address: string | null; domain: string | null };

/** `Name <address>`, a bare address, or anything else (a number, a sender id, "Unknown number"). */
export function parseSender(from: string): Sender {
  const trimmed = from.trim();
  const angled = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/s.exec(trimmed);
  const address = angled ? angled[2] : /^[^\s@<>]+@[^\s@<>]+$/.test(trimmed) ? trimmed : null;
  const displayName = (angled ? angled[1] : address ? '' : trimmed).replace(/^["'\s]+|["'\s]+$/g, '');
  const domain = address ? readableHost(address.slice(address.lastIndexOf('@') + 1)) : null;
  return { displayName, address, domain };
}

/** Whether a name reads as the brand's ("Reelhouse Support", "REELHOUSE", "Reelhouse <x@y>"). */
export function claimsBrand(name: string, brand: Brand): boolean {
  const brandSkeleton = skeleton(brand.name.replace(/[^\p{L}\p{N}]/gu, ''));
  return skeleton(name.replace(/[^\p{L}\p{N}]/gu, '')).includes(brandSkeleton);
}

const PHONE_LIKE = /^[+(]?\d[\d\s().-]{5,}\d$/;

/**
 * Whether the one sending (or calling) is not the service: an email from
 * another domain, a Reply-To elsewhere, an official address that failed its
 * authentication, a phone number or a sender id that is not the brand's.
 */
export function oddSenderEvidence(input: ScanInput, brand: Brand): string | null {
  const from = input.from.trim();
  if (input.channel === 'email') {
    const sender = parseSender(from);
    if (!sender.domain) return from ? `sender "${from}" has no address` : 'no sender';
    if (!isOfficialHost(sender.domain, brand)) {
      return claimsBrand(sender.displayName, brand)
        ? `"${sender.displayName}" sends from ${sender.domain}, not an official domain`
        : `sent from ${sender.domain}, not an official domain`;
    }
    const reply = input.replyTo ? parseSender(input.replyTo) : null;
    if (reply?.domain && !isOfficialHost(reply.domain, brand)) return `replies go to ${reply.address}, not an official domain`;
    const failed = Object.entries(input.authentication ?? {}).find(([, result]) => /^(fail|softfail)$/i.test(result ?? ''));
    if (failed) return `claims ${sender.domain} but ${failed[0].toUpperCase()} failed`;
    return null;
  }
  if (!from) return 'no sender';
  if (PHONE_LIKE.test(from)) return `${input.channel === 'sms' ? 'texted' : 'called'} from the number ${from}`;
  // A sender id or a caller who names only the brand (the service's own id, or a call the member asked for in the app).
  const firstWords = from.split(/[\s(:,-]+/).filter(Boolean).slice(0, 2).join('');
  if (claimsBrand(firstWords, brand) && !/\d{4,}/.test(from)) return null;
  return `${input.channel === 'sms' ? 'texted by' : 'a call from'} "${from}", not the service`;
}
