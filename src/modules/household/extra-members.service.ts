import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import type { MembershipView } from '../billing/index.ts';
import { householdError, notFound } from './household.errors.ts';
import type { BillingPort, IdentityPort, Mailer, MemberContext } from './household.ports.ts';
import {
  findInvitationByTokenHash,
  findOpenInvitationsTo,
  findOwnedExtraMember,
  findOwnedInvitation,
  insertExtraMember,
  insertInvitation,
  insertProfileTransfer,
  listExtraMembers,
  listInvitations,
  markExtraMemberRemoved,
  restoreExtraMember,
  setExtraMemberAccessUntil,
  updateInvitation,
  type Invitation,
} from './extra-members.repository.ts';
import {
  extraMemberAccessUntil,
  extraMemberEligibility,
  invitationExpiry,
  invitationStatus,
  removalAccessUntil,
  type EligibilityCode,
  type InvitationStatus,
} from './extra-members.rules.ts';
import { hashToken, newToken } from './household.secrets.ts';
import type { HouseholdDb } from './household.tables.ts';

export type ExtraMemberServiceDeps = {
  db: HouseholdDb;
  clock: Clock;
  identity: IdentityPort;
  billing: BillingPort;
  mailer: Mailer;
  logger?: Logger;
  /** Prefix of links in messages (`https://watch.example`); relative links without it. */
  publicUrl?: string;
};

export type InvitationView = { id: string; email: string; name: string; status: InvitationStatus; expires_at: string };
export type ExtraMemberView = { account_id: string; name: string; email: string; access_until: string | null };
export type ExtraMembersOverview = {
  eligible: boolean;
  reason_code?: EligibilityCode;
  slots_allowed: number;
  slots_used: number;
  slot_price: number;
  currency: string;
  invitations: InvitationView[];
  members: ExtraMemberView[];
};
export type MemberSummary = {
  account_id: string;
  name: string;
  email: string;
  phone: string | null;
  country: string;
  language: string;
  role: 'owner' | 'extra_member';
  owner_account_id?: string;
};

const notActive = () => householdError('NOT_ACTIVE', 'There is no running membership to add an extra member to.', { status: 409 });

