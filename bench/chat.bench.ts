/**
 * bench/chat: the chat's WebSocket under load. One server process (the real
 * chat: Fastify, /api/chat/ws, messages stored before the ack, fan-out through
 * LISTEN/NOTIFY) holds a member socket and an agent socket for each of N
 * conversations; load clients in their own processes send at a fixed total
 * rate for a fixed time, alternating conversations and sides. Delivery
 * latency is the time from a send to the OTHER participant's socket
 * receiving the `message` frame; ack latency, to the sender's `ack`.
 * The baseline, in the same run with the same clients, is a bare `ws` server
 * relaying the same frames with no storage (bench/chat/echo-server.ts).
 * Goal: 10,000 connections, 1,000 messages/s, p99 delivery under 50 ms.
 *
 *   node --import tsx bench/chat.bench.ts [--pglite] [--connections 10000] [--rate 1000] [--seconds 20] [--clients 1] [--pool 10] [--profile DIR]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { machineTicks, hardOpenFilesLimit, nextMessage, postgresTicks, startProcess } from './chat/processes.ts';
import { percentile, type LoadCommand, type LoadReport, type LoadResult, type ServerCommand, type ServerReport, type ServerStats } from './chat/protocol.ts';

const quick = process.env.BENCH_QUICK === '1';
const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const pglite = process.argv.includes('--pglite');
const connections = Number(option('connections', quick ? '1000' : '10000'));
const rate = Number(option('rate', '1000'));
const seconds = Number(option('seconds', quick ? '5' : '20'));
const clientCount = Number(option('clients', '1'));
const pool = option('pool', '10');
const profileArg = process.argv.includes('--profile') ? option('profile', '') : undefined;
const profileDir = profileArg === undefined ? undefined : profileArg === '' || profileArg.startsWith('--') ? path.join(tmpdir(), 'usher-chat-profile') : profileArg;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const conversationCount = Math.floor(connections / 2);
const GOAL = { connections: 10_000, rate: 1000, p99Ms: 50 };

type Outcome = {
  name: string;
  opened: number;
  failed: number;
  connectMs: number;
  setupMs: number;
  merged: LoadResult;
  server: ServerStats;
  machineBusy: number;
  postgresCpuMs: number;
};

const send = (child: ChildProcess, command: ServerCommand | LoadCommand) => child.send(command);

async function measure(name: string, serverFile: string, serverArgs: string[]): Promise<Outcome> {
  const server = startProcess(serverFile, serverArgs, profileDir && serverFile === 'chat-server.ts' ? { profileDir } : {});
  const listening = await nextMessage<ServerReport, 'listening'>(server, 'listening');
  const clients = Array.from({ length: clientCount }, () => startProcess('load-client.ts', []));
  try {
    const connectedReports = clients.map((client) => nextMessage<LoadReport, 'connected'>(client, 'connected'));
    clients.forEach((client, clientIndex) => send(client, {
      type: 'setup',
      setup: {
        url: listening.url, conversations: listening.conversations.filter((_, i) => i % clientCount === clientIndex),
        rate: rate / clientCount, seconds, clientIndex, connectConcurrency: 64,
      },
    }));
    const connected = await Promise.all(connectedReports);
    const opened = connected.reduce((sum, report) => sum + report.open, 0);
    const failed = connected.reduce((sum, report) => sum + report.failed, 0);
    const firstError = connected.find((report) => report.firstError)?.firstError;
    if (firstError) console.log(`  ${name}: ${failed} sockets failed to open, first: ${firstError}`);
    // Let the handshakes' garbage settle so it does not land in the measured window.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const done = clients.map((client) => nextMessage<LoadReport, 'done'>(client, 'done'));
    const serverMeasured = nextMessage<ServerReport, 'measured'>(server, 'measured');
    const ticksBefore = machineTicks();
    const postgresBefore = postgresTicks();
    send(server, { type: 'measure-start' });
    for (const client of clients) send(client, { type: 'go' });
    const results = (await Promise.all(done)).map((report) => report.result);
    send(server, { type: 'measure-stop' });
    const { stats } = await serverMeasured;
    const ticksAfter = machineTicks();
    const postgresCpuMs = ((postgresTicks() - postgresBefore) * 1000) / 100;
    return {
      name, opened, failed, connectMs: Math.max(...connected.map((report) => report.connectMs)), setupMs: listening.setupMs, merged: merge(results), server: stats,
      machineBusy: (ticksAfter.busy - ticksBefore.busy) / Math.max(1, ticksAfter.total - ticksBefore.total), postgresCpuMs,
    };
  } finally {
    for (const client of clients) send(client, { type: 'close' });
    const closed = nextMessage<ServerReport, 'closed'>(server, 'closed', 60_000).catch(() => undefined);
    send(server, { type: 'close' });
    await closed;
  }
}

function merge(results: LoadResult[]): LoadResult {
  const errors: Record<string, number> = {};
  for (const result of results) for (const [code, count] of Object.entries(result.errors)) errors[code] = (errors[code] ?? 0) + count;
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const max = (pick: (result: LoadResult) => number) => Math.max(...results.map(pick));
  return {
    sent: sum((r) => r.sent), acked: sum((r) => r.acked), delivered: sum((r) => r.delivered), duplicates: sum((r) => r.duplicates),
    delivery: results.flatMap((r) => r.delivery).sort((a, b) => a - b), ack: results.flatMap((r) => r.ack).sort((a, b) => a - b),
    errors, dropped: sum((r) => r.dropped), maxScheduleLagMs: max((r) => r.maxScheduleLagMs), sendWindowMs: max((r) => r.sendWindowMs), lastDeliveryMs: max((r) => r.lastDeliveryMs), clientCpuMs: sum((r) => r.clientCpuMs),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const throughput = (outcome: Outcome) => outcome.merged.delivered / (Math.max(outcome.merged.sendWindowMs, outcome.merged.lastDeliveryMs) / 1000);
const errorText = (errors: Record<string, number>) => Object.entries(errors).map(([code, count]) => `${code} ${count}`).join(', ') || '0';

function printTable(outcomes: Outcome[]): void {
  console.log('| server | sockets open | sent | delivered | msgs/s | p50 | p95 | p99 | max | ack p50 | ack p99 | errors | server CPU | event loop busy | machine busy |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const outcome of outcomes) {
    const { merged, server } = outcome;
    const lost = merged.sent - merged.delivered;
    console.log(`| ${outcome.name} | ${outcome.opened.toLocaleString('en-US')}${outcome.failed ? ` (${outcome.failed} failed)` : ''} | ${merged.sent.toLocaleString('en-US')} | ${merged.delivered.toLocaleString('en-US')}${lost ? ` (${lost} never arrived)` : ''} | ${throughput(outcome).toFixed(0)} | ${ms(percentile(merged.delivery, 50))} ms | ${ms(percentile(merged.delivery, 95))} ms | **${ms(percentile(merged.delivery, 99))} ms** | ${ms(merged.delivery.at(-1) ?? Number.NaN)} ms | ${ms(percentile(merged.ack, 50))} ms | ${ms(percentile(merged.ack, 99))} ms | ${errorText(merged.errors)}${merged.duplicates ? `, ${merged.duplicates} duplicates` : ''}${merged.dropped ? `, ${merged.dropped} dropped` : ''} | ${((server.cpuMs / server.wallMs) * 100).toFixed(0)} % | ${(server.eventLoopUtilization * 100).toFixed(0)} % | ${(outcome.machineBusy * 100).toFixed(0)} % |`);
  }
}

const perProcess = Math.ceil(connections / clientCount) + 200;
if (hardOpenFilesLimit() < connections + 200 || hardOpenFilesLimit() < perProcess) {
  console.log(`warning: the open-files hard limit (${hardOpenFilesLimit()}) is below the ${connections} sockets per process this run needs; raise it (ulimit -Hn as root) or use more --clients`);
}
const database = pglite ? 'PGlite (embedded, in the server process)' : `PostgreSQL (${(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test').replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}, pool ${pool})`;
console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores before the run; ${connections.toLocaleString('en-US')} sockets (${conversationCount.toLocaleString('en-US')} conversations × member + agent), ${rate} messages/s for ${seconds} s from ${clientCount} load process(es); chat on ${database}`);

const chat = await measure('chat', 'chat-server.ts', ['--db', pglite ? 'pglite' : 'postgres', '--conversations', String(conversationCount), '--pool', pool]);
const echo = await measure('baseline: bare ws relay', 'echo-server.ts', ['--conversations', String(conversationCount)]);
console.log(`setup: chat ${(chat.setupMs / 1000).toFixed(1)} s (migrations, ${conversationCount.toLocaleString('en-US')} conversations), sockets opened in ${(chat.connectMs / 1000).toFixed(1)} s (chat) and ${(echo.connectMs / 1000).toFixed(1)} s (baseline)`);
printTable([chat, echo]);

const chatP99 = percentile(chat.merged.delivery, 99);
const echoP99 = percentile(echo.merged.delivery, 99);
console.log(`ratio chat ÷ baseline: p50 ${(percentile(chat.merged.delivery, 50) / percentile(echo.merged.delivery, 50)).toFixed(1)}×, p99 ${(chatP99 / echoP99).toFixed(1)}×, throughput ${(throughput(chat) / throughput(echo)).toFixed(2)}; server CPU per message ${(chat.server.cpuMs / Math.max(1, chat.merged.sent)).toFixed(2)} ms vs ${(echo.server.cpuMs / Math.max(1, echo.merged.sent)).toFixed(2)} ms`);
if (!pglite) console.log(`PostgreSQL processes used ${(chat.postgresCpuMs / 1000).toFixed(1)} s of CPU during the chat window (${(chat.postgresCpuMs / Math.max(1, chat.merged.sent)).toFixed(2)} ms per message; other sessions on the server included)`);
const clientShare = (outcome: Outcome) => `${((outcome.merged.clientCpuMs / Math.max(1, outcome.server.wallMs)) * 100).toFixed(0)} %`;
console.log(`load clients used ${clientShare(chat)} of a core (chat run) and ${clientShare(echo)} (baseline run); they fell at most ${ms(Math.max(chat.merged.maxScheduleLagMs, echo.merged.maxScheduleLagMs))} ms behind their schedule\nserver event loop delay p99 ${ms(chat.server.eventLoopDelayP99Ms)} ms (chat), ${ms(echo.server.eventLoopDelayP99Ms)} ms (baseline); server RSS ${chat.server.rssMb.toFixed(0)} MB (chat), ${echo.server.rssMb.toFixed(0)} MB (baseline)`);
for (const outcome of [chat, echo]) {
  if (throughput(outcome) < rate * 0.95) console.log(`${outcome.name} fell behind: ${throughput(outcome).toFixed(0)} messages/s delivered while ${rate}/s were sent, so its latencies are mostly time spent waiting in line`);
}
const met = chat.opened >= GOAL.connections && throughput(chat) >= GOAL.rate * 0.98 && chatP99 < GOAL.p99Ms && chat.merged.delivered === chat.merged.sent;
console.log(`goal ${GOAL.connections.toLocaleString('en-US')} connections, ${GOAL.rate.toLocaleString('en-US')} messages/s, p99 < ${GOAL.p99Ms} ms: ${met ? 'met' : connections < GOAL.connections || rate < GOAL.rate ? 'not measured at this size' : 'NOT met'}`);
if (profileDir) console.log(`the chat server's CPU profile of the measured window is under ${profileDir} (read it with bench/chat/profile-summary.ts)`);
// Lost or repeated messages, or sockets that would not open, are failures; a slow figure is reported, not failed.
const broken = (outcome: Outcome) => outcome.failed > 0 || outcome.merged.delivered < outcome.merged.sent || outcome.merged.duplicates > 0 || outcome.merged.acked < outcome.merged.sent;
if (broken(chat) || broken(echo)) process.exitCode = 1;
