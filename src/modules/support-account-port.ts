import type { Clock } from '../platform/clock.ts';
import type { BillingModule } from './billing/index.ts';
import type { HouseholdModule, MemberContext } from './household/index.ts';
import type { IdentityModule } from './identity/index.ts';
import { createAccountSnapshotReader } from './support/account/account-snapshot.ts';
import type { SupportAccountPort } from './support/support.ports.ts';

/**
 * Support's view of the other modules (support.ports.ts), built here in the
 * composition root so that support imports none of them: billing for the
 * membership and its money, identity for the login, devices and security,
 * household for the network and extra members.
 */
export function createSupportAccountPort(deps: { billing: BillingModule; identity: IdentityModule; household: HouseholdModule; clock: Clock }): SupportAccountPort {
  const { billing, identity, household } = deps;
  // Household's use cases take the signed-in owner; support acts for the owner it verified.
  const asOwner = (ownerAccountId: string): MemberContext => ({ accountId: ownerAccountId, ownerAccountId, role: 'owner', sessionId: 'support', deviceId: null });

  const snapshot = createAccountSnapshotReader({
    clock: deps.clock,
    account: async (accountId) => {
      const account = await identity.getAccount(accountId);
      return account && { id: account.id, name: account.name, email: account.email, country: account.country, language: account.language, role: account.role, ownerAccountId: account.ownerAccountId };
    },
    membership: (ownerAccountId) => billing.service.findByAccount(ownerAccountId),
    sameCard: async (membership) => {
      const others = await billing.service.membershipsSharingCard(membership.id);
      const withLogins = await Promise.all(others.map(async (other) => ({ other, login: await identity.getAccount(other.account_id) })));
      return withLogins.map(({ other, login }) => ({
        membershipId: other.id, accountId: other.account_id, email: login?.email ?? '', createdAt: other.events[0]?.date ?? '', membership: other,
      }));
    },
    devices: (accountId) => identity.listDevices(accountId),
    household: async (ownerAccountId) => {
      const view = await household.household.describeHousehold(asOwner(ownerAccountId));
      return { primaryNetwork: view.primary_network?.name ?? null, devicesOutside: view.devices.filter((device) => !device.in_household).length };
    },
    extraMembers: async (ownerAccountId) => {
      const overview = await household.extraMembers.overview(asOwner(ownerAccountId));
      return {
        members: overview.members.map((member) => ({ accountId: member.account_id, name: member.name, email: member.email, accessUntil: member.access_until })),
        invitations: overview.invitations.map((invitation) => ({ id: invitation.id, name: invitation.name, email: invitation.email, status: invitation.status })),
      };
    },
    security: (accountId) => identity.securityReview(accountId),
  });

  return {
    snapshot,
    cancelMembership: ({ membershipId, idempotencyKey }) => billing.service.act({ membershipId, action: { type: 'cancel' }, idempotencyKey }),
    pauseMembership: ({ membershipId, months, idempotencyKey }) => billing.service.act({ membershipId, action: { type: 'pause', months }, idempotencyKey }),
    refund: (options) => billing.service.refund(options),
    restoreGiftBalance: (options) => billing.giftCards.restoreGiftBalance(options),
    signOutEverywhere: (accountId) => identity.signOutEverywhere(accountId),
    removeDevice: ({ accountId, deviceId }) => identity.removeDevice(accountId, deviceId),
    removeExtraMember: ({ ownerAccountId, memberAccountId }) => household.extraMembers.remove({ owner: asOwner(ownerAccountId), memberAccountId }),
    resendInvitation: async ({ ownerAccountId, invitationId }) => {
      await household.extraMembers.resend({ owner: asOwner(ownerAccountId), invitationId });
    },
    verifyServiceCode: ({ code, address }) => identity.verifyServiceCode(code, address),
  };
}
