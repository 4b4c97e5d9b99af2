import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const usher = path.join(root, 'bin/usher');
const fixtures = path.join(root, 'src/modules/safety/scan/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'usher-scan-'));

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(usher, args, { encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usher scan', () => {
  it('judges a raw email, analysing the message a member forwarded', () => {
    const result = run(['scan', path.join(fixtures, 'forwarded-inline-gmail.eml')]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ verdict: 'phish', score: expect.any(Number), signals: ['urgent_threat', 'off_domain_link', 'lookalike_domain', 'odd_sender'] });
    expect(JSON.parse(run(['scan', path.join(fixtures, 'official-legit-spanish.eml')]).stdout)).toEqual({ verdict: 'legit', score: 0, signals: [] });
  });

  it('answers one line per message, in order, from a file or stdin', () => {
    const lines = [
      { channel: 'sms', from: 'Reelhouse', subject: null, body: 'Reelhouse: 482913 is your sign-in code. Never share it.' },
      { channel: 'email', from: 'Reelhouse <billing@reelhouse-pay.com>', subject: 'Payment failed', body: 'Enter your card number at https://reelhouse-pay.com/u within 24 hours or your account will be closed.' },
      { channel: 'call_transcript', from: '+1 (555) 010-0000', body: 'Caller: This is Reelhouse support. Please install AnyDesk.' },
    ];
    const input = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
    const file = path.join(dir, 'messages.jsonl');
    writeFileSync(file, input);
    for (const result of [run(['scan', '--jsonl', file]), run(['scan', '--jsonl', '-'], input)]) {
      expect(result.status, result.stderr).toBe(0);
      const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(out.map((line) => line.verdict)).toEqual(['legit', 'phish', 'phish']);
      expect(out[1].signals).toEqual(['urgent_threat', 'off_domain_link', 'lookalike_domain', 'asks_card', 'odd_sender']);
    }
  });

  it('takes the official domains from USHER_BRAND_NAME and USHER_BRAND_DOMAINS', () => {
    const line = `${JSON.stringify({ channel: 'email', from: 'Watchly <hi@watchly.com>', subject: 'Plans', body: 'Reelhouse is now Watchly. See https://watchly.com/plans' })}\n`;
    expect(JSON.parse(run(['scan', '--jsonl', '-'], line).stdout).verdict).not.toBe('legit');
    expect(JSON.parse(run(['scan', '--jsonl', '-'], line, { USHER_BRAND_NAME: 'Watchly', USHER_BRAND_DOMAINS: 'watchly.com' }).stdout).verdict).toBe('legit');
  });

  it('refuses bad input with exit 2, naming what is wrong, and prints no result', () => {
    const good = JSON.stringify({ channel: 'sms', from: 'x', body: 'hi' });
    expect(run(['scan', '--jsonl', '-'], `${good}\n{"channel":"fax","from":"x","body":"hi"}\n`)).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('line 2: "channel" must be one of') });
    expect(run(['scan', '--jsonl', '-'], `${good}\nnot json\n`)).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('line 2: not JSON') });
    expect(run(['scan', '--jsonl', '-'], '{"channel":"sms","from":"x"}\n')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('"body" must be a string') });
    const notEmail = path.join(dir, 'notes.txt');
    writeFileSync(notEmail, 'just some notes\nnothing else\n');
    expect(run(['scan', notEmail])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('no email headers') });
    expect(run(['scan', path.join(dir, 'missing.eml')])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('cannot read') });
    expect(run(['scan'])).toMatchObject({ status: 2, stderr: expect.stringContaining('usage') });
    expect(run(['scan', '--jsonl'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--jsonl') });
    expect(run(['scan', '--bogus'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--bogus') });
    expect(run(['scan', path.join(fixtures, 'official-legit-spanish.eml')], undefined, { USHER_BRAND_DOMAINS: 'not a domain' })).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('USHER_BRAND_DOMAINS') });
  });
});
