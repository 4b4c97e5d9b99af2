import type { Queue } from './case-file.ts';
import type { AgentRole } from './desk.tables.ts';

export type AgentCandidate = {
  id: string;
  role: AgentRole;
  skills: readonly Queue[];
  maxConcurrent: number;
  /** Cases assigned to the agent and not resolved. */
  load: number;
  lastAssignedAt: Date | null;
};

export type WaitingCase = { id: string; queue: Queue; escalated: boolean };
export type Assignment = { caseId: string; agentId: string };

const byLoadThenIdle = (a: AgentCandidate, b: AgentCandidate): number =>
  a.load - b.load ||
  (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const least = (candidates: AgentCandidate[]): AgentCandidate | null => [...candidates].sort(byLoadThenIdle)[0] ?? null;

/**
 * Who takes a waiting case, among the agents on duty (the caller passes only
 * those): someone with room (load below their maximum) and the queue's skill,
 * the least loaded, ties to whoever was given a case longest ago.
 * Supervisors take ordinary cases only when no agent with the skill has
 * room, so they stay free for escalations; an escalated case goes to a
 * supervisor, one with the skill if any has room. Null: the case waits.
 */
export function chooseAgent(candidates: readonly AgentCandidate[], waiting: WaitingCase): AgentCandidate | null {
  const free = candidates.filter((agent) => agent.load < agent.maxConcurrent);
  const skilled = free.filter((agent) => agent.skills.includes(waiting.queue));
  if (waiting.escalated) {
    const supervisors = free.filter((agent) => agent.role === 'supervisor');
    return least(supervisors.filter((agent) => agent.skills.includes(waiting.queue))) ?? least(supervisors);
  }
  return least(skilled.filter((agent) => agent.role === 'agent')) ?? least(skilled);
}

/**
 * Assigns waiting cases in the order given (oldest first), each choice
 * counting the cases already handed out in this round.
 */
export function planAssignments(candidates: readonly AgentCandidate[], waiting: readonly WaitingCase[], now: Date): Assignment[] {
  const pool = candidates.map((agent) => ({ ...agent }));
  const plan: Assignment[] = [];
  for (const item of waiting) {
    const chosen = chooseAgent(pool, item);
    if (!chosen) continue;
    chosen.load += 1;
    chosen.lastAssignedAt = now;
    plan.push({ caseId: item.id, agentId: chosen.id });
  }
  return plan;
}
