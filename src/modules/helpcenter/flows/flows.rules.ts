import type { Flow, FlowOption, FlowStep, Outcome } from './flow.schema.ts';

/**
 * Pure rules of guided flows: checking a flow's graph when it is loaded, and
 * moving a run from step to step. No I/O, no clock.
 */

/** Words that mean the member will lose downloads or be signed out: such a step must warn first. */
const DESTRUCTIVE = /\b(sign(ing|s)? (yourself |you )?out|log(ging|s)? out|reinstall(ing)?|uninstall(ing)?|delet(e|es|ing) (the )?(\w+ )?(app|downloads?)|factory reset)\b/i;

export function isDestructiveText(text: string): boolean {
  return DESTRUCTIVE.test(text);
}

/** What the step tells the member to do (its title and instructions); the explanation may reassure ("signing out never cancels") without triggering. */
function stepActions(step: FlowStep): string {
  return [step.title, ...(step.kind === 'step' ? step.instructions : [])].join('\n');
}

/** Every problem of the flow's graph, in plain words naming the step; empty when the flow is sound. */
export function validateFlow(flow: Flow): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FlowStep>();
  for (const step of flow.steps) {
    if (byId.has(step.id)) problems.push(`step "${step.id}" is defined twice`);
    byId.set(step.id, step);
  }
  if (!byId.has(flow.start)) problems.push(`start "${flow.start}" is not a step`);
  for (const step of flow.steps) {
    if (step.kind === 'end') continue;
    const optionIds = new Set<string>();
    for (const option of step.options) {
      if (optionIds.has(option.id)) problems.push(`step "${step.id}" has option "${option.id}" twice`);
      optionIds.add(option.id);
      if (!byId.has(option.next)) problems.push(`step "${step.id}" option "${option.id}" leads to "${option.next}", which is not a step`);
      if (option.next === step.id) problems.push(`step "${step.id}" option "${option.id}" leads back to the same step`);
      if (option.skip && !(step.kind === 'step' && step.warning)) problems.push(`step "${step.id}" option "${option.id}" is a skip on a step without a warning`);
    }
    if (step.kind === 'step') {
      if (!step.warning && isDestructiveText(stepActions(step))) {
        problems.push(`step "${step.id}" signs the member out or deletes downloads but has no warning`);
      }
      if (step.warning && step.options.every((option) => option.skip)) problems.push(`step "${step.id}" has a warning but no option that does the step`);
    }
  }
  if (problems.length > 0) return problems;

  // Reachable from the start…
  const reachable = new Set<string>([flow.start]);
  const queue = [flow.start];
  while (queue.length > 0) {
    const step = byId.get(queue.shift() as string) as FlowStep;
    if (step.kind === 'end') continue;
    for (const option of step.options) {
      if (!reachable.has(option.next)) {
        reachable.add(option.next);
        queue.push(option.next);
      }
    }
  }
  for (const step of flow.steps) if (!reachable.has(step.id)) problems.push(`step "${step.id}" cannot be reached from the start`);
  if (!flow.steps.some((step) => step.kind === 'end')) problems.push('the flow has no end');

  // …and an end reachable from every step: a loop is allowed only if it has a way out.
  const canEnd = new Set(flow.steps.filter((step) => step.kind === 'end').map((step) => step.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of flow.steps) {
      if (canEnd.has(step.id) || step.kind === 'end') continue;
      if (step.options.some((option) => canEnd.has(option.next))) {
        canEnd.add(step.id);
        grew = true;
      }
    }
  }
  for (const step of flow.steps) if (!canEnd.has(step.id)) problems.push(`step "${step.id}" never reaches an end (a loop without a way out)`);
  return problems;
}

export function findStep(flow: Flow, stepId: string): FlowStep | undefined {
  return flow.steps.find((step) => step.id === stepId);
}

export type PathEntry = { step: string; option: string; confirmed?: true };

/** Where a run is: its current step, the choices made so far, and how it ended (null while running). */
export type RunState = { stepId: string; path: PathEntry[]; outcome: Outcome | null };

export function startRun(flow: Flow): RunState {
  return { stepId: flow.start, path: [], outcome: null };
}

export type ChoiceRefusal = 'finished' | 'unknown_step' | 'unknown_option' | 'confirmation_required';
export type ChoiceResult = { ok: true; state: RunState } | { ok: false; refusal: ChoiceRefusal };

/** The option of a warned step needs the member's explicit confirmation unless it skips the step. */
export function needsConfirmation(step: FlowStep, option: FlowOption): boolean {
  return step.kind === 'step' && step.warning !== undefined && option.skip !== true;
}

/** The member picks `optionId` on the current step; `confirmed` is their tick on a warning. */
export function choose(flow: Flow, state: RunState, choice: { optionId: string; confirmed: boolean }): ChoiceResult {
  if (state.outcome !== null) return { ok: false, refusal: 'finished' };
  const step = findStep(flow, state.stepId);
  if (!step) return { ok: false, refusal: 'unknown_step' };
  if (step.kind === 'end') return { ok: false, refusal: 'finished' };
  const option = step.options.find((candidate) => candidate.id === choice.optionId);
  if (!option) return { ok: false, refusal: 'unknown_option' };
  const confirm = needsConfirmation(step, option);
  if (confirm && !choice.confirmed) return { ok: false, refusal: 'confirmation_required' };
  const next = findStep(flow, option.next);
  if (!next) return { ok: false, refusal: 'unknown_step' };
  const entry: PathEntry = confirm ? { step: step.id, option: option.id, confirmed: true } : { step: step.id, option: option.id };
  return { ok: true, state: { stepId: next.id, path: [...state.path, entry], outcome: next.kind === 'end' ? next.outcome : null } };
}

/** Every distinct walk from the start that visits no step twice, each ending at an end step: for tests and the docs. */
export function listEndings(flow: Flow): { path: string[]; outcome: Outcome }[] {
  const endings: { path: string[]; outcome: Outcome }[] = [];
  const walk = (stepId: string, seen: string[]) => {
    const step = findStep(flow, stepId);
    if (!step || seen.includes(stepId)) return;
    const path = [...seen, stepId];
    if (step.kind === 'end') {
      endings.push({ path, outcome: step.outcome });
      return;
    }
    for (const option of step.options) walk(option.next, path);
  };
  walk(flow.start, []);
  return endings;
}
