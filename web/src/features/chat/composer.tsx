import { forwardRef, useId, type KeyboardEvent } from 'react';
import { Button } from '../../ui/components.tsx';

export const MAX_MESSAGE_LENGTH = 4000;

type Props = {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  onTyping: (on: boolean) => void;
  /** Why the composer is off (closed conversation); null when it is on. */
  disabledReason?: string | null;
  placeholder?: string;
};

/** The message box: Enter sends, Shift+Enter starts a new line. Labelled "Message" for people and tests alike. */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ value, onChange, onSend, onTyping, disabledReason = null, placeholder }, ref) {
  const id = useId();
  const hintId = `${id}-hint`;
  const disabled = disabledReason !== null;
  const submit = () => {
    const text = value.trim();
    if (!text || disabled || text.length > MAX_MESSAGE_LENGTH) return;
    onSend(text);
    onChange('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const tooLong = value.length > MAX_MESSAGE_LENGTH;
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        ref={ref}
        name="message"
        rows={2}
        value={value}
        placeholder={placeholder ?? 'Write a message'}
        disabled={disabled}
        aria-describedby={hintId}
        aria-invalid={tooLong || undefined}
        onChange={(event) => {
          onChange(event.target.value);
          onTyping(event.target.value.length > 0);
        }}
        onBlur={() => onTyping(false)}
        onKeyDown={onKeyDown}
      />
      <Button type="submit" disabled={disabled || !value.trim() || tooLong}>
        Send
      </Button>
      <p className={tooLong ? 'hint composer-hint field-error' : 'hint composer-hint'} id={hintId}>
        {disabledReason ?? (tooLong ? `That is ${value.length - MAX_MESSAGE_LENGTH} characters too long; split it in two.` : 'Enter sends, Shift+Enter starts a new line.')}
      </p>
    </form>
  );
});
