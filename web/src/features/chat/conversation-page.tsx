import { useRef, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { Button, Page } from '../../ui/components.tsx';
import { Composer } from './composer.tsx';
import { MessageList } from './message-list.tsx';
import { ServiceCodeField } from './service-code-field.tsx';
import { awaitingServiceCode } from './service-code-request.ts';
import { StatusBanner } from './status-banner.tsx';
import { TranscriptActions } from './transcript-actions.tsx';
import { useChat } from './use-chat.ts';
import './chat.css';

export const ASK_FOR_A_PERSON = 'I want to talk to a person';

/** `/chat/:id`: the live conversation for the member or the verified visitor. */
export function ConversationPage({ id }: { id: string }) {
  const chat = useChat(id, 'member');
  const { state } = chat;
  const [draft, setDraft] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);

  if (state.fatal) return <ChatUnavailable code={state.fatal.code} message={state.fatal.message} />;

  const closed = state.status === 'closed';
  return (
    <Page title="Chat with Reelhouse">
      <p className="chat-back">
        <Link to="/chat">All your conversations</Link>
      </p>
      <div className="chat-panel">
        <StatusBanner state={state} viewer="member" />
        <MessageList
          state={state}
          label="Chat history"
          onChoose={(choice) => {
            chat.send(choice.label, choice.id);
            composer.current?.focus();
          }}
          onRetry={chat.retry}
          onDiscard={chat.discard}
          onSeenLatest={chat.markRead}
        />
        {state.notice ? (
          <p className="chat-notice" role="alert">
            {state.notice.message}
          </p>
        ) : null}
        {!closed && awaitingServiceCode(state.messages, state.verifiedAt) ? <ServiceCodeField conversationId={id} /> : null}
        <Composer
          ref={composer}
          value={draft}
          onChange={setDraft}
          onSend={(text) => chat.send(text)}
          onTyping={chat.typing}
          disabledReason={closed ? 'This conversation is closed.' : null}
        />
        <div className="chat-tools">
          {state.status === 'assistant' ? (
            <Button variant="secondary" className="button-small" onClick={() => chat.send(ASK_FOR_A_PERSON)}>
              Talk to a person
            </Button>
          ) : null}
          {closed ? (
            <Link to="/chat" className="button button-primary button-small">
              Start a new conversation
            </Link>
          ) : null}
        </div>
      </div>
      <TranscriptActions conversationId={id} />
    </Page>
  );
}

function ChatUnavailable({ code, message }: { code: string; message: string }) {
  const signIn = code === 'UNAUTHENTICATED';
  return (
    <Page title={signIn ? 'Sign in to see this chat' : 'We can’t find this conversation'}>
      <p>{signIn ? message : 'It may belong to another account, or the link is mistyped.'}</p>
      <div className="actions">
        {signIn ? (
          <Link to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`} className="button button-primary">
            Sign in
          </Link>
        ) : null}
        <Link to="/chat" className={signIn ? 'button button-secondary' : 'button button-primary'}>
          Your conversations
        </Link>
      </div>
    </Page>
  );
}
