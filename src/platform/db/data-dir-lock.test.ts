import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '../testing/test-database.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('../testing/open-data-dir.fixture.ts', import.meta.url));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usher-data-'));
  dirs.push(dir);
  return dir;
}

type FixtureResult = { exitCode: number; output: { opened?: boolean; code?: string; message?: string } };

async function openInAnotherProcess(dataDir: string, ending: 'close' | 'exit'): Promise<FixtureResult> {
  const result = await run(process.execPath, ['--import', 'tsx', fixture, dataDir, ending], { timeout: 60_000 })
    .then(({ stdout }) => ({ exitCode: 0, stdout }))
    .catch((error: { code?: number; stdout?: string }) => ({ exitCode: error.code ?? -1, stdout: error.stdout ?? '' }));
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '{}';
  return { exitCode: result.exitCode, output: JSON.parse(lastLine) as FixtureResult['output'] };
}

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '']);
  const pid = child.pid;
  await new Promise((resolve) => child.on('exit', resolve));
  if (pid === undefined) throw new Error('could not start a child process');
  return pid;
}

describe('the embedded data directory lock', () => {
  it('refuses a second process at once, naming the process that holds it', async () => {
    const dataDir = tempDataDir();
    const database = await openDatabase({ dataDir, pgliteTemplate: await pgliteTemplate() });
    try {
      const second = await openInAnotherProcess(dataDir, 'close');
      expect(second.exitCode).toBe(1);
      expect(second.output.code).toBe('DATABASE_IN_USE');
      expect(second.output.message).toContain(`in use by process ${process.pid}`);
      expect(second.output.message).toContain('DATABASE_URL=postgres://');
      // A wait on the lock would have been killed by the run's timeout (no exit code 1, no message): no clock needed.
    } finally {
      await database.close();
    }
  });

  it('is released on close, so the next process can open the directory', async () => {
    const dataDir = tempDataDir();
    const database = await openDatabase({ dataDir, pgliteTemplate: await pgliteTemplate() });
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'usher.lock'))).toBe(false);
    const next = await openInAnotherProcess(dataDir, 'close');
    expect(next.output).toMatchObject({ opened: true });
  });

  it('is released when the holder exits without closing', async () => {
    const dataDir = tempDataDir();
    const crashed = await openInAnotherProcess(dataDir, 'exit');
    expect(crashed.output).toMatchObject({ opened: true });
    expect(fs.existsSync(path.join(dataDir, 'usher.lock'))).toBe(false);
  });

  it('takes over a lock left behind by a process that is gone', async () => {
    const dataDir = tempDataDir();
    const lockFile = path.join(dataDir, 'usher.lock');
    fs.writeFileSync(lockFile, `${await deadPid()}\nnode src/main.ts\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('takes over an unreadable lock file', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'usher.lock'), 'garbage');
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOverFrom).toBeUndefined();
    lock.release();
  });

  it('refuses the same directory opened twice in one process', () => {
    const dataDir = tempDataDir();
    const lock = acquireDataDirLock(dataDir);
    try {
      expect(() => acquireDataDirLock(dataDir)).toThrow(expect.objectContaining({ code: 'DATABASE_IN_USE' }));
    } finally {
      lock.release();
    }
  });

  it('leaves a successor’s lock alone when released late', () => {
    const dataDir = tempDataDir();
    const lockFile = path.join(dataDir, 'usher.lock');
    const lock = acquireDataDirLock(dataDir);
    fs.writeFileSync(lockFile, '1\nsomeone else\n');
    lock.release();
    expect(fs.readFileSync(lockFile, 'utf8')).toBe('1\nsomeone else\n');
  });
});
