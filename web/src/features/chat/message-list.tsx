import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ChatChoice, ChatMessage } from '../../api/chat.ts';
import { isMine, othersRead, type ChatState } from './chat-state.ts';
import { MessageItem, PendingItem, type ChoiceState } from './message-item.tsx';

type Props = {
  state: ChatState;
  /** Null where tapping is not this viewer's to do (the agent sees the member's buttons greyed). */
  onChoose: ((choice: ChatChoice) => void) | null;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  onEdit?: (clientId: string) => void;
  /** Called when the newest message is on screen in a focused tab. */
  onSeenLatest: (seq: number) => void;
  label: string;
};

const NEAR_BOTTOM_PX = 48;

function chosenIn(message: ChatMessage, later: ChatMessage[], state: ChatState): string | null {
  const ids = new Set((message.payload?.choices ?? []).map((choice) => choice.id));
  for (const reply of later) {
    const choice = reply.payload?.data?.choice;
    if (typeof choice === 'string' && ids.has(choice)) return choice;
  }
  return state.pending.find((item) => item.choice && ids.has(item.choice))?.choice ?? null;
}

/**
 * The conversation as a live log (role="log", polite): new messages are
 * announced, the view follows the newest unless the reader scrolled up.
 */
export function MessageList({ state, onChoose, onRetry, onDiscard, onEdit, onSeenLatest, label }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const { messages, pending, you } = state;
  const lastSeq = messages.length > 0 ? messages[messages.length - 1]!.seq : 0;
  const mineSeqs = messages.filter((message) => isMine(you, message.author)).map((message) => message.seq);
  const lastMine = mineSeqs.length > 0 ? mineSeqs[mineSeqs.length - 1]! : 0;
  const read = othersRead(state);
  const seenSeq = mineSeqs.filter((seq) => seq <= read).pop() ?? 0;

  useFollowNewest(scroller, atBottom, messages.length + pending.length);
  useReadWhenVisible(scroller, atBottom, lastSeq, state.connection === 'open', onSeenLatest);

  const choiceState = (message: ChatMessage): ChoiceState => {
    const later = messages.filter((other) => other.seq > message.seq && isMine(you, other.author));
    const chosen = chosenIn(message, later, state);
    const live = onChoose !== null && chosen === null && message.seq > lastMine && pending.length === 0 && state.status !== 'closed';
    return { live, chosen, ...(onChoose ? { onChoose } : {}) };
  };

  return (
    <div className="chat-log-wrap">
      <div
        className="chat-log"
        ref={scroller}
        tabIndex={0}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={label}
        onScroll={(event) => {
          const el = event.currentTarget;
          setAtBottom(el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX);
        }}
      >
        <ol className="msg-list">
          {messages.map((message) => (
            <MessageItem key={message.seq} message={message} mine={isMine(you, message.author)} seen={message.seq === seenSeq} choices={choiceState(message)} />
          ))}
          {pending.map((item) => (
            <PendingItem
              key={item.clientId}
              pending={item}
              onRetry={() => onRetry(item.clientId)}
              onDiscard={() => onDiscard(item.clientId)}
              {...(onEdit ? { onEdit: () => onEdit(item.clientId) } : {})}
            />
          ))}
        </ol>
      </div>
      {!atBottom ? (
        <button type="button" className="chat-jump" onClick={() => scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' })}>
          Jump to the latest message
        </button>
      ) : null}
      <p className="chat-typing" aria-hidden={state.typing ? undefined : true}>
        {state.typing ? `${state.typing.name} is typing…` : ''}
      </p>
    </div>
  );
}

function useFollowNewest(scroller: RefObject<HTMLDivElement | null>, atBottom: boolean, count: number): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (first.current || atBottom) el.scrollTop = el.scrollHeight;
    if (count > 0) first.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);
}

/** Read marks only for what a person could have seen: tab visible and focused, newest message in view. */
function useReadWhenVisible(scroller: RefObject<HTMLDivElement | null>, atBottom: boolean, lastSeq: number, open: boolean, onSeenLatest: (seq: number) => void): void {
  const latest = useRef({ lastSeq, atBottom, onSeenLatest });
  latest.current = { lastSeq, atBottom, onSeenLatest };
  useEffect(() => {
    const check = () => {
      const { lastSeq: seq, atBottom: bottom, onSeenLatest: report } = latest.current;
      const el = scroller.current;
      const fits = el ? el.scrollHeight <= el.clientHeight + NEAR_BOTTOM_PX : true;
      if (seq > 0 && (bottom || fits) && document.visibilityState === 'visible' && document.hasFocus()) report(seq);
    };
    check();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [scroller, lastSeq, atBottom, open]);
}
