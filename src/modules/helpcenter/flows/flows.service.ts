import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { Flow } from './flow.schema.ts';
import { choose, findStep, startRun, type ChoiceRefusal, type RunState } from './flows.rules.ts';
import { advanceRun, countOutcomes, findRun, insertRun, type FlowOutcomeCount, type FlowRun, type FlowRunsDb } from './flows.repository.ts';
import { isDeviceKind } from './help-page.ts';

export type FlowCatalog = {
  all: readonly Flow[];
  get(id: string): Flow | undefined;
  /** Flows that help with a triage intent, in catalog order. */
  forIntent(intent: string): Flow[];
};

export function createFlowCatalog(flows: readonly Flow[]): FlowCatalog {
  const byId = new Map(flows.map((flow) => [flow.id, flow]));
  return {
    all: flows,
    get: (id) => byId.get(id),
    forIntent: (intent) => flows.filter((flow) => flow.intents.includes(intent as Flow['intents'][number])),
  };
}

export type ChoiceOutcome =
  | { ok: true; run: FlowRun }
  | { ok: false; refusal: ChoiceRefusal | 'unknown_flow' | 'unknown_run'; run?: FlowRun };

export type FlowRunService = ReturnType<typeof createFlowRunService>;

const stateOf = (run: FlowRun): RunState => ({ stepId: run.currentStep, path: run.path, outcome: run.outcome });

export function createFlowRunService(deps: { db: FlowRunsDb; clock: Clock; catalog: FlowCatalog }) {
  const { db, clock, catalog } = deps;

  /** The first answer creates the run: merely opening a flow records nothing. */
  async function startFlowRun(options: { flowId: string; device: string; optionId: string; confirmed: boolean }): Promise<ChoiceOutcome> {
    const flow = catalog.get(options.flowId);
    if (!flow) return { ok: false, refusal: 'unknown_flow' };
    const result = choose(flow, startRun(flow), { optionId: options.optionId, confirmed: options.confirmed });
    if (!result.ok) return result;
    const now = clock.now();
    const device = isDeviceKind(options.device) ? options.device : (flow.device ?? null);
    const run: FlowRun = {
      id: newId('run'), flowId: flow.id, device, currentStep: result.state.stepId, path: result.state.path, outcome: result.state.outcome,
      solved: result.state.outcome === null ? null : result.state.outcome === 'solved', startedAt: now, updatedAt: now,
      finishedAt: result.state.outcome === null ? null : now,
    };
    await insertRun(db, run);
    return { ok: true, run };
  }

  async function chooseInRun(options: { flowId: string; runId: string; optionId: string; confirmed: boolean }): Promise<ChoiceOutcome> {
    const run = await findRun(db, options.runId);
    if (!run || run.flowId !== options.flowId) return { ok: false, refusal: 'unknown_run' };
    const flow = catalog.get(run.flowId);
    if (!flow) return { ok: false, refusal: 'unknown_flow', run };
    const result = choose(flow, stateOf(run), { optionId: options.optionId, confirmed: options.confirmed });
    if (!result.ok) return { ok: false, refusal: result.refusal, run };
    const now = clock.now();
    const finished = result.state.outcome !== null;
    const next = {
      currentStep: result.state.stepId, path: result.state.path, outcome: result.state.outcome,
      solved: finished ? result.state.outcome === 'solved' : null, updatedAt: now, finishedAt: finished ? now : null,
    };
    if (!(await advanceRun(db, run, next))) {
      // Someone (a second click) moved the run first: show where it is now.
      return { ok: true, run: (await findRun(db, run.id)) as FlowRun };
    }
    return { ok: true, run: { ...run, ...next } };
  }

  async function getRun(flowId: string, runId: string): Promise<{ flow: Flow; run: FlowRun } | undefined> {
    const run = await findRun(db, runId);
    const flow = run ? catalog.get(run.flowId) : undefined;
    if (!run || !flow || run.flowId !== flowId || !findStep(flow, run.currentStep)) return undefined;
    return { flow, run };
  }

  return {
    startFlowRun,
    chooseInRun,
    getRun,
    findRun: (runId: string) => findRun(db, runId),
    outcomes: (): Promise<FlowOutcomeCount[]> => countOutcomes(db),
  };
}
