import { authenticate, type DNSResolver } from 'mailauth';
import type { AuthenticationResults } from './reports.repository.ts';

export type { DNSResolver };

/** A check that cannot finish (no DNS, a temporary error, no headers to judge) is `unknown`, never a pass or a fail. */
const UNKNOWN = 'unknown';
const DEFAULT_TIMEOUT_MS = 4000;

function word(result: string | undefined): string {
  if (!result || result === 'temperror') return UNKNOWN;
  return result;
}

/**
 * SPF, DKIM and DMARC of a reported email whose headers survived (a message
 * attached as .eml), with mailauth. The sending server's address comes from
 * its Received headers (`trustReceived`): the reporter's own server is not
 * the one being judged. DNS goes through `resolver` (a stub in tests); a
 * lookup that fails or takes longer than `timeoutMs` makes that check
 * `unknown`, so the report is stored all the same.
 */
export async function checkMailAuthentication(
  raw: Buffer | string,
  options: { resolver?: DNSResolver; timeoutMs?: number } = {},
): Promise<AuthenticationResults> {
  const unknown: AuthenticationResults = { spf: UNKNOWN, dkim: UNKNOWN, dmarc: UNKNOWN };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([
      authenticate(raw, { trustReceived: true, disableArc: true, disableBimi: true, ...(options.resolver ? { resolver: options.resolver } : {}) }),
      timeout,
    ]);
    if (result === null) return unknown;
    const dkim = result.dkim.results.length === 0 ? 'none' : result.dkim.results.some((entry) => entry.status.result === 'pass') ? 'pass' : word(result.dkim.results[0]?.status.result);
    return {
      spf: result.spf ? word(result.spf.status.result) : UNKNOWN,
      dkim,
      dmarc: result.dmarc ? word(result.dmarc.status.result) : UNKNOWN,
    };
  } catch {
    return unknown;
  } finally {
    clearTimeout(timer);
  }
}
