import type { FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../../../platform/ids.ts';
import { hashPassword, newToken, sha256, verifyPassword } from '../../../platform/secrets.ts';
import { checkCsrf, readCookie, secureFor, serializeSetCookie } from '../../identity/index.ts';
import { redactForStorage } from '../../safety/redaction/index.ts';
import {
  clearFailures, deleteExpiredSessions, deleteFailure, deleteSession, findAgent, findAgentLogin, findSessionAgent, forgetOldFailures, insertAgent, insertFailure,
  insertSession, listFailures, lockFailureSubjects, type Agent,
} from './agents.repository.ts';
import type { Queue } from './case-file.ts';
import { audit, type Actor, type DeskContext } from './desk-context.ts';
import { agentEmailTaken, agentNotFound, agentSignInNeeded, supervisorOnly, tooManySignIns, wrongAgentCredentials } from './desk.errors.ts';
import type { AgentRole } from './desk.tables.ts';

export const AGENT_SESSION_COOKIE = 'usher_agent_session';
/** A shift: the desk asks for the password again after 12 hours. */
export const AGENT_SESSION_MS = 12 * 60 * 60 * 1000;
/** Wrong passwords for one email from one address before a pause. */
export const SIGN_IN_POLICY = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;
/**
 * Wrong passwords for one email from any address (guesses spread over many
 * addresses) before its sign-in is locked; a supervisor can unlock it.
 */
export const SIGN_IN_ACCOUNT_POLICY = { maxFailures: 10, windowMs: 15 * 60 * 1000 } as const;
/** Wrong passwords from one address, whatever the email (trying one password on many agents), before a pause. */
export const SIGN_IN_ADDRESS_POLICY = { maxFailures: 20, windowMs: 15 * 60 * 1000 } as const;

/** Free again when the failure that filled the window leaves it; null when not limited. Pure. */
export function signInRetryAfter(failures: readonly Date[], now: Date, policy: { maxFailures: number; windowMs: number } = SIGN_IN_POLICY): number | null {
  const recent = failures.map((at) => at.getTime()).filter((at) => at > now.getTime() - policy.windowMs).sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return null;
  const filling = recent[policy.maxFailures - 1] ?? now.getTime();
  return Math.max(1, Math.ceil((filling + policy.windowMs - now.getTime()) / 1000));
}

type SignInLimit = 'account_and_address' | 'account' | 'address';
type Attempt = { id: string; subject: string; limit: SignInLimit; policy: { maxFailures: number; windowMs: number } };
type Refusal = { retryAfter: number; limit: SignInLimit };

/** The email's own counter, whatever the address: the one a supervisor clears. */
const accountSubject = (email: string): string => sha256(`desk_sign_in_account:${email}`);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Counts the attempt before the password is checked (hashing takes a
 * while): in one transaction holding a lock per counter (every process
 * shares them), the recent failures are counted and, under every limit, the
 * attempt is inserted; over one, nothing is counted and the refusal is
 * returned. So requests sent all at once, to one process or several, get no
 * more passwords checked than the limits.
 */
async function countAttempts(ctx: DeskContext, attempts: readonly Attempt[], now: Date): Promise<Refusal | null> {
  const refusal = await ctx.db.transaction().execute(async (trx) => {
    await lockFailureSubjects(trx, attempts.map((attempt) => attempt.subject));
    const refusals: Refusal[] = [];
    for (const attempt of attempts) {
      const retryAfter = signInRetryAfter(await listFailures(trx, attempt.subject, new Date(now.getTime() - attempt.policy.windowMs)), now, attempt.policy);
      if (retryAfter !== null) refusals.push({ retryAfter, limit: attempt.limit });
    }
    if (refusals.length > 0) {
      // The email's own limit names the way out (a supervisor), so it is the one told.
      const limit = refusals.some((refused) => refused.limit === 'account') ? 'account' : (refusals[0] as Refusal).limit;
      return { retryAfter: Math.max(...refusals.map((refused) => refused.retryAfter)), limit };
    }
    for (const attempt of attempts) await insertFailure(trx, { id: attempt.id, subject: attempt.subject, at: now });
    return null;
  });
  if (refusal === null) await forgetOldFailures(ctx.db, new Date(now.getTime() - DAY_MS));
  return refusal;
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
  const address = options.request.ip;
  const byEmail: Attempt = { id: newId('dsf'), subject: sha256(`desk_sign_in:${email}|${address}`), limit: 'account_and_address', policy: SIGN_IN_POLICY };
  const byAccount: Attempt = { id: newId('dsf'), subject: accountSubject(email), limit: 'account', policy: SIGN_IN_ACCOUNT_POLICY };
  const byAddress: Attempt = { id: newId('dsf'), subject: sha256(`desk_sign_in_address:${address}`), limit: 'address', policy: SIGN_IN_ADDRESS_POLICY };
  const login = await findAgentLogin(ctx.db, email);
  // Audited whoever it is; an unknown email is not written down (it may be anybody's address).
  const who = login ? { agent_id: login.id } : {};
  const refusal = await countAttempts(ctx, [byEmail, byAccount, byAddress], now);
  if (refusal) {
    await audit(ctx, { agentId: null, caseId: null, action: 'sign_in_refused', details: { ...who, address, limit: refusal.limit, retry_after_seconds: refusal.retryAfter } });
    options.reply.header('retry-after', String(refusal.retryAfter));
    throw tooManySignIns(refusal.retryAfter, { supervisorCanUnlock: refusal.limit === 'account' });
  }
  const matches = await verifyPassword(login?.active ? login.passwordHash : null, options.password);
  // A wrong password leaves the counted attempts in place: they are the failures.
  if (!login || !login.active || !matches) {
    await audit(ctx, { agentId: null, caseId: null, action: 'sign_in_failed', details: { ...who, address } });
    throw wrongAgentCredentials();
  }
  await clearFailures(ctx.db, byEmail.subject);
  await clearFailures(ctx.db, byAccount.subject);
  await deleteFailure(ctx.db, byAddress.id);
  await deleteExpiredSessions(ctx.db, login.id, now);
  const token = newToken();
  await insertSession(ctx.db, { tokenHash: sha256(token), agentId: login.id, createdAt: now, expiresAt: new Date(now.getTime() + AGENT_SESSION_MS) });
  await audit(ctx, { agentId: login.id, caseId: null, action: 'sign_in', details: { address } });
  setAgentCookie(options.request, options.reply, token, AGENT_SESSION_MS / 1000);
  const { passwordHash: _hash, ...agent } = login;
  return agent;
}

/**
 * A supervisor lifts an agent's lock after wrong passwords from many
 * addresses (the agent phoned them): the email's own counter is cleared and
 * the unlock audited. The per-address pauses still run out on their own.
 */
export async function unlockAgentSignIn(ctx: DeskContext, supervisor: Actor, agentId: string): Promise<{ agent_id: string; cleared: number }> {
  if (supervisor.role !== 'supervisor') throw supervisorOnly('unlock an agent\'s sign-in');
  const agent = await findAgent(ctx.db, agentId);
  if (!agent) throw agentNotFound();
  const cleared = await clearFailures(ctx.db, accountSubject(agent.email));
  await audit(ctx, { agentId: supervisor.id, caseId: null, action: 'sign_in_unlocked', details: { agent_id: agent.id, cleared } });
  return { agent_id: agent.id, cleared };
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

/** A new agent login; AGENT_EMAIL_TAKEN when an agent already has the email. The name is typed freely: kept redacted. */
export async function addAgent(ctx: DeskContext, agent: NewAgent & { id?: string }): Promise<Agent> {
  const id = agent.id ?? newId('agt');
  const created = await insertAgent(ctx.db, {
    id, name: redactForStorage(agent.name.trim()), email: agent.email.trim().toLowerCase(), role: agent.role, skills: [...new Set(agent.skills)],
    maxConcurrent: agent.maxConcurrent, passwordHash: await hashPassword(agent.password), createdAt: ctx.clock.now(),
  });
  if (!created) throw agentEmailTaken();
  const login = await findAgentLogin(ctx.db, agent.email);
  if (!login) throw agentEmailTaken();
  const { passwordHash: _hash, ...stored } = login;
  return stored;
}
