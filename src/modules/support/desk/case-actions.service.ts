import { AppError } from '../../../platform/errors.ts';
import type { MembershipView } from '../../billing/index.ts';
import { redact } from '../../safety/redaction/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { findAuditByKey } from './case-records.repository.ts';
import type { DeskCase } from './cases.repository.ts';
import { audit, caseForAgent, oneAtATime, recordStep, type Actor, type DeskContext } from './desk-context.ts';
import { notOnCase, notSameCard, ownerOnly, verificationRequired } from './desk.errors.ts';
import { decideRefund, findCharge, isLatestOnItsDate } from './refund.rules.ts';
import { carryOutRefund, detailsOf, reserveRefund, settleStaleRefunds, tellMember, type RefundDetails } from './refund-reservations.service.ts';

/** The case, verified, with the verified account as it is now. Every account action starts here. */
export async function verifiedCase(ctx: DeskContext, agent: Actor, caseId: string): Promise<{ deskCase: DeskCase; accountId: string; snapshot: AccountSnapshot }> {
  const deskCase = await caseForAgent(ctx, agent, caseId, { open: true });
  if (deskCase.verifiedAccountId === null) throw verificationRequired();
  const snapshot = await ctx.account.snapshot(deskCase.verifiedAccountId);
  if (!snapshot) throw new AppError({ code: 'ACCOUNT_NOT_FOUND', message: 'The verified account can no longer be found.', status: 404 });
  return { deskCase, accountId: deskCase.verifiedAccountId, snapshot };
}

/**
 * The action's audit entry and its step on the case, together or not at all.
 * False when the idempotency key was already used: nothing is recorded again.
 */
export async function recordAction(ctx: DeskContext, entry: Parameters<typeof audit>[1], step: Parameters<typeof recordStep>[1]): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    if (!(await audit(tx, entry))) return false;
    await recordStep(tx, step);
    return true;
  });
}

/** The verified account's membership, or a second one paid with the same card. */
function membershipOnCase(snapshot: AccountSnapshot, membershipId: string | undefined): MembershipView {
  const own = snapshot.membership;
  if (membershipId === undefined || own?.id === membershipId) {
    if (!own) throw new AppError({ code: 'NO_CHARGE', message: 'This account has no membership, so nothing was charged.', status: 422 });
    return own;
  }
  const other = snapshot.sameCard.find((item) => item.membershipId === membershipId);
  if (!other) throw notOnCase('That membership');
  return other.membership;
}

export type RefundRequest = { caseId: string; membershipId?: string; chargeId?: string; chargeDate?: string; amount: number; reason: string; idempotencyKey: string };

/**
 * A refund within the agent's or supervisor's limit (refund.rules.ts). The
 * limit is checked and the amount reserved with the case locked, then
 * billing refunds, so requests on several server processes cannot together
 * pass the limit (refund-reservations.service.ts). A repeated request with
 * the same key answers what the first one did and refunds once (billing is
 * idempotent with the key as well).
 */
export async function refundCharge(ctx: DeskContext, agent: Actor, request: RefundRequest) {
  return oneAtATime(`desk-case:${request.caseId}`, async () => {
    const { deskCase, snapshot } = await verifiedCase(ctx, agent, request.caseId);
    const previous = await findAuditByKey(ctx.db, deskCase.id, 'refund', request.idempotencyKey);
    if (previous) return { ...(previous.details as RefundDetails), repeated: true };
    // An extra member's snapshot carries the owner's membership and card: the money is the owner's to discuss.
    if (snapshot.account.role !== 'owner') throw ownerOnly('ask for a refund');
    // A refund left half-done by a stopped process is settled first, so the limit counts it as it is.
    await settleStaleRefunds(ctx, { caseId: deskCase.id });
    const membership = membershipOnCase(snapshot, request.membershipId);
    const charge = findCharge(membership.ledger, request.chargeId !== undefined ? { chargeId: request.chargeId } : { chargeDate: request.chargeDate as string });
    if (!charge) throw new AppError({ code: 'NO_CHARGE', field: request.chargeId !== undefined ? 'charge_id' : 'charge_date', message: 'There is no such charge on this membership.', status: 422 });
    if (!isLatestOnItsDate(membership.ledger, charge)) {
      throw new AppError({ code: 'REFUND_CHARGE_AMBIGUOUS', field: 'charge_id', status: 422, message: `Two charges were taken on ${charge.date}; the desk can refund only the later one. Ask a supervisor about the earlier one.` });
    }
    const reason = redact(request.reason.trim(), { serviceCodes: 'remove' }).text;
    const held = await reserveRefund(ctx, agent, {
      deskCase, idempotencyKey: request.idempotencyKey,
      terms: { membershipId: membership.id, chargeId: charge.id, chargeDate: charge.date, amount: request.amount, currency: charge.currency, reason },
      decide: (onCase) => decideRefund({
        role: agent.role, ledger: membership.ledger, charge, amount: request.amount, today: ctx.clock.today(), refundedOnCase: onCase.refunded, reservedOnCase: onCase.reserved,
      }),
    });
    if (held.kind === 'done') return { ...held.details, repeated: true };
    if (held.kind === 'refused') throw new AppError({ code: held.decision.code, message: held.decision.message, field: 'amount', status: held.decision.status });
    await carryOutRefund(ctx, deskCase, held, agent.name);
    // Only the request that made the reservation is the first; one that joined it answers as a repeat.
    return { ...detailsOf(held.reservation), repeated: !held.created };
  });
}

