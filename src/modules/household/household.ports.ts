import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalog, MembershipView } from '../billing/index.ts';

/**
 * What household needs from the identity module, copied from the contract in
 * docs/api/members.md (`IdentityModule`) and narrowed to the members used
 * here, so the real module fits it as it is and tests can pass a fake.
 */
export type MemberContext = {
  accountId: string;
  ownerAccountId: string;
  role: 'owner' | 'extra_member';
  sessionId: string;
  deviceId: string | null;
};

export type DeviceType = 'tv' | 'phone' | 'tablet' | 'computer' | 'console';

export type Device = {
  id: string;
  accountId: string;
  type: DeviceType;
  name: string;
  networkId: string | null;
  location: string | null;
  lastUsedAt: string;
  removedAt: string | null;
};

export type AccountSummary = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  country: string;
  language: string;
  role: 'owner' | 'extra_member';
  ownerAccountId: string;
};

export type IdentityPort = {
  requireMember(request: FastifyRequest): Promise<MemberContext>;
  requireOwner(request: FastifyRequest): Promise<MemberContext>;
  getAccount(accountId: string): Promise<AccountSummary | null>;
  createExtraMemberLogin(options: {
    ownerAccountId: string;
    name: string;
    email: string;
    password: string;
    reply: FastifyReply;
    request: FastifyRequest;
  }): Promise<{ accountId: string }>;
  listDevices(accountId: string): Promise<Device[]>;
  registerDevice(options: { accountId: string; type: DeviceType; name: string; networkId: string | null }): Promise<Device>;
  recordSecurityEvent(options: { accountId: string; kind: string; summary: string; at?: Date }): Promise<void>;
  /** Moves the owner's profile (by name) and its viewing history to the extra member's account; false when nothing moved. */
  transferProfile(options: { fromAccountId: string; toAccountId: string; profileName: string }): Promise<{ transferred: boolean }>;
};

export type ExtraMemberAction = { type: 'add_extra_member' } | { type: 'remove_extra_member' };

/** The slice of billing household uses: the billing module's `service` and `catalog` fit it. */
export type BillingPort = {
  service: {
    act(options: { membershipId: string; action: ExtraMemberAction; idempotencyKey?: string }): Promise<MembershipView>;
    findByAccount(accountId: string): Promise<MembershipView | null>;
  };
  catalog: Catalog;
};

export type OutgoingMessage = { channel: 'email' | 'sms'; to: string; subject?: string; body: string; purpose?: string };
export type Mailer = { send(message: OutgoingMessage): Promise<void> };
