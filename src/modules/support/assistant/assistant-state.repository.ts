import type { ColumnType, Kysely } from 'kysely';
import { initialState, type AssistantState } from './assistant.types.ts';

export type AssistantStateTables = {
  support_assistant_state: {
    conversation_id: string;
    state: ColumnType<AssistantState | string, string, string>;
    last_seq: number;
    updated_at: ColumnType<Date, Date, Date>;
  };
};
export type AssistantStateDb = Kysely<AssistantStateTables>;

/** Where the assistant keeps a conversation's state between turns. */
export type AssistantStore = {
  load(conversationId: string): Promise<AssistantState | null>;
  save(conversationId: string, state: AssistantState, at: Date): Promise<void>;
};

function parse(value: AssistantState | string): AssistantState {
  // jsonb comes back parsed from both drivers; a string is tolerated for safety. Fields added later get their defaults.
  const stored = typeof value === 'string' ? (JSON.parse(value) as Partial<AssistantState>) : value;
  return { ...initialState(), ...stored };
}

export function createAssistantStore(db: AssistantStateDb): AssistantStore {
  return {
    async load(conversationId) {
      const row = await db.selectFrom('support_assistant_state').select('state').where('conversation_id', '=', conversationId).executeTakeFirst();
      return row ? parse(row.state) : null;
    },
    async save(conversationId, state, at) {
      // An older turn finishing late (another process) never overwrites a newer one.
      await db.insertInto('support_assistant_state')
        .values({ conversation_id: conversationId, state: JSON.stringify(state), last_seq: state.lastSeq, updated_at: at })
        .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet({ state: JSON.stringify(state), last_seq: state.lastSeq, updated_at: at })
          .where('support_assistant_state.last_seq', '<=', state.lastSeq))
        .execute();
    },
  };
}

/** For tests and a process without a database: the same contract in memory (copies, so callers cannot mutate what is stored). */
export function createMemoryAssistantStore(): AssistantStore & { peek(conversationId: string): AssistantState | undefined } {
  const states = new Map<string, string>();
  return {
    load: async (conversationId) => {
      const stored = states.get(conversationId);
      return stored === undefined ? null : parse(stored);
    },
    save: async (conversationId, state) => {
      const stored = states.get(conversationId);
      if (stored !== undefined && parse(stored).lastSeq > state.lastSeq) return;
      states.set(conversationId, JSON.stringify(state));
    },
    peek: (conversationId) => {
      const stored = states.get(conversationId);
      return stored === undefined ? undefined : parse(stored);
    },
  };
}
