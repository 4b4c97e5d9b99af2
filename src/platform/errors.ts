/**
 * The one error type the application throws on purpose. `code` is a stable
 * string clients may rely on; `message` is safe to show to the user; the
 * internal story (a driver error, a stack) travels in `cause` and is logged,
 * never sent.
 */
export type AppErrorOptions = {
  code: string;
  message: string;
  /** Where the problem is, as a path such as `body.plan`. */
  field?: string;
  /** HTTP status; when omitted it is derived from the code. */
  status?: number;
  cause?: unknown;
};

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATABASE_IN_USE: 503,
  INTERNAL: 500,
};

/**
 * Business refusals ("you can only pause twice a year") are the caller's
 * request being declined, not a malformed one, hence 422 unless the code says
 * otherwise. Module codes such as `CASE_NOT_FOUND` share the generic suffixes.
 */
export function statusForCode(code: string): number {
  const exact = STATUS_BY_CODE[code];
  if (exact !== undefined) return exact;
  const suffix = Object.keys(STATUS_BY_CODE).find((generic) => code.endsWith(`_${generic}`));
  return suffix === undefined ? 422 : (STATUS_BY_CODE[suffix] ?? 422);
}

export class AppError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly status: number;

  constructor(options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = options.code;
    this.status = options.status ?? statusForCode(options.code);
    if (options.field !== undefined) this.field = options.field;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
