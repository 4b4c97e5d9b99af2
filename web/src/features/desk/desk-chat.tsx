import { useEffect, useRef, useState } from 'react';
import type { ConversationStatus } from '../../api/chat.ts';
import { Composer } from '../chat/composer.tsx';
import { MessageList } from '../chat/message-list.tsx';
import { StatusBanner } from '../chat/status-banner.tsx';
import { useChat } from '../chat/use-chat.ts';

/**
 * The live conversation as the agent sees it: the same socket as the member
 * (`?as=agent`). A message asking for a password or a code is refused by the
 * server and stays here with its explanation, to be rewritten.
 */
export function DeskChat({ conversationId, onStatus }: { conversationId: string; onStatus: (status: ConversationStatus | null) => void }) {
  const chat = useChat(conversationId, 'agent');
  const { state } = chat;
  const [draft, setDraft] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const report = useRef(onStatus);
  report.current = onStatus;
  useEffect(() => report.current(state.status), [state.status]);

  return (
    <section className="chat-panel desk-chat" aria-labelledby="desk-chat-heading">
      <h2 id="desk-chat-heading" className="desk-pane-title">
        Chat
      </h2>
      <StatusBanner state={state} viewer="agent" />
      {state.fatal ? (
        <p className="alert alert-error" role="alert">
          {state.fatal.message}
        </p>
      ) : null}
      <MessageList
        state={state}
        label="Chat with the member"
        onChoose={null}
        onRetry={chat.retry}
        onDiscard={chat.discard}
        onEdit={(clientId) => {
          const item = state.pending.find((pending) => pending.clientId === clientId);
          if (item) setDraft(item.body);
          chat.discard(clientId);
          composer.current?.focus();
        }}
        onSeenLatest={chat.markRead}
      />
      {state.notice ? (
        <p className="chat-notice" role="alert">
          {state.notice.message}
        </p>
      ) : null}
      <Composer
        ref={composer}
        value={draft}
        onChange={setDraft}
        onSend={(text) => chat.send(text)}
        onTyping={chat.typing}
        placeholder="Write to the member"
        disabledReason={state.status === 'closed' ? 'The conversation is closed.' : state.fatal ? 'You cannot write in this conversation.' : null}
      />
    </section>
  );
}
