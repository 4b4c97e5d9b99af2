import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Secrets a member types (passwords, card numbers, one-time codes) must not
 * reach log storage. Wildcards cover request bodies and nested objects.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'card_number', 'code'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * An error's `code` (`BILLING_PAUSE_LIMIT`, `ECONNREFUSED`) is what operators
 * search logs for, yet every `code` field is censored; serialised errors carry
 * it as `errorCode` instead.
 */
function serializeError(error: Error): Record<string, unknown> {
  const { code, ...rest } = pino.stdSerializers.err(error);
  return code === undefined ? rest : { ...rest, errorCode: code };
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: redactedPaths },
      serializers: { err: serializeError, error: serializeError },
    },
    options.destination,
  );
}
