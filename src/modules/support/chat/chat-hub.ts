import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Database } from '../../../platform/db/database.ts';
import type { Logger } from '../../../platform/logger.ts';
import { CHAT_CHANNEL } from './chat.repository.ts';
import type { Author, ChatMessage, ConversationStatus } from './chat.types.ts';

/**
 * What travels on the PostgreSQL channel. A message is sent whole when it
 * fits (NOTIFY payloads stop at 8000 bytes); otherwise only its seq, and each
 * process reads it from the table.
 */
export type ChatSignal =
  | { t: 'message'; c: string; s: number; m?: ChatMessage }
  | { t: 'typing'; c: string; a: Author; on: boolean; from: string }
  | { t: 'read'; c: string; a: Author; s: number; from: string }
  | { t: 'status'; c: string; status: ConversationStatus }
  /** The member's service code matched (at: ISO time): agents' sockets lift the before-verification view. */
  | { t: 'verified'; c: string; at: string };

/** What a connected socket receives, in order, without gaps or repeats. */
export type Subscriber = {
  id: string;
  /** The last seq delivered to it; a notification at or below it is a repeat and is dropped. */
  lastSeq: number;
  deliver(message: ChatMessage): void;
  signal(signal: Exclude<ChatSignal, { t: 'message' }>): void;
};

const PAYLOAD_LIMIT = 7900;

export function encodeMessageSignal(message: ChatMessage): string {
  const whole = JSON.stringify({ t: 'message', c: message.conversationId, s: message.seq, m: message } satisfies ChatSignal);
  return Buffer.byteLength(whole) <= PAYLOAD_LIMIT ? whole : JSON.stringify({ t: 'message', c: message.conversationId, s: message.seq } satisfies ChatSignal);
}

type Listener = { unlisten(): Promise<void> };

/** Listens on the channel through whichever database the process runs on; calls `onReconnect` after a lost PostgreSQL connection is back. */
async function listen(database: Database, onPayload: (payload: string) => void, onReconnect: () => void, logger?: Logger): Promise<Listener> {
  if (database.raw.kind === 'pglite') {
    const unlisten = await database.raw.pglite.listen(CHAT_CHANNEL, onPayload);
    return { unlisten };
  }
  const pool = database.raw.pool;
  let stopped = false;
  let client: pg.PoolClient | undefined;
  const connect = async (): Promise<void> => {
    const next = await pool.connect();
    next.on('notification', (message) => {
      if (message.channel === CHAT_CHANNEL && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', (error) => {
      logger?.warn({ err: error }, 'chat listener lost its connection; reconnecting');
      next.release(error);
      if (client === next) client = undefined;
      if (!stopped) void retry();
    });
    await next.query(`LISTEN ${CHAT_CHANNEL}`);
    client = next;
  };
  const retry = async (): Promise<void> => {
    for (let delay = 100; !stopped; delay = Math.min(delay * 2, 5000)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await connect();
        onReconnect();
        return;
      } catch (error) {
        logger?.warn({ err: error }, 'chat listener could not reconnect yet');
      }
    }
  };
  await connect();
  return {
    async unlisten() {
      stopped = true;
      const current = client;
      client = undefined;
      if (!current) return;
      try {
        await current.query(`UNLISTEN ${CHAT_CHANNEL}`);
      } finally {
        current.release();
      }
    },
  };
}

export type ChatHub = {
  /** This process's id on the channel (so a sender does not see its own typing). */
  readonly origin: string;
  subscribe(conversationId: string, subscriber: Subscriber): () => void;
  /** Sends the signal to every process; delivered after the current transaction commits when sent inside one. */
  start(): Promise<void>;
  stop(): Promise<void>;
  subscriberCount(): number;
};

/**
 * Fans messages out to this process's sockets. Every process, this one
 * included, learns of a message only through the channel, so one path
 * serves one machine and a cluster. Per conversation, work runs in a chain:
 * a subscriber's catch-up from the table and live notifications never
 * interleave, which keeps order and drops repeats.
 */
export function createChatHub(deps: { database: Database; loadMessages: (conversationId: string, afterSeq: number, uptoSeq?: number) => Promise<ChatMessage[]>; logger?: Logger }): ChatHub {
  const origin = randomBytes(6).toString('hex');
  const rooms = new Map<string, { subscribers: Set<Subscriber>; chain: Promise<void> }>();
  let listener: Listener | undefined;

  const inRoom = (conversationId: string, work: (subscribers: Set<Subscriber>) => Promise<void> | void): void => {
    const room = rooms.get(conversationId);
    if (!room) return;
    room.chain = room.chain.then(() => work(room.subscribers)).catch((error: unknown) => deps.logger?.error({ err: error, conversationId }, 'chat delivery failed'));
  };

  async function catchUp(subscriber: Subscriber, conversationId: string, uptoSeq?: number): Promise<void> {
    for (;;) {
      const missing = await deps.loadMessages(conversationId, subscriber.lastSeq, uptoSeq);
      if (missing.length === 0) return;
      const before = subscriber.lastSeq;
      for (const message of missing) deliverTo(subscriber, message);
      if (subscriber.lastSeq === before) return;
    }
  }

  function deliverTo(subscriber: Subscriber, message: ChatMessage): void {
    if (message.seq <= subscriber.lastSeq) return;
    subscriber.lastSeq = message.seq;
    subscriber.deliver(message);
  }

  function onPayload(payload: string): void {
    let signal: ChatSignal;
    try {
      signal = JSON.parse(payload) as ChatSignal;
    } catch {
      return;
    }
    if (!rooms.has(signal.c)) return;
    if (signal.t !== 'message') {
      inRoom(signal.c, (subscribers) => {
        for (const subscriber of subscribers) subscriber.signal(signal);
      });
      return;
    }
    inRoom(signal.c, async (subscribers) => {
      let message = signal.m;
      for (const subscriber of subscribers) {
        if (subscriber.lastSeq >= signal.s) continue;
        // A gap (a notification lost while reconnecting, or too big to carry the message) is read from the table.
        if (subscriber.lastSeq < signal.s - 1 || !message) await catchUp(subscriber, signal.c, signal.s);
        if (!message && subscriber.lastSeq < signal.s) [message] = await deps.loadMessages(signal.c, signal.s - 1, signal.s);
        if (message) deliverTo(subscriber, message);
      }
    });
  }

  /** After a lost connection, notifications may be gone: every room reads what it missed. */
  function resync(): void {
    for (const conversationId of rooms.keys()) {
      inRoom(conversationId, async (subscribers) => {
        for (const subscriber of subscribers) await catchUp(subscriber, conversationId);
      });
    }
  }

  return {
    origin,
    subscribe(conversationId, subscriber) {
      let room = rooms.get(conversationId);
      if (!room) {
        room = { subscribers: new Set(), chain: Promise.resolve() };
        rooms.set(conversationId, room);
      }
      room.subscribers.add(subscriber);
      inRoom(conversationId, () => catchUp(subscriber, conversationId));
      return () => {
        const current = rooms.get(conversationId);
        if (!current) return;
        current.subscribers.delete(subscriber);
        if (current.subscribers.size === 0) rooms.delete(conversationId);
      };
    },
    async start() {
      listener ??= await listen(deps.database, onPayload, resync, deps.logger);
    },
    async stop() {
      const current = listener;
      listener = undefined;
      rooms.clear();
      await current?.unlisten();
    },
    subscriberCount: () => [...rooms.values()].reduce((total, room) => total + room.subscribers.size, 0),
  };
}
