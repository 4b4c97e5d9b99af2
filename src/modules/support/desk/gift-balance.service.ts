import { AppError } from '../../../platform/errors.ts';
import { formatMoney } from '../../billing/index.ts';
import { redact } from '../../safety/redaction/index.ts';
import { recordAction, verifiedCase } from './case-actions.service.ts';
import { findAuditByKey } from './case-records.repository.ts';
import { oneAtATime, type Actor, type DeskContext } from './desk-context.ts';
import { ownerOnly, supervisorOnly } from './desk.errors.ts';
import { decideGiftRestore, giftFigures } from './gift-restore.rules.ts';
import { tellMember } from './refund-reservations.service.ts';

export type GiftRestoreRequest = { caseId: string; amount: number; reason: string; idempotencyKey: string };
export type GiftRestoreResult = { membership_id: string; amount: number; currency: string; balance: number; reason: string; restored_by: string; at: string; repeated: boolean };

/**
 * A supervisor puts value back on the verified member's gift balance, with a
 * reason (issue 12 point 3). Checked by gift-restore.rules.ts; billing does
 * the restore (idempotent with the key); the audit entry (who, when, how
 * much, why) and the case's step are written together; the member is told in
 * the chat. A repeated key answers what the first request did.
 */
export async function restoreGiftBalance(ctx: DeskContext, agent: Actor, request: GiftRestoreRequest): Promise<GiftRestoreResult> {
  // Refused before the case is read: an agent without the role learns nothing about the account.
  if (agent.role !== 'supervisor') throw supervisorOnly('restore a gift balance');
  return oneAtATime(`desk-case:${request.caseId}`, async () => {
    const { deskCase, snapshot } = await verifiedCase(ctx, agent, request.caseId);
    const previous = await findAuditByKey(ctx.db, deskCase.id, 'restore_gift_balance', request.idempotencyKey);
    if (previous) return { ...(previous.details as Omit<GiftRestoreResult, 'repeated'>), repeated: true };
    if (snapshot.account.role !== 'owner') throw ownerOnly('have a gift balance restored');
    const reason = redact(request.reason.trim(), { serviceCodes: 'remove' }).text;
    const decision = decideGiftRestore({ role: agent.role, membership: snapshot.membership, amount: request.amount, reason, money: formatMoney });
    if (!decision.ok) throw new AppError({ code: decision.code, message: decision.message, status: decision.status, ...(decision.field ? { field: decision.field } : {}) });
    const membership = snapshot.membership as NonNullable<typeof snapshot.membership>;
    const view = await ctx.account.restoreGiftBalance({
      membershipId: membership.id, amount: request.amount, reason, restoredBy: agent.id, idempotencyKey: `desk:${deskCase.id}:gift:${request.idempotencyKey}`,
    });
    const balance = giftFigures(view).balance;
    const at = ctx.clock.now().toISOString();
    const details = { membership_id: membership.id, amount: request.amount, currency: membership.currency, balance, reason, restored_by: agent.name, at };
    const money = (minor: number) => formatMoney(minor, membership.currency);
    const recorded = await recordAction(ctx,
      { agentId: agent.id, caseId: deskCase.id, action: 'restore_gift_balance', details, idempotencyKey: request.idempotencyKey },
      { caseId: deskCase.id, kind: 'gift_balance_restored', agentId: agent.id, summary: `Restored ${money(request.amount)} to the gift balance by ${agent.name} (supervisor), because: “${reason}”. Balance now ${money(balance)}.` });
    if (!recorded) {
      // Two requests with one key at the same moment: the other one recorded it.
      const first = await findAuditByKey(ctx.db, deskCase.id, 'restore_gift_balance', request.idempotencyKey);
      if (first) return { ...(first.details as Omit<GiftRestoreResult, 'repeated'>), repeated: true };
    }
    await tellMember(ctx, deskCase, `We’ve added ${money(request.amount)} back to your gift balance. It’s now ${money(balance)}, and it pays your next charges first.`, 'restore_gift_balance');
    return { ...details, repeated: false };
  });
}
