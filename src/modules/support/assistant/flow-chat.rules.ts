import { choose, type Flow, type FlowStep, type Outcome } from '../../helpcenter/flows/index.ts';
import type { Entities } from '../../triage/index.ts';
import type { AssistantTools, FlowProgress, Reply } from './assistant.types.ts';

/**
 * A guided flow (content/flows) walked in the chat one step at a time: the
 * step's options become choices (`flow:<option>`), a warned step asks for an
 * explicit "I understand" first, exactly as the flows module's `choose` wants.
 */

export type FlowTurn = {
  replies: Reply[];
  flow: FlowProgress | null;
  /** Set when the run reached an end. */
  ended: { outcome: Outcome; flow: Flow; stepTitle: string } | null;
};

/** The flows for an intent, narrowed to the device the member named when a flow is for that device. */
export function flowsFor(intent: string, entities: Entities, tools: Pick<AssistantTools, 'flowsForIntent'>): Flow[] {
  const flows = tools.flowsForIntent(intent);
  const exact = flows.filter((flow) => flow.device !== undefined && flow.device === entities.device);
  if (exact.length > 0) return exact.slice(0, 1);
  return flows.filter((flow) => flow.device === undefined || flow.device === entities.device);
}

export function stepReply(flow: Flow, step: FlowStep): Reply {
  const lines = [step.title];
  if (step.text) lines.push(step.text);
  if (step.kind === 'step') {
    if (step.instructions.length > 0) lines.push(step.instructions.map((instruction, i) => `${i + 1}. ${instruction}`).join('\n'));
    if (step.warning) lines.push(`Before you do this: ${step.warning.text}`);
  }
  const choices = step.kind === 'end' ? [] : step.options.map((option) => ({ id: `flow:${option.id}`, label: option.label }));
  return {
    body: lines.join('\n\n'),
    payload: { kind: 'flow_step', choices, data: { flowId: flow.id, stepId: step.id, kind: step.kind, ...(step.kind === 'end' ? { outcome: step.outcome, links: step.links } : {}) } },
  };
}

export function startFlow(flow: Flow): FlowTurn {
  const step = flow.steps.find((candidate) => candidate.id === flow.start) as FlowStep;
  return {
    replies: [
      { body: `Let’s go through “${flow.title}” together, one step at a time. Tap the answer that fits.`, payload: { kind: 'text' } },
      stepReply(flow, step),
    ],
    flow: { flowId: flow.id, stepId: flow.start, path: [], awaitingConfirmation: null },
    ended: null,
  };
}

/** Several guides fit: the member picks one (`guide:<flowId>`). */
export function offerGuides(flows: Flow[]): Reply {
  return {
    body: 'I have a few step-by-step guides for this. Which one fits best?',
    payload: { kind: 'text', choices: flows.map((flow) => ({ id: `guide:${flow.id}`, label: flow.title })) },
  };
}

function currentStep(flow: Flow, progress: FlowProgress): FlowStep | undefined {
  return flow.steps.find((step) => step.id === progress.stepId);
}

/** The member typed instead of tapping: an option whose label or id they wrote, if any. */
export function optionFromText(flow: Flow, progress: FlowProgress, text: string): string | null {
  const step = currentStep(flow, progress);
  if (!step || step.kind === 'end') return null;
  const typed = text.trim().toLowerCase().replace(/[.!]+$/, '');
  const match = step.options.find((option) => option.label.toLowerCase() === typed || option.id === typed)
    ?? step.options.find((option) => typed.length >= 3 && option.label.toLowerCase().startsWith(typed));
  return match ? `flow:${match.id}` : null;
}

/** A tap on `flow:<option>`, `flow_confirm:<option>` or `flow_back` while a run is open. */
export function advanceFlow(flow: Flow, progress: FlowProgress, choice: string): FlowTurn {
  const step = currentStep(flow, progress);
  const stay = (extra: Reply[] = []): FlowTurn => ({ replies: [...extra, ...(step ? [stepReply(flow, step)] : [])], flow: { ...progress, awaitingConfirmation: null }, ended: null });
  if (!step || step.kind === 'end') return { replies: [], flow: null, ended: null };
  if (choice === 'flow_back') return stay();
  const [kind, optionId = ''] = choice.split(':', 2);
  const confirmed = kind === 'flow_confirm' && progress.awaitingConfirmation === optionId;
  const result = choose(flow, { stepId: progress.stepId, path: progress.path, outcome: null }, { optionId, confirmed });
  if (!result.ok) {
    if (result.refusal === 'confirmation_required' && step.kind === 'step' && step.warning) {
      return {
        replies: [{
          body: `Just to be sure before you go on: ${step.warning.text}`,
          payload: { kind: 'notice', choices: [{ id: `flow_confirm:${optionId}`, label: 'I understand, continue' }, { id: 'flow_back', label: 'Go back' }], data: { flowId: flow.id, stepId: step.id, warning: step.warning.kind } },
        }],
        flow: { ...progress, awaitingConfirmation: optionId },
        ended: null,
      };
    }
    return stay([{ body: 'Please pick one of the answers below.', payload: { kind: 'text' } }]);
  }
  const next = flow.steps.find((candidate) => candidate.id === result.state.stepId) as FlowStep;
  const nextProgress: FlowProgress = { flowId: flow.id, stepId: result.state.stepId, path: result.state.path, awaitingConfirmation: null };
  if (result.state.outcome !== null) {
    // A "contact" end only lists what to have ready: the case file already carries it.
    return { replies: result.state.outcome === 'contact' ? [] : [stepReply(flow, next)], flow: null, ended: { outcome: result.state.outcome, flow, stepTitle: step.title } };
  }
  return { replies: [stepReply(flow, next)], flow: nextProgress, ended: null };
}
