import { readFileSync } from 'node:fs';
import { redact } from '../modules/safety/redaction/index.ts';
import { parseArgs, printJson, UsageError } from './cli-io.ts';

const USAGE = 'usage: usher redact TEXT | usher redact --jsonl FILE|-';
/** Chat messages and reviews; a longer line is refused rather than scanned. */
export const MAX_REDACT_LENGTH = 20_000;

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
}

function checkText(text: unknown, where: string): string {
  if (typeof text !== 'string') throw new UsageError(`${where}: expected {"text": "…"} with a string text`);
  if (text.length > MAX_REDACT_LENGTH) throw new UsageError(`${where}: text is longer than ${MAX_REDACT_LENGTH} characters`);
  return text;
}

/** Every line is checked before any is redacted, so bad input prints nothing on stdout; then one pass and one write. */
export function redactJsonl(input: string): string {
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
  for (const text of texts) out += `${JSON.stringify(redact(text))}\n`;
  return out;
}

export function runRedactCommand(args: readonly string[]): void {
  const { positional, flags } = parseArgs(args, ['jsonl']);
  const jsonl = flags.get('jsonl');
  const unknown = [...flags.keys()].find((name) => name !== 'jsonl');
  if (unknown) throw new UsageError(`unknown option --${unknown}; ${USAGE}`);
  if (jsonl !== undefined) {
    if (jsonl === true) throw new UsageError('--jsonl needs a file, or - for stdin');
    if (positional.length > 0) throw new UsageError(`give either TEXT or --jsonl, not both; ${USAGE}`);
    process.stdout.write(redactJsonl(readInput(jsonl)));
    return;
  }
  if (positional.length === 0) throw new UsageError(USAGE);
  printJson(redact(checkText(positional.join(' '), 'TEXT')));
}
