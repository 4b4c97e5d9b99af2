import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { AppError } from '../../../platform/errors.ts';
import type { RateLimitPolicy } from '../../../platform/http/rate-limit.ts';
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

/**
 * The message's bytes, kept only up to `maxBytes`: smtp-server goes on
 * passing data past its size limit (it only marks `sizeExceeded`), and
 * keeping it all would let one client fill the server's memory. The stream is
 * still read to its end so the client gets its 552.
 */
async function readUpTo(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}

/**
 * Reports per connecting address when the port is not behind an allow-listed
 * relay (a relay is one address for everyone, and is trusted to filter).
 */
export const SMTP_CLIENT_RATE_LIMIT: RateLimitPolicy = { scope: 'safety.smtp_client', limit: 30, windowSeconds: 600 };

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
    // Explicit, so a slow or silent client is dropped: a minute of silence, 30 s to finish on close.
    socketTimeout: 60_000,
    closeTimeout: 30_000,
    onConnect(session, callback) {
      if (allowed.size > 0 && !allowed.has(plainAddress(session.remoteAddress))) return callback(refusal(554, 'This address only takes mail from the mail relay'));
      return callback();
    },
    onRcptTo(recipient, _session, callback) {
      if (recipient.address.toLowerCase() !== address) return callback(refusal(550, `No such mailbox here: only ${address} takes reports`));
      return callback();
    },
    onData(stream, session, callback) {
      // Everything inside the try: a client that drops the connection mid-message ends the stream with an
      // error, and an unhandled rejection here would end the whole process.
      void (async () => {
        try {
          const raw = await readUpTo(stream, maxBytes);
          if (raw === null || stream.sizeExceeded) return callback(refusal(552, `Message too large: the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`));
          if (allowed.size === 0 && options.limiter && !(await options.limiter.take(SMTP_CLIENT_RATE_LIMIT, plainAddress(session.remoteAddress))).allowed) {
            return callback(refusal(451, 'Too many reports from this address: please try again later'));
          }
          const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address || null;
          const { report } = await takeReportedMail(options, { raw, envelopeFrom, reportAddress: address });
          return callback(null, `Report ${report.reference} received`);
        } catch (error) {
          if (error instanceof EmailInputError) return callback(refusal(554, `Not a readable email: ${error.message}`));
          options.logger.warn({ err: error }, 'a reported mail was not stored (connection lost or storage failed)');
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
