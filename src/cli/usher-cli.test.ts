import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Input that once kept a command running until memory ran out: a deadline of
 * 20 s on the child makes a regression fail instead of hanging the suite.
 */
function runWithDeadline(...args: string[]) {
  const result = spawnSync(usher, args, { env, encoding: 'utf8', timeout: 20_000 });
  if (result.status === null) throw new Error(`usher ${args.join(' ')} did not finish within 20 s (${result.signal})`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scenarioFile(name: string, scenario: unknown): string {
  const file = path.join(dataDir, name);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('bin/usher refuses input that would never finish', () => {
  const account = { country: 'US', region: 'WA' };
  const signup = { date: '2026-01-31', type: 'signup', plan: 'standard' };

  it('simulate: an event dated 9999-12-01 or until 9999-12-31 exits 2 naming the field', { timeout: 45_000 }, () => {
    const late = runWithDeadline('simulate', scenarioFile('late-event.json', { account, events: [signup, { date: '9999-12-01', type: 'cancel' }, { date: '9999-12-31', type: 'cancel' }] }));
    expect(late).toMatchObject({ status: 2, stderr: expect.stringContaining('events[1].date: a date from 2000-01-01 to 2100-12-31') });
    const until = runWithDeadline('simulate', scenarioFile('late-until.json', { account, events: [signup], until: '9999-12-31' }));
    expect(until).toMatchObject({ status: 2, stderr: expect.stringContaining('until: a date from 2000-01-01 to 2100-12-31') });
  });

  it('bill: a date past 2100, or more than a year ahead, exits 2 naming --date before opening the database', { timeout: 45_000 }, () => {
    expect(runWithDeadline('bill', '--date', '9999-12-01')).toMatchObject({ status: 2, stderr: expect.stringContaining('--date must be a date from 2000-01-01 to 2100-12-31') });
    const nextYearAndMore = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    expect(runWithDeadline('bill', '--date', nextYearAndMore)).toMatchObject({ status: 2, stderr: expect.stringContaining('--date must be at most 366 days after today') });
  });

  it('seed: more than 50,000,000 members, or a number written otherwise than in digits, exits 2', { timeout: 45_000 }, () => {
    for (const members of ['50000001', '1e7', '99999999999999999999']) {
      expect(runWithDeadline('seed', '--members', members)).toMatchObject({ status: 2, stderr: expect.stringContaining('--members must be a whole number between 1 and 50,000,000') });
    }
  });
});

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
      // A command that waited on the lock would still be waiting when spawnSync's timeout kills it
      // (status null): exit 1 with the message is the proof it refused at once, on a machine of any speed.
      const bill = run('bill');
      expect(bill.status).toBe(1);
      expect(bill.stderr).toMatch(/in use by process \d+/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }
  });
});
