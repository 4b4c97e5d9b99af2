import { EXIT_BAD_INPUT, EXIT_INTERNAL, UsageError, UsherFailure } from './cli-io.ts';

type Command = (args: readonly string[]) => void | Promise<void>;

// Each command loads only what it needs: `usher triage` must not pay for the database and the server.
const commands: Record<string, Command> = {
  simulate: async (args) => (await import('./simulate-command.ts')).runSimulateCommand(args),
  bill: async (args) => (await import('./billing-commands.ts')).runBillCommand(args),
  seed: async (args) => (await import('./billing-commands.ts')).runSeedCommand(args),
  'gift-cards': async (args) => (await import('./billing-commands.ts')).runGiftCardsCommand(args),
  triage: async (args) => (await import('./triage-command.ts')).runTriageCommand(args),
  redact: async (args) => (await import('./redact-command.ts')).runRedactCommand(args),
  scan: async (args) => (await import('./scan-command.ts')).runScanCommand(args),
  serve: async () => {
    await import('../main.ts');
  },
};

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) throw new UsageError(`usage: usher <${Object.keys(commands).join('|')}> …${name ? ` (unknown command "${name}")` : ''}`);
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`usher: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  if (error instanceof UsherFailure) {
    process.stderr.write(`usher: ${error.message}\n`);
    process.exit(EXIT_INTERNAL);
  }
  process.stderr.write(`usher: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
});