export function createExtraMemberService(deps: ExtraMemberServiceDeps) {
  const { db, clock, identity, billing, mailer } = deps;

  const invitationView = (invitation: Invitation, now: Date): InvitationView => ({
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    status: invitationStatus({ status: invitation.status, expiresAt: invitation.expires_at }, now),
    expires_at: invitation.expires_at.toISOString(),
  });

  async function membershipOf(ownerAccountId: string): Promise<MembershipView> {
    const membership = await billing.service.findByAccount(ownerAccountId);
    if (!membership) throw notActive();
    return membership;
  }

  async function ownedInvitation(owner: MemberContext, id: string): Promise<Invitation> {
    const invitation = await findOwnedInvitation(db, owner.ownerAccountId, id);
    if (!invitation) throw notFound('invitation');
    return invitation;
  }

  /** Sends (or re-sends) the link; a failed sending is logged, never thrown: the slot is already paid and resend exists. */
  async function sendInvitation(invitation: { id: string; email: string; name: string; expiresAt: Date }, ownerAccountId: string, token: string): Promise<void> {
    const owner = await identity.getAccount(ownerAccountId);
    const link = `${deps.publicUrl ?? ''}/invitations/${token}`;
    const body = [
      `Hello ${invitation.name},`,
      `${owner?.name ?? 'A member'} invited you to join their membership as an extra member, with your own login and profile.`,
      `Accept before ${invitation.expiresAt.toISOString().slice(0, 10)}: ${link}`,
      'If you do not know this person, ignore this message.',
    ].join('\n\n');
    try {
      await mailer.send({ channel: 'email', to: invitation.email, subject: `${owner?.name ?? 'A member'} invited you as an extra member`, body, purpose: 'an invitation to join a membership as an extra member' });
    } catch (error) {
      deps.logger?.error({ err: error, invitationId: invitation.id }, 'invitation email failed');
    }
  }

  async function overview(owner: MemberContext): Promise<ExtraMembersOverview> {
    const now = clock.now();
    const today = clock.today();
    const membership = await billing.service.findByAccount(owner.ownerAccountId);
    const eligibility = extraMemberEligibility(membership, billing.catalog);
    const invitations = await listInvitations(db, owner.ownerAccountId);
    const membershipEnds = membership?.state.access_until ?? null;
    const members: ExtraMemberView[] = [];
    for (const row of await listExtraMembers(db, owner.ownerAccountId)) {
      const accessUntil = extraMemberAccessUntil(row.access_until, membershipEnds);
      // Someone whose access has ended is no longer an extra member worth listing.
      if (accessUntil !== null && accessUntil <= today) continue;
      const account = await identity.getAccount(row.member_account_id);
      const invitation = invitations.find((candidate) => candidate.id === row.invitation_id);
      members.push({
        account_id: row.member_account_id,
        name: account?.name ?? invitation?.name ?? '',
        email: account?.email ?? invitation?.email ?? '',
        access_until: accessUntil,
      });
    }
    return {
      eligible: eligibility.eligible,
      ...(eligibility.reasonCode ? { reason_code: eligibility.reasonCode } : {}),
      slots_allowed: eligibility.slotsAllowed,
      slots_used: eligibility.slotsUsed,
      slot_price: eligibility.slotPrice,
      currency: eligibility.currency,
      invitations: invitations.map((invitation) => invitationView(invitation, now)),
      members,
    };
  }

  /** Adds the slot through billing (prorated charge; billing's refusal goes out unchanged), then mails the link. */
  async function invite(options: { owner: MemberContext; email: string; name: string }): Promise<InvitationView> {
    const ownerAccountId = options.owner.ownerAccountId;
    // The invitee's name is typed freely: kept (and mailed) redacted.
    const name = redactForStorage(options.name);
    const now = clock.now();
    const open = (await findOpenInvitationsTo(db, ownerAccountId, options.email))
      .filter((invitation) => invitationStatus({ status: invitation.status, expiresAt: invitation.expires_at }, now) !== 'expired');
    if (open.length > 0) {
      throw householdError('INVITATION_EXISTS', 'This address already has an invitation or is already an extra member.', { status: 409, field: 'body.email' });
    }
    const membership = await membershipOf(ownerAccountId);
    const id = newId('inv');
    await billing.service.act({ membershipId: membership.id, action: { type: 'add_extra_member' }, idempotencyKey: `household:invite:${id}` });
    const token = newToken();
    const expiresAt = invitationExpiry(now);
    try {
      await insertInvitation(db, { id, owner_account_id: ownerAccountId, email: options.email, name, token_hash: hashToken(token), status: 'pending', sent_at: now, expires_at: expiresAt, created_at: now });
    } catch (error) {
      // The slot was paid for an invitation that does not exist: give it back (no refund, as for any removal).
      await billing.service.act({ membershipId: membership.id, action: { type: 'remove_extra_member' }, idempotencyKey: `household:invite-undo:${id}` }).catch(() => undefined);
      throw error;
    }
    await sendInvitation({ id, email: options.email, name, expiresAt }, ownerAccountId, token);
    deps.logger?.info({ ownerAccountId, invitationId: id }, 'extra member invited');
    const stored = await findOwnedInvitation(db, ownerAccountId, id);
    return invitationView(stored as Invitation, now);
  }

  /** A fresh link for 14 more days; the old link stops working. The slot stays as it is. */
  async function renew(invitation: Invitation, email: string, countResend: boolean): Promise<InvitationView> {
    const now = clock.now();
    const token = newToken();
    const expiresAt = invitationExpiry(now);
    const changed = await updateInvitation(db, invitation.id, 'pending', {
      email, token_hash: hashToken(token), sent_at: now, expires_at: expiresAt, resent_count: invitation.resent_count + (countResend ? 1 : 0),
    });
    if (!changed) throw notPending();
    await sendInvitation({ id: invitation.id, email, name: invitation.name, expiresAt }, invitation.owner_account_id, token);
    return invitationView({ ...invitation, email, sent_at: now, expires_at: expiresAt }, now);
  }

  const notPending = () => householdError('INVITATION_NOT_PENDING', 'This invitation was already accepted or cancelled.', { status: 409 });

  async function resend(options: { owner: MemberContext; invitationId: string }): Promise<InvitationView> {
    const invitation = await ownedInvitation(options.owner, options.invitationId);
    if (invitation.status !== 'pending') throw notPending();
    return renew(invitation, invitation.email, true);
  }

  /** Fixes a wrong address: the link goes to the new one, the old link stops working. */
  async function changeEmail(options: { owner: MemberContext; invitationId: string; email: string }): Promise<InvitationView> {
    const invitation = await ownedInvitation(options.owner, options.invitationId);
    if (invitation.status !== 'pending') throw notPending();
    return renew(invitation, options.email, false);
  }

  /** Cancelling a pending (or expired) invitation removes its slot: billing keeps it to the period end, no refund. */
  async function cancel(options: { owner: MemberContext; invitationId: string }): Promise<InvitationView> {
    const invitation = await ownedInvitation(options.owner, options.invitationId);
    if (invitation.status !== 'pending') throw notPending();
    const now = clock.now();
    if (!(await updateInvitation(db, invitation.id, 'pending', { status: 'cancelled', cancelled_at: now }))) throw notPending();
    const membership = await billing.service.findByAccount(invitation.owner_account_id);
    if (membership && membership.state.status !== 'canceled') {
      try {
        await billing.service.act({ membershipId: membership.id, action: { type: 'remove_extra_member' }, idempotencyKey: `household:cancel:${invitation.id}` });
      } catch (error) {
        await updateInvitation(db, invitation.id, 'cancelled', { status: 'pending', cancelled_at: null });
        throw error;
      }
    }
    return invitationView({ ...invitation, status: 'cancelled', cancelled_at: now }, now);
  }

  /** The invited person accepts: identity creates their login (and signs it in), household records the extra member. */
  async function accept(options: { token: string; name: string; password: string; transferProfile?: string; request: FastifyRequest; reply: FastifyReply }): Promise<MemberSummary> {
    const invitation = await findInvitationByTokenHash(db, hashToken(options.token));
    const now = clock.now();
    // Typed freely: the name and the profile asked for are kept redacted (identity stores the name the same way).
    const name = redactForStorage(options.name.trim());
    if (!invitation || invitation.status === 'cancelled') {
      throw householdError('INVITATION_NOT_FOUND', 'This invitation link is not valid. Ask the person who invited you for a new one.', { status: 404 });
    }
    if (invitation.status === 'accepted') throw householdError('INVITATION_USED', 'This invitation was already accepted. Sign in instead.', { status: 409 });
    if (invitationStatus({ status: invitation.status, expiresAt: invitation.expires_at }, now) === 'expired') {
      throw householdError('INVITATION_EXPIRED', 'This invitation has expired. Ask the person who invited you to send it again.', { status: 410 });
    }
    const membership = await billing.service.findByAccount(invitation.owner_account_id);
    if (!membership || membership.state.status === 'canceled') {
      throw householdError('NOT_ACTIVE', 'The membership that invited you has ended.', { status: 409 });
    }
    const { accountId } = await identity.createExtraMemberLogin({
      ownerAccountId: invitation.owner_account_id, name, email: invitation.email, password: options.password, request: options.request, reply: options.reply,
    });
    if (!(await updateInvitation(db, invitation.id, 'pending', { status: 'accepted', accepted_account_id: accountId, accepted_at: now }))) {
      deps.logger?.warn({ invitationId: invitation.id, accountId }, 'invitation accepted twice at once; the second login has no slot');
      throw householdError('INVITATION_USED', 'This invitation was already accepted. Sign in instead.', { status: 409 });
    }
    await insertExtraMember(db, { id: newId('xm'), owner_account_id: invitation.owner_account_id, member_account_id: accountId, invitation_id: invitation.id, added_at: now });
    if (options.transferProfile) {
      // Identity moves the profile and its viewing history; the new login exists already, so a failure is logged, not thrown.
      let transferred = false;
      try {
        ({ transferred } = await identity.transferProfile({ fromAccountId: invitation.owner_account_id, toAccountId: accountId, profileName: options.transferProfile }));
      } catch (error) {
        deps.logger?.error({ err: error, invitationId: invitation.id, accountId }, 'profile transfer failed');
      }
      if (!transferred) deps.logger?.warn({ invitationId: invitation.id, accountId }, 'profile not transferred (no such profile, or no room)');
      await insertProfileTransfer(db, { id: newId('ptr'), ownerAccountId: invitation.owner_account_id, memberAccountId: accountId, profileName: redactForStorage(options.transferProfile), at: now });
    }
    await identity.recordSecurityEvent({ accountId: invitation.owner_account_id, kind: 'extra_member_added', summary: `${name} (${invitation.email}) accepted your invitation and became an extra member.`, at: now });
    deps.logger?.info({ invitationId: invitation.id, accountId }, 'extra member joined');
    const account = await identity.getAccount(accountId);
    return {
      account_id: accountId,
      name: account?.name ?? name,
      email: account?.email ?? invitation.email,
      phone: account?.phone ?? null,
      country: account?.country ?? membership.country,
      language: account?.language ?? 'en',
      role: 'extra_member',
      owner_account_id: invitation.owner_account_id,
    };
  }

  /** Removes the slot through billing; the member keeps access to the period end. */
  async function remove(options: { owner: MemberContext; memberAccountId: string }): Promise<{ access_until: string }> {
    const row = await findOwnedExtraMember(db, options.owner.ownerAccountId, options.memberAccountId);
    if (!row) throw notFound('extra member');
    const alreadyRemoved = () => householdError('EXTRA_MEMBER_ALREADY_REMOVED', `This extra member was already removed; access ends on ${row.access_until ?? 'the period end'}.`, { status: 409 });
    if (row.removed_at !== null) throw alreadyRemoved();
    const now = clock.now();
    const today = clock.today();
    // Claimed before billing is asked, so two removals at once cannot remove two slots.
    if (!(await markExtraMemberRemoved(db, row.id, now, today))) throw alreadyRemoved();
    const membership = await billing.service.findByAccount(row.owner_account_id);
    let accessUntil = membership?.state.access_until ?? today;
    if (membership && membership.state.status !== 'canceled') {
      try {
        const after = await billing.service.act({ membershipId: membership.id, action: { type: 'remove_extra_member' }, idempotencyKey: `household:remove:${row.id}` });
        accessUntil = removalAccessUntil(after, today);
      } catch (error) {
        // Billing's refusal (its contract code) goes out unchanged; the member stays.
        await restoreExtraMember(db, row.id);
        throw error;
      }
    }
    await setExtraMemberAccessUntil(db, row.id, accessUntil);
    deps.logger?.info({ ownerAccountId: row.owner_account_id, memberAccountId: row.member_account_id, accessUntil }, 'extra member removed');
    return { access_until: accessUntil };
  }

  return { overview, invite, resend, changeEmail, cancel, accept, remove };
}

export type ExtraMemberService = ReturnType<typeof createExtraMemberService>;
