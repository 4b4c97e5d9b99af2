import { newId } from '../../../platform/ids.ts';
import { redact } from '../../safety/redaction/index.ts';
import type { ConversationStatus } from '../chat/chat.types.ts';
import { askedCredential, checkAgentMessage, credentialRequestBlocked } from './agent-message.ts';
import { findAgent } from './agents.repository.ts';
import { assignWaiting } from './assignment.service.ts';
import type { Queue } from './case-file.ts';
import { insertNote } from './case-records.repository.ts';
import { findOpenCaseOfConversation, setFirstResponse, updateCase, type DeskCase } from './cases.repository.ts';
import { audit, caseForAgent, firstName, recordStep, teamName, tellChat, withCaseLocked, type Actor, type DeskContext } from './desk-context.ts';
import { sameQueue, serviceCodeInvalid, serviceCodeOtherAccount } from './desk.errors.ts';
import type { CaseOutcome } from './desk.tables.ts';
import { announceVerification } from './service-code-request.service.ts';
import { dueDates } from './sla.rules.ts';

const SYSTEM = { kind: 'system', id: null, name: 'Support' } as const;

/** What an agent writes that is kept (reasons, summaries): redacted, the service code the member read out included. */
const redacted = (text: string): string => redact(text.trim(), { serviceCodes: 'remove' }).text;

/**
 * Checks the code the member reads out. It must belong to the case's
 * account; a visitor's case becomes that account's. Every account action
 * waits for this.
 */
export async function verifyMember(ctx: DeskContext, agent: Actor, options: { caseId: string; code: string; address: string }) {
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  const accountId = await ctx.account.verifyServiceCode({ code: options.code, address: options.address });
  const refuse = async (why: 'unknown_code' | 'other_account') => {
    await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      await audit(tx, { agentId: agent.id, caseId: deskCase.id, action: 'verify_failed', details: { why } });
      await recordStep(tx, { caseId: deskCase.id, kind: 'verification_failed', agentId: agent.id, summary: why === 'unknown_code' ? 'A service code did not match.' : 'A service code of another account was given.' });
    });
    return why === 'unknown_code' ? serviceCodeInvalid() : serviceCodeOtherAccount();
  };
  if (accountId === null) throw await refuse('unknown_code');
  // Identity is asked outside the transaction (another module); the case is read again, locked, before it changes.
  const verified = await withCaseLocked(ctx, agent, options.caseId, { open: true }, async (tx, locked) => {
    if (locked.accountId !== null && locked.accountId !== accountId) return null;
    const now = ctx.clock.now();
    await updateCase(tx.db, locked.id, {
      accountId: locked.accountId ?? accountId, verifiedAccountId: accountId, verifiedAt: now, verifiedBy: agent.id, serviceCodeAskedAt: null, serviceCodeAskedBy: null, updatedAt: now,
    });
    await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'verify', details: { account_id: accountId, linked_visitor_case: locked.accountId === null } });
    await recordStep(tx, {
      caseId: locked.id, kind: 'verified', agentId: agent.id,
      summary: locked.accountId === null ? 'Visitor verified with a service code; the case is now linked to their account.' : 'Member verified with a service code.',
    });
    return { verified: true as const, account_id: accountId, verified_at: now.toISOString(), at: now };
  });
  if (!verified) throw await refuse('other_account');
  await announceVerification(ctx, deskCase, verified.at, 'agent');
  return { verified: verified.verified, account_id: verified.account_id, verified_at: verified.verified_at };
}

/** The code did its job: the chat keeps no copy of it (the member typed it for the agent to read). */
async function forgetServiceCodes(ctx: DeskContext, conversationId: string): Promise<void> {
  await tellChat(ctx, 'forget service codes', async () => ctx.chat.forgetServiceCodes?.(conversationId));
}

