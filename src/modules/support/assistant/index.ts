/** The chat assistant (PRODUCT.md §6): what the rest of support wires. */
export { ASSISTANT_AUTHOR, createAssistant, type Assistant, type AssistantDeps } from './assistant.service.ts';
export { createAssistantStore, createMemoryAssistantStore, type AssistantStateTables, type AssistantStore } from './assistant-state.repository.ts';
export { queueForIntent } from './handoff.rules.ts';
export type { AssistantAction, AssistantState, ChargeExplanationLike, ExplainCharges } from './assistant.types.ts';
