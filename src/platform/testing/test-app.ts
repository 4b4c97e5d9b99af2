import { createApp, migrationSources, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { fixedClock, type SettableClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrations.ts';
import { createLogger, type Logger } from '../logger.ts';
import { openTestDatabase } from './test-database.ts';

export type TestApp = { app: App; database: Database; clock: SettableClock; close(): Promise<void> };

/**
 * The whole app on a fresh database, migrated and (in demo mode) seeded, as
 * `npm start` builds it. `logger`: a test that reads what is logged (say,
 * that a secret never is) passes its own; default silent.
 */
export async function openTestApp(options: { today: string; demo?: boolean; database?: Database; env?: Record<string, string>; logger?: Logger }): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase('pglite'));
  const clock = fixedClock(options.today);
  const config = loadConfig({ ...options.env, USHER_DEMO: String(options.demo ?? true), USHER_SCHEDULER: 'false' });
  const app = await createApp({ config, clock, database, logger: options.logger ?? createLogger({ level: 'silent' }) });
  await runMigrations(database, migrationSources(app.modules));
  if (config.demoMode) for (const module of app.modules) await module.seedDemo?.();
  // As main.ts: background work (the chat's LISTEN, the desk's assignment) runs; schedulers stay off (USHER_SCHEDULER=false).
  for (const module of app.modules) await module.start?.();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
