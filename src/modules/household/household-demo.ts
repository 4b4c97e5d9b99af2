import type { Clock } from '../../platform/clock.ts';
import { seedAcceptedExtraMember } from './extra-members.repository.ts';
import { hashToken, newToken } from './household.secrets.ts';
import type { HouseholdService } from './household.service.ts';
import type { HouseholdDb } from './household.tables.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo owner Chloé (billing's `acct_demo_chloe`, who added an extra-member
 * slot 8 days before seeding) watches at home on `net_home`, and Jonas is her
 * extra member. Jonas's login belongs to identity: until it creates
 * `acct_demo_jonas`, he is listed from the invitation's name and address and
 * cannot sign in.
 */
export const DEMO_HOUSEHOLD = {
  ownerAccountId: 'acct_demo_chloe',
  network: { id: 'net_home', name: 'Home' },
  extraMember: { accountId: 'acct_demo_jonas', name: 'Jonas Brandt', email: 'jonas@demo.reelhouse.example', invitationId: 'inv_demo_chloe_jonas', memberId: 'xm_demo_chloe_jonas' },
} as const;

export async function seedDemoHousehold(deps: { db: HouseholdDb; clock: Clock; household: HouseholdService }): Promise<{ seeded: boolean }> {
  const { ownerAccountId, network, extraMember } = DEMO_HOUSEHOLD;
  const householdCreated = await deps.household.ensureHousehold({ accountId: ownerAccountId, network });
  const joined = new Date(deps.clock.now().getTime() - 8 * DAY_MS);
  const sent = new Date(joined.getTime() - DAY_MS);
  const memberCreated = await seedAcceptedExtraMember(deps.db, {
    invitation: {
      id: extraMember.invitationId, owner_account_id: ownerAccountId, email: extraMember.email, name: extraMember.name,
      // A token nobody knows: the demo invitation is already accepted.
      token_hash: hashToken(newToken()), status: 'accepted', sent_at: sent, expires_at: new Date(sent.getTime() + 14 * DAY_MS),
      accepted_account_id: extraMember.accountId, accepted_at: joined, created_at: sent,
    },
    member: { id: extraMember.memberId, owner_account_id: ownerAccountId, member_account_id: extraMember.accountId, invitation_id: extraMember.invitationId, added_at: joined },
  });
  return { seeded: householdCreated || memberCreated };
}
