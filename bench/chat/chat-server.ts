/**
 * The system under test for bench/chat: the real chat (createChat: service,
 * LISTEN/NOTIFY hub, Fastify routes and the WebSocket at /api/chat/ws) on a
 * real port, in a process of its own, on a throw-away database. Members and
 * agents are told apart by test cookies, as in chat.socket.test.ts; the
 * production sign-in lookups happen once per handshake, not per message, so
 * they are left out.
 *
 *   forked by bench/chat.bench.ts with: --db pglite|postgres --conversations N [--pool 10]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../src/platform/db/migrations.ts';
import { buildHttpServer } from '../../src/platform/http/server.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { readCookie } from '../../src/modules/identity/index.ts';
import { supportMigrations } from '../../src/modules/support/index.ts';
import { createChat } from '../../src/modules/support/chat/create-chat.ts';
import type { BenchConversation } from './protocol.ts';
import { answerDriver, reportToDriver as report } from './server-window.ts';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const kind = arg('db', 'pglite');
const conversationCount = Number(arg('conversations', '5000'));
const poolSize = Number(arg('pool', '10'));

/** A fresh schema on PostgreSQL (dropped at the end), or an embedded PGlite in a temporary directory, as in production. */
async function openBenchDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'usher-chat-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const schema = `bench_chat_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ url, schema, poolSize });
  return {
    database,
    drop: async () => {
      const cleanup = await openDatabase({ url, poolSize: 1 });
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(cleanup.db);
      await cleanup.close();
    },
  };
}

const setupStarted = performance.now();
const { database, drop } = await openBenchDatabase();
await runMigrations(database, [platformMigrations, supportMigrations]);
const logger = createLogger({ level: 'error' });
const mailer = { send: async () => {} };
const chat = createChat({
  database, clock: systemClock, mailer, logger, serviceName: 'Reelhouse', visitorWhere: { country: 'US', language: 'en' },
  member: async (request) => {
    const id = readCookie(request, 'bench_member');
    return id ? { accountId: id, name: 'Ava', email: `${id}@example.com`, country: 'US', language: 'en' } : null;
  },
  desk: {
    agent: async (request) => {
      const id = readCookie(request, 'bench_agent');
      return id ? { agentId: id, name: 'Sam', role: 'agent' } : null;
    },
    mayAgentJoin: async () => true,
    checkAgentMessage: (body) => (/password|one-time code/i.test(body) ? 'We never ask members for their password or codes.' : null),
  },
});
const server = await buildHttpServer({
  config: loadConfig({ USHER_DEMO: 'false' }), logger, database, clock: systemClock, routes: [chat.routes], homeLinks: [],
});
await chat.hub.start();

// Conversations already handed to an agent: the member and the agent write to each other.
const conversations: BenchConversation[] = [];
for (let start = 0; start < conversationCount; start += 50) {
  const batch = Array.from({ length: Math.min(50, conversationCount - start) }, (_, offset) => start + offset);
  conversations.push(...(await Promise.all(batch.map(async (index) => {
    const accountId = `acct_bench${index}`;
    const { conversation } = await chat.service.startConversation({
      accountId, visitorEmail: null, author: { kind: 'member', id: accountId, name: 'Ava' }, text: '', intent: 'billing.multiple_charges', country: 'US', language: 'en', status: 'active',
    });
    return { id: conversation.id, memberCookie: `bench_member=${accountId}`, agentCookie: `bench_agent=agt_bench${index % 500}` };
  }))));
}
const address = await server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
report({ type: 'listening', url: `${address.replace('http', 'ws')}/api/chat/ws`, conversations, setupMs: performance.now() - setupStarted });

answerDriver(() => chat.hub.subscriberCount(), async () => {
  // Frames still queued when the database closes fail; that is the shutdown, not the chat.
  logger.level = 'silent';
  await chat.hub.stop();
  await server.close();
  await database.close();
  await drop();
});
