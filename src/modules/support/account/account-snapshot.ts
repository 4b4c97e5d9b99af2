import type { Clock } from '../../../platform/clock.ts';
import type { MembershipView } from '../../billing/index.ts';
import type { Device, Signal } from '../../identity/index.ts';
import type { AccountOwner, AccountSnapshot, ExtraMemberBrief, InvitationBrief, SameCardMembership } from '../support.ports.ts';

/**
 * Builds the AccountSnapshot the assistant reads and the desk shows, from
 * plain functions the registry wires to billing, identity and household
 * (through their `index.ts`). Optional sources answer "nothing" when absent,
 * so a partial wiring still gives a usable snapshot.
 */
export type SnapshotSources = {
  clock: Clock;
  /** The chatting account; null when it does not exist. */
  account(accountId: string): Promise<AccountOwner | null>;
  /** The owner's membership (for an extra member: their owner's). */
  membership(ownerAccountId: string): Promise<MembershipView | null>;
  /** Other memberships paying with the same card; `maskedEmail` is filled in when the source leaves it out. */
  sameCard?(membership: MembershipView): Promise<(Omit<SameCardMembership, 'maskedEmail'> & { maskedEmail?: string })[]>;
  devices?(accountId: string): Promise<Device[]>;
  household?(ownerAccountId: string): Promise<{ primaryNetwork: string | null; devicesOutside: number }>;
  /** The owner's extra members and pending invitations: household answers both in one read. */
  extraMembers?(ownerAccountId: string): Promise<{ members: ExtraMemberBrief[]; invitations: InvitationBrief[] }>;
  security?(accountId: string): Promise<{ signals: Signal[]; steps: string[] }>;
};

export type AccountSnapshotReader = (accountId: string) => Promise<AccountSnapshot | null>;

/** `ben@demo.reelhouse.example` → `be…@demo.reelhouse.example`: enough to recognise, not enough to sign in with. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '…';
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}…${email.slice(at)}`;
}

export function createAccountSnapshotReader(sources: SnapshotSources): AccountSnapshotReader {
  return async (accountId) => {
    const account = await sources.account(accountId);
    if (!account) return null;
    const owner = account.ownerAccountId;
    const isOwner = account.role === 'owner';
    const membership = await sources.membership(owner);
    const [sameCard, devices, household, extras, security] = await Promise.all([
      membership && sources.sameCard ? sources.sameCard(membership) : Promise.resolve([]),
      sources.devices ? sources.devices(accountId) : Promise.resolve([]),
      sources.household ? sources.household(owner) : Promise.resolve({ primaryNetwork: null, devicesOutside: 0 }),
      // An extra member sees neither the owner's other members nor their invitations.
      isOwner && sources.extraMembers ? sources.extraMembers(owner) : Promise.resolve({ members: [], invitations: [] }),
      sources.security ? sources.security(accountId) : Promise.resolve({ signals: [], steps: [] }),
    ]);
    return {
      takenAt: sources.clock.now().toISOString(),
      account,
      membership,
      sameCard: sameCard
        .filter((other) => other.membershipId !== membership?.id)
        .map((other) => ({ ...other, maskedEmail: other.maskedEmail ?? maskEmail(other.email) })),
      devices: devices.filter((device) => device.removedAt === null),
      household,
      extraMembers: extras.members,
      invitations: extras.invitations,
      security,
    };
  };
}
