import { useEffect, useRef, useState } from 'react';
import type { ConversationStatus } from '../../api/chat.ts';
import type { CaseDetail } from '../../api/desk.ts';
import { Composer } from '../chat/composer.tsx';
import { MessageList } from '../chat/message-list.tsx';
import { StatusBanner } from '../chat/status-banner.tsx';
import { useChat } from '../chat/use-chat.ts';
import { chatForAgent } from './hidden-until-verified.tsx';

/**
 * The live conversation as the agent sees it: the same socket as the member
 * (`?as=agent`). A message asking for a password or a code is refused by the
 * server and stays here with its explanation, to be rewritten. Until the
 * member is verified the assistant's answers from the account are hidden
 * as the case withholds them (`chatForAgent`); a newer message reads the
 * case again (`onUnknown`).
 */
export function DeskChat({ conversationId, detail, onStatus, onUnknown }: { conversationId: string; detail: CaseDetail; onStatus: (status: ConversationStatus | null) => void; onUnknown: () => void }) {
  const chat = useChat(conversationId, 'agent');
  const { state: live } = chat;
  const shown = chatForAgent(live.messages, detail);
  const typing = live.typing && !detail.verification.verified && (live.typing.kind === 'member' || live.typing.kind === 'visitor') ? { ...live.typing, name: 'The member' } : live.typing;
  const state = shown.messages === live.messages && typing === live.typing ? live : { ...live, messages: shown.messages, typing };
  const lastSeq = live.messages.length > 0 ? live.messages[live.messages.length - 1]!.seq : 0;
  const asked = useRef(0);
  const unknown = useRef(onUnknown);
  unknown.current = onUnknown;
  useEffect(() => {
    if (shown.unknown && lastSeq > asked.current) {
      asked.current = lastSeq;
      unknown.current();
    }
  }, [shown.unknown, lastSeq]);
  // The member's code matched: the socket says so at once; the case is read again and its view lifts.
  const verifiedAt = live.verifiedAt;
  useEffect(() => {
    if (verifiedAt !== null) unknown.current();
  }, [verifiedAt]);
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
