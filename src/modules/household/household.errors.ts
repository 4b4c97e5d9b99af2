import { AppError } from '../../platform/errors.ts';

/** Another account's device, invitation or member is answered exactly like an unknown one. */
export function notFound(what: string): AppError {
  return new AppError({ code: 'NOT_FOUND', message: `No such ${what}.`, status: 404 });
}

export function householdError(code: string, message: string, options: { status?: number; field?: string } = {}): AppError {
  return new AppError({ code, message, ...options });
}
