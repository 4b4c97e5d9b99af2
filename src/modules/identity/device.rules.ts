import { createHash } from 'node:crypto';
import type { DeviceType } from './identity.tables.ts';

/**
 * Where a sign-in came from. There is no geolocation database in the demo,
 * so a public address maps to a fake but stable city (the same address
 * always gives the same place); local addresses say so.
 */
export type ApproximateLocation = { label: string; country: string | null };

const CITIES: readonly ApproximateLocation[] = [
  { label: 'Seattle, United States', country: 'US' },
  { label: 'Austin, United States', country: 'US' },
  { label: 'Toronto, Canada', country: 'CA' },
  { label: 'Montréal, Canada', country: 'CA' },
  { label: 'Glasgow, United Kingdom', country: 'GB' },
  { label: 'Leeds, United Kingdom', country: 'GB' },
  { label: 'Berlin, Germany', country: 'DE' },
  { label: 'Hamburg, Germany', country: 'DE' },
  { label: 'Osaka, Japan', country: 'JP' },
  { label: 'São Paulo, Brazil', country: 'BR' },
  { label: 'Lisbon, Portugal', country: 'PT' },
  { label: 'Lagos, Nigeria', country: 'NG' },
];

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip === 'localhost' || ip.startsWith('::ffff:127.');
}

function isPrivate(ip: string): boolean {
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^10\./.test(v4) || /^192\.168\./.test(v4)) return true;
  const match = /^172\.(\d+)\./.exec(v4);
  if (match && Number(match[1]) >= 16 && Number(match[1]) <= 31) return true;
  return /^f[cd]/i.test(ip) || /^fe80:/i.test(ip);
}

export function approximateLocation(ip: string | undefined): ApproximateLocation {
  if (!ip) return { label: 'Unknown location', country: null };
  if (isLoopback(ip)) return { label: 'This computer (local network)', country: null };
  if (isPrivate(ip)) return { label: 'Local network', country: null };
  const digest = createHash('sha256').update(ip).digest();
  return CITIES[digest.readUInt32BE(0) % CITIES.length] ?? { label: 'Unknown location', country: null };
}

/**
 * An address as the member's review shows it: enough to recognise one's own
 * network or an unknown one, not the exact address of whoever it was
 * (IPv4 without its last part, IPv6 to its /48).
 */
export function coarseAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (ip === '::1') return ip;
  const v4 = ip.replace(/^::ffff:/i, '');
  const parts = v4.split('.');
  if (parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part))) return `${parts.slice(0, 3).join('.')}.x`;
  if (ip.includes(':')) {
    const [head = ''] = ip.split('::');
    const groups = head.split(':').filter((group) => group !== '').slice(0, 3);
    return `${groups.join(':') || '0'}::/48`;
  }
  return 'unknown';
}

/** The country of a location label this module wrote ('Lagos, Nigeria' → 'NG'); null for local or unknown places. */
export function countryOfLocation(label: string | null): string | null {
  if (label === null) return null;
  return CITIES.find((city) => city.label === label)?.country ?? null;
}

/** A device signing in from another country than the account's is worth a look; local ones never are. */
export function isUnfamiliarLocation(accountCountry: string, location: ApproximateLocation): boolean {
  return location.country !== null && location.country !== accountCountry;
}

/** A readable name and type from the browser's user agent, for devices that do not name themselves. */
export function describeUserAgent(userAgent: string | undefined): { type: DeviceType; name: string } {
  const ua = userAgent ?? '';
  const type: DeviceType = /smart-?tv|tizen|webos|roku|appletv|bravia/i.test(ua)
    ? 'tv'
    : /playstation|xbox|nintendo/i.test(ua)
      ? 'console'
      : /ipad|tablet/i.test(ua)
        ? 'tablet'
        : /iphone|android.*mobile|mobile/i.test(ua)
          ? 'phone'
          : 'computer';
  const browser = /edg\//i.test(ua) ? 'Edge' : /firefox\//i.test(ua) ? 'Firefox' : /chrome\//i.test(ua) ? 'Chrome' : /safari\//i.test(ua) ? 'Safari' : null;
  const system = /windows/i.test(ua) ? 'Windows' : /iphone|ipad/i.test(ua) ? 'iOS' : /mac os/i.test(ua) ? 'macOS' : /android/i.test(ua) ? 'Android' : /linux/i.test(ua) ? 'Linux' : null;
  const name = browser && system ? `${browser} on ${system}` : (browser ?? system ?? 'Web browser');
  return { type, name };
}
