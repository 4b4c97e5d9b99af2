import type { MembershipView } from '../billing/index.ts';
import type { Device, Signal } from '../identity/index.ts';

/**
 * What support (chat, assistant, desk) needs from the other modules. The
 * registry wires these to billing, identity and household through their
 * `index.ts`; support never reads their tables. Tests pass fakes.
 */

/** Another membership paying with the same card (same provider fingerprint). */
export type SameCardMembership = {
  membershipId: string;
  accountId: string;
  /** The other login's email, masked for the member (`be…@demo.reelhouse.example`); agents see it whole after verification. */
  email: string;
  maskedEmail: string;
  createdAt: string;
  membership: MembershipView;
};

export type AccountOwner = {
  id: string; name: string; email: string; country: string; language: string;
  role: 'owner' | 'extra_member'; ownerAccountId: string;
};

export type ExtraMemberBrief = { accountId: string; name: string; email: string; accessUntil: string | null };
export type InvitationBrief = { id: string; name: string; email: string; status: string };

/** Everything the assistant reads and an agent's case file shows; one call, plain data. */
export type AccountSnapshot = {
  takenAt: string;
  account: AccountOwner;
  /** The owner's membership (an extra member's chat reads their owner's). Null: never joined. */
  membership: MembershipView | null;
  sameCard: SameCardMembership[];
  devices: Device[];
  household: { primaryNetwork: string | null; devicesOutside: number };
  extraMembers: ExtraMemberBrief[];
  invitations: InvitationBrief[];
  security: { signals: Signal[]; steps: string[] };
};

/** Account actions; each is idempotent where it moves money (`idempotencyKey`). */
export type SupportAccountPort = {
  snapshot(accountId: string): Promise<AccountSnapshot | null>;
  cancelMembership(options: { membershipId: string; idempotencyKey: string }): Promise<MembershipView>;
  pauseMembership(options: { membershipId: string; months: number; idempotencyKey: string }): Promise<MembershipView>;
  refund(options: { membershipId: string; chargeDate: string; amount: number; reason: string; idempotencyKey: string }): Promise<MembershipView>;
  /** A supervisor's restore of gift balance (desk only); `restoredBy` is the agent's id. Idempotent by key. */
  restoreGiftBalance(options: { membershipId: string; amount: number; reason: string; restoredBy: string; idempotencyKey: string }): Promise<MembershipView>;
  signOutEverywhere(accountId: string): Promise<number>;
  removeDevice(options: { accountId: string; deviceId: string }): Promise<void>;
  removeExtraMember(options: { ownerAccountId: string; memberAccountId: string }): Promise<{ access_until: string }>;
  resendInvitation(options: { ownerAccountId: string; invitationId: string }): Promise<void>;
  /** Checks a code the member reads out; the account it belongs to, or null. Audited by identity. */
  verifyServiceCode(options: { code: string; address: string }): Promise<string | null>;
};
