import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Text no part of Usher can store or show: a NUL character (PostgreSQL text
 * cannot hold one, so the query failed with a 500) and a lone UTF-16
 * surrogate (half of a character: not valid Unicode, so not encodable as
 * UTF-8 for the database, a mail or a page).
 */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type BadTextKind = 'nul' | 'surrogate';

export function badTextIn(text: string): BadTextKind | null {
  const match = BAD_TEXT.exec(text);
  if (match === null) return null;
  return match[0] === '\u0000' ? 'nul' : 'surrogate';
}

/**
 * Where bad text hides in a parsed request part (keys included), as a field
 * path such as `body.client_id`; null when there is none. Walked with a
 * stack, not recursion: a deeply nested body cannot overflow it.
 */
export function badTextAt(value: unknown, path: string): { at: string; kind: BadTextKind } | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      const kind = badTextIn(current);
      if (kind !== null) return { at, kind };
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${at}.${index}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const kind = badTextIn(key);
        if (kind !== null) return { at, kind };
        stack.push([item, `${at}.${key}`]);
      }
    }
  }
  return null;
}

const REASONS: Record<BadTextKind, string> = {
  nul: 'must not contain a NUL character',
  surrogate: 'must be valid Unicode text (it holds half of a character)',
};

/**
 * Refuses a request whose path, query string or body holds bad text, with
 * 400 naming the field, before any route reads it: registered once for every
 * route (the server's `preValidation` hook), so no handler meets it.
 */
export async function refuseBadText(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
    const found = badTextAt(value, part);
    if (found !== null) {
      throw new AppError({ code: 'VALIDATION_FAILED', message: `${found.at}: ${REASONS[found.kind]}`, field: found.at, status: 400 });
    }
  }
}