/** The "second account on the same card" fix: cancels the other membership paid with the verified account's card. */
export async function cancelDuplicate(ctx: DeskContext, agent: Actor, options: { caseId: string; membershipId: string }) {
  return oneAtATime(`desk-case:${options.caseId}`, async () => {
    const { deskCase, snapshot } = await verifiedCase(ctx, agent, options.caseId);
    if (snapshot.account.role !== 'owner') throw ownerOnly('cancel another membership paid with their card');
    const duplicate = snapshot.sameCard.find((item) => item.membershipId === options.membershipId);
    if (!duplicate) throw notSameCard();
    const view = await ctx.account.cancelMembership({ membershipId: duplicate.membershipId, idempotencyKey: `desk:${deskCase.id}:cancel:${duplicate.membershipId}` });
    const accessUntil = view.state.access_until;
    await recordAction(ctx,
      { agentId: agent.id, caseId: deskCase.id, action: 'cancel_duplicate', details: { membership_id: duplicate.membershipId, account_id: duplicate.accountId, access_until: accessUntil } },
      { caseId: deskCase.id, kind: 'cancel_duplicate', agentId: agent.id, summary: `Cancelled the second membership on the same card (${duplicate.maskedEmail}) by ${agent.name}.` });
    const until = accessUntil === null ? '' : ` It stays usable until ${accessUntil}.`;
    await tellMember(ctx, deskCase, `The second membership paid with your card (${duplicate.maskedEmail}) is cancelled and won't be charged again.${until}`, 'cancel_duplicate');
    return { membership_id: duplicate.membershipId, status: view.state.status, access_until: accessUntil };
  });
}

export async function removeExtraMember(ctx: DeskContext, agent: Actor, options: { caseId: string; memberAccountId: string }) {
  return oneAtATime(`desk-case:${options.caseId}`, async () => {
    const { deskCase, snapshot } = await verifiedCase(ctx, agent, options.caseId);
    if (snapshot.account.role !== 'owner') throw ownerOnly();
    const member = snapshot.extraMembers.find((item) => item.accountId === options.memberAccountId);
    if (!member) throw notOnCase('That extra member');
    const result = await ctx.account.removeExtraMember({ ownerAccountId: snapshot.account.id, memberAccountId: member.accountId });
    await recordAction(ctx,
      { agentId: agent.id, caseId: deskCase.id, action: 'remove_extra_member', details: { member_account_id: member.accountId, access_until: result.access_until } },
      { caseId: deskCase.id, kind: 'remove_extra_member', agentId: agent.id, summary: `Removed the extra member ${member.name} by ${agent.name}; access ends ${result.access_until}.` });
    await tellMember(ctx, deskCase, `${member.name} is no longer an extra member on your account. Their access ends on ${result.access_until}.`, 'remove_extra_member');
    return { member_account_id: member.accountId, access_until: result.access_until };
  });
}

export async function signOutAllDevices(ctx: DeskContext, agent: Actor, options: { caseId: string }) {
  return oneAtATime(`desk-case:${options.caseId}`, async () => {
    const { deskCase, accountId } = await verifiedCase(ctx, agent, options.caseId);
    const count = await ctx.account.signOutEverywhere(accountId);
    await recordAction(ctx,
      { agentId: agent.id, caseId: deskCase.id, action: 'sign_out_devices', details: { account_id: accountId, signed_out: count } },
      { caseId: deskCase.id, kind: 'sign_out_devices', agentId: agent.id, summary: `Signed out every device (${count}) by ${agent.name}.` });
    await tellMember(ctx, deskCase, 'Every device signed in to your account has been signed out. Sign in again with your password; if someone else might know it, change it first.', 'sign_out_devices');
    return { signed_out: count };
  });
}
