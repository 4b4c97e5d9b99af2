import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts one of bench/chat's processes with an IPC channel. It goes through
 * bash so the open-files limit can be raised to the hard limit first (Node
 * cannot raise its own); the channel survives the `exec`.
 */
export function startProcess(file: string, args: string[], options: { profileDir?: string } = {}): ChildProcess {
  const nodeArgs = ['--import', 'tsx', path.join(here, file), ...args];
  return spawn('bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...nodeArgs], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...(options.profileDir ? { BENCH_CHAT_PROFILE_DIR: options.profileDir } : {}) },
  });
}

/** The next IPC message of the given type; fails when the process exits first. */
export function nextMessage<T extends { type: string }, K extends T['type']>(child: ChildProcess, type: K, timeoutMs = 600_000): Promise<Extract<T, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<T, { type: K }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`process ${child.pid} exited (${code}) while the bench waited for "${type}"`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no "${type}" from process ${child.pid} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export function hardOpenFilesLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((row) => row.startsWith('Max open files'));
    const hard = line?.trim().split(/\s+/)[4];
    return hard === undefined || hard === 'unlimited' ? Infinity : Number(hard);
  } catch {
    return Infinity;
  }
}

/** Busy and total CPU time of the whole machine, in clock ticks (/proc/stat). */
export function machineTicks(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU time of every PostgreSQL server process on this machine, in clock ticks (other users' sessions included). */
export function postgresTicks(): number {
  let ticks = 0;
  for (const pid of safeReaddir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(after[11]) + Number(after[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