/** An internal note, stored redacted (service codes too): never shown to the member. */
export async function addNote(ctx: DeskContext, agent: Actor, options: { caseId: string; body: string }) {
  const clean = redact(options.body.trim(), { serviceCodes: 'remove' });
  const note = await withCaseLocked(ctx, agent, options.caseId, { open: false }, async (tx, deskCase) => {
    const written = { id: newId('note'), caseId: deskCase.id, agentId: agent.id, body: clean.text, createdAt: ctx.clock.now() };
    await insertNote(tx.db, written);
    await audit(tx, { agentId: agent.id, caseId: deskCase.id, action: 'note_added', details: { note_id: written.id, removed: clean.findings.map((finding) => finding.kind) } });
    return written;
  });
  return { id: note.id, agent: { id: agent.id, name: agent.name }, body: note.body, created_at: note.createdAt.toISOString() };
}

/** The first agent message of a case starts nothing new but stops the first-response clock. */
async function noteFirstResponse(ctx: DeskContext, deskCase: Pick<DeskCase, 'id' | 'firstResponseAt'>, agent: Pick<Actor, 'id' | 'name'>, at: Date): Promise<void> {
  if (deskCase.firstResponseAt !== null) return;
  if (await setFirstResponse(ctx.db, deskCase.id, at)) {
    await recordStep(ctx, { caseId: deskCase.id, kind: 'first_response', agentId: agent.id, summary: `First reply to the member by ${agent.name}.`, at });
  }
}

/**
 * For the chat: an agent's message stored over the WebSocket stops the
 * case's first-response clock, as one sent through the desk does.
 */
export async function recordAgentReply(ctx: DeskContext, options: { conversationId: string; agentId: string; at: Date }): Promise<void> {
  const [deskCase, agent] = await Promise.all([findOpenCaseOfConversation(ctx.db, options.conversationId), findAgent(ctx.db, options.agentId)]);
  if (deskCase && agent) await noteFirstResponse(ctx, deskCase, agent, options.at);
}

/** Posts an agent's message into the case's chat, unless it asks for a password, a one-time code or card details. */
export async function sendMessage(ctx: DeskContext, agent: Actor, options: { caseId: string; body: string; clientId?: string }) {
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  const refusal = checkAgentMessage(options.body);
  if (refusal !== null) {
    await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'message_blocked', details: { asked_for: askedCredential(options.body) } });
    throw credentialRequestBlocked(refusal);
  }
  const message = await ctx.chat.post({
    conversationId: deskCase.conversationId, author: { kind: 'agent', id: agent.id, name: firstName(agent.name) }, body: options.body,
    ...(options.clientId === undefined ? {} : { clientId: options.clientId }),
  });
  await noteFirstResponse(ctx, deskCase, agent, ctx.clock.now());
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'message_sent', details: { message_id: message.id, seq: message.seq } });
  return message;
}

async function backToWaiting(ctx: DeskContext, deskCase: DeskCase, notice: string, event: string): Promise<void> {
  const status: ConversationStatus = 'waiting';
  await tellChat(ctx, event, async () => {
    await ctx.chat.setStatus(deskCase.conversationId, status);
    await ctx.chat.post({ conversationId: deskCase.conversationId, author: SYSTEM, body: notice, payload: { kind: 'notice', data: { event, case_id: deskCase.id } } });
  });
  await assignWaiting(ctx);
}

