import nodemailer from 'nodemailer';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import { insertOutboxMessage } from './outbox.repository.ts';

export { outboxRoutes, type OutboxRoutesOptions } from './outbox.routes.ts';
export { listOutboxMessages, type OutboxRecord } from './outbox.repository.ts';

export type OutgoingMessage = { channel: 'email' | 'sms'; to: string; subject?: string; body: string };
export type Mailer = { send(message: OutgoingMessage): Promise<void> };

export type CreateMailerOptions = {
  database: Database;
  /** When set, emails leave through this SMTP server instead of the outbox. */
  smtpUrl?: string;
  from?: string;
  logger?: Logger;
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
export function createMailer(options: CreateMailerOptions): Mailer {
  const transport = options.smtpUrl === undefined ? null : nodemailer.createTransport(options.smtpUrl);
  const from = options.from ?? DEFAULT_FROM;
  const log = options.logger;

  const store = async (message: OutgoingMessage): Promise<void> => {
    await insertOutboxMessage(options.database.db, {
      id: newId('msg'),
      channel: message.channel,
      recipient: message.to,
      subject: message.subject ?? null,
      body: message.body,
      created_at: new Date(),
    });
  };

  return {
    async send(message) {
      const shown = { channel: message.channel, to: maskRecipient(message.to), subject: message.subject };
      if (message.channel === 'email' && transport) {
        await transport.sendMail({ from, to: message.to, subject: message.subject ?? '', text: message.body });
        log?.info(shown, 'email sent');
        return;
      }
      await store(message);
      if (message.channel === 'sms' && transport) log?.warn(shown, 'SMS not sent: no SMS provider is configured; kept in the outbox');
      else log?.info(shown, 'message stored in the outbox');
    },
  };
}
