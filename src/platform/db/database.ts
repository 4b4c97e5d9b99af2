import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { pgliteParsers, pgTypes } from './type-parsers.ts';

/** The platform knows no tables; each module declares its own and narrows with `withTables`. */
export type NoTables = Record<never, never>;
export type Db = Kysely<NoTables>;
export type DatabaseKind = 'pglite' | 'postgres';

/** Session-level access Kysely does not model, such as LISTEN/NOTIFY. */
export type RawDriver = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; pool: pg.Pool };

export type Database = {
  db: Db;
  kind: DatabaseKind;
  raw: RawDriver;
  close(): Promise<void>;
};

export type DatabaseLogger = Pick<Logger, 'info' | 'warn'>;

export type OpenDatabaseOptions = {
  /** A postgres:// URL; wins over `dataDir` and `memory`. */
  url?: string;
  /** Embedded database kept in `<dataDir>/pg`, locked to this process. */
  dataDir?: string;
  memory?: boolean;
  /** Every connection's search_path; created when missing. */
  schema?: string;
  poolSize?: number;
  /** An embedded data directory dump to start from instead of running initdb (tests). */
  pgliteTemplate?: Blob;
  logger?: DatabaseLogger;
};

/**
 * Gives a module a Kysely typed with its own tables over the shared
 * connection. The tables are the module's claim, checked by its migrations and
 * tests, not by the compiler, hence the cast.
 */
export function withTables<Tables>(db: Db): Kysely<Tables> {
  return db as unknown as Kysely<Tables>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkSchema(schema: string | undefined): void {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AppError({ code: 'VALIDATION_FAILED', field: 'schema', message: `Schema "${schema}" must be lower-case letters, digits and underscores.` });
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  checkSchema(options.schema);
  if (options.url) return openPostgres(options.url, options);
  if (options.memory) return openPglite(undefined, undefined, options);
  if (!options.dataDir) throw new Error('openDatabase needs a url, a dataDir or memory: true');
  const lock = acquireDataDirLock(options.dataDir);
  if (lock.tookOverFrom !== undefined) {
    options.logger?.warn({ dataDir: options.dataDir, pid: lock.tookOverFrom }, 'took over the lock of a process that is gone');
  }
  try {
    return await openPglite(path.join(options.dataDir, 'pg'), lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPglite(directory: string | undefined, lock: DataDirLock | undefined, options: OpenDatabaseOptions): Promise<Database> {
  const pglite = await PGlite.create({
    ...(directory === undefined ? {} : { dataDir: directory }),
    ...(options.pgliteTemplate === undefined ? {} : { loadDataDir: options.pgliteTemplate }),
    parsers: pgliteParsers,
  });
  if (options.schema) {
    // One connection only, so setting search_path once covers every query.
    await pglite.exec(`create schema if not exists ${options.schema}; set search_path to ${options.schema};`);
  }
  const db: Db = new Kysely<NoTables>({ dialect: new PGliteDialect(pglite) });
  options.logger?.info({ dataDir: directory ?? 'memory' }, 'opened the embedded database');
  return {
    db,
    kind: 'pglite',
    raw: { kind: 'pglite', pglite },
    close: once(async () => {
      try {
        await db.destroy();
        // Kysely only closes a driver it has used; an untouched PGlite would linger.
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  if (options.schema) await createSchema(url, options.schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its server emits here; unhandled, it would crash the process.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'idle PostgreSQL connection failed'));
  const db: Db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new AppError({ code: 'DATABASE_UNAVAILABLE', status: 503, message: `Cannot reach PostgreSQL at ${redactUrl(url)}.`, cause: error });
  }
  options.logger?.info({ url: redactUrl(url), schema: options.schema }, 'connected to PostgreSQL');
  const close = async (): Promise<void> => {
    await db.destroy();
    if (!pool.ended) await pool.end();
  };
  return { db, kind: 'postgres', raw: { kind: 'postgres', pool }, close: once(close) };
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } catch (error) {
    // Two processes creating the same schema at once: the loser sees a unique violation.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
