import { useId, useState, type KeyboardEvent } from 'react';
import { startConversation } from '../../api/chat.ts';
import { navigate } from '../../app/router.tsx';
import { Button, ErrorAlert } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { MAX_MESSAGE_LENGTH } from './composer.tsx';

/** "Start a new conversation": the first message goes to the assistant, which answers at once. */
export function StartForm({ initialText = '', autoFocus = false }: { initialText?: string; autoFocus?: boolean }) {
  const id = useId();
  const [text, setText] = useState(initialText.slice(0, MAX_MESSAGE_LENGTH));
  const start = useAction(async () => {
    const answer = await startConversation(text.trim());
    navigate(`/chat/${encodeURIComponent(answer.conversation.id)}`);
  }, ['text']);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (text.trim()) void start.run();
    }
  };
  const fieldError = start.fieldError('text');
  return (
    <form className="form start-chat" onSubmit={submitWith(start.run)} noValidate>
      <ErrorAlert error={start.formError} />
      <div className={fieldError ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>What can we help with?</label>
        <p className="hint" id={`${id}-hint`}>
          A sentence or two is enough, for example “I was charged twice this month”. Never write your password or your full card number.
        </p>
        <textarea
          id={id}
          name="text"
          rows={3}
          maxLength={MAX_MESSAGE_LENGTH}
          value={text}
          autoFocus={autoFocus}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
          aria-invalid={fieldError ? true : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {fieldError ? (
          <p className="field-error" id={`${id}-error`}>
            {fieldError}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <Button type="submit" busy={start.busy} disabled={!text.trim()}>
          Start chatting
        </Button>
      </div>
    </form>
  );
}
