import { redact } from '../modules/safety/redaction/index.ts';
import { processJsonl, runTextCommand, type TextCommand } from './text-command.ts';

/** Chat messages and reviews; a longer line is refused rather than scanned. */
export const MAX_REDACT_LENGTH = 20_000;

const REDACT: TextCommand<ReturnType<typeof redact>> = { name: 'redact', maxLength: MAX_REDACT_LENGTH, allowEmpty: true, handle: (text) => redact(text) };

/** Every line is checked before any is redacted, so bad input prints nothing on stdout; then one pass and one write. */
export const redactJsonl = (input: string): string => processJsonl(input, REDACT);

export function runRedactCommand(args: readonly string[]): void {
  runTextCommand(args, REDACT);
}
