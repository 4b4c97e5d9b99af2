import { AppError } from '../../../platform/errors.ts';
import { countStepsSince } from './case-records.repository.ts';
import { findOpenCaseOfConversation, lockCase, updateCase, type DeskCase } from './cases.repository.ts';
import { audit, firstName, recordStep, tellChat, withCaseLocked, type Actor, type DeskContext } from './desk-context.ts';
import { alreadyVerified, memberCodeInvalid, notYourCase, serviceCodeNotAsked, serviceCodeOtherAccount } from './desk.errors.ts';
import { takeServiceCode, triesLeft, verifiedLine, wrongCodeLine } from './service-code-request.rules.ts';

const SYSTEM = { kind: 'system', id: null, name: 'Support' } as const;
const FAILED_STEP = 'verification_failed';

/** How the code reached the server: read out to the agent, typed in the secure field, or typed into a message anyway. */
export type CodeRoute = 'agent' | 'secure_field' | 'message';

/**
 * The agent asks for the service code: the member's chat opens its secure
 * field. Only the case's own agent may ask (a supervisor reading another
 * agent's case would open a field that agent does not expect).
 */
export async function askForServiceCode(ctx: DeskContext, agent: Actor, options: { caseId: string }): Promise<{ asked_at: string }> {
  const { deskCase, at } = await withCaseLocked(ctx, agent, options.caseId, { open: true }, async (tx, locked) => {
    if (locked.assignedAgentId !== agent.id) throw notYourCase();
    if (locked.verifiedAccountId !== null) throw alreadyVerified();
    const now = ctx.clock.now();
    await updateCase(tx.db, locked.id, { serviceCodeAskedAt: now, serviceCodeAskedBy: agent.id, updatedAt: now });
    await recordStep(tx, { caseId: locked.id, kind: 'service_code_asked', agentId: agent.id, summary: `${agent.name} asked the member for their service code in the chat.` });
    await audit(tx, { agentId: agent.id, caseId: locked.id, action: 'ask_service_code' });
    return { deskCase: locked, at: now };
  });
  await tellChat(ctx, 'service code requested', () => ctx.chat.post({
    conversationId: deskCase.conversationId, author: SYSTEM,
    body: `${firstName(agent.name)} asked for your service code (Help › Service code in the app). Type it in the secure field below, not in a message: it is checked at once and never kept in this chat.`,
    payload: { kind: 'notice', data: { event: 'service_code_requested', case_id: deskCase.id } },
  }));
  return { asked_at: at.toISOString() };
}

/** The case whose agent is waiting for the code, or null (none asked, or the member is verified already). */
async function caseAwaitingCode(ctx: DeskContext, conversationId: string): Promise<DeskCase | null> {
  const deskCase = await findOpenCaseOfConversation(ctx.db, conversationId);
  return deskCase && deskCase.serviceCodeAskedAt !== null && deskCase.verifiedAccountId === null ? deskCase : null;
}

/**
 * Once a code matched, by whichever route: the system line both sides see
 * (its time also in the payload, for each screen's own clock), a signal so
 * the agent's open chat lifts its before-verification view at once, and no
 * stored copy of any code the member had typed before.
 */
export async function announceVerification(ctx: DeskContext, deskCase: Pick<DeskCase, 'id' | 'conversationId'>, at: Date, route: CodeRoute): Promise<void> {
  await tellChat(ctx, 'identity verified', async () => {
    await ctx.chat.post({
      conversationId: deskCase.conversationId, author: SYSTEM, body: verifiedLine(at),
      payload: { kind: 'notice', data: { event: 'identity_verified', case_id: deskCase.id, verified_at: at.toISOString(), route } },
    });
    await ctx.chat.announceVerified?.(deskCase.conversationId, at.toISOString());
  });
  await tellChat(ctx, 'forget service codes', async () => ctx.chat.forgetServiceCodes?.(deskCase.conversationId));
}

/**
 * The member's own code, from the secure field or from a message while the
 * agent waits for it. Checked by identity (its per-address limit and audit
 * apply), then against the case's account; a wrong one counts against this
 * request's tries and the member is told. The code itself is never stored.
 */
