import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import { EmailInputError, MAX_EMAIL_BYTES, messageToScan, parseEmail, scanMessage, SCAN_CHANNELS, type Brand, type ScanInput, type ScanResult } from '../modules/safety/scan/index.ts';
import { parseArgs, printJson, UsageError } from './cli-io.ts';

/** A message line longer than this is refused rather than scanned. */
export const MAX_SCAN_BODY_LENGTH = 200_000;

const USAGE = 'usage: usher scan FILE.eml | usher scan --jsonl FILE|-';

/** contracts/cli.md: the verdict, the score and the codes of the signals (their evidence is for the app). */
export type ScanLine = { verdict: ScanResult['verdict']; score: number; signals: string[] };

function brandFromConfig(): Brand {
  try {
    return loadConfig().brand;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}

function read(source: string): Buffer {
  try {
    return readFileSync(source === '-' ? 0 : source);
  } catch (error) {
    throw new UsageError(`cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
}

function toLine(result: ScanResult): ScanLine {
  return { verdict: result.verdict, score: result.score, signals: result.signals.map((signal) => signal.code) };
}

function optionalText(row: Record<string, unknown>, key: string, where: string): string | null {
  const value = row[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new UsageError(`${where}: "${key}" must be a string`);
  return value;
}

/** One `{"channel","from","subject","body"}` line, checked field by field. */
export function scanInputFromLine(line: string, where: string): ScanInput {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new UsageError(`${where}: not JSON`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`${where}: expected a JSON object {"channel","from","subject","body"}`);
  const fields = row as Record<string, unknown>;
  const channel = fields.channel;
  if (typeof channel !== 'string' || !(SCAN_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(`${where}: "channel" must be one of ${SCAN_CHANNELS.join(', ')}`);
  if (typeof fields.body !== 'string') throw new UsageError(`${where}: "body" must be a string`);
  if (fields.body.length > MAX_SCAN_BODY_LENGTH) throw new UsageError(`${where}: "body" is longer than ${MAX_SCAN_BODY_LENGTH} characters`);
  const from = optionalText(fields, 'from', where) ?? '';
  return {
    channel: channel as ScanInput['channel'],
    from,
    subject: optionalText(fields, 'subject', where),
    body: fields.body,
    replyTo: optionalText(fields, 'replyTo', where),
    html: optionalText(fields, 'html', where),
  };
}

/** Every line is checked before any is scanned, so bad input prints nothing on stdout; then one pass and one write. */
export function scanJsonl(input: string, brand: Brand): string {
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const messages = lines.map((line, index) => scanInputFromLine(line, `line ${index + 1}`));
  let out = '';
  for (const message of messages) out += `${JSON.stringify(toLine(scanMessage(message, brand)))}\n`;
  return out;
}

export async function scanEmailFile(raw: Buffer, brand: Brand): Promise<ScanLine> {
  try {
    return toLine(scanMessage(messageToScan(await parseEmail(raw)), brand));
  } catch (error) {
    if (error instanceof EmailInputError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runScanCommand(args: readonly string[]): Promise<void> {
  const { positional, flags } = parseArgs(args, ['jsonl']);
  const unknown = [...flags.keys()].find((name) => name !== 'jsonl');
  if (unknown) throw new UsageError(`unknown option --${unknown}; ${USAGE}`);
  const jsonl = flags.get('jsonl');
  if (jsonl !== undefined) {
    if (jsonl === true) throw new UsageError('--jsonl needs a file, or - for stdin');
    if (positional.length > 0) throw new UsageError(`give either FILE.eml or --jsonl, not both; ${USAGE}`);
    const brand = brandFromConfig();
    process.stdout.write(scanJsonl(read(jsonl).toString('utf8'), brand));
    return;
  }
  if (positional.length !== 1) throw new UsageError(USAGE);
  const brand = brandFromConfig();
  const raw = read(positional[0]);
  if (raw.length > MAX_EMAIL_BYTES) throw new UsageError(`${positional[0]} is larger than ${MAX_EMAIL_BYTES / 1024 / 1024} MB`);
  printJson(await scanEmailFile(raw, brand));
}
