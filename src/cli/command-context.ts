import { migrationSources } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { buildModules, type Modules } from '../modules/registry.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { runMigrations } from '../platform/db/migrations.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { UsherFailure, UsageError } from './cli-io.ts';

export type CommandContext = { config: Config; database: Database; modules: Modules; close(): Promise<void> };

/**
 * The database and modules a command works on, exactly as the server builds
 * them. An embedded database held by a running server is refused with a
 * message, never waited for.
 */
export async function openCommandContext(): Promise<CommandContext> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
  // Commands print JSON on stdout: logs go to stderr, warnings only.
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  let database: Database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  } catch (error) {
    if (error instanceof AppError) throw new UsherFailure(error.message);
    throw error;
  }
  const modules = buildModules({ config, clock: systemClock, database, logger });
  await runMigrations(database, migrationSources(modules.all));
  return { config, database, modules, close: () => database.close() };
}
