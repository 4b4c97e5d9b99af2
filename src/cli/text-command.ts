import { readFileSync } from 'node:fs';
import { parseArgs, printJson, UsageError } from './cli-io.ts';

/** A command over one member's text: `usher NAME TEXT` or `usher NAME --jsonl FILE|-` with `{"text"}` per line. */
export type TextCommand<Result> = {
  name: string;
  maxLength: number;
  /** Whether an empty text is a question with an answer (redact) or bad input (triage). */
  allowEmpty: boolean;
  handle(text: string): Result;
};

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
}

function checkText<Result>(text: unknown, where: string, command: TextCommand<Result>): string {
  if (typeof text !== 'string') throw new UsageError(`${where}: expected {"text": "…"} with a string text`);
  if (!command.allowEmpty && text.trim() === '') throw new UsageError(`${where}: text is empty`);
  if (text.length > command.maxLength) throw new UsageError(`${where}: text is longer than ${command.maxLength} characters`);
  return text;
}

/**
 * Every line is checked before any is handled, so bad input prints nothing
 * on stdout; then one synchronous pass and one write.
 */
export function processJsonl<Result>(input: string, command: TextCommand<Result>): string {
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
    return checkText((row as { text?: unknown }).text, where, command);
  });
  let out = '';
  for (const text of texts) out += `${JSON.stringify(command.handle(text))}\n`;
  return out;
}

export function runTextCommand<Result>(args: readonly string[], command: TextCommand<Result>): void {
  const usage = `usage: usher ${command.name} TEXT | usher ${command.name} --jsonl FILE|-`;
  const { positional, flags } = parseArgs(args, ['jsonl']);
  const jsonl = flags.get('jsonl');
  const unknown = [...flags.keys()].find((name) => name !== 'jsonl');
  if (unknown) throw new UsageError(`unknown option --${unknown}; ${usage}`);
  if (jsonl !== undefined) {
    if (jsonl === true) throw new UsageError('--jsonl needs a file, or - for stdin');
    if (positional.length > 0) throw new UsageError(`give either TEXT or --jsonl, not both; ${usage}`);
    process.stdout.write(processJsonl(readInput(jsonl), command));
    return;
  }
  if (positional.length === 0) throw new UsageError(usage);
  printJson(command.handle(checkText(positional.join(' '), 'TEXT', command)));
}
