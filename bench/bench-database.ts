import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { platformMigrations, runMigrations } from '../src/platform/db/migrations.ts';
import { billingMigrations } from '../src/modules/billing/index.ts';

export type BenchDatabase = Database;

/**
 * A throw-away database for one benchmark: a fresh schema on the PostgreSQL
 * at BENCH_DATABASE_URL (default the local server), or an embedded PGlite in
 * a temporary directory.
 */
export async function openBenchDatabase(pglite: boolean): Promise<BenchDatabase> {
  if (pglite) {
    const dir = mkdtempSync(path.join(tmpdir(), 'usher-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { ...database, close: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const schema = `bench_${Date.now().toString(36)}`;
  const database = await openDatabase({ url, schema, poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = await openDatabase({ url, poolSize: 1 });
      if (cleanup.raw.kind === 'postgres') await cleanup.raw.pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.close();
    },
  };
}

export async function migrateBench(database: BenchDatabase): Promise<void> {
  await runMigrations(database, [platformMigrations, billingMigrations]);
}
