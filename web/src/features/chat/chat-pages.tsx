import type { ChatConversation } from '../../api/chat.ts';
import { Link, useSearchParam } from '../../app/router.tsx';
import { LoadError, Loading, Page, Section } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useChatAccess } from './chat-access.ts';
import { CaseSummaries } from './case-summaries.tsx';
import { intentWords } from './intent-words.ts';
import { StartForm } from './start-form.tsx';
import { VisitorVerify } from './visitor-verify.tsx';
import './chat.css';

const STATUS_WORDS: Record<ChatConversation['status'], string> = {
  assistant: 'With the assistant',
  waiting: 'Waiting for a person',
  active: 'With an agent',
  closed: 'Closed',
};

/** `/chat`: my conversations and a box to start a new one; the email-code step for a visitor first. */
export function ChatHomePage() {
  const { access, reload } = useChatAccess();
  return (
    <Page title="Chat with us" intro="Our assistant reads your account and answers straight away. A person from our team takes over whenever you ask.">
      {access.kind === 'loading' ? <Loading /> : null}
      {access.kind === 'error' ? <LoadError error={access.error} retry={reload} /> : null}
      {access.kind === 'anonymous' ? <VisitorVerify onVerified={reload} next="/chat" /> : null}
      {access.kind === 'member' || access.kind === 'visitor' ? (
        <>
          <Section title="Start a new conversation">
            <StartForm />
          </Section>
          {access.kind === 'member' ? <CaseSummaries /> : null}
          <ConversationList conversations={access.conversations} />
        </>
      ) : null}
    </Page>
  );
}

/** `/chat/new?text=…`: the contact page sends people here with their words already written. */
export function NewChatPage() {
  const text = useSearchParam('text') ?? '';
  const { access, reload } = useChatAccess();
  const here = `/chat/new${text ? `?text=${encodeURIComponent(text)}` : ''}`;
  return (
    <Page title="Start a chat" intro="Check your message, then start: the assistant answers straight away, and a person takes over whenever you ask.">
      {access.kind === 'loading' ? <Loading /> : null}
      {access.kind === 'error' ? <LoadError error={access.error} retry={reload} /> : null}
      {access.kind === 'anonymous' ? <VisitorVerify onVerified={reload} next={here} /> : null}
      {access.kind === 'member' || access.kind === 'visitor' ? (
        <Section title="Your message">
          <StartForm initialText={text} />
        </Section>
      ) : null}
    </Page>
  );
}

function ConversationList({ conversations }: { conversations: ChatConversation[] }) {
  return (
    <Section title="Your conversations">
      {conversations.length === 0 ? (
        <p className="muted">No conversations yet. The ones you start are kept here with their transcripts.</p>
      ) : (
        <ul className="plain-list conversation-list">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link to={`/chat/${encodeURIComponent(conversation.id)}`}>{intentWords(conversation.intent)}</Link>
              <span className={`tag ${conversation.status === 'closed' ? 'tag-neutral' : 'tag-good'}`}>{STATUS_WORDS[conversation.status]}</span>
              <span className="muted conversation-when">Last update {formatDateTime(conversation.updated_at)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
