import { useId, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { Button } from '../../ui/components.tsx';

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: ReactNode; error?: string | undefined };

/** A labelled textarea with hint and error, like `Field` for inputs. */
export function TextAreaField({ label, name, hint, error, ...textarea }: TextAreaProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        className="desk-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...textarea}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type ConfirmProps = {
  /** The first button: names the action ("Refund", "Sign out all devices"). */
  label: string;
  /** What will happen, said before it does. */
  question: ReactNode;
  confirmLabel: string;
  disabled?: boolean;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => Promise<boolean>;
  /** Checked before asking (a form's own checks); false keeps the question closed. */
  canAsk?: () => boolean;
};

/** An action in two steps: the button asks, the question confirms or cancels. */
export function ConfirmButton({ label, question, confirmLabel, disabled, busy, danger, onConfirm, canAsk }: ConfirmProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant={danger ? 'danger' : 'primary'} disabled={disabled} onClick={() => (canAsk?.() ?? true) && setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div className="inline-confirm" role="group" aria-label={`Confirm: ${label}`}>
      <span>{question}</span>
      <Button
        variant={danger ? 'danger' : 'primary'}
        busy={busy}
        autoFocus
        onClick={() => {
          void onConfirm().then(() => setAsking(false));
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </div>
  );
}
