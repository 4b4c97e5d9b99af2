import { newId } from '../../../platform/ids.ts';
import { redact } from '../../safety/redaction/index.ts';
import type { ConversationStatus } from '../chat/chat.types.ts';
import { askedCredential, checkAgentMessage, credentialRequestBlocked } from './agent-message.ts';
import { findAgent } from './agents.repository.ts';
import { assignWaiting } from './assignment.service.ts';
import type { Queue } from './case-file.ts';
import { insertNote } from './case-records.repository.ts';
import { findOpenCaseOfConversation, setFirstResponse, updateCase, type DeskCase } from './cases.repository.ts';
import { audit, caseForAgent, firstName, recordStep, teamName, tellChat, type Actor, type DeskContext } from './desk-context.ts';
import { sameQueue, serviceCodeInvalid, serviceCodeOtherAccount } from './desk.errors.ts';
import type { CaseOutcome } from './desk.tables.ts';
import { dueDates } from './sla.rules.ts';

const SYSTEM = { kind: 'system', id: null, name: 'Support' } as const;

/**
 * Checks the code the member reads out. It must belong to the case's
 * account; a visitor's case becomes that account's. Every account action
 * waits for this.
 */
export async function verifyMember(ctx: DeskContext, agent: Actor, options: { caseId: string; code: string; address: string }) {
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  const accountId = await ctx.account.verifyServiceCode({ code: options.code, address: options.address });
  const refuse = async (why: 'unknown_code' | 'other_account') => {
    await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'verify_failed', details: { why } });
    await recordStep(ctx, { caseId: deskCase.id, kind: 'verification_failed', agentId: agent.id, summary: why === 'unknown_code' ? 'A service code did not match.' : 'A service code of another account was given.' });
    return why === 'unknown_code' ? serviceCodeInvalid() : serviceCodeOtherAccount();
  };
  if (accountId === null) throw await refuse('unknown_code');
  if (deskCase.accountId !== null && deskCase.accountId !== accountId) throw await refuse('other_account');
  const now = ctx.clock.now();
  await updateCase(ctx.db, deskCase.id, { accountId: deskCase.accountId ?? accountId, verifiedAccountId: accountId, verifiedAt: now, verifiedBy: agent.id, updatedAt: now });
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'verify', details: { account_id: accountId, linked_visitor_case: deskCase.accountId === null } });
  await recordStep(ctx, {
    caseId: deskCase.id, kind: 'verified', agentId: agent.id,
    summary: deskCase.accountId === null ? 'Visitor verified with a service code; the case is now linked to their account.' : 'Member verified with a service code.',
  });
  return { verified: true as const, account_id: accountId, verified_at: now.toISOString() };
}

/** An internal note, stored redacted (service codes too): never shown to the member. */
export async function addNote(ctx: DeskContext, agent: Actor, options: { caseId: string; body: string }) {
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: false });
  const redacted = redact(options.body.trim(), { serviceCodes: 'remove' });
  const note = { id: newId('note'), caseId: deskCase.id, agentId: agent.id, body: redacted.text, createdAt: ctx.clock.now() };
  await insertNote(ctx.db, note);
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'note_added', details: { note_id: note.id, removed: redacted.findings.map((finding) => finding.kind) } });
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
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  if (deskCase.queue === options.queue) throw sameQueue();
  const now = ctx.clock.now();
  const reason = redact(options.reason.trim()).text;
  const due = dueDates(deskCase.createdAt, options.queue, ctx.slas);
  // An escalated case stays with supervisors, now those of the new queue.
  const status: 'escalated' | 'queued' = deskCase.status === 'escalated' ? 'escalated' : 'queued';
  await updateCase(ctx.db, deskCase.id, {
    queue: options.queue, status, assignedAgentId: null, assignedAt: null, queuedAt: now,
    firstResponseDue: due.firstResponseDue, resolutionDue: due.resolutionDue, updatedAt: now,
  });
  await recordStep(ctx, { caseId: deskCase.id, kind: 'transferred', agentId: agent.id, summary: `Transferred from the ${deskCase.queue} queue to the ${options.queue} queue by ${agent.name}: ${reason}` });
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'transfer', details: { from: deskCase.queue, to: options.queue, reason } });
  await backToWaiting(ctx, { ...deskCase, queue: options.queue },
    `${firstName(agent.name)} has passed your chat to our ${teamName(options.queue)}, who know this area best. Someone will join shortly and can see everything so far.`, 'transferred');
  return { id: deskCase.id, queue: options.queue, status };
}

/** To a supervisor (one with the queue's skill when possible), one level up. */
export async function escalateCase(ctx: DeskContext, agent: Actor, options: { caseId: string; reason: string }) {
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  const now = ctx.clock.now();
  const reason = redact(options.reason.trim()).text;
  const level = deskCase.escalationLevel + 1;
  await updateCase(ctx.db, deskCase.id, { status: 'escalated', escalationLevel: level, assignedAgentId: null, assignedAt: null, queuedAt: now, updatedAt: now });
  await recordStep(ctx, { caseId: deskCase.id, kind: 'escalated', agentId: agent.id, summary: `Escalated to a supervisor (level ${level}) by ${agent.name}: ${reason}` });
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'escalate', details: { level, reason } });
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
  const deskCase = await caseForAgent(ctx, agent, options.caseId, { open: true });
  const refusal = checkAgentMessage(options.summary);
  if (refusal !== null) throw credentialRequestBlocked(refusal);
  const now = ctx.clock.now();
  const summary = redact(options.summary.trim()).text;
  await updateCase(ctx.db, deskCase.id, { status: 'resolved', outcome: options.outcome, summary, resolvedAt: now, updatedAt: now });
  await noteFirstResponse(ctx, deskCase, agent, now);
  await recordStep(ctx, { caseId: deskCase.id, kind: 'resolved', agentId: agent.id, summary: `Resolved by ${agent.name} (outcome: ${options.outcome.replace('_', ' ')}).` });
  await audit(ctx, { agentId: agent.id, caseId: deskCase.id, action: 'resolve', details: { outcome: options.outcome } });
  await tellChat(ctx, 'resolved', async () => {
    await ctx.chat.post({
      conversationId: deskCase.conversationId, author: { kind: 'agent', id: agent.id, name: firstName(agent.name) }, body: summary,
      payload: { kind: 'summary', data: { case_id: deskCase.id, outcome: options.outcome, resolved_at: now.toISOString() } },
    });
    await ctx.chat.setStatus(deskCase.conversationId, 'closed');
  });
  await assignWaiting(ctx);
  return { id: deskCase.id, status: 'resolved' as const, outcome: options.outcome, summary, resolved_at: now.toISOString() };
}
