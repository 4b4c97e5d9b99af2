import nodemailer from 'nodemailer';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import { insertOutboxMessage } from './outbox.repository.ts';

export { outboxRoutes, type OutboxRoutesOptions } from './outbox.routes.ts';
export { listOutboxMessages, findSentEmailById, findSentEmailByMessageId, findSentEmailsBySubject, type OutboxRecord, type SentEmail } from './outbox.repository.ts';

export type OutgoingMessage = {
  channel: 'email' | 'sms'; to: string; subject?: string; body: string;
  /** Why it is sent, in a few words ("password reset"): told to a member who forwards it to ask whether it is genuine. */
  purpose?: string;
};
/** `messageId` is the Message-ID header the email carried (`<msg_…@domain>`); SMS have none. */
type SentMessage = { id: string; messageId: string | null };
export type Mailer = { send(message: OutgoingMessage): Promise<void> };

/** nodemailer's DKIM options: every email that leaves through SMTP is signed with this key. */
export type DkimOptions = { domainName: string; keySelector: string; privateKey: string };

export type CreateMailerOptions = {
  database: Database;
  /** When set, emails leave through this SMTP server instead of the outbox. */
  smtpUrl?: string;
  from?: string;
  logger?: Logger;
  /** Signs outgoing SMTP mail (`USHER_DKIM_PRIVATE_KEY`); the demo outbox is never signed. */
  dkim?: DkimOptions;
};

const DEFAULT_FROM = 'Reelhouse <no-reply@reelhouse.example>';

/** `karim@example.com` → `k***@example.com`, `+447700900123` → `***0123`: enough to follow a delivery in the logs. */
export function maskRecipient(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  return `***${to.slice(-4)}`;
}

/**
 * Emails and SMS leave through here. Bodies carry reset links and one-time
 * codes, so they are never logged: a log line names the channel, a masked
 * recipient and the subject only. Without SMTP (the demo) every message lands
 * in the outbox table, shown at `/dev/outbox`. There is no SMS provider yet:
 * SMS always go to the outbox and a warning says they were not sent.
 */
/** The domain of the sender's address (`Reelhouse <no-reply@reelhouse.example>` → `reelhouse.example`): Message-IDs are made on it. */
function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? 'localhost';
}

export function createMailer(options: CreateMailerOptions): Mailer {
  const transport = options.smtpUrl === undefined ? null : nodemailer.createTransport(options.smtpUrl);
  const from = options.from ?? DEFAULT_FROM;
  const domain = senderDomain(from);
  const log = options.logger;

  const store = async (message: OutgoingMessage, sent: SentMessage, delivery: 'outbox' | 'smtp'): Promise<void> => {
    await insertOutboxMessage(options.database.db, {
      id: sent.id,
      channel: message.channel,
      recipient: message.to,
      subject: message.subject ?? null,
      // Sent through SMTP: the row only proves we sent it; the links and codes it carried are not kept.
      body: delivery === 'smtp' ? '' : message.body,
      created_at: new Date(),
      message_id: sent.messageId,
      purpose: message.purpose ?? null,
      delivery,
    });
  };

  return {
    async send(message) {
      const shown = { channel: message.channel, to: maskRecipient(message.to), subject: message.subject };
      const id = newId('msg');
      const sent: SentMessage = { id, messageId: message.channel === 'email' ? `<${id}@${domain}>` : null };
      if (message.channel === 'email' && transport) {
        await transport.sendMail({
          from, to: message.to, subject: message.subject ?? '', text: message.body, messageId: sent.messageId ?? undefined,
          ...(options.dkim ? { dkim: options.dkim } : {}),
        });
        await store(message, sent, 'smtp');
        log?.info(shown, 'email sent');
        return;
      }
      await store(message, sent, 'outbox');
      if (message.channel === 'sms' && transport) log?.warn(shown, 'SMS not sent: no SMS provider is configured; kept in the outbox');
      else log?.info(shown, 'message stored in the outbox');
    },
  };
}
