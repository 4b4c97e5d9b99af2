import type { SentEmail } from '../../../platform/mail/outbox.ts';
import type { Brand, Signal } from '../scan/index.ts';

/** How the service's own record of sent mail is asked (the platform outbox, passed in). */
export type SentMailLookup = {
  byId(id: string): Promise<SentEmail | null>;
  byMessageId(messageId: string): Promise<SentEmail | null>;
  bySubject(match: { recipient: string; subject: string; from: Date; to: Date }): Promise<SentEmail[]>;
};

/** What is known of the reported message to find it among ours. */
export type GenuineCandidate = {
  messageId?: string | null | undefined;
  from: string;
  subject?: string | null | undefined;
  body: string;
  /** When the member's mail client says it arrived (a forward's "Date:"/"Sent:" line). */
  date?: string | null | undefined;
  /** Who received it: the reporter's address, the signed-in member's. */
  recipients: string[];
  signals: Signal[];
  /** Hosts our own emails link to besides the brand's domains (`USHER_PUBLIC_URL`'s, `localhost:3000` in the demo). */
  ownHosts?: string[];
};

export type GenuineMatch = { sent: SentEmail; by: 'message_id' | 'subject_recipient_time' };

/** A forward's date and our send time differ by the client's rounding and the relay's delay. */
export const SEND_TIME_WINDOW_MS = 10 * 60 * 1000;

/** Signs that no genuine email of ours ever shows: with any of them, a matching subject is a copy, not ours. */
const NEVER_OURS: ReadonlySet<string> = new Set(['off_domain_link', 'lookalike_domain', 'asks_card', 'asks_password', 'asks_code', 'gift_card_or_crypto_or_wire', 'remote_access_software', 'prize_claim', 'odd_sender']);

const MESSAGE_ID_LINE = /^[>\s]*message-id\s*:\s*(<[^<>\s]+@[^<>\s]+>)/gim;

function domainOfMessageId(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').split('@').pop()?.toLowerCase() ?? '';
}

function isOurDomain(domain: string, brand: Brand): boolean {
  return brand.domains.some((official) => domain === official || domain.endsWith(`.${official}`));
}

function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from.trim())?.[1]?.toLowerCase() ?? '';
}

/** `Fwd: Re: WG: Your code` → `Your code`: the prefixes mail clients add when forwarding. */
export function originalSubject(subject: string): string {
  let out = subject.trim();
  for (;;) {
    const next = out.replace(/^(?:fwd?|fw|wg|rv|tr|enc|re|aw|sv|vs|i)\s*:\s*/i, '').trim();
    if (next === out) return out;
    out = next;
  }
}

/**
 * Whether the reported message is an email we sent. First by Message-ID: the
 * forwarded message's own header (an attached .eml) or a "Message-ID:" line
 * left in the forwarded text; ours are random (`<msg_…@our domain>`), so a
 * copy cannot guess one. Failing that, only when the Message-ID was lost: the
 * same subject sent to the same person within ten minutes of the forward's
 * date, from one of our domains, and with none of the signs a genuine email
 * of ours never carries (a link off our domains, a request for a card,
 * password or code…), so a phish that copies our subject is never called ours.
 */
export async function findGenuineMail(lookup: SentMailLookup, brand: Brand, candidate: GenuineCandidate): Promise<GenuineMatch | null> {
  const ids = new Set<string>();
  if (candidate.messageId) ids.add(candidate.messageId.trim().startsWith('<') ? candidate.messageId.trim() : `<${candidate.messageId.trim()}>`);
  for (const match of candidate.body.matchAll(MESSAGE_ID_LINE)) ids.add(match[1] as string);
  for (const id of ids) {
    if (!isOurDomain(domainOfMessageId(id), brand)) continue;
    const sent = await lookup.byMessageId(id);
    if (sent) return { sent, by: 'message_id' };
  }
  if (!candidate.subject || !candidate.date || candidate.recipients.length === 0) return null;
  if (!isOurDomain(senderDomain(candidate.from), brand)) return null;
  const ownLink = (signal: Signal) => signal.code === 'off_domain_link' && (candidate.ownHosts ?? []).some((host) => signal.evidence.toLowerCase().includes(`//${host.toLowerCase()}/`));
  if (candidate.signals.some((signal) => NEVER_OURS.has(signal.code) && !ownLink(signal))) return null;
  // Gmail writes "Tue, Mar 10, 2026 at 3:00 PM": without "at" Date reads it.
  const at = new Date(candidate.date.replace(/\s+at\s+/i, " "));
  if (Number.isNaN(at.getTime())) return null;
  const subject = originalSubject(candidate.subject);
  for (const recipient of candidate.recipients) {
    const found = await lookup.bySubject({ recipient, subject, from: new Date(at.getTime() - SEND_TIME_WINDOW_MS), to: new Date(at.getTime() + SEND_TIME_WINDOW_MS) });
    if (found[0]) return { sent: found[0], by: 'subject_recipient_time' };
  }
  return null;
}
