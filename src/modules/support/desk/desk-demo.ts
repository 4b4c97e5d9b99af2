import { DEMO_PASSWORD } from '../../identity/index.ts';
import { findAgentLogin } from './agents.repository.ts';
import { addAgent, type NewAgent } from './agent-auth.service.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * The demo desk: one agent per pair of queues, a supervisor, and Rowan of the
 * security team (phishing reports; no queue, so no chats); they sign in with
 * the demo members' password.
 */
export const DEMO_AGENTS: readonly (Omit<NewAgent, 'password'> & { id: string })[] = [
  { id: 'agt_demo_sam', name: 'Sam Rivera', email: 'sam@agents.reelhouse.example', role: 'agent', skills: ['general', 'billing'], maxConcurrent: 3 },
  { id: 'agt_demo_priya', name: 'Priya Nair', email: 'priya@agents.reelhouse.example', role: 'agent', skills: ['security', 'technical'], maxConcurrent: 3 },
  { id: 'agt_demo_morgan', name: 'Morgan Lee', email: 'morgan@agents.reelhouse.example', role: 'supervisor', skills: ['billing', 'security', 'technical', 'general'], maxConcurrent: 5 },
  { id: 'agt_demo_rowan', name: 'Rowan Okafor', email: 'rowan@agents.reelhouse.example', role: 'security', skills: [], maxConcurrent: 1 },
];

/** Once: an agent already there (by email) is left as it is. */
export async function seedDemoAgents(ctx: DeskContext): Promise<{ created: number }> {
  let created = 0;
  for (const agent of DEMO_AGENTS) {
    if (await findAgentLogin(ctx.db, agent.email)) continue;
    try {
      await addAgent(ctx, { ...agent, password: DEMO_PASSWORD });
      created += 1;
    } catch (error) {
      // Another process seeding at the same moment added it first.
      if (!(await findAgentLogin(ctx.db, agent.email))) throw error;
    }
  }
  return { created };
}
