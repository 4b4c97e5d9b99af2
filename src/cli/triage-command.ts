import { readFileSync } from 'node:fs';
import { MAX_TEXT_LENGTH, triage } from '../modules/triage/index.ts';
import { parseArgs, printJson, UsageError } from './cli-io.ts';

const USAGE = 'usage: usher triage TEXT | usher triage --jsonl FILE|-';

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
}

function checkText(text: unknown, where: string): string {
  if (typeof text !== 'string') throw new UsageError(`${where}: expected {"text": "…"} with a string text`);
  if (text.trim() === '') throw new UsageError(`${where}: text is empty`);
  if (text.length > MAX_TEXT_LENGTH) throw new UsageError(`${where}: text is longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

/**
 * Every line is checked before any is classified, so bad input prints
 * nothing on stdout; then one synchronous pass and one write.
 */
export function triageJsonl(input: string): string {
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const texts = lines.map((line, i) => {
    const where = `line ${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new UsageError(`${where}: not JSON`);
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`${where}: expected a JSON object {"text": "…"}`);
    return checkText((row as { text?: unknown }).text, where);
  });
  let out = '';
  for (const text of texts) out += `${JSON.stringify(triage(text))}\n`;
  return out;
}

export function runTriageCommand(args: readonly string[]): void {
  const { positional, flags } = parseArgs(args, ['jsonl']);
  const jsonl = flags.get('jsonl');
  const unknown = [...flags.keys()].find((name) => name !== 'jsonl');
  if (unknown) throw new UsageError(`unknown option --${unknown}; ${USAGE}`);
  if (jsonl !== undefined) {
    if (jsonl === true) throw new UsageError('--jsonl needs a file, or - for stdin');
    if (positional.length > 0) throw new UsageError(`give either TEXT or --jsonl, not both; ${USAGE}`);
    process.stdout.write(triageJsonl(readInput(jsonl)));
    return;
  }
  if (positional.length === 0) throw new UsageError(USAGE);
  printJson(triage(checkText(positional.join(' '), 'TEXT')));
}
