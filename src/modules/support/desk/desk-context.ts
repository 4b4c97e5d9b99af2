import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ChatPort } from '../chat/chat.types.ts';
import type { SupportAccountPort } from '../support.ports.ts';
import type { Agent } from './agents.repository.ts';
import type { Queue } from './case-file.ts';
import { insertAudit, insertStep } from './case-records.repository.ts';
import { findCase, lockCase, type DeskCase } from './cases.repository.ts';
import { caseNotFound, caseResolved, notYourCase } from './desk.errors.ts';
import type { DeskDb } from './desk.tables.ts';
import type { SlaTargets } from './sla.rules.ts';

/** What the desk's use cases share; built once by `createDesk`. */
export type DeskContext = {
  db: DeskDb;
  clock: Clock;
  chat: ChatPort;
  account: SupportAccountPort;
  slas: SlaTargets;
  logger?: Logger;
};

export type Actor = Pick<Agent, 'id' | 'name' | 'role'>;

const TEAM: Record<Queue, string> = { billing: 'billing team', security: 'security team', technical: 'technical team', general: 'support team' };

export const teamName = (queue: Queue): string => TEAM[queue];
/** Members see agents by first name only. */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export async function recordStep(ctx: DeskContext, step: { caseId: string; kind: string; summary: string; agentId: string | null; at?: Date }): Promise<void> {
  await insertStep(ctx.db, { id: newId('stp'), caseId: step.caseId, kind: step.kind, summary: step.summary, agentId: step.agentId, at: step.at ?? ctx.clock.now() });
}

/** Every agent action; `details` never holds a secret or a message's text. False: the idempotency key was already used. */
export async function audit(ctx: DeskContext, entry: { agentId: string | null; caseId: string | null; action: string; details?: Record<string, unknown>; idempotencyKey?: string }): Promise<boolean> {
  return insertAudit(ctx.db, {
    id: newId('aud'), agentId: entry.agentId, caseId: entry.caseId, action: entry.action, details: entry.details ?? {},
    idempotencyKey: entry.idempotencyKey ?? null, at: ctx.clock.now(),
  });
}

/**
 * The case, if this agent may work on it: the one it is assigned to, or any
 * supervisor. `open`: refused once resolved.
 */
export async function caseForAgent(ctx: DeskContext, agent: Actor, caseId: string, options: { open: boolean }): Promise<DeskCase> {
  return mayWorkOn(agent, await findCase(ctx.db, caseId), options);
}

function mayWorkOn(agent: Actor, found: DeskCase | undefined, options: { open: boolean }): DeskCase {
  if (!found) throw caseNotFound();
  if (agent.role !== 'supervisor' && found.assignedAgentId !== agent.id) throw notYourCase();
  if (options.open && found.status === 'resolved') throw caseResolved();
  return found;
}

/**
 * The desk's own writes for one step of a case (the case row, its story, the
 * audit log) in one transaction, with the row locked and the agent's right
 * to it checked again: two agents acting at once take turns, and a failure
 * leaves nothing half-written. `work` must write through `tx` only; the chat
 * and other modules are told after the commit.
 */
export async function withCaseLocked<T>(ctx: DeskContext, agent: Actor, caseId: string, options: { open: boolean }, work: (tx: DeskContext, deskCase: DeskCase) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx: DeskContext = { ...ctx, db: trx };
    return work(tx, mayWorkOn(agent, await lockCase(trx, caseId), options));
  });
}

/** The chat is another module's transport: a failure there is logged, never undoes what the desk stored. */
export async function tellChat(ctx: DeskContext, what: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    ctx.logger?.warn({ err: error, what }, 'the chat did not take the desk\'s update');
  }
}

/**
 * Account actions on one case run one at a time in this process. The
 * actions call other modules, which cannot run inside the desk's
 * transaction (one embedded connection); across processes a refund's limit
 * is held by a reservation in the database (refund-reservations.service.ts).
 */
const running = new Map<string, Promise<unknown>>();
export async function oneAtATime<T>(key: string, action: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(action);
  running.set(key, next);
  try {
    return await next;
  } finally {
    if (running.get(key) === next) running.delete(key);
  }
}
