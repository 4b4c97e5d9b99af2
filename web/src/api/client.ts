/** The one place that talks HTTP to the Usher server (docs/api/members.md). */

export type ApiErrorBody = { code: string; message: string; field?: string; retry_after_seconds?: number };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.code === 'VALIDATION_FAILED' && body.field ? body.message.replace(`${body.field}: `, '') : body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    // Schema errors name the request path (`body.card.number`); forms name fields without `body.`.
    this.field = body.field?.replace(/^body\./, '');
    this.retryAfterSeconds = body.retry_after_seconds;
  }
}

let csrfToken: string | null = null;

/** Set from `GET /api/session`; sent as `x-csrf-token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfFromCookie(): string | null {
  const match = /(?:^|;\s*)usher_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : null;
}

type RequestOptions = { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

const unauthenticatedListeners = new Set<() => void>();

/** Called when a member route answers 401, so the shell can forget the member. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    // The cookie is the source of truth (double-submit); the session answer covers the first request.
    const token = csrfFromCookie() ?? csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'NETWORK', message: 'We could not reach Reelhouse. Check your connection and try again.' });
  }
  if (response.status === 204 || response.status === 202 && response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const body = (data as { error?: ApiErrorBody } | undefined)?.error;
    if (response.status === 401 && path !== '/api/sign-in') for (const listener of unauthenticatedListeners) listener();
    throw new ApiError(response.status, body ?? { code: `HTTP_${response.status}`, message: 'Something went wrong on our side. Please try again in a moment.' });
  }
  return data as T;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers on plain http: still unique enough for one member's retries.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
