import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { findInlineForward, FORWARD_MARKER } from './forwarded.ts';
import { htmlToText } from './html-text.ts';
import { linksInHtml } from './links.ts';
import type { ScanInput } from './scan.types.ts';

/** A reported email bigger than this is refused rather than parsed. */
export const MAX_EMAIL_BYTES = 2 * 1024 * 1024;
/** Forwards inside forwards are followed this deep. */
const MAX_NESTING = 3;

/** At least one of these makes a file an email rather than any text. */
const MESSAGE_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'content-type', 'delivered-to'];

/** The raw email cannot be read (too big, empty, not a message): bad input, not a failure of ours. */
export class EmailInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailInputError';
  }
}

export type AttachmentMeta = { filename: string | null; contentType: string; size: number };

export type ParsedEmail = ScanInput & {
  messageId?: string;
  date?: string;
  headers: Record<string, string>;
  attachments: AttachmentMeta[];
  /** The suspicious message a member forwarded (inline or as an attached .eml): the one to analyse. */
  forwarded?: ParsedEmail;
  /** The attached message's own bytes (top level only), for checks that need its untouched headers (SPF/DKIM/DMARC). */
  attachedRaw?: Buffer;
};

function addressLine(field: AddressObject | AddressObject[] | undefined): string {
  const first = (Array.isArray(field) ? field[0] : field)?.value[0];
  if (!first) return '';
  if (first.address && first.name) return `${first.name} <${first.address}>`;
  return first.address || first.name || '';
}

function headerMap(mail: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    if (!/^[!-9;-~]+$/.test(key)) continue;
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}\n${value}`;
  }
  return headers;
}

/** spf=, dkim= and dmarc= results the receiving server wrote, when it did. */
function authenticationOf(headers: Record<string, string>): ScanInput['authentication'] {
  const results = headers['authentication-results'];
  if (!results) return null;
  const pick = (method: string) => new RegExp(`\\b${method}=([a-z]+)`, 'i').exec(results)?.[1]?.toLowerCase();
  const found = { spf: pick('spf'), dkim: pick('dkim'), dmarc: pick('dmarc') };
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
}

function isAttachedMessage(attachment: ParsedMail['attachments'][number]): boolean {
  return attachment.contentType === 'message/rfc822' || /\.eml$/i.test(attachment.filename ?? '');
}

async function parseAt(raw: Buffer | string, depth: number): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const headers = headerMap(mail);
  const html = typeof mail.html === 'string' ? mail.html : null;
  // The text part when there is one; else the HTML's words, read without rendering.
  const body = mail.text?.trim() ? mail.text : html ? htmlToText(html) : '';
  const parsed: ParsedEmail = {
    channel: 'email',
    from: addressLine(mail.from),
    subject: mail.subject ?? null,
    body,
    html,
    replyTo: addressLine(mail.replyTo) || null,
    links: html ? linksInHtml(html) : [],
    authentication: authenticationOf(headers),
    headers,
    attachments: mail.attachments.map((attachment) => ({ filename: attachment.filename ?? null, contentType: attachment.contentType, size: attachment.size })),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date.toISOString() } : {}),
  };
  if (depth >= MAX_NESTING) return parsed;
  const attached = mail.attachments.find(isAttachedMessage);
  if (attached) {
    const inner = await parseAt(attached.content, depth + 1);
    parsed.forwarded = inner.forwarded ?? inner;
    if (depth === 0) parsed.attachedRaw = attached.content;
    return parsed;
  }
  const inline = findInlineForward(body);
  if (inline) {
    parsed.forwarded = {
      channel: 'email',
      from: inline.from,
      subject: inline.subject,
      body: inline.body,
      html: null,
      replyTo: inline.replyTo,
      links: html ? linksInHtml(html, { after: FORWARD_MARKER }) : [],
      authentication: null,
      headers: {},
      attachments: [],
      ...(inline.date ? { date: inline.date } : {}),
    };
  }
  return parsed;
}

/**
 * Reads a raw email (any charset and transfer encoding) into what the scan
 * needs: sender, Reply-To, subject, text, HTML links with their visible
 * text, authentication results, attachments' names and sizes; and, when the
 * mail is a member's forward, the forwarded message itself.
 */
export async function parseEmail(raw: Buffer | string): Promise<ParsedEmail> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size === 0) throw new EmailInputError('the email is empty');
  if (size > MAX_EMAIL_BYTES) throw new EmailInputError(`the email is larger than ${MAX_EMAIL_BYTES / 1024 / 1024} MB`);
  const parsed = await parseAt(raw, 0);
  if (!MESSAGE_HEADERS.some((name) => parsed.headers[name] !== undefined)) throw new EmailInputError('no email headers found: expected a raw email (.eml) with From, Subject and a body');
  return parsed;
}

/** The message to judge: the forwarded one when a member forwarded it, else the email itself. */
export function messageToScan(parsed: ParsedEmail): ScanInput {
  return parsed.forwarded ? messageToScan(parsed.forwarded) : parsed;
}
