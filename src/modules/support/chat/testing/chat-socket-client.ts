import WebSocket from 'ws';

export type Frame = { type: string; [key: string]: unknown };
export type MessageFrame = { type: 'message'; message: { id: string; seq: number; body: string; author: { kind: string; name: string }; client_id: string | null; payload: unknown } };

/**
 * A chat socket for tests and benchmarks: keeps every frame it receives and
 * waits for the one a test expects.
 */
export type ChatSocketClient = {
  socket: WebSocket;
  frames: Frame[];
  send(frame: Record<string, unknown>): void;
  messages(): MessageFrame['message'][];
  waitFor<T extends Frame = Frame>(match: (frame: Frame) => boolean, timeoutMs?: number, from?: number): Promise<T>;
  waitForMessages(count: number, timeoutMs?: number): Promise<MessageFrame['message'][]>;
  close(): void;
  closed(): Promise<{ code: number }>;
};

export async function openChatSocket(options: { url: string; cookies?: Map<string, string> | string; origin?: string }): Promise<ChatSocketClient> {
  const cookie = typeof options.cookies === 'string' ? options.cookies : options.cookies ? [...options.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
  const socket = new WebSocket(options.url, { headers: { ...(cookie ? { cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) } });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    for (const wake of waiters) wake();
  });
  socket.on('close', () => {
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const client: ChatSocketClient = {
    socket,
    frames,
    send(frame: Record<string, unknown>) {
      socket.send(JSON.stringify(frame));
    },
    messages(): MessageFrame['message'][] {
      return frames.filter((frame): frame is MessageFrame => frame.type === 'message').map((frame) => frame.message);
    },
    /** Resolves with the first frame (from `from` on) that matches, or fails after `timeoutMs`. */
    async waitFor<T extends Frame = Frame>(match: (frame: Frame) => boolean, timeoutMs = 30_000, from = 0): Promise<T> {
      const started = Date.now();
      for (;;) {
        const found = frames.slice(from).find(match);
        if (found) return found as T;
        if (socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting; frames: ${JSON.stringify(frames.slice(-5))}`);
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting; last frames: ${JSON.stringify(frames.slice(-5))}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 50);
          waiters.add(wake);
        });
      }
    },
    async waitForMessages(count: number, timeoutMs = 30_000) {
      await client.waitFor(() => client.messages().length >= count, timeoutMs);
      return client.messages();
    },
    close() {
      socket.close();
    },
    closed(): Promise<{ code: number }> {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve({ code: 0 });
      return new Promise((resolve) => socket.once('close', (code) => resolve({ code })));
    },
  };
  return client;
}

