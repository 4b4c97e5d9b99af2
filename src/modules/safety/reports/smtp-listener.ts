import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { AppError } from '../../../platform/errors.ts';
import { EmailInputError, MAX_EMAIL_BYTES } from '../scan/index.ts';
import { takeReportedMail, type MailIntakeDeps } from './mail-intake.ts';

export type ReportListenerOptions = MailIntakeDeps & {
  /** The only recipient taken (`USHER_REPORT_ADDRESS`); anything else is refused with 550. */
  address: string;
  host: string;
  /** 0 binds a free port (tests): `port` on the result says which. */
  port: number;
  /** Clients allowed to connect (the organisation's mail relay); empty: anyone who reaches the port. */
  allowedIps: string[];
  /** Largest mail taken, in bytes; the parser's own limit by default. */
  maxBytes?: number;
};

export type ReportListener = { port: number; close(): Promise<void> };

/** An SMTP refusal with its reply code (smtp-server reads `responseCode`). */
function refusal(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** `::ffff:10.0.0.5` (IPv4 on a dual-stack socket) is `10.0.0.5`. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:/i, '').toLowerCase();
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The reporting address's SMTP port. No sign-in (a relay or a member's mail
 * client delivers here directly in the demo); no TLS, so in production it
 * listens on 127.0.0.1 or a private network behind the organisation's mail
 * relay, which does TLS, spam filtering and forwards to this port
 * (docs/safety.md). Each accepted mail is stored as a report before the
 * final 250, so a mail that was acknowledged is never lost.
 */
export async function startReportListener(options: ReportListenerOptions): Promise<ReportListener> {
  const address = options.address.toLowerCase();
  const allowed = new Set(options.allowedIps.map(plainAddress));
  const maxBytes = options.maxBytes ?? MAX_EMAIL_BYTES;
  const server = new SMTPServer({
    name: address.split('@')[1] ?? 'localhost',
    banner: 'Forward suspicious messages here',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 50,
    onConnect(session, callback) {
      if (allowed.size > 0 && !allowed.has(plainAddress(session.remoteAddress))) return callback(refusal(554, 'This address only takes mail from the mail relay'));
      return callback();
    },
    onRcptTo(recipient, _session, callback) {
      if (recipient.address.toLowerCase() !== address) return callback(refusal(550, `No such mailbox here: only ${address} takes reports`));
      return callback();
    },
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readAll(stream);
        if (stream.sizeExceeded) return callback(refusal(552, `Message too large: the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`));
        const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address || null;
        try {
          const { report } = await takeReportedMail(options, { raw, envelopeFrom, reportAddress: address });
          return callback(null, `Report ${report.reference} received`);
        } catch (error) {
          if (error instanceof EmailInputError) return callback(refusal(554, `Not a readable email: ${error.message}`));
          options.logger.error({ err: error }, 'a reported mail could not be stored');
          return callback(refusal(451, 'Temporary failure, please try again later'));
        }
      })();
    },
  });
  server.on('error', (error) => options.logger.warn({ err: error }, 'reporting address: SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new AppError({
      code: 'SMTP_LISTEN_FAILED', status: 500, cause: error,
      message: `The reporting address cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}): set USHER_SMTP_PORT to a free port, or to off.`,
    }));
    server.server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.server.off('error', failed);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
