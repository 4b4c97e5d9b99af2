import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type StoredColumn = { table: string; column: string; type: string };

/** Every column of every table in the connection's schema (PGlite's `public`, or a test's `t_…` schema on PostgreSQL). */
export async function listColumns(db: Db): Promise<StoredColumn[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  return rows.map((row) => ({ table: row.table_name, column: row.column_name, type: row.data_type }));
}

/** The columns that can hold text: text, varchar, char, json and jsonb. */
export async function listTextColumns(db: Db): Promise<StoredColumn[]> {
  const textual = new Set(['text', 'character varying', 'character', 'json', 'jsonb']);
  return (await listColumns(db)).filter((column) => textual.has(column.type));
}

export type Needle = { name: string; pattern: RegExp };
/** A needle found in a column, and in how many of its rows. */
export type Sighting = { table: string; column: string; needle: string; rows: number };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads every row of every table, each column cast to text, and reports
 * each (table, column, needle) where a needle's pattern matches, with the
 * number of rows.
 */
export async function findInDatabase(db: Db, needles: readonly Needle[]): Promise<Sighting[]> {
  const byTable = new Map<string, string[]>();
  for (const column of await listColumns(db)) byTable.set(column.table, [...(byTable.get(column.table) ?? []), column.column]);
  const sightings = new Map<string, Sighting>();
  for (const [table, columns] of byTable) {
    const select = columns.map((column, index) => `${quoted(column)}::text as c${index}`).join(', ');
    const { rows } = await sql<Record<string, string | null>>`${sql.raw(`select ${select} from ${quoted(table)}`)}`.execute(db);
    for (const row of rows) {
      columns.forEach((column, index) => {
        const value = row[`c${index}`];
        if (value === null || value === undefined) return;
        for (const needle of needles) {
          if (!needle.pattern.test(value)) continue;
          const key = `${table}.${column}:${needle.name}`;
          const sighting = sightings.get(key) ?? { table, column, needle: needle.name, rows: 0 };
          sighting.rows += 1;
          sightings.set(key, sighting);
        }
      });
    }
  }
  return [...sightings.values()];
}
