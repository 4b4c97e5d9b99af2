import type { FastifyReply, FastifyRequest } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { openHouseholdKit, type HouseholdKit } from './testing/household-test-kit.ts';

const DAY = 24 * 60 * 60 * 1000;
const OWNER = 'acct_owner';

/** The link's token, as the invited person finds it in their email. */
function tokenSentTo(kit: HouseholdKit, email: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(kit.mailer.lastTo(email).body);
  if (!match) throw new Error('no invitation link in the message');
  return match[1];
}

const stubReply = { header: () => stubReply } as unknown as FastifyReply;
const stubRequest = {} as FastifyRequest;

describeEachDatabase('extra members with the billing module', (open) => {
  async function ownerKit(options: { country?: string; region?: string; plan?: string; partner?: string } = {}) {
    const kit = await openHouseholdKit(open, { today: '2026-03-10T09:00:00Z' });
    await kit.joinOwner({ accountId: OWNER, ...options });
    const owner = kit.identity.contextOf(OWNER);
    const service = kit.household.extraMembers;
    const accept = (token: string, name = 'Sam', transferProfile?: string) => service.accept({ token, name, password: 'a long password', transferProfile, request: stubRequest, reply: stubReply });
    return { kit, owner, service, accept };
  }

  it('shows the right refusal code for the plan, the country and partner billing, and billing refuses the same way', async () => {
    const cases = [
      { options: { plan: 'basic' }, code: 'EXTRA_MEMBER_LIMIT' },
      { options: { country: 'BR', region: 'SP', plan: 'premium' }, code: 'EXTRA_MEMBER_UNAVAILABLE' },
      { options: { plan: 'premium', partner: 'Skyline Cable' }, code: 'BILLED_BY_PARTNER' },
    ];
    for (const { options, code } of cases) {
      const { owner, service } = await ownerKit(options);
      expect(await service.overview(owner)).toMatchObject({ eligible: false, reason_code: code });
      await expect(service.invite({ owner, email: 'sam@example.test', name: 'Sam' })).rejects.toMatchObject({ code });
      expect((await service.overview(owner)).invitations).toEqual([]);
    }
  });

  it('charges a prorated slot when an invitation is sent and mails a link valid 14 days', async () => {
    const { kit, owner, service } = await ownerKit({ plan: 'standard' });
    expect(await service.overview(owner)).toMatchObject({ eligible: true, slots_allowed: 1, slots_used: 0, slot_price: 699, currency: 'USD' });
    const invitation = await service.invite({ owner, email: 'Sam@Example.test', name: 'Sam' });
    expect(invitation).toMatchObject({ status: 'pending', expires_at: '2026-03-24T09:00:00.000Z' });
    const membership = await kit.billing.service.findByAccount(OWNER);
    expect(membership?.ledger.map((line) => line.reason)).toEqual(['signup', 'extra_member_added']);
    expect(tokenSentTo(kit, 'Sam@Example.test')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await service.overview(owner)).toMatchObject({ eligible: false, reason_code: 'EXTRA_MEMBER_LIMIT', slots_used: 1 });
    await expect(service.invite({ owner, email: 'sam@example.test', name: 'Sam again' })).rejects.toMatchObject({ code: 'INVITATION_EXISTS' });
  });

  it('lets an invitation expire after 14 days, and a resend gives a new link for 14 more without a second charge', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    const invitation = await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const firstToken = tokenSentTo(kit, 'sam@example.test');
    kit.clock.advance(14 * DAY);
    expect((await service.overview(owner)).invitations[0].status).toBe('expired');
    await expect(accept(firstToken)).rejects.toMatchObject({ code: 'INVITATION_EXPIRED', status: 410 });
    const resent = await service.resend({ owner, invitationId: invitation.id });
    expect(resent).toMatchObject({ status: 'pending', expires_at: '2026-04-07T09:00:00.000Z' });
    const secondToken = tokenSentTo(kit, 'sam@example.test');
    expect(secondToken).not.toBe(firstToken);
    await expect(accept(firstToken)).rejects.toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    const membership = await kit.billing.service.findByAccount(OWNER);
    expect(membership?.ledger.filter((line) => line.reason === 'extra_member_added')).toHaveLength(1);
    await expect(accept(secondToken)).resolves.toMatchObject({ role: 'extra_member', owner_account_id: OWNER });
  });

  it('fixes a wrong address: the link goes to the new one and the old link stops working', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    const invitation = await service.invite({ owner, email: 'sam@exmaple.test', name: 'Sam' });
    const wrongToken = tokenSentTo(kit, 'sam@exmaple.test');
    const fixed = await service.changeEmail({ owner, invitationId: invitation.id, email: 'sam@example.test' });
    expect(fixed).toMatchObject({ email: 'sam@example.test', status: 'pending' });
    await expect(accept(wrongToken)).rejects.toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    await expect(accept(tokenSentTo(kit, 'sam@example.test'))).resolves.toMatchObject({ email: 'sam@example.test' });
  });

  it('cancelling a pending invitation removes its slot through billing; the link stops working', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    const invitation = await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const token = tokenSentTo(kit, 'sam@example.test');
    await expect(service.cancel({ owner, invitationId: invitation.id })).resolves.toMatchObject({ status: 'cancelled' });
    const membership = await kit.billing.service.findByAccount(OWNER);
    expect(membership?.events.map((event) => event.type)).toContain('extra_member_removed');
    await expect(accept(token)).rejects.toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    await expect(service.cancel({ owner, invitationId: invitation.id })).rejects.toMatchObject({ code: 'INVITATION_NOT_PENDING' });
  });

  it('accepting creates the extra member\'s login through identity, transfers a profile and alerts the owner', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const token = tokenSentTo(kit, 'sam@example.test');
    kit.identity.profiles.set(OWNER, ['Owner', 'Sam']);
    const member = await accept(token, 'Sam Lee', 'sam');
    expect(kit.identity.profiles.get(member.account_id)).toEqual(['Sam']);
    expect(kit.identity.profiles.get(OWNER)).toEqual(['Owner']);
    expect(member).toMatchObject({ name: 'Sam Lee', email: 'sam@example.test', role: 'extra_member', owner_account_id: OWNER });
    expect(kit.identity.accounts.get(member.account_id)).toMatchObject({ role: 'extra_member', ownerAccountId: OWNER });
    expect(kit.identity.securityEvents).toContainEqual(expect.objectContaining({ accountId: OWNER, kind: 'extra_member_added' }));
    const overview = await service.overview(owner);
    expect(overview.invitations[0].status).toBe('accepted');
    expect(overview.members).toEqual([{ account_id: member.account_id, name: 'Sam Lee', email: 'sam@example.test', access_until: null }]);
    await expect(accept(token)).rejects.toMatchObject({ code: 'INVITATION_USED' });
  });

  it('removing an extra member keeps their access until the period ends, then they are gone', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const member = await accept(tokenSentTo(kit, 'sam@example.test'));
    const periodEnd = (await kit.billing.service.findByAccount(OWNER))?.state.next_billing_date;
    expect(periodEnd).toBe('2026-04-10');
    await expect(service.remove({ owner, memberAccountId: member.account_id })).resolves.toEqual({ access_until: '2026-04-10' });
    expect((await service.overview(owner)).members).toEqual([expect.objectContaining({ account_id: member.account_id, access_until: '2026-04-10' })]);
    expect(await kit.household.extraMemberAccess(member.account_id)).toEqual({ ownerAccountId: OWNER, accessUntil: '2026-04-10' });
    await expect(service.remove({ owner, memberAccountId: member.account_id })).rejects.toMatchObject({ code: 'EXTRA_MEMBER_ALREADY_REMOVED' });
    kit.clock.set('2026-04-10T09:00:00Z');
    expect((await service.overview(owner)).members).toEqual([]);
  });

  it('shows the membership\'s end as every extra member\'s end once the membership is cancelled', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const member = await accept(tokenSentTo(kit, 'sam@example.test'));
    const membership = await kit.billing.service.findByAccount(OWNER);
    await kit.billing.service.act({ membershipId: membership?.id ?? '', action: { type: 'cancel' } });
    expect((await service.overview(owner)).members).toEqual([expect.objectContaining({ account_id: member.account_id, access_until: '2026-04-10' })]);
  });

  it('answers 404 for another owner\'s invitations and extra members', async () => {
    const { kit, owner, service, accept } = await ownerKit();
    const invitation = await service.invite({ owner, email: 'sam@example.test', name: 'Sam' });
    const member = await accept(tokenSentTo(kit, 'sam@example.test'));
    await kit.joinOwner({ accountId: 'acct_stranger' });
    const stranger = kit.identity.contextOf('acct_stranger');
    for (const attempt of [
      () => service.resend({ owner: stranger, invitationId: invitation.id }),
      () => service.cancel({ owner: stranger, invitationId: invitation.id }),
      () => service.changeEmail({ owner: stranger, invitationId: invitation.id, email: 'x@example.test' }),
      () => service.remove({ owner: stranger, memberAccountId: member.account_id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
  });
});
