import type { Connection, ServerFrame } from './chat-state.ts';

/**
 * One WebSocket following one conversation, kept alive: reconnects with
 * backoff, says `hello` with the last seq on screen, and resends every
 * message that has no ack yet with its own `client_id` (the server stores a
 * repeated `client_id` once and acknowledges it again).
 */

type SendFrame = { type: 'send'; client_id: string; body: string; choice?: string };

export type ChatConnectionOptions = {
  url: string;
  conversationId: string;
  /** The last seq shown with none missing before it. */
  lastSeq: () => number;
  onFrame: (frame: ServerFrame) => void;
  onConnection: (connection: Connection) => void;
};

const MAX_BACKOFF_MS = 15_000;
const PING_EVERY_MS = 25_000;
/** No frame at all for this long after a ping: the connection is dead even if the browser has not noticed. */
const SILENCE_LIMIT_MS = 10_000;
/** Closes that retrying cannot fix: not signed in, not your conversation, a page from another site. */
const FINAL_CLOSE_CODES = new Set([4401, 4403]);

export function backoffMs(attempt: number, random = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
  return Math.round(base / 2 + (base / 2) * random);
}

export class ChatConnection {
  private socket: WebSocket | null = null;
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private silenceTimer: number | undefined;
  /** Messages sent but not acknowledged, in the order they were written. */
  private readonly outbox = new Map<string, SendFrame>();
  private readonly options: ChatConnectionOptions;

  constructor(options: ChatConnectionOptions) {
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    window.clearTimeout(this.retryTimer);
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'left');
  }

  /** Queues a message and sends it now when the conversation is followed; otherwise after the next `ready`. */
  sendMessage(frame: Omit<SendFrame, 'type'>): void {
    const send: SendFrame = { type: 'send', ...frame };
    this.outbox.set(frame.client_id, send);
    if (this.ready) this.raw(send);
  }

  /** Typing and read marks are not worth keeping: dropped when the socket is down. */
  signal(frame: { type: 'typing'; on: boolean } | { type: 'read'; seq: number }): void {
    if (this.ready) this.raw(frame);
  }

  forget(clientId: string): void {
    this.outbox.delete(clientId);
  }

  private readonly reconnectNow = () => {
    if (this.stopped || this.socket) return;
    window.clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  };

  private raw(frame: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private open(): void {
    this.options.onConnection(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.raw({ type: 'hello', conversation_id: this.options.conversationId, last_seq: this.options.lastSeq() });
      this.pingTimer = window.setInterval(() => this.ping(), PING_EVERY_MS);
    };
    socket.onmessage = (event) => this.receive(event);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      this.clearTimers();
      if (this.stopped) return;
      if (FINAL_CLOSE_CODES.has(event.code)) {
        this.options.onConnection('closed');
        return;
      }
      this.scheduleRetry();
    };
  }

  private receive(event: MessageEvent): void {
    window.clearTimeout(this.silenceTimer);
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(event.data)) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'ack') this.outbox.delete(frame.client_id);
    if (frame.type === 'message' && frame.message.client_id) this.outbox.delete(frame.message.client_id);
    // A refused message is not resent by itself: the person decides (edit, try again, discard).
    if (frame.type === 'error' && frame.client_id) this.outbox.delete(frame.client_id);
    this.options.onFrame(frame);
    if (frame.type === 'ready') {
      this.ready = true;
      this.attempt = 0;
      for (const send of this.outbox.values()) this.raw(send);
    }
  }

  private ping(): void {
    this.raw({ type: 'ping' });
    window.clearTimeout(this.silenceTimer);
    this.silenceTimer = window.setTimeout(() => this.drop(), SILENCE_LIMIT_MS);
  }

  /** A dead connection's close can take minutes to arrive: let it go and start again now. */
  private drop(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.ready = false;
    this.clearTimers();
    socket.close(4000, 'silent');
    if (!this.stopped) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.options.onConnection('reconnecting');
    const delay = backoffMs(this.attempt);
    this.attempt += 1;
    this.retryTimer = window.setTimeout(() => {
      if (!this.stopped) this.open();
    }, delay);
  }

  private clearTimers(): void {
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.silenceTimer);
  }
}
