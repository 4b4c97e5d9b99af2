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
/** Query parameters that carry a one-time secret (reset and undo links, codes, keys). */
const SECRET_QUERY_PARAMS = new Set(['token', 'code', 'key', 'password', 'secret']);
/** Paths whose last segments are themselves a secret: the invitation link `/invitations/<token>` and its API. */
const SECRET_PATH_SEGMENT = /^(\/(?:api\/)?invitations\/)[^/?#]+/;

/**
 * A request URL as it may be logged: `/reset?token=…` becomes
 * `/reset?token=[Redacted]`, `/invitations/<token>` loses its token.
 * Emailed links put secrets in URLs, and Fastify's request lines carry URLs.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(SECRET_PATH_SEGMENT, '$1[Redacted]');
  if (queryAt === -1) return path;
  const query = url.slice(queryAt + 1).split('&').map((pair) => {
    const equals = pair.indexOf('=');
    const name = decodeURIComponentSafe(equals === -1 ? pair : pair.slice(0, equals)).toLowerCase();
    return SECRET_QUERY_PARAMS.has(name) && equals !== -1 ? `${pair.slice(0, equals)}=[Redacted]` : pair;
  });
  return `${path}?${query.join('&')}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type LoggedRequest = { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } };

/** Fastify's request serializer, with the URL's secrets redacted; headers are never logged. */
function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

function serializeError(error: Error): Record<string, unknown> {
  const { code, ...rest } = pino.stdSerializers.err(error);
  return code === undefined ? rest : { ...rest, errorCode: code };
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: redactedPaths },
      serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    },
    options.destination,
  );
}
