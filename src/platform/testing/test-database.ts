import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, describe } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '../db/database.ts';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * initdb takes seconds per PGlite instance; loading a dumped fresh cluster
 * takes well under one. The dump is cached on disk, keyed by the installed
 * PGlite build, and shared by every test process.
 */
let template: Promise<Blob> | undefined;

function templatePath(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const stamp = fs.statSync(entry);
  return path.join(os.tmpdir(), `usher-pglite-template-${Math.round(stamp.mtimeMs)}-${stamp.size}.tar`);
}

async function createTemplate(file: string): Promise<Blob> {
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const pglite = await PGlite.create();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Write then rename, so a concurrent test process never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  return dump;
}

export function pgliteTemplate(): Promise<Blob> {
  template ??= createTemplate(templatePath());
  return template;
}

/**
 * An isolated, empty database: an in-memory PGlite, or a fresh `t_<random>`
 * schema on TEST_DATABASE_URL (dropped on close) so test files run in parallel.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ memory: true, pgliteTemplate: await pgliteTemplate() });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: cannot open a PostgreSQL test database');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, schema, poolSize: 4 });
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    try {
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(database.db);
    } finally {
      await database.close();
    }
  };
  return { ...database, close: () => (closing ??= close()) };
}

/**
 * A second, independent connection pool onto the same PostgreSQL test schema,
 * standing in for another server process. An embedded database belongs to one
 * process, so for PGlite the peer is the database itself.
 */
export async function openPeerDatabase(database: Database): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (database.kind === 'pglite' || !url) return { ...database, close: async () => {} };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const schema = rows[0]?.schema;
  return openDatabase({ url, poolSize: 4, ...(schema ? { schema } : {}) });
}

/**
 * One `describe` per database kind. `open()` gives a fresh database each call;
 * whatever a test leaves open is closed after the block.
 */
export function describeEachDatabase(name: string, fn: (open: () => Promise<Database>, kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      const opened: Database[] = [];
      const open = async (): Promise<Database> => {
        const database = await openTestDatabase(kind);
        opened.push(database);
        return database;
      };
      afterAll(async () => {
        await Promise.all(opened.map((database) => database.close()));
      });
      fn(open, kind);
    });
  }
}
