import type { RateLimiter, RateLimitPolicy } from '../../../platform/http/rate-limit.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { FORWARD_MARKER, isOfficialHost, messageToScan, parseEmail, type ParsedEmail, type ScanInput } from '../scan/index.ts';
import { checkMailAuthentication, type DNSResolver } from './mail-authentication.ts';
import { answerAsText, answerFor } from './report-answer.ts';
import type { AuthenticationResults } from './reports.repository.ts';
import { reportSuspiciousMessage, type ReportOutcome, type ReportsContext } from './reports.service.ts';

export type MailIntakeDeps = {
  ctx: ReportsContext;
  mailer: Mailer;
  logger: Logger;
  /** Base of the links in the reply (`/account/security`…). */
  publicUrl: string;
  resolver?: DNSResolver;
  /** Counts the answers sent per address: a forged sender cannot turn the reporting address into a mail cannon. */
  limiter?: RateLimiter;
};

/** Answers per reporter address; past it the report is still stored, only not answered. */
export const ANSWER_RATE_LIMIT: RateLimitPolicy = { scope: 'safety.report_answer', limit: 10, windowSeconds: 3600 };
/**
 * Answers in all per hour: the From of a forward is not authenticated, so
 * without a total cap many forged senders could still make us mail many
 * strangers. Past it reports are stored and not answered.
 */
export const ANSWER_TOTAL_RATE_LIMIT: RateLimitPolicy = { scope: 'safety.report_answer_total', limit: 500, windowSeconds: 3600 };

/** One email that reached the reporting address, with its SMTP envelope. */
export type ReceivedMail = { raw: Buffer; envelopeFrom: string | null; reportAddress: string };

const ADDRESS = /<?([^<>\s]+@[^<>\s]+?)>?\s*$/;

function addressOf(line: string | null | undefined): string | null {
  const match = line ? ADDRESS.exec(line.trim()) : null;
  return match ? match[1].toLowerCase() : null;
}

/** The member's own words above an inline forward ("is this real?"), or the body of a mail that carries the message as an attachment. */
function noteOf(parsed: ParsedEmail, attached: boolean): string | null {
  if (!parsed.forwarded) return null;
  if (attached) return parsed.body.trim() || null;
  const marker = FORWARD_MARKER.exec(parsed.body);
  return marker ? parsed.body.slice(0, marker.index).trim() || null : null;
}

/**
 * Our own check first; where it could not decide (`unknown`: no DNS), what
 * the member's receiving server wrote in Authentication-Results, which it
 * checked when the mail arrived.
 */
function withReceiverResults(checked: AuthenticationResults, written: ScanInput['authentication']): AuthenticationResults {
  const pick = (ours: string, theirs: string | undefined) => (ours === 'unknown' && theirs ? theirs : ours);
  return { spf: pick(checked.spf, written?.spf), dkim: pick(checked.dkim, written?.dkim), dmarc: pick(checked.dmarc, written?.dmarc) };
}

/** Never answer ourselves, the reporting address, a bounce or an automatic reply: no mail loops. */
function mayAnswer(to: string | null, parsed: ParsedEmail, ctx: ReportsContext, reportAddress: string): to is string {
  if (!to || to === reportAddress.toLowerCase()) return false;
  if (isOfficialHost(to.split('@').pop() ?? '', ctx.brand)) return false;
  const autoSubmitted = parsed.headers['auto-submitted']?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return false;
  return !/^(mailer-daemon|postmaster|no-?reply)@/i.test(to);
}

/**
 * A mail to the reporting address: parsed (a member's forward, inline or
 * attached, is the message judged), checked for SPF/DKIM/DMARC where its
 * headers survived, analysed and stored; the member is answered by email with
 * what the paste form shows. Attachments are read as data only: never opened,
 * run or rendered.
 *
 * Who is answered: the forward's From (the member). A mail that forwards
 * nothing (a relay that redirects the message as it came) is judged itself,
 * and its From may be the scammer, so the answer goes to the envelope sender.
 */
export async function takeReportedMail(deps: MailIntakeDeps, mail: ReceivedMail): Promise<ReportOutcome> {
  const parsed = await parseEmail(mail.raw);
  const judged = messageToScan(parsed);
  const attachedRaw = parsed.forwarded ? parsed.attachedRaw ?? null : null;
  const headersSurvived = attachedRaw ?? (parsed.forwarded ? null : mail.raw);
  const checked = headersSurvived ? await checkMailAuthentication(headersSurvived, deps.resolver ? { resolver: deps.resolver } : {}) : null;
  const authentication = checked ? withReceiverResults(checked, judged.authentication) : null;
  const reporter = parsed.forwarded ? addressOf(parsed.from) ?? addressOf(mail.envelopeFrom) : addressOf(mail.envelopeFrom);
  const forwarded = parsed.forwarded;
  const outcome = await reportSuspiciousMessage(deps.ctx, {
    source: 'smtp',
    channel: 'email',
    from: judged.from,
    subject: judged.subject ?? null,
    body: judged.body,
    html: judged.html ?? null,
    replyTo: judged.replyTo ?? null,
    ...(judged.links ? { links: judged.links } : {}),
    messageId: forwarded ? forwarded.messageId ?? null : parsed.messageId ?? null,
    date: forwarded ? forwarded.date ?? null : parsed.date ?? null,
    // A Message-ID line a client left in the forwarded text (a "show original" paste) is looked for in the whole mail.
    searchText: parsed.body,
    authentication,
    reporterAccountId: null,
    reporterEmail: reporter,
    recipients: [addressOf(forwarded?.headers.to), addressOf(parsed.headers.from)].filter((address): address is string => address !== null),
    note: noteOf(parsed, attachedRaw !== null),
    enteredDetails: false,
  });
  const allowed = mayAnswer(reporter, parsed, deps.ctx, mail.reportAddress)
    && (!deps.limiter || ((await deps.limiter.take(ANSWER_RATE_LIMIT, reporter)).allowed && (await deps.limiter.take(ANSWER_TOTAL_RATE_LIMIT, 'all')).allowed));
  if (allowed && reporter) {
    const service = deps.ctx.brand.name;
    const answer = answerFor(outcome.report, {
      service,
      signedIn: false,
      genuine: outcome.genuine ? { sentAt: outcome.genuine.sent.sentAt, purpose: outcome.genuine.sent.purpose, subject: outcome.genuine.sent.subject } : null,
    });
    await deps.mailer.send({
      channel: 'email',
      to: reporter,
      subject: `Your report ${answer.reference}: ${answer.headline}`,
      body: answerAsText(answer, service, deps.publicUrl),
      purpose: 'the answer to a suspicious message you reported',
    });
  } else {
    deps.logger.info({ reference: outcome.report.reference }, 'report stored without an answer: no address to answer safely, or too many answers to it');
  }
  return outcome;
}
