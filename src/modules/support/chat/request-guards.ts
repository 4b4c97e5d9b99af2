import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';

/** The largest seq PostgreSQL's `integer` holds: a larger one in a query fails it. */
export const MAX_SEQ = 2_147_483_647;

/**
 * Where a NUL character hides in a parsed request part (keys included), as a
 * field path such as `body.client_id`; null when there is none. Walked with
 * a stack, not recursion: a deeply nested body cannot overflow it.
 */
export function nulCharacterAt(value: unknown, path: string): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return at;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${at}.${index}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return at;
        stack.push([item, `${at}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold a NUL character, so one in an id or a message
 * failed the query with a 500. It is refused as bad input before anything
 * reads the request (a `preValidation` hook of the chat's and the desk's routes).
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
    const at = nulCharacterAt(value, part);
    if (at !== null) throw new AppError({ code: 'VALIDATION_FAILED', message: `${at}: must not contain a NUL character`, field: at, status: 400 });
  }
}
