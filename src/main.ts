import { createApp, migrationSources } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrations.ts';
import { AppError } from './platform/errors.ts';
import { createLogger } from './platform/logger.ts';

const EXIT_BAD_INPUT = 2;
const EXIT_FAILURE = 1;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`usher: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
}

const config = readConfig();
const logger = createLogger({ level: config.logLevel });

async function open(): Promise<Database> {
  try {
    return await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  } catch (error) {
    // Another Usher owns the data directory: say so plainly, no stack trace.
    if (error instanceof AppError && (error.code === 'DATABASE_IN_USE' || error.code === 'DATABASE_UNAVAILABLE')) {
      process.stderr.write(`usher: ${error.message}\n`);
      process.exit(EXIT_FAILURE);
    }
    throw error;
  }
}

async function start(): Promise<void> {
  const database = await open();
  const app = await createApp({ config, clock: systemClock, database, logger });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without a clean shutdown');
      process.exit(EXIT_FAILURE);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  await runMigrations(database, migrationSources(app.modules), { logger });
  if (config.demoMode) {
    for (const module of app.modules) await module.seedDemo?.();
  }
  for (const module of app.modules) await module.start?.();
  await app.server.listen({ host: config.host, port: config.port });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // PORT=0 picks a free port; report the one actually bound.
  const bound = app.server.server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : config.port;
  logger.info({ url: `http://${shownHost}:${port}`, database: database.kind }, 'Usher is listening');
  for (const module of app.modules) await module.startListeners?.();
}

start().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Usher failed to start');
  process.exitCode = EXIT_FAILURE;
  // Exit explicitly: an open database or timer would otherwise keep a half-started process alive.
  setImmediate(() => process.exit(EXIT_FAILURE));
});
