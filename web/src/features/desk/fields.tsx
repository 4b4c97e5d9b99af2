import { useState, type ReactNode } from 'react';
import { Button, TextAreaField as UiTextAreaField } from '../../ui/components.tsx';

type TextAreaProps = Parameters<typeof UiTextAreaField>[0];

/** The desk's textarea: the shared field with the desk's taller box. */
export function TextAreaField(props: TextAreaProps) {
  return <UiTextAreaField className="desk-textarea" {...props} />;
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
