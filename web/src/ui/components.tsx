import { useEffect, useId, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { ApiError } from '../api/client.ts';
import { navigationCount } from '../app/router.tsx';

export const SERVICE_NAME = 'Reelhouse';

/** A page: its heading gets focus after an in-app navigation, and names the tab. */
export function Page({ title, intro, children, width = 'normal' }: { title: string; intro?: ReactNode; children: ReactNode; width?: 'narrow' | 'normal' }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${SERVICE_NAME}`;
    if (navigationCount() > 0) heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className={width === 'narrow' ? 'page page-narrow' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </div>
  );
}

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** The frame every form control shares: label, hint and error, the last two announced with the control. */
function FieldFrame({ label, hint, error, className, control }: { label: string; hint?: ReactNode; error?: string | undefined; className?: string | undefined; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {control({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Labelled = { label: string; name: string; hint?: ReactNode; error?: string | undefined };
type FieldProps = InputHTMLAttributes<HTMLInputElement> & Labelled;

/** A labelled input with its hint and its error, both announced with the input. */
export function Field({ label, name, hint, error, className, ...input }: FieldProps) {
  return <FieldFrame label={label} hint={hint} error={error} className={className} control={(props) => <input {...props} name={name} {...input} />} />;
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & Labelled & { children: ReactNode };

export function SelectField({ label, name, hint, error, children, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} control={(props) => (
      <select {...props} name={name} {...select}>
        {children}
      </select>
    )} />
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled;

/** A labelled textarea with hint and error, like `Field` for inputs. */
export function TextAreaField({ label, name, hint, error, className, ...textarea }: TextAreaProps) {
  return <FieldFrame label={label} hint={hint} error={error} control={(props) => <textarea {...props} name={name} className={className} {...textarea} />} />;
}

export function Checkbox({ label, name, checked, onChange, hint }: { label: ReactNode; name: string; checked: boolean; onChange: (value: boolean) => void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const rateLimitText = (error: ApiError) =>
  error.retryAfterSeconds ? ` You can try again in ${Math.max(1, Math.ceil(error.retryAfterSeconds / 60))} minute${error.retryAfterSeconds > 60 ? 's' : ''}.` : '';

/**
 * The live region for errors that belong to no field. It is always in the page
 * (empty when there is nothing to say) so that screen readers announce changes.
 */
export function ErrorAlert({ error }: { error: ApiError | null | undefined }) {
  return (
    <div className={error ? 'alert alert-error' : 'alert-empty'} role="alert" aria-live="assertive">
      {error ? (
        <p>
          {error.message}
          {error.code === 'RATE_LIMITED' ? rateLimitText(error) : ''}
        </p>
      ) : null}
    </div>
  );
}

/** Good news and confirmations, announced politely. */
export function Notice({ children, tone = 'success' }: { children?: ReactNode; tone?: 'success' | 'info' | 'warning' }) {
  return (
    <div className={children ? `alert alert-${tone}` : 'alert-empty'} role="status" aria-live="polite">
      {children}
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; variant?: 'primary' | 'secondary' | 'danger' | 'link' };

export function Button({ busy, children, variant = 'primary', disabled, className, type = 'button', ...button }: ButtonProps) {
  return (
    <button type={type} className={`button button-${variant} ${className ?? ''}`.trim()} aria-busy={busy || undefined} disabled={busy || disabled} {...button}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}

/** What a page shows when its data could not load: the reason and a retry. */
export function LoadError({ error, retry }: { error: ApiError; retry: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      <Button variant="secondary" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

export function Section({ title, children, actions, id }: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId} id={id}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
