import type { ChatMessage } from '../../api/chat.ts';
import type { ChatState } from './chat-state.ts';

const TEAMS: Record<string, string> = { billing: 'billing team', security: 'security team', technical: 'technical team', general: 'support team' };

/** The agent who joined last: the desk's "agent joined" note names them, else their latest message. */
export function agentName(messages: ChatMessage[]): string | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    const named = message.payload?.data?.agent_name;
    if (typeof named === 'string') return named;
    if (message.author.kind === 'agent') return message.author.name;
  }
  return null;
}

/** The team named by the latest hand-off; after a transfer or escalation (whose note names no queue) just "a person". */
function waitingFor(messages: ChatMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const payload = messages[index]!.payload;
    if (payload?.kind === 'notice' && (payload.data?.event === 'transferred' || payload.data?.event === 'escalated')) return 'a person from our team';
    const queue = payload?.kind === 'handoff' ? payload.data?.queue : undefined;
    if (typeof queue === 'string') return `a person from our ${TEAMS[queue] ?? 'support team'}`;
  }
  return 'a person from our team';
}

/** Who the member is talking to now, and whether the line is up. Announced politely when it changes. */
export function StatusBanner({ state, viewer }: { state: ChatState; viewer: 'member' | 'agent' }) {
  const { status, messages, connection } = state;
  let text = '';
  let tone = 'info';
  if (status === 'assistant') text = viewer === 'member' ? 'You’re chatting with the Reelhouse assistant. It can read your account. Ask for a person at any time.' : 'The assistant is answering.';
  if (status === 'waiting') text = viewer === 'member' ? `Waiting for ${waitingFor(messages)}. You can leave this page: your place in the queue is kept.` : 'Waiting in the queue for an agent.';
  if (status === 'active') {
    const name = agentName(messages);
    text = viewer === 'member' ? `${name ?? 'A Reelhouse agent'} joined the chat.` : `${name ?? 'An agent'} is in the chat.`;
    tone = 'success';
  }
  if (status === 'closed') {
    text = viewer === 'member' ? 'This conversation is closed. You can download the transcript, or start a new conversation if you need more help.' : 'This conversation is closed.';
    tone = 'neutral';
  }
  const line = connection === 'reconnecting' ? 'Connection lost. Reconnecting… Messages you write now are sent when it is back.' : connection === 'connecting' && status === null ? 'Connecting…' : null;
  return (
    <div className="chat-status">
      <p className={`chat-status-text chat-status-${tone}`} role="status" aria-live="polite">
        {status ? <span className={`chat-status-dot chat-status-dot-${status}`} aria-hidden="true" /> : null}
        {text}
      </p>
      <p className="chat-connection" role="status" aria-live="polite">
        {line}
      </p>
    </div>
  );
}
