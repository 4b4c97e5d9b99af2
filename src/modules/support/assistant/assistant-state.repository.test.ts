import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withTables, type Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { supportMigrations } from '../index.ts';
import { createAssistantStore, type AssistantStateTables, type AssistantStore } from './assistant-state.repository.ts';
import { initialState } from './assistant.types.ts';

describeEachDatabase('assistant state', (open) => {
  let database: Database;
  let store: AssistantStore;
  const at = new Date('2026-03-20T12:00:00Z');

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, supportMigrations]);
    await sql`INSERT INTO support_conversations (id, account_id, intent, first_message, country, language, status, created_at, updated_at)
      VALUES ('conv_1', 'acct_ben', 'out_of_scope', 'hi', 'US', 'en', 'assistant', ${at}, ${at})`.execute(database.db);
    store = createAssistantStore(withTables<AssistantStateTables>(database.db));
  });

  it('keeps a conversation’s state between turns, as plain JSON', async () => {
    expect(await store.load('conv_1')).toBeNull();
    const state = { ...initialState(), lastSeq: 3, problem: 'I was charged twice', tried: ['Explained the charges from the ledger'], offer: { kind: 'feedback' as const } };
    await store.save('conv_1', state, at);
    expect(await store.load('conv_1')).toEqual(state);
    await store.save('conv_1', { ...state, lastSeq: 5, failures: 1 }, at);
    expect(await store.load('conv_1')).toMatchObject({ lastSeq: 5, failures: 1 });
  });

  it('never lets an older turn overwrite a newer one', async () => {
    await store.save('conv_1', { ...initialState(), lastSeq: 9, failures: 2 }, at);
    await store.save('conv_1', { ...initialState(), lastSeq: 7, failures: 0 }, at);
    expect(await store.load('conv_1')).toMatchObject({ lastSeq: 9, failures: 2 });
  });
});
