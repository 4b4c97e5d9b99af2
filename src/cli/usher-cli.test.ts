import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const usher = path.join(root, 'bin/usher');
const dataDir = mkdtempSync(path.join(tmpdir(), 'usher-cli-'));
const env = { ...process.env, USHER_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

function run(...args: string[]) {
  const result = spawnSync(usher, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('bin/usher on the embedded database', { timeout: 120_000 }, () => {
  it('seeds synthetic members, then bills a day and the same day again without charging twice', () => {
    const seeded = run('seed', '--members', '400');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ synthetic: true, members: 400 });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const first = run('bill', '--date', tomorrow);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).charges).toBeGreaterThan(0);
    const again = run('bill', '--date', tomorrow);
    expect(JSON.parse(again.stdout)).toMatchObject({ memberships: 0, charges: 0 });
  });

  it('refuses bad input with exit 2 and a message naming it', () => {
    expect(run('seed', '--members', 'lots')).toMatchObject({ status: 2, stderr: expect.stringContaining('--members') });
    expect(run('bill', '--date', '2026-02-30')).toMatchObject({ status: 2, stderr: expect.stringContaining('--date') });
    expect(run('frobnicate')).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command') });
  });

  it('says plainly that the server holds the embedded database, without waiting', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
      env: { ...env, PORT: '0', USHER_DEMO: 'false', USHER_SCHEDULER: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('listening') && resolve());
        server.on('exit', () => reject(new Error('the server stopped')));
      });
      const started = Date.now();
      const bill = run('bill');
      expect(bill.status).toBe(1);
      expect(bill.stderr).toMatch(/in use by process \d+/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }
  });
});
