import { AppError } from '../../../platform/errors.ts';
import type { StepRefusal } from './escalation.rules.ts';

/** The same answer for someone else's reference and one that does not exist: a reference tells a stranger nothing. */
export const escalationNotFound = (): AppError =>
  new AppError({ code: 'ESCALATION_NOT_FOUND', message: 'There is no complaint or specialist request with that reference on your account.', status: 404 });

export const conversationNotFound = (): AppError =>
  new AppError({ code: 'CONVERSATION_NOT_FOUND', message: 'That conversation is not one of yours.', status: 404, field: 'body.conversation_id' });

export const tooManyEscalations = (limit: number): AppError =>
  new AppError({ code: 'RATE_LIMITED', message: `You have filed ${limit} complaints or requests in the last 24 hours. We are working on them; you can follow each one on your support page.`, status: 429 });

export const agentNotFound = (): AppError =>
  new AppError({ code: 'AGENT_NOT_FOUND', message: 'There is no such agent.', status: 404, field: 'body.assignee_id' });

const REFUSALS: Record<StepRefusal, { code: string; message: string; status: number; field?: string }> = {
  not_yours: { code: 'ESCALATION_NOT_ASSIGNED', message: 'This complaint is assigned to someone else. Ask a supervisor to assign it to you.', status: 403 },
  supervisor_only: { code: 'SUPERVISOR_ONLY', message: 'Only a supervisor assigns complaints.', status: 403 },
  resolved: { code: 'ESCALATION_RESOLVED', message: 'This complaint has its final answer: only internal notes can be added.', status: 409 },
  outcome_needed: { code: 'OUTCOME_REQUIRED', message: 'Say what the final answer is: upheld, partly upheld, not upheld or withdrawn.', status: 400, field: 'body.outcome' },
  assignee_needed: { code: 'ASSIGNEE_REQUIRED', message: 'Choose who handles the complaint.', status: 400, field: 'body.assignee_id' },
};

export const stepRefused = (refusal: StepRefusal): AppError => new AppError(REFUSALS[refusal]);
