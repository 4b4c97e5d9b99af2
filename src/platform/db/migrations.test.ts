import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it, onTestFinished } from 'vitest';
import { describeEachDatabase, openPeerDatabase } from '../testing/test-database.ts';
import type { Database } from './database.ts';
import { platformMigrations, runMigrations, type MigrationSource } from './migrations.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** Writes a module's migrations directory for one test. */
function moduleWith(module: string, files: Record<string, string>): MigrationSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `usher-migrations-${module}-`));
  roots.push(dir);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return { module, dir };
}

async function recorded(database: Database): Promise<string[]> {
  const { rows } = await sql<{ module: string; name: string }>`select module, name from schema_migrations order by applied_at, module, name`.execute(database.db);
  return rows.map((row) => `${row.module}/${row.name}`);
}

async function tableExists(database: Database, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(database.db);
  return rows[0]?.found != null;
}

describeEachDatabase('runMigrations', (open) => {
  it('creates the platform tables: the outbox (with its Message-IDs) and the shared rate-limit counters', async () => {
    const database = await open();
    const { applied } = await runMigrations(database, [platformMigrations]);
    expect(applied).toEqual([
      { module: 'platform', name: '0001_outbox.sql' }, { module: 'platform', name: '0002_rate_limits.sql' }, { module: 'platform', name: '0003_outbox_message_ids.sql' },
    ]);
    expect(await tableExists(database, 'outbox_messages')).toBe(true);
    expect(await tableExists(database, 'platform_rate_limits')).toBe(true);
  });

  it('applies files in name order, modules in the given order, each once', async () => {
    const database = await open();
    const accounts = moduleWith('accounts', {
      '0002_add_email.sql': 'alter table accounts add column email text;',
      '0001_create_accounts.sql': 'create table accounts (id text primary key);\ncreate index accounts_id_idx on accounts (id);',
      'README.md': 'not a migration',
    });
    const cases = moduleWith('cases', {
      '0001_create_cases.sql': 'create table cases (id text primary key, account_id text references accounts (id));',
    });

    const first = await runMigrations(database, [accounts, cases]);
    expect(first.applied.map((migration) => `${migration.module}/${migration.name}`)).toEqual([
      'accounts/0001_create_accounts.sql',
      'accounts/0002_add_email.sql',
      'cases/0001_create_cases.sql',
    ]);
    await sql`insert into accounts (id, email) values ('acct_1', 'a@example.com')`.execute(database.db);

    const second = await runMigrations(database, [accounts, cases]);
    expect(second.applied).toEqual([]);
    expect(await recorded(database)).toHaveLength(3);
  });

  it('applies only the files added since the last run', async () => {
    const database = await open();
    const notes = moduleWith('notes', { '0001_create_notes.sql': 'create table notes (id text primary key);' });
    await runMigrations(database, [notes]);
    fs.writeFileSync(path.join(notes.dir, '0002_add_body.sql'), 'alter table notes add column body text;');
    const { applied } = await runMigrations(database, [notes]);
    expect(applied).toEqual([{ module: 'notes', name: '0002_add_body.sql' }]);
  });

  it('rolls back a failing file entirely and names it', async () => {
    const database = await open();
    const broken = moduleWith('broken', {
      '0001_half_done.sql': 'create table half_done (id text primary key);\ninsert into nowhere values (1);',
    });
    await expect(runMigrations(database, [broken])).rejects.toMatchObject({ code: 'MIGRATION_FAILED', message: expect.stringContaining('broken/0001_half_done.sql') });
    expect(await tableExists(database, 'half_done')).toBe(false);
    expect(await recorded(database)).toEqual([]);
  });

  it('refuses a misnamed file rather than guessing its order', async () => {
    const database = await open();
    const sloppy = moduleWith('sloppy', { 'create-things.sql': 'select 1;' });
    await expect(runMigrations(database, [sloppy])).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
  });

  it('lets two servers starting at once share the work without applying anything twice', async () => {
    const database = await open();
    const other = await openPeerDatabase(database);
    onTestFinished(() => other.close());
    const files: Record<string, string> = {};
    for (let index = 1; index <= 5; index += 1) {
      const name = `000${index}_step_${index}.sql`;
      files[name] = `create table step_${index} (id int primary key);`;
    }
    const steps = moduleWith('steps', files);
    const results = await Promise.all([runMigrations(database, [steps]), runMigrations(other, [steps]), runMigrations(other, [steps])]);
    expect(results.flatMap((result) => result.applied)).toHaveLength(5);
    expect(await recorded(database)).toHaveLength(5);
  });
});
