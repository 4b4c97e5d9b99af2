import { describe, expect, it } from 'vitest';
import { createApp, migrationSources } from './app.ts';
import { loadConfig } from './config.ts';
import { fixedClock } from './platform/clock.ts';
import { runMigrations } from './platform/db/migrations.ts';
import { createLogger } from './platform/logger.ts';
import type { UsherModule } from './platform/module.ts';
import { openTestDatabase } from './platform/testing/test-database.ts';

describe('createApp', () => {
  it('migrates the platform first, then each module in registry order', () => {
    const modules: UsherModule[] = [
      { name: 'identity', migrationsDir: '/app/identity/migrations' },
      { name: 'support', migrationsDir: '/app/support/migrations' },
    ];
    expect(migrationSources(modules).map((source) => source.module)).toEqual(['platform', 'identity', 'support']);
  });

  it('serves the platform routes once migrated, and closes cleanly', async () => {
    const database = await openTestDatabase('pglite');
    try {
      const app = await createApp({ config: loadConfig({}), clock: fixedClock('2025-06-01'), database, logger: createLogger({ level: 'silent' }) });
      await runMigrations(database, migrationSources(app.modules));
      const health = await app.server.inject({ method: 'GET', url: '/healthz' });
      expect(health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      await app.close();
      await app.close();
    } finally {
      await database.close();
    }
  });
});
