import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const usher = path.join(root, 'bin/usher');
const dataDir = mkdtempSync(path.join(tmpdir(), 'usher-gift-cli-'));
const env = { ...process.env, USHER_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', USHER_DEMO: 'false' };
const run = (...args: string[]) => {
  const result = spawnSync(usher, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('bin/usher gift-cards', { timeout: 120_000 }, () => {
  it('issues cards and prints their codes once, grouped XXXX-XXXX-XXXX-XXXX', () => {
    const issued = run('gift-cards', '--amount', '2500', '--currency', 'usd', '--count', '3');
    expect(issued.status, issued.stderr).toBe(0);
    const output = JSON.parse(issued.stdout) as { amount: number; currency: string; codes: string[] };
    expect(output).toMatchObject({ amount: 2500, currency: 'USD' });
    expect(output.codes).toHaveLength(3);
    for (const code of output.codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('refuses a value, currency or count it cannot issue, with exit 2 naming the flag', () => {
    expect(run('gift-cards', '--amount', '25.00', '--currency', 'USD')).toMatchObject({ status: 2, stderr: expect.stringContaining('--amount') });
    expect(run('gift-cards', '--amount', '2500', '--currency', 'XYZ')).toMatchObject({ status: 2, stderr: expect.stringContaining('--currency') });
    expect(run('gift-cards', '--amount', '2500', '--currency', 'USD', '--count', '5000')).toMatchObject({ status: 2, stderr: expect.stringContaining('--count') });
  });
});
