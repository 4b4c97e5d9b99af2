import type { FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../../../platform/ids.ts';
import { hashPassword, newToken, sha256, verifyPassword } from '../../../platform/secrets.ts';
import { checkCsrf, readCookie, secureFor, serializeSetCookie } from '../../identity/index.ts';
import {
  clearFailures, deleteExpiredSessions, deleteFailure, deleteSession, findAgentLogin, findSessionAgent, insertAgent, insertFailure, insertSession, listFailures, type Agent,
} from './agents.repository.ts';
import type { Queue } from './case-file.ts';
import { audit, type DeskContext } from './desk-context.ts';
import { agentEmailTaken, agentSignInNeeded, tooManySignIns, wrongAgentCredentials } from './desk.errors.ts';
import type { AgentRole } from './desk.tables.ts';

export const AGENT_SESSION_COOKIE = 'usher_agent_session';
/** A shift: the desk asks for the password again after 12 hours. */
export const AGENT_SESSION_MS = 12 * 60 * 60 * 1000;
/** Wrong passwords for one email from one address before a pause. */
export const SIGN_IN_POLICY = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;
/** Wrong passwords from one address, whatever the email (trying one password on many agents), before a pause. */
export const SIGN_IN_ADDRESS_POLICY = { maxFailures: 20, windowMs: 15 * 60 * 1000 } as const;

/** Free again when the failure that filled the window leaves it; null when not limited. Pure. */
export function signInRetryAfter(failures: readonly Date[], now: Date, policy: { maxFailures: number; windowMs: number } = SIGN_IN_POLICY): number | null {
  const recent = failures.map((at) => at.getTime()).filter((at) => at > now.getTime() - policy.windowMs).sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return null;
  const filling = recent[policy.maxFailures - 1] ?? now.getTime();
  return Math.max(1, Math.ceil((filling + policy.windowMs - now.getTime()) / 1000));
}

type Attempt = { id: string; subject: string; policy: { maxFailures: number; windowMs: number } };

/**
 * Counts the attempt before the password is checked (hashing takes a while):
 * requests sent all at once then see each other, so no more than the limit
 * get a password checked. A refused attempt is taken back.
 */
async function reserveAttempts(ctx: DeskContext, attempts: readonly Attempt[], now: Date): Promise<void> {
  for (const attempt of attempts) {
    await insertFailure(ctx.db, { id: attempt.id, subject: attempt.subject, at: now }, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  }
  let retryAfter: number | null = null;
  for (const attempt of attempts) {
    const counted = await listFailures(ctx.db, attempt.subject, new Date(now.getTime() - attempt.policy.windowMs));
    if (counted.length <= attempt.policy.maxFailures) continue;
    const mine = counted.findIndex((at) => at.getTime() === now.getTime());
    const others = counted.filter((_, index) => index !== mine);
    retryAfter = Math.max(retryAfter ?? 0, signInRetryAfter(others, now, attempt.policy) ?? 1);
  }
  if (retryAfter === null) return;
  for (const attempt of attempts) await deleteFailure(ctx.db, attempt.id);
  throw tooManySignIns(retryAfter);
}

function setAgentCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  // Strict: the desk is never opened from a link on another site with its session.
  reply.header('set-cookie', serializeSetCookie(AGENT_SESSION_COOKIE, token, { httpOnly: true, secure: secureFor(request), sameSite: 'Strict', path: '/', maxAgeSeconds }));
}

export async function signInAgent(
  ctx: DeskContext,
  options: { email: string; password: string; request: FastifyRequest; reply: FastifyReply },
): Promise<Agent> {
  const now = ctx.clock.now();
  const email = options.email.trim().toLowerCase();
  const byEmail: Attempt = { id: newId('dsf'), subject: sha256(`desk_sign_in:${email}|${options.request.ip}`), policy: SIGN_IN_POLICY };
  const byAddress: Attempt = { id: newId('dsf'), subject: sha256(`desk_sign_in_address:${options.request.ip}`), policy: SIGN_IN_ADDRESS_POLICY };
  await reserveAttempts(ctx, [byEmail, byAddress], now);
  const login = await findAgentLogin(ctx.db, email);
  const matches = await verifyPassword(login?.active ? login.passwordHash : null, options.password);
  // A wrong password leaves the reserved attempts in place: they are the failures counted.
  if (!login || !login.active || !matches) throw wrongAgentCredentials();
  await clearFailures(ctx.db, byEmail.subject);
  await deleteFailure(ctx.db, byAddress.id);
  await deleteExpiredSessions(ctx.db, login.id, now);
  const token = newToken();
  await insertSession(ctx.db, { tokenHash: sha256(token), agentId: login.id, createdAt: now, expiresAt: new Date(now.getTime() + AGENT_SESSION_MS) });
  await audit(ctx, { agentId: login.id, caseId: null, action: 'sign_in', details: { address: options.request.ip } });
  setAgentCookie(options.request, options.reply, token, AGENT_SESSION_MS / 1000);
  const { passwordHash: _hash, ...agent } = login;
  return agent;
}

/** The signed-in agent, or null. No CSRF check: for reads and the chat's WebSocket handshake. */
export async function currentAgent(ctx: DeskContext, request: FastifyRequest): Promise<Agent | null> {
  const token = readCookie(request, AGENT_SESSION_COOKIE);
  if (token === undefined) return null;
  return (await findSessionAgent(ctx.db, sha256(token), ctx.clock.now())) ?? null;
}

/** The signed-in agent or 401; state-changing requests must also carry the CSRF token. */
export async function requireAgent(ctx: DeskContext, request: FastifyRequest): Promise<Agent> {
  checkCsrf(request);
  const agent = await currentAgent(ctx, request);
  if (!agent) throw agentSignInNeeded();
  return agent;
}

export async function signOutAgent(ctx: DeskContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = readCookie(request, AGENT_SESSION_COOKIE);
  if (token !== undefined) {
    const agent = await findSessionAgent(ctx.db, sha256(token), ctx.clock.now());
    await deleteSession(ctx.db, sha256(token));
    if (agent) await audit(ctx, { agentId: agent.id, caseId: null, action: 'sign_out' });
  }
  setAgentCookie(request, reply, '', 0);
}

export type NewAgent = { name: string; email: string; role: AgentRole; skills: Queue[]; maxConcurrent: number; password: string };

/** A new agent login; AGENT_EMAIL_TAKEN when an agent already has the email. */
export async function addAgent(ctx: DeskContext, agent: NewAgent & { id?: string }): Promise<Agent> {
  const id = agent.id ?? newId('agt');
  const created = await insertAgent(ctx.db, {
    id, name: agent.name.trim(), email: agent.email.trim().toLowerCase(), role: agent.role, skills: [...new Set(agent.skills)],
    maxConcurrent: agent.maxConcurrent, passwordHash: await hashPassword(agent.password), createdAt: ctx.clock.now(),
  });
  if (!created) throw agentEmailTaken();
  const login = await findAgentLogin(ctx.db, agent.email);
  if (!login) throw agentEmailTaken();
  const { passwordHash: _hash, ...stored } = login;
  return stored;
}
