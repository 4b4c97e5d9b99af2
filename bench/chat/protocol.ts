/**
 * What the chat benchmark's processes tell each other over their IPC
 * channel (node:child_process fork): the server under test, the load
 * clients, and bench/chat.bench.ts which drives them.
 */

/** One conversation as the load clients see it: who connects as the member and who as the agent. */
export type BenchConversation = { id: string; memberCookie: string; agentCookie: string };

/** Server → driver. */
export type ServerReport =
  | { type: 'listening'; url: string; conversations: BenchConversation[]; setupMs: number }
  | { type: 'measured'; stats: ServerStats }
  | { type: 'closed' };

/** Driver → server. */
export type ServerCommand = { type: 'measure-start' } | { type: 'measure-stop' } | { type: 'close' };

/** The server process's own cost over the measured window. */
export type ServerStats = {
  cpuMs: number;
  wallMs: number;
  /** Share of the window the event loop was busy (0..1). */
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
  rssMb: number;
  /** Sockets the server holds open at the end of the window. */
  openSockets: number;
};

export type LoadSetup = { url: string; conversations: BenchConversation[]; rate: number; seconds: number; clientIndex: number; connectConcurrency: number };

/** Driver → load client. */
export type LoadCommand = { type: 'setup'; setup: LoadSetup } | { type: 'go' } | { type: 'close' };

/** Load client → driver. */
export type LoadReport =
  | { type: 'connected'; open: number; failed: number; connectMs: number; firstError?: string }
  | { type: 'done'; result: LoadResult };

export type LoadResult = {
  sent: number;
  acked: number;
  /** Messages the other participant's socket received (first copy), however late. */
  delivered: number;
  /** Copies received a second time by the same socket (should be 0). */
  duplicates: number;
  /** Delivery latency, send → the other participant's `message` frame, ms. */
  delivery: number[];
  /** Ack latency, send → the sender's `ack` frame, ms. */
  ack: number[];
  /** `error` frames by code. */
  errors: Record<string, number>;
  /** Sockets that closed during the run. */
  dropped: number;
  /** How far behind its schedule the client fell at worst (its own lag, not the server's), ms. */
  maxScheduleLagMs: number;
  sendWindowMs: number;
  /** From the first send to the last delivery, ms: the window throughput is measured over. */
  lastDeliveryMs: number;
  /** CPU the load client itself used while sending and waiting, ms. */
  clientCpuMs: number;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Frames the bench writes: small, realistic words, nothing the redaction would rewrite. */
export const MEMBER_LINES = [
  'Hi, I was charged twice this month, can you check?',
  'The second charge is still showing on my statement.',
  'Thanks, that helps a lot.',
] as const;
export const AGENT_LINES = [
  'Hello, I am looking at your account now.',
  'I can see one renewal and one hold that will drop off.',
  'Anything else I can help with today?',
] as const;
