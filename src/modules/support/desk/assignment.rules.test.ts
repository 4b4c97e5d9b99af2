import { describe, expect, it } from 'vitest';
import { chooseAgent, planAssignments, type AgentCandidate } from './assignment.rules.ts';

const agent = (id: string, overrides: Partial<AgentCandidate> = {}): AgentCandidate => ({
  id, role: 'agent', skills: ['billing', 'general'], maxConcurrent: 3, load: 0, lastAssignedAt: null, ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('choosing who takes a waiting case', () => {
  it('gives it to the least-loaded agent with the queue\'s skill', () => {
    const chosen = chooseAgent([agent('agt_a', { load: 2 }), agent('agt_b', { load: 1 }), agent('agt_c', { load: 0, skills: ['security'] })], { id: 'case_1', queue: 'billing', escalated: false });
    expect(chosen?.id).toBe('agt_b');
  });

  it('breaks a tie in load in favour of whoever was given a case longest ago', () => {
    const chosen = chooseAgent([
      agent('agt_a', { load: 1, lastAssignedAt: at('2026-03-10T11:00:00Z') }),
      agent('agt_b', { load: 1, lastAssignedAt: at('2026-03-10T09:00:00Z') }),
    ], { id: 'case_1', queue: 'billing', escalated: false });
    expect(chosen?.id).toBe('agt_b');
  });

  it('skips agents at their maximum; with nobody free the case waits', () => {
    const full = [agent('agt_a', { load: 3 }), agent('agt_b', { load: 2, maxConcurrent: 2 })];
    expect(chooseAgent(full, { id: 'case_1', queue: 'billing', escalated: false })).toBeNull();
    expect(chooseAgent([agent('agt_a')], { id: 'case_1', queue: 'security', escalated: false })).toBeNull();
  });

  it('keeps supervisors for escalations while an agent with the skill has room', () => {
    const team = [agent('agt_sup', { role: 'supervisor', skills: ['billing', 'security', 'technical', 'general'] }), agent('agt_a', { load: 2 })];
    expect(chooseAgent(team, { id: 'case_1', queue: 'billing', escalated: false })?.id).toBe('agt_a');
    expect(chooseAgent([team[0], agent('agt_a', { load: 3 })], { id: 'case_1', queue: 'billing', escalated: false })?.id).toBe('agt_sup');
  });

  it('gives an escalated case to a supervisor only, one with the skill first', () => {
    const team = [
      agent('agt_a'),
      agent('agt_sup1', { role: 'supervisor', skills: ['general'] }),
      agent('agt_sup2', { role: 'supervisor', skills: ['security'], load: 2, maxConcurrent: 5 }),
    ];
    expect(chooseAgent(team, { id: 'case_1', queue: 'security', escalated: true })?.id).toBe('agt_sup2');
    expect(chooseAgent(team, { id: 'case_1', queue: 'technical', escalated: true })?.id).toBe('agt_sup1');
    expect(chooseAgent([agent('agt_a')], { id: 'case_1', queue: 'billing', escalated: true })).toBeNull();
  });
});

describe('assigning a round of waiting cases', () => {
  it('spreads cases oldest first, counting the ones just handed out', () => {
    const plan = planAssignments([agent('agt_a'), agent('agt_b', { maxConcurrent: 1 })], [
      { id: 'case_1', queue: 'billing', escalated: false },
      { id: 'case_2', queue: 'billing', escalated: false },
      { id: 'case_3', queue: 'billing', escalated: false },
      { id: 'case_4', queue: 'security', escalated: false },
    ], at('2026-03-10T12:00:00Z'));
    expect(plan).toEqual([
      { caseId: 'case_1', agentId: 'agt_a' },
      { caseId: 'case_2', agentId: 'agt_b' },
      { caseId: 'case_3', agentId: 'agt_a' },
    ]);
  });
});
