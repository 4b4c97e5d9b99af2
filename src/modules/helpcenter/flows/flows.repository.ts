import type { Kysely } from 'kysely';
import type { Outcome } from './flow.schema.ts';
import type { PathEntry } from './flows.rules.ts';

export type FlowRunsTables = {
  helpcenter_flow_runs: {
    id: string;
    flow_id: string;
    device: string | null;
    current_step: string;
    path: PathEntry[] | string;
    outcome: Outcome | null;
    solved: boolean | null;
    started_at: Date;
    updated_at: Date;
    finished_at: Date | null;
  };
};

export type FlowRunsDb = Kysely<FlowRunsTables>;

export type FlowRun = {
  id: string;
  flowId: string;
  device: string | null;
  currentStep: string;
  path: PathEntry[];
  outcome: Outcome | null;
  solved: boolean | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

type Row = FlowRunsTables['helpcenter_flow_runs'];

function toRun(row: Row): FlowRun {
  // jsonb comes back parsed from both drivers; a string is tolerated for safety.
  const path = typeof row.path === 'string' ? (JSON.parse(row.path) as PathEntry[]) : row.path;
  return {
    id: row.id, flowId: row.flow_id, device: row.device, currentStep: row.current_step, path, outcome: row.outcome, solved: row.solved,
    startedAt: new Date(row.started_at), updatedAt: new Date(row.updated_at), finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
  };
}

export async function insertRun(db: FlowRunsDb, run: FlowRun): Promise<void> {
  await db.insertInto('helpcenter_flow_runs').values({
    id: run.id, flow_id: run.flowId, device: run.device, current_step: run.currentStep, path: JSON.stringify(run.path),
    outcome: run.outcome, solved: run.solved, started_at: run.startedAt, updated_at: run.updatedAt, finished_at: run.finishedAt,
  }).execute();
}

export async function findRun(db: FlowRunsDb, id: string): Promise<FlowRun | undefined> {
  const row = await db.selectFrom('helpcenter_flow_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

/**
 * Moves a run on only if nobody moved it since it was read (same step, same
 * number of choices): a double-clicked button records one choice. False when
 * the run had already moved.
 */
export async function advanceRun(db: FlowRunsDb, previous: FlowRun, next: Pick<FlowRun, 'currentStep' | 'path' | 'outcome' | 'solved' | 'updatedAt' | 'finishedAt'>): Promise<boolean> {
  const result = await db.updateTable('helpcenter_flow_runs')
    .set({ current_step: next.currentStep, path: JSON.stringify(next.path), outcome: next.outcome, solved: next.solved, updated_at: next.updatedAt, finished_at: next.finishedAt })
    .where('id', '=', previous.id)
    .where('current_step', '=', previous.currentStep)
    .where('outcome', 'is', null)
    .where((eb) => eb.fn<number>('jsonb_array_length', [eb.ref('path')]), '=', previous.path.length)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type FlowOutcomeCount = { flowId: string; outcome: Outcome | null; runs: number };

/** How runs of each flow ended (null: still running or abandoned), for the content team. */
export async function countOutcomes(db: FlowRunsDb): Promise<FlowOutcomeCount[]> {
  const rows = await db.selectFrom('helpcenter_flow_runs')
    .select((eb) => ['flow_id', 'outcome', eb.fn.countAll<string>().as('runs')])
    .groupBy(['flow_id', 'outcome'])
    .orderBy('flow_id').orderBy('outcome')
    .execute();
  return rows.map((row) => ({ flowId: row.flow_id, outcome: row.outcome, runs: Number(row.runs) }));
}
