import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const usher = path.join(root, 'bin/usher');
const dir = mkdtempSync(path.join(tmpdir(), 'usher-triage-'));

function run(args: string[], input?: string) {
  const result = spawnSync(usher, args, { encoding: 'utf8', input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usher triage', () => {
  it('prints the intent, confidence, alternatives and entities of one message', () => {
    const result = run(['triage', 'I get error NW-2-5 on my smart TV']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ intent: 'streaming.app_error', entities: { error_code: 'NW-2-5', device: 'tv' } });
  });

  it('answers one line per input line, in order, from a file or stdin', () => {
    const texts = ['how do I cancel my membership', 'I forgot my password', 'my gift card does not work', 'what are your opening hours'];
    const input = `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`;
    const file = path.join(dir, 'messages.jsonl');
    writeFileSync(file, input);
    for (const result of [run(['triage', '--jsonl', file]), run(['triage', '--jsonl', '-'], input)]) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line).intent)).toEqual(['membership.cancel', 'login.forgot_password', 'gift_card', 'info.company']);
    }
  });

  it('refuses bad input with exit 2, naming the line, and prints no result', () => {
    const notJson = run(['triage', '--jsonl', '-'], '{"text":"hello"}\n{"text":"refund"}\nnot json\n');
    expect(notJson).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('line 3') });
    expect(run(['triage', '--jsonl', '-'], '{"message":"hi"}\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('line 1') });
    expect(run(['triage', '--jsonl', '-'], '{"text":""}\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('empty') });
    expect(run(['triage', '--jsonl', path.join(dir, 'missing.jsonl')])).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot read') });
    expect(run(['triage', '--jsonl'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--jsonl') });
    expect(run(['triage'])).toMatchObject({ status: 2, stderr: expect.stringContaining('usage') });
  });
});