/** To another queue, waiting again; the SLA clocks take the new queue's targets, still from the hand-off. */
export async function transferCase(ctx: DeskContext, agent: Actor, options: { caseId: string; queue: Queue; reason: string }) {
  const reason = redacted(options.reason);
  const { deskCase, status } = await withCaseLocked(ctx, agent, options.caseId, { open: true }, async (tx, locked) => {
    if (locked.queue === options.queue) throw sameQueue();
    const now = ctx.clock.now();
    const due = dueDates(locked.createdAt, options.queue, ctx.slas);
    // An escalated case stays with supervisors, now those of the new queue.
    const next: 'escalated' | 'queued' = locked.status === 'escalated' ? 'escalated' : 'queued';
    await updateCase(tx.db, locked.id, {
      queue: options.queue, status: next, assignedAgentId: null, assignedAt: null, queuedAt: now,
      firstResponseDue: due.firstResponseDue, resolutionDue: due.resolutionDue, updatedAt: now,
    });
    await recordStep(tx, { caseId: locked.id, kind: 'transferred', agentId: agent.id, summary: `Transferred from the ${locked.queue} queue to the ${options.queue} queue by ${agent.name}: ${reason}` });
    await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'transfer', details: { from: locked.queue, to: options.queue, reason } });
    return { deskCase: locked, status: next };
  });
  await backToWaiting(ctx, { ...deskCase, queue: options.queue },
    `${firstName(agent.name)} has passed your chat to our ${teamName(options.queue)}, who know this area best. Someone will join shortly and can see everything so far.`, 'transferred');
  return { id: deskCase.id, queue: options.queue, status };
}

/** To a supervisor (one with the queue's skill when possible), one level up. */
export async function escalateCase(ctx: DeskContext, agent: Actor, options: { caseId: string; reason: string }) {
  const reason = redacted(options.reason);
  const { deskCase, level } = await withCaseLocked(ctx, agent, options.caseId, { open: true }, async (tx, locked) => {
    const now = ctx.clock.now();
    const next = locked.escalationLevel + 1;
    await updateCase(tx.db, locked.id, { status: 'escalated', escalationLevel: next, assignedAgentId: null, assignedAt: null, queuedAt: now, updatedAt: now });
    await recordStep(tx, { caseId: locked.id, kind: 'escalated', agentId: agent.id, summary: `Escalated to a supervisor (level ${next}) by ${agent.name}: ${reason}` });
    await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'escalate', details: { level: next, reason } });
    return { deskCase: locked, level: next };
  });
  await backToWaiting(ctx, deskCase,
    `${firstName(agent.name)} has asked a supervisor to take over your case. They will join shortly and can see everything so far.`, 'escalated');
  return { id: deskCase.id, status: 'escalated' as const, escalation_level: level };
}

/**
 * Closes the case with its outcome and a summary written for the member:
 * posted into the chat (kind `summary`) so it stays in their transcript, and
 * kept on the case for their account's list.
 */
export async function resolveCase(ctx: DeskContext, agent: Actor, options: { caseId: string; outcome: CaseOutcome; summary: string }) {
  await caseForAgent(ctx, agent, options.caseId, { open: true });
  const refusal = checkAgentMessage(options.summary);
  if (refusal !== null) throw credentialRequestBlocked(refusal);
  const now = ctx.clock.now();
  const summary = redacted(options.summary);
  const deskCase = await withCaseLocked(ctx, agent, options.caseId, { open: true }, async (tx, locked) => {
    await updateCase(tx.db, locked.id, { status: 'resolved', outcome: options.outcome, summary, resolvedAt: now, updatedAt: now });
    await noteFirstResponse(tx, locked, agent, now);
    await recordStep(tx, { caseId: locked.id, kind: 'resolved', agentId: agent.id, summary: `Resolved by ${agent.name} (outcome: ${options.outcome.replace('_', ' ')}).` });
    await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'resolve', details: { outcome: options.outcome } });
    return locked;
  });
  await tellChat(ctx, 'resolved', async () => {
    await ctx.chat.post({
      conversationId: deskCase.conversationId, author: { kind: 'agent', id: agent.id, name: firstName(agent.name) }, body: summary,
      payload: { kind: 'summary', data: { case_id: deskCase.id, outcome: options.outcome, resolved_at: now.toISOString() } },
    });
    await ctx.chat.setStatus(deskCase.conversationId, 'closed');
  });
  await forgetServiceCodes(ctx, deskCase.conversationId);
  await assignWaiting(ctx);
  return { id: deskCase.id, status: 'resolved' as const, outcome: options.outcome, summary, resolved_at: now.toISOString() };
}
