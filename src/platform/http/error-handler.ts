import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type ErrorBody = { error: { code: string; message: string; field?: string } };

type Resolved = { status: number; body: ErrorBody; unexpected: boolean };

function body(code: string, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field === undefined ? {} : { field }) } };
}

/** `body` + `/plan/0` becomes `body.plan.0`, the shape clients already use for form fields. */
function fieldOf(error: FastifyError): string {
  const context = error.validationContext ?? 'body';
  const pointer = error.validation?.[0]?.instancePath ?? '';
  const segments = pointer.split('/').filter((segment) => segment !== '');
  return [context, ...segments].join('.');
}

const FRAMEWORK_CODES: Record<number, string> = {
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function resolve(error: FastifyError, request: FastifyRequest): Resolved {
  if (error instanceof AppError) {
    if (error.status < 500) return { status: error.status, body: body(error.code, error.message, error.field), unexpected: false };
    return { status: error.status, body: body(error.code, error.message), unexpected: true };
  }
  if (error.validation && error.validation.length > 0) {
    const field = fieldOf(error);
    const reason = error.validation[0]?.message ?? 'is invalid';
    return { status: 400, body: body('VALIDATION_FAILED', `${field}: ${reason}`, field), unexpected: false };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, body: body('INVALID_JSON', 'The request body is not valid JSON.'), unexpected: false };
  }
  // Fastify's own 4xx refusals (oversized body, unknown content type) carry safe messages.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500 && error.code?.startsWith('FST_')) {
    return { status, body: body(FRAMEWORK_CODES[status] ?? 'BAD_REQUEST', error.message), unexpected: false };
  }
  const message = `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${request.id}.`;
  return { status: 500, body: body('INTERNAL', message), unexpected: true };
}

/** The one place errors become HTTP answers: `{ "error": { code, message, field? } }`, never a stack. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const resolved = resolve(error, request);
  if (resolved.unexpected) request.log.error({ err: error }, 'request failed');
  else request.log.info({ errorCode: resolved.body.error.code, field: resolved.body.error.field }, 'request refused');
  return reply.status(resolved.status).send(resolved.body);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0];
  return reply.status(404).send(body('NOT_FOUND', `There is nothing at ${request.method} ${path}.`));
}
