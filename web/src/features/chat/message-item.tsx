import type { ChatChoice, ChatMessage } from '../../api/chat.ts';
import { Button } from '../../ui/components.tsx';
import type { Pending } from './chat-state.ts';
import { PayloadView } from './payload-view.tsx';
import { verifiedAtOf } from './service-code-request.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function messageTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

export type ChoiceState = { live: boolean; chosen: string | null; onChoose?: (choice: ChatChoice) => void };

/** One stored message: a bubble (mine on the right), or a centred line for the system's notes. */
export function MessageItem({ message, mine, seen, choices }: { message: ChatMessage; mine: boolean; seen: boolean; choices: ChoiceState }) {
  const kind = message.payload?.kind ?? 'text';
  const verifiedAt = verifiedAtOf(message);
  if (verifiedAt !== null) {
    // The stored line says UTC; each screen says it in its own clock.
    return (
      <li className="msg msg-note msg-verified">
        <p role="status">
          <span aria-hidden="true">✓ </span>Identity verified with the service code at {messageTime(verifiedAt)}
        </p>
      </li>
    );
  }
  if (message.author.kind === 'system' && kind !== 'summary' && kind !== 'action_done') {
    return (
      <li className="msg msg-note">
        <p>
          {message.body} <span className="msg-time">{messageTime(message.created_at)}</span>
        </p>
      </li>
    );
  }
  const who = mine ? 'You' : message.author.name;
  const classes = ['msg', mine ? 'msg-mine' : 'msg-theirs', `msg-${message.author.kind}`, kind === 'summary' ? 'msg-summary' : '', kind === 'action_done' ? 'msg-done' : '', kind === 'notice' ? 'msg-info' : ''];
  return (
    <li className={classes.join(' ').replace(/\s+/g, ' ').trim()}>
      <p className="msg-meta">
        <span className="msg-author">{kind === 'summary' ? `Summary from ${message.author.name}` : who}</span>{' '}
        <span className="msg-time">{messageTime(message.created_at)}</span>
      </p>
      <div className="msg-bubble">
        {kind === 'action_done' ? (
          <span className="msg-done-mark" aria-hidden="true">
            ✓{' '}
          </span>
        ) : null}
        <p className="msg-body">{message.body}</p>
        {kind === 'summary' ? <p className="msg-keep">This summary stays in your conversation and its transcript.</p> : null}
        {message.payload ? <PayloadView payload={message.payload} /> : null}
      </div>
      {message.payload?.choices && message.payload.choices.length > 0 ? <Choices choices={message.payload.choices} state={choices} /> : null}
      {seen ? <p className="msg-seen">Seen</p> : null}
    </li>
  );
}

function Choices({ choices, state }: { choices: ChatChoice[]; state: ChoiceState }) {
  const chosen = choices.find((choice) => choice.id === state.chosen);
  return (
    <div className="msg-choices" role="group" aria-label="Answers you can tap">
      {choices.map((choice) => (
        <Button
          key={choice.id}
          variant={chosen?.id === choice.id ? 'primary' : 'secondary'}
          className="button-small"
          disabled={!state.live || !state.onChoose}
          aria-pressed={chosen ? chosen.id === choice.id : undefined}
          onClick={() => state.onChoose?.(choice)}
        >
          {choice.label}
        </Button>
      ))}
    </div>
  );
}

/** A message on its way: shown at once, replaced by the stored copy (same `client_id`) when it arrives. */
export function PendingItem({ pending, onRetry, onDiscard, onEdit }: { pending: Pending; onRetry: () => void; onDiscard: () => void; onEdit?: () => void }) {
  const failed = pending.state === 'failed';
  return (
    <li className={failed ? 'msg msg-mine msg-pending msg-failed' : 'msg msg-mine msg-pending'}>
      <p className="msg-meta">
        <span className="msg-author">You</span> <span className="msg-time">{failed ? 'Not sent' : 'Sending…'}</span>
      </p>
      <div className="msg-bubble">
        <p className="msg-body">{pending.body}</p>
      </div>
      {failed && pending.error ? (
        <div className="msg-error" role="alert">
          <p>{pending.error.message}</p>
          <div className="actions">
            {pending.error.code === 'CREDENTIAL_REQUEST_BLOCKED' && onEdit ? (
              <Button variant="secondary" className="button-small" onClick={onEdit}>
                Edit message
              </Button>
            ) : (
              <Button variant="secondary" className="button-small" onClick={onRetry}>
                Try again
              </Button>
            )}
            <Button variant="link" onClick={onDiscard}>
              Remove
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
