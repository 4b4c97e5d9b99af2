import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const usher = path.join(root, 'bin/usher');
const dir = mkdtempSync(path.join(tmpdir(), 'usher-redact-'));

function run(args: string[], input?: string) {
  const result = spawnSync(usher, args, { encoding: 'utf8', input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usher redact', () => {
  it('prints the redacted text and findings with offsets into the input', () => {
    const text = 'card 4111 1111 1111 1111 and pw: hunter2!';
    const result = run(['redact', text]);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { text: string; findings: { kind: string; start: number; end: number }[] };
    expect(out.text).toBe('card [card number removed] and pw: [password removed]');
    expect(out.findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([['card_number', '4111 1111 1111 1111'], ['password', 'hunter2!']]);
  });

  it('answers one line per input line, in order, from a file or stdin', () => {
    const texts = ['email me at a@example.com', 'no secrets, $15.49 on 3 May', 'otp is 123456', 'call 212-555-0199'];
    const input = `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`;
    const file = path.join(dir, 'messages.jsonl');
    writeFileSync(file, input);
    for (const result of [run(['redact', '--jsonl', file]), run(['redact', '--jsonl', '-'], input)]) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line).text)).toEqual([
        'email me at [email removed]',
        'no secrets, $15.49 on 3 May',
        'otp is [code removed]',
        'call [phone removed]',
      ]);
    }
  });

  it('refuses bad input with exit 2, naming the line, and prints no result', () => {
    expect(run(['redact', '--jsonl', '-'], '{"text":"a"}\n{"text":"b"}\nnot json\n')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('line 3') });
    expect(run(['redact', '--jsonl', '-'], '{"message":"hi"}\n')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('line 1') });
    expect(run(['redact', '--jsonl', '-'], '[1]\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('line 1') });
    expect(run(['redact', '--jsonl', path.join(dir, 'missing.jsonl')])).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot read') });
    expect(run(['redact', '--jsonl'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--jsonl') });
    expect(run(['redact', '--bogus', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--bogus') });
    expect(run(['redact'])).toMatchObject({ status: 2, stderr: expect.stringContaining('usage') });
  });
});
