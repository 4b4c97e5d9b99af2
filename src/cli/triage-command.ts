import { MAX_TEXT_LENGTH, triage } from '../modules/triage/index.ts';
import { processJsonl, runTextCommand, type TextCommand } from './text-command.ts';

const TRIAGE: TextCommand<ReturnType<typeof triage>> = { name: 'triage', maxLength: MAX_TEXT_LENGTH, allowEmpty: false, handle: triage };

export const triageJsonl = (input: string): string => processJsonl(input, TRIAGE);

export function runTriageCommand(args: readonly string[]): void {
  runTextCommand(args, TRIAGE);
}
