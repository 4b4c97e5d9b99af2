import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Generated, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import { withTables, type Database } from './database.ts';

export type MigrationSource = { module: string; dir: string };
export type AppliedMigration = { module: string; name: string };

type MigrationTables = {
  schema_migrations: { module: string; name: string; applied_at: Generated<Date> };
};

export const platformMigrations: MigrationSource = {
  module: 'platform',
  dir: fileURLToPath(new URL('./migrations/', import.meta.url)),
};

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

async function listScripts(source: MigrationSource): Promise<string[]> {
  const entries = await fs.readdir(source.dir).catch((error: unknown) => {
    throw new AppError({ code: 'MIGRATION_FAILED', status: 500, message: `Module ${source.module} has no migrations directory at ${source.dir}.`, cause: error });
  });
  const scripts = entries.filter((entry) => entry.endsWith('.sql')).sort();
  const misnamed = scripts.find((name) => !FILE_NAME.test(name));
  if (misnamed) {
    throw new AppError({ code: 'MIGRATION_FAILED', status: 500, message: `Migration ${source.module}/${misnamed} must be named like 0001_create_things.sql.` });
  }
  return scripts;
}

/**
 * Concurrent runners (two replicas starting together) queue on one advisory
 * lock per schema, held for each transaction, so each file runs exactly once.
 * PGlite has a single connection and needs none.
 */
async function serialise(database: Database, trx: Transaction<MigrationTables>): Promise<void> {
  if (database.kind !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(current_schema()), hashtext('usher.migrations'))`.execute(trx);
}

async function executeScript(database: Database, trx: Transaction<MigrationTables>, script: string): Promise<void> {
  if (database.raw.kind === 'pglite') {
    // Kysely's PGlite driver sends parameterised single statements; the
    // session is the one holding `trx` open, so exec runs inside it.
    await database.raw.pglite.exec(script);
    return;
  }
  // No parameters, so pg uses the simple protocol, which accepts many statements.
  await sql.raw(script).execute(trx);
}

async function ensureLedger(database: Database, db: Kysely<MigrationTables>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await serialise(database, trx);
    await sql`create table if not exists schema_migrations (
      module text not null,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (module, name)
    )`.execute(trx);
  });
}

/** Applies each module's `*.sql` files in name order, each once, each in its own transaction. */
export async function runMigrations(
  database: Database,
  sources: MigrationSource[],
  options: { logger?: Pick<Logger, 'info'> } = {},
): Promise<{ applied: AppliedMigration[] }> {
  const db = withTables<MigrationTables>(database.db);
  await ensureLedger(database, db);
  const applied: AppliedMigration[] = [];
  for (const source of sources) {
    for (const name of await listScripts(source)) {
      const script = await fs.readFile(path.join(source.dir, name), 'utf8');
      const ran = await db.transaction().execute(async (trx) => {
        await serialise(database, trx);
        const done = await trx.selectFrom('schema_migrations').select('name').where('module', '=', source.module).where('name', '=', name).executeTakeFirst();
        if (done) return false;
        try {
          await executeScript(database, trx, script);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new AppError({ code: 'MIGRATION_FAILED', status: 500, message: `Migration ${source.module}/${name} failed: ${reason}`, cause: error });
        }
        await trx.insertInto('schema_migrations').values({ module: source.module, name }).execute();
        return true;
      });
      if (ran) {
        applied.push({ module: source.module, name });
        options.logger?.info({ module: source.module, migration: name }, 'applied migration');
      }
    }
  }
  return { applied };
}
