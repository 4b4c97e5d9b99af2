import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export type DataDirLock = {
  path: string;
  /** Tells, when the previous holder died without cleaning up, which pid we took over from. */
  tookOverFrom?: number;
  release(): void;
};

const LOCK_FILE = 'usher.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Holder = { pid: number; command: string };

function readHolder(lockPath: string): Holder | undefined {
  try {
    const [pidLine = '', command = ''] = fs.readFileSync(lockPath, 'utf8').split('\n');
    const pid = Number.parseInt(pidLine, 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, command: command.trim() } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function inUse(dataDir: string, holder: Holder): AppError {
  const who = holder.command ? `\`${holder.command}\`` : 'probably `npm start`';
  return new AppError({
    code: 'DATABASE_IN_USE',
    message:
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${who}). ` +
      'Stop it, or set DATABASE_URL=postgres://… to share a PostgreSQL server.',
  });
}

function describeSelf(): string {
  return [path.basename(process.argv[0] ?? 'node'), ...process.argv.slice(1).map((arg) => path.relative(process.cwd(), arg) || arg)].join(' ');
}

/**
 * An embedded PostgreSQL data directory is a single process's memory image on
 * disk: two processes writing it corrupt it. The lock is a file created with
 * O_EXCL holding our pid, so the check never waits; a lock left by a dead pid
 * (a crash, `kill -9`) is taken over instead of blocking start-up forever.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  let tookOverFrom: number | undefined;

  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n${describeSelf()}\n`);
      fs.closeSync(fd);
      return createHandle(lockPath, tookOverFrom);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw inUse(dataDir, holder);
    if (holder?.pid === process.pid) throw inUse(dataDir, { pid: holder.pid, command: 'this process, opened twice' });
    // Dead holder or unreadable file: remove it, then race for it again with O_EXCL.
    tookOverFrom = holder?.pid;
    fs.rmSync(lockPath, { force: true });
  }
  throw new AppError({ code: 'DATABASE_IN_USE', message: `Could not lock ${lockPath}: other processes keep taking it.` });
}

function createHandle(lockPath: string, tookOverFrom: number | undefined): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only remove the file if it is still ours, never a successor's lock.
    if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return { path: lockPath, ...(tookOverFrom === undefined ? {} : { tookOverFrom }), release };
}
