import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';

export type Loaded<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void; setData: (data: T) => void };

/** Loads once on mount (and on `reload`), ignoring answers that arrive after unmount. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (!live) return;
        setError(toApiError(cause));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}

export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, { code: 'UNEXPECTED', message: 'Something went wrong. Please try again.' });
}

export type Action<A extends unknown[]> = {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: ApiError | null;
  /** The message for one field, shown next to it. */
  fieldError: (name: string) => string | undefined;
  /** The error that belongs to no known field: shown in the form's alert region. */
  formError: ApiError | null;
  clear: () => void;
};

/**
 * Runs one server call at a time for a form or a button. Errors with a `field`
 * the form knows go next to that field (which gets focus); the rest go to the alert.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>, fields: readonly string[] = []): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busyRef = useRef(false);

  const run = useCallback(
    async (...args: A) => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (cause) {
        const apiError = toApiError(cause);
        setError(apiError);
        const field = apiError.field && fields.includes(apiError.field) ? apiError.field : null;
        if (field) {
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)?.focus());
        }
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [action, fields.join(',')],
  );

  const known = error?.field && fields.includes(error.field);
  return {
    run,
    busy,
    error,
    fieldError: (name) => (error && error.field === name ? error.message : undefined),
    formError: error && !known ? error : null,
    clear: () => setError(null),
  };
}

/** `onSubmit` for a form: prevents the page load and runs the action. */
export function submitWith(run: () => Promise<unknown>) {
  return (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
}

/** Seconds left until a moment, updated every second. */
export function useCountdown(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  if (!until) return 0;
  return Math.max(0, Math.round((new Date(until).getTime() - now) / 1000));
}
