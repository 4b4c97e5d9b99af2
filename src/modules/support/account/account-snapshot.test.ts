import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { membershipView } from '../assistant/testing/assistant-fixtures.ts';
import type { AccountOwner } from '../support.ports.ts';
import { createAccountSnapshotReader, maskEmail } from './account-snapshot.ts';

const owner: AccountOwner = { id: 'acct_ben', name: 'Ben Carter', email: 'ben@demo.reelhouse.example', country: 'US', language: 'en', role: 'owner', ownerAccountId: 'acct_ben' };
const jonas: AccountOwner = { ...owner, id: 'acct_jonas', name: 'Jonas Weber', email: 'jonas@demo.reelhouse.example', role: 'extra_member' };
const clock = fixedClock('2026-03-20T12:00:00Z');

describe('account snapshot', () => {
  it('masks an email enough to recognise it, not to use it', () => {
    expect(maskEmail('ben@demo.reelhouse.example')).toBe('be…@demo.reelhouse.example');
    expect(maskEmail('jo@example.com')).toBe('j…@example.com');
    expect(maskEmail('not-an-email')).toBe('…');
  });

  it('gathers the account, the owner’s membership, the same-card memberships (masked), devices still signed in, household and security', async () => {
    const asked: string[] = [];
    const read = createAccountSnapshotReader({
      clock,
      account: async (id) => (id === 'acct_ben' ? owner : null),
      membership: async (id) => {
        asked.push(`membership:${id}`);
        return membershipView();
      },
      sameCard: async () => [{ membershipId: 'mem_2', accountId: 'acct_2', email: 'benny@demo.reelhouse.example', createdAt: '2026-02-01T10:00:00Z', membership: membershipView({ id: 'mem_2' }) }],
      devices: async () => [
        { id: 'dev_tv', accountId: 'acct_ben', type: 'tv', name: 'Living room TV', networkId: 'net_home', location: null, lastUsedAt: '2026-03-19T20:00:00.000Z', removedAt: null },
        { id: 'dev_old', accountId: 'acct_ben', type: 'phone', name: 'Old phone', networkId: null, location: null, lastUsedAt: '2025-01-01T00:00:00.000Z', removedAt: '2025-02-01T00:00:00.000Z' },
      ],
      household: async () => ({ primaryNetwork: 'net_home', devicesOutside: 1 }),
      extraMembers: async () => ({ members: [{ accountId: 'acct_jonas', name: 'Jonas Weber', email: 'jonas@demo.reelhouse.example', accessUntil: null }], invitations: [] }),
      security: async () => ({ signals: [], steps: ['Nothing unusual in the last 90 days.'] }),
    });
    const snapshot = await read('acct_ben');
    expect(snapshot).toMatchObject({
      takenAt: '2026-03-20T12:00:00.000Z', account: owner, membership: { id: 'mem_ben' }, household: { primaryNetwork: 'net_home', devicesOutside: 1 },
      extraMembers: [{ accountId: 'acct_jonas' }], invitations: [], security: { steps: ['Nothing unusual in the last 90 days.'] },
    });
    expect(snapshot?.sameCard).toEqual([expect.objectContaining({ membershipId: 'mem_2', maskedEmail: 'be…@demo.reelhouse.example' })]);
    expect(snapshot?.devices.map((device) => device.id)).toEqual(['dev_tv']);
    expect(asked).toEqual(['membership:acct_ben']);
    expect(await read('acct_nobody')).toBeNull();
  });

  it('reads an extra member’s owner’s membership, without the owner’s other members or invitations', async () => {
    const asked: string[] = [];
    const read = createAccountSnapshotReader({
      clock,
      account: async () => ({ ...jonas, ownerAccountId: 'acct_ben' }),
      membership: async (id) => {
        asked.push(id);
        return membershipView();
      },
      extraMembers: async () => ({
        members: [{ accountId: 'acct_other', name: 'Someone', email: 's@example.com', accessUntil: null }],
        invitations: [{ id: 'inv_1', name: 'Mia', email: 'mia@example.com', status: 'pending' }],
      }),
    });
    const snapshot = await read('acct_jonas');
    expect(asked).toEqual(['acct_ben']);
    expect(snapshot).toMatchObject({ extraMembers: [], invitations: [], devices: [], sameCard: [], security: { signals: [], steps: [] } });
  });
});
