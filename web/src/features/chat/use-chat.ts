import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { chatSocketUrl } from '../../api/chat.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { ChatConnection } from './chat-connection.ts';
import { chatReducer, contiguousSeq, initialChatState, type ChatState } from './chat-state.ts';

/** Send `typing: on` again this often while typing, so the other side's indicator does not time out. */
const TYPING_REFRESH_MS = 4_000;
/** Quiet this long: typing stopped. */
const TYPING_IDLE_MS = 3_000;
/** Someone else's indicator disappears after this long without news (a lost `off`). */
const TYPING_SHOWN_MS = 8_000;

export type ChatControls = {
  state: ChatState;
  send: (body: string, choice?: string) => void;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
  /** Call on every keystroke in the composer; `false` when the text was sent or cleared. */
  typing: (on: boolean) => void;
  markRead: (seq: number) => void;
};

export function useChat(conversationId: string, as: 'member' | 'agent'): ChatControls {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const connection = useRef<ChatConnection | null>(null);
  const typingSent = useRef({ on: false, at: 0, idle: undefined as number | undefined });
  const readSent = useRef(0);

  useEffect(() => {
    readSent.current = 0;
    const live = new ChatConnection({
      url: chatSocketUrl(as),
      conversationId,
      lastSeq: () => contiguousSeq(stateRef.current.messages),
      onFrame: (frame) => dispatch({ type: 'frame', frame }),
      onConnection: (value) => dispatch({ type: 'connection', connection: value }),
    });
    connection.current = live;
    live.start();
    return () => {
      live.stop();
      connection.current = null;
    };
  }, [conversationId, as]);

  useEffect(() => {
    if (!state.typing) return;
    const timer = window.setTimeout(() => dispatch({ type: 'typing-expired' }), TYPING_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [state.typing]);

  const typing = useCallback((on: boolean) => {
    const sent = typingSent.current;
    window.clearTimeout(sent.idle);
    if (!on) {
      if (sent.on) connection.current?.signal({ type: 'typing', on: false });
      sent.on = false;
      return;
    }
    const now = Date.now();
    if (!sent.on || now - sent.at > TYPING_REFRESH_MS) {
      connection.current?.signal({ type: 'typing', on: true });
      sent.on = true;
      sent.at = now;
    }
    sent.idle = window.setTimeout(() => {
      connection.current?.signal({ type: 'typing', on: false });
      sent.on = false;
    }, TYPING_IDLE_MS);
  }, []);

  const send = useCallback(
    (body: string, choice?: string) => {
      const clientId = newIdempotencyKey();
      typing(false);
      dispatch({ type: 'queue', pending: { clientId, body, state: 'sending', ...(choice ? { choice } : {}) } });
      connection.current?.sendMessage({ client_id: clientId, body, ...(choice ? { choice } : {}) });
    },
    [typing],
  );

  const retry = useCallback((clientId: string) => {
    const item = stateRef.current.pending.find((pending) => pending.clientId === clientId);
    if (!item) return;
    dispatch({ type: 'queue', pending: { ...item, state: 'sending', error: undefined } });
    connection.current?.sendMessage({ client_id: clientId, body: item.body, ...(item.choice ? { choice: item.choice } : {}) });
  }, []);

  const discard = useCallback((clientId: string) => {
    connection.current?.forget(clientId);
    dispatch({ type: 'discard', clientId });
  }, []);

  const markRead = useCallback((seq: number) => {
    if (seq <= readSent.current) return;
    readSent.current = seq;
    connection.current?.signal({ type: 'read', seq });
  }, []);

  // A reconnect loses nothing, but a read mark sent while down is dropped: send it again once open.
  useEffect(() => {
    if (state.connection === 'open') readSent.current = 0;
  }, [state.connection]);

  return useMemo(() => ({ state, send, retry, discard, typing, markRead }), [state, send, retry, discard, typing, markRead]);
}
