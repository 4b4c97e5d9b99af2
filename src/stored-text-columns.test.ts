import { afterAll, beforeAll, expect, it } from 'vitest';
import { listTextColumns } from './platform/testing/database-scan.ts';
import { openTestApp, type TestApp } from './platform/testing/test-app.ts';
import { describeEachDatabase } from './platform/testing/test-database.ts';
import { STORED_TEXT_COLUMNS } from './stored-text-columns.ts';

describeEachDatabase('stored text columns', (open) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-03-10', demo: false, database: await open() });
  }, 60_000);
  afterAll(() => t?.close());

  it('classifies every text, varchar and json column of every migration as redacted typed words or structured data', async () => {
    const columns = (await listTextColumns(t.database.db)).map((column) => `${column.table}.${column.column}`);
    expect(columns.length).toBeGreaterThan(200);
    const unclassified = columns.filter((column) => !(column in STORED_TEXT_COLUMNS));
    // A new column: add it to src/stored-text-columns.ts, and if people type into it, redact it in the owning module's service.
    expect(unclassified, 'columns missing from src/stored-text-columns.ts').toEqual([]);
    const gone = Object.keys(STORED_TEXT_COLUMNS).filter((column) => !columns.includes(column));
    expect(gone, 'classified columns that no migration creates any more').toEqual([]);
  });

  it('gives every classification its one-line reason', () => {
    for (const [column, classification] of Object.entries(STORED_TEXT_COLUMNS)) {
      const reason = classification.kind === 'redacted' ? classification.where : classification.why;
      expect(reason.length, column).toBeGreaterThan(10);
      expect(reason, column).not.toContain('\n');
    }
  });
});
