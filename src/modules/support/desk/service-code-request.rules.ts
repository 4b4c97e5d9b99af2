/**
 * The service code asked for in the chat (docs/desk.md, "Verification"):
 * what counts as a code in a member's message, how many tries one request
 * allows, and the line both sides see. Pure.
 */

/** What a code typed into an ordinary message leaves in the stored message. */
export const SERVICE_CODE_SENT = '[service code sent securely]';

/**
 * Tries the member has for one request of the agent. Identity's own limit
 * (wrong codes per address, 15 minutes) still applies on top; this one
 * stops a guesser who changes address, and the agent can ask again.
 */
export const MEMBER_CODE_TRIES = 5;

/**
 * Six digits, as the app shows them ("482913") or as people type them
 * ("482 913", "482-913"), not part of a longer number or a reference (a
 * card, a phone number, an amount, a serial "55ABC123456"): a letter or
 * digit glued to either side, or a digit after one space or dash, rules it
 * out.
 */
const CODE_IN_TEXT = /(?<![\p{L}\p{N}_])(?<!\d[ -])(\d{3})[ -]?(\d{3})(?![\p{L}\p{N}_])(?![ -]\d)/gu;

/** The first code in a member's message and the message with every code-like number replaced; null when it has none. */
export function takeServiceCode(text: string): { code: string; text: string } | null {
  let code: string | null = null;
  const cleaned = text.replace(CODE_IN_TEXT, (_match, first: string, second: string) => {
    code ??= `${first}${second}`;
    return SERVICE_CODE_SENT;
  });
  return code === null ? null : { code, text: cleaned };
}

/** Tries left after `failures` wrong codes since the agent asked. */
export const triesLeft = (failures: number): number => Math.max(0, MEMBER_CODE_TRIES - failures);

/** "14:02 UTC": the stored line's time; each screen shows it again in the viewer's own time from the payload. */
export function utcClock(at: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at)} UTC`;
}

/** The system line both sides see once the code matched. */
export const verifiedLine = (at: Date): string => `Identity verified with the service code at ${utcClock(at)}.`;

/** What the member is told after a wrong code (never the code itself). */
export function wrongCodeLine(left: number): string {
  if (left === 0) return 'That service code did not match, and that was the last try for now. The agent can ask for it again.';
  return `That service code did not match. Check Help › Service code in the app and try again (${left} ${left === 1 ? 'try' : 'tries'} left).`;
}
