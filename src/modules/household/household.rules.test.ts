import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../billing/index.ts';
import { extraMemberAccessUntil, extraMemberEligibility, invitationExpiry, invitationStatus } from './extra-members.rules.ts';
import { isInHousehold, judgeUpdateCode, NOT_IN_HOUSEHOLD_MESSAGE, updateCodeExpiry } from './household.rules.ts';

const catalog = loadCatalog('config/catalog.json');
const at = (iso: string) => new Date(iso);

describe('household rules', () => {
  it('counts a TV only while it is on the primary network', () => {
    expect(isInHousehold({ type: 'tv', networkId: 'net_home', seenOnPrimary: true }, 'net_home')).toBe(true);
    expect(isInHousehold({ type: 'tv', networkId: 'net_cabin', seenOnPrimary: true }, 'net_home')).toBe(false);
    expect(isInHousehold({ type: 'tv', networkId: 'net_home', seenOnPrimary: true }, null)).toBe(false);
  });

  it('recognises a phone anywhere once it has joined the home network', () => {
    expect(isInHousehold({ type: 'phone', networkId: 'net_cafe', seenOnPrimary: false }, 'net_home')).toBe(false);
    expect(isInHousehold({ type: 'phone', networkId: 'net_cafe', seenOnPrimary: true }, 'net_home')).toBe(true);
    expect(isInHousehold({ type: 'computer', networkId: 'net_home', seenOnPrimary: false }, 'net_home')).toBe(true);
  });

  it('names the usual causes when a TV is not part of the household', () => {
    expect(NOT_IN_HOUSEHOLD_MESSAGE).toContain("This TV isn't part of your household");
    for (const cause of ['moving home', 'router', 'internet provider', 'second residence', 'travelling']) expect(NOT_IN_HOUSEHOLD_MESSAGE).toContain(cause);
  });

  it('accepts an update code for 15 minutes, once, and only the newest', () => {
    const issued = at('2026-03-01T10:00:00Z');
    const code = { createdAt: issued, expiresAt: updateCodeExpiry(issued), usedAt: null, supersededAt: null, failedAttempts: 0 };
    expect(judgeUpdateCode(code, at('2026-03-01T10:14:59Z'))).toEqual({ ok: true });
    expect(judgeUpdateCode(code, at('2026-03-01T10:15:00Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(judgeUpdateCode({ ...code, usedAt: issued }, issued)).toEqual({ ok: false, reason: 'used' });
    expect(judgeUpdateCode({ ...code, supersededAt: issued }, issued)).toEqual({ ok: false, reason: 'superseded' });
    expect(judgeUpdateCode({ ...code, failedAttempts: 5 }, issued)).toMatchObject({ ok: false });
    expect(judgeUpdateCode(null, issued)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('lets an invitation run 14 days, then shows it as expired', () => {
    const expiresAt = invitationExpiry(at('2026-03-01T10:00:00Z'));
    expect(expiresAt.toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(invitationStatus({ status: 'pending', expiresAt }, at('2026-03-15T09:59:59Z'))).toBe('pending');
    expect(invitationStatus({ status: 'pending', expiresAt }, at('2026-03-15T10:00:00Z'))).toBe('expired');
    expect(invitationStatus({ status: 'accepted', expiresAt }, at('2026-04-01T00:00:00Z'))).toBe('accepted');
  });

  describe('extra-member eligibility, in the order billing refuses', () => {
    const membership = (over: { country?: string; plan?: string; status?: 'active' | 'paused' | 'on_hold' | 'canceled_pending' | 'canceled'; partner?: string; extra?: number }) => ({
      country: over.country ?? 'US',
      currency: 'USD',
      billed_by: over.partner ? { kind: 'partner' as const, partner: over.partner } : { kind: 'direct' as const },
      state: { status: over.status ?? 'active', plan: over.plan ?? 'standard', anchor: '2026-01-01', next_billing_date: '2026-02-01', access_until: null, extra_members: over.extra ?? 0 },
    });

    it('is eligible on Standard with a free slot, with the slot price', () => {
      expect(extraMemberEligibility(membership({}), catalog)).toEqual({ eligible: true, slotsAllowed: 1, slotsUsed: 0, slotPrice: 699, currency: 'USD' });
    });
    it('refuses Basic and a full plan with EXTRA_MEMBER_LIMIT', () => {
      expect(extraMemberEligibility(membership({ plan: 'basic' }), catalog)).toMatchObject({ eligible: false, reasonCode: 'EXTRA_MEMBER_LIMIT', slotsAllowed: 0 });
      expect(extraMemberEligibility(membership({ plan: 'standard', extra: 1 }), catalog)).toMatchObject({ eligible: false, reasonCode: 'EXTRA_MEMBER_LIMIT' });
    });
    it('refuses a country without extra members with EXTRA_MEMBER_UNAVAILABLE', () => {
      expect(extraMemberEligibility(membership({ country: 'BR', plan: 'premium' }), catalog)).toMatchObject({ eligible: false, reasonCode: 'EXTRA_MEMBER_UNAVAILABLE', slotsAllowed: 0 });
    });
    it('refuses partner billing with BILLED_BY_PARTNER before anything else', () => {
      expect(extraMemberEligibility(membership({ partner: 'Telco', plan: 'basic', status: 'paused' }), catalog)).toMatchObject({ reasonCode: 'BILLED_BY_PARTNER' });
    });
    it('refuses a membership that is not running, or none, with NOT_ACTIVE', () => {
      for (const status of ['paused', 'on_hold', 'canceled'] as const) expect(extraMemberEligibility(membership({ status }), catalog)).toMatchObject({ reasonCode: 'NOT_ACTIVE' });
      expect(extraMemberEligibility(membership({ status: 'canceled_pending' }), catalog)).toMatchObject({ eligible: true });
      expect(extraMemberEligibility(null, catalog)).toMatchObject({ eligible: false, reasonCode: 'NOT_ACTIVE' });
    });
  });

  it('ends an extra member\'s access at the earlier of the removal and the membership\'s end', () => {
    expect(extraMemberAccessUntil(null, null)).toBeNull();
    expect(extraMemberAccessUntil('2026-03-01', null)).toBe('2026-03-01');
    expect(extraMemberAccessUntil(null, '2026-04-01')).toBe('2026-04-01');
    expect(extraMemberAccessUntil('2026-03-01', '2026-04-01')).toBe('2026-03-01');
  });
});