export async function verifyFromMember(ctx: DeskContext, options: { conversationId: string; code: string; address: string; route: Exclude<CodeRoute, 'agent'> }): Promise<{ verified: true; verified_at: string }> {
  const waiting = await findOpenCaseOfConversation(ctx.db, options.conversationId);
  if (waiting?.verifiedAccountId != null && waiting.verifiedAt) return { verified: true, verified_at: waiting.verifiedAt.toISOString() };
  if (!waiting || waiting.serviceCodeAskedAt === null) throw serviceCodeNotAsked();
  const askedAt = waiting.serviceCodeAskedAt;
  if (triesLeft(await countStepsSince(ctx.db, waiting.id, FAILED_STEP, askedAt)) === 0) throw serviceCodeNotAsked();
  const accountId = await ctx.account.verifyServiceCode({ code: options.code, address: options.address });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const tx: DeskContext = { ...ctx, db: trx };
    const locked = await lockCase(trx, waiting.id);
    if (!locked || locked.status === 'resolved' || locked.serviceCodeAskedAt === null) return { kind: 'not_asked' as const };
    if (locked.verifiedAccountId !== null) return { kind: 'verified' as const, at: locked.verifiedAt ?? ctx.clock.now(), fresh: false, deskCase: locked };
    const agentId = locked.serviceCodeAskedBy ?? locked.assignedAgentId;
    if (accountId === null || (locked.accountId !== null && locked.accountId !== accountId)) {
      const why = accountId === null ? 'unknown_code' : 'other_account';
      await recordStep(tx, { caseId: locked.id, kind: FAILED_STEP, agentId: null, summary: why === 'unknown_code' ? `A service code the member typed (${options.route === 'message' ? 'in a message' : 'in the secure field'}) did not match.` : 'The member typed a service code of another account.' });
      await audit(tx, { agentId: null, caseId: locked.id, action: 'verify_failed', details: { why, route: options.route } });
      const left = triesLeft(await countStepsSince(trx, locked.id, FAILED_STEP, askedAt));
      // The last try closes the field: the agent asks again if they still need it.
      if (left === 0) await updateCase(trx, locked.id, { serviceCodeAskedAt: null, serviceCodeAskedBy: null, updatedAt: ctx.clock.now() });
      return { kind: 'wrong' as const, why, left, deskCase: locked };
    }
    const now = ctx.clock.now();
    await updateCase(trx, locked.id, {
      accountId: locked.accountId ?? accountId, verifiedAccountId: accountId, verifiedAt: now, verifiedBy: agentId, serviceCodeAskedAt: null, serviceCodeAskedBy: null, updatedAt: now,
    });
    await audit(tx, { agentId, caseId: locked.id, action: 'verify', details: { account_id: accountId, linked_visitor_case: locked.accountId === null, route: options.route } });
    await recordStep(tx, {
      caseId: locked.id, kind: 'verified', agentId,
      summary: `${locked.accountId === null ? 'Visitor' : 'Member'} verified with the service code they typed ${options.route === 'message' ? 'in a message' : 'in the secure field'}${locked.accountId === null ? '; the case is now linked to their account' : ''}.`,
    });
    return { kind: 'verified' as const, at: now, fresh: true, deskCase: locked };
  });
  if (outcome.kind === 'not_asked') throw serviceCodeNotAsked();
  if (outcome.kind === 'wrong') {
    const line = outcome.why === 'other_account' ? serviceCodeOtherAccount().message : wrongCodeLine(outcome.left);
    await tellChat(ctx, 'service code did not match', () => ctx.chat.post({
      conversationId: outcome.deskCase.conversationId, author: SYSTEM, body: outcome.why === 'other_account' ? 'That service code belongs to another account.' : wrongCodeLine(outcome.left),
      payload: { kind: 'notice', data: { event: 'service_code_wrong', case_id: outcome.deskCase.id, tries_left: outcome.left } },
    }));
    throw memberCodeInvalid(line);
  }
  if (outcome.fresh) await announceVerification(ctx, outcome.deskCase, outcome.at, options.route);
  return { verified: true, verified_at: outcome.at.toISOString() };
}

/** For the chat: a member's message while the agent waits for the code loses the code before it is stored. */
export async function takeCodeFromMessage(ctx: DeskContext, conversationId: string, body: string): Promise<{ body: string; code: string } | null> {
  const found = takeServiceCode(body);
  if (found === null || (await caseAwaitingCode(ctx, conversationId)) === null) return null;
  return { body: found.text, code: found.code };
}

/** For the chat: checks a code taken from a message; the member hears the outcome in the chat, so nothing is thrown. */
export async function checkCodeFromMessage(ctx: DeskContext, options: { conversationId: string; code: string; address: string }): Promise<void> {
  try {
    await verifyFromMember(ctx, { ...options, route: 'message' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      await tellChat(ctx, 'service code limited', () => ctx.chat.post({
        conversationId: options.conversationId, author: SYSTEM, body: `${error.message} The code was not checked and is not kept in this chat.`,
        payload: { kind: 'notice', data: { event: 'service_code_limited' } },
      }));
    } else if (!(error instanceof AppError)) ctx.logger?.error({ err: error }, 'checking a service code from a message failed');
  }
}
