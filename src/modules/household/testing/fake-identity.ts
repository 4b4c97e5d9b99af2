import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { AccountSummary, Device, DeviceType, IdentityPort, Mailer, MemberContext, OutgoingMessage } from '../household.ports.ts';

/**
 * Identity as household sees it, in memory. A request is signed in by the
 * header `x-test-account` (and `x-test-device` for the current device), so
 * route tests need no sessions or CSRF.
 */
export type FakeIdentity = IdentityPort & {
  accounts: Map<string, AccountSummary>;
  devices: Map<string, Device>;
  securityEvents: { accountId: string; kind: string; summary: string }[];
  /** Profiles by account, by name: what `transferProfile` moves. */
  profiles: Map<string, string[]>;
  addOwner(account: { id: string; name: string; email: string; phone?: string | null; country: string }): AccountSummary;
  /** A device that already exists (a phone signed in somewhere). */
  addDevice(device: { accountId: string; type: DeviceType; name: string; networkId: string | null }): Device;
  /** The device now connects from `networkId` (a phone joining the home Wi-Fi). */
  moveDevice(deviceId: string, networkId: string | null): void;
  /** The member as the routes would see them, for service-level tests. */
  contextOf(accountId: string, deviceId?: string): MemberContext;
};

export function createFakeIdentity(): FakeIdentity {
  const accounts = new Map<string, AccountSummary>();
  const devices = new Map<string, Device>();
  const securityEvents: FakeIdentity['securityEvents'] = [];
  const profiles = new Map<string, string[]>();
  let sequence = 0;
  const now = () => new Date().toISOString();

  function contextOf(accountId: string, deviceId?: string): MemberContext {
    const account = accounts.get(accountId);
    if (!account) throw new AppError({ code: 'UNAUTHENTICATED', message: 'Sign in first.', status: 401 });
    return { accountId, ownerAccountId: account.ownerAccountId, role: account.role, sessionId: `ses_${accountId}`, deviceId: deviceId ?? null };
  }

  async function requireMember(request: FastifyRequest): Promise<MemberContext> {
    const accountId = request.headers['x-test-account'];
    if (typeof accountId !== 'string') throw new AppError({ code: 'UNAUTHENTICATED', message: 'Sign in first.', status: 401 });
    const device = request.headers['x-test-device'];
    return contextOf(accountId, typeof device === 'string' ? device : undefined);
  }

  function addDevice(device: { accountId: string; type: DeviceType; name: string; networkId: string | null }): Device {
    const stored: Device = { id: `dev_${++sequence}`, location: null, lastUsedAt: now(), removedAt: null, ...device };
    devices.set(stored.id, stored);
    return stored;
  }

  return {
    accounts,
    devices,
    securityEvents,
    profiles,
    contextOf,
    requireMember,
    async requireOwner(request) {
      const member = await requireMember(request);
      if (member.role !== 'owner') throw new AppError({ code: 'FORBIDDEN', message: 'Only the account owner can do this.', status: 403 });
      return member;
    },
    async getAccount(accountId) {
      return accounts.get(accountId) ?? null;
    },
    async createExtraMemberLogin(options) {
      if ([...accounts.values()].some((account) => account.email === options.email)) {
        throw new AppError({ code: 'EMAIL_TAKEN', message: 'This email already has an account.', status: 409 });
      }
      const id = `acct_extra_${++sequence}`;
      const owner = accounts.get(options.ownerAccountId);
      accounts.set(id, { id, name: options.name, email: options.email, phone: null, country: owner?.country ?? 'US', language: 'en', role: 'extra_member', ownerAccountId: options.ownerAccountId });
      options.reply.header('set-cookie', `usher_session=fake_${id}; HttpOnly; Path=/`);
      return { accountId: id };
    },
    async listDevices(accountId) {
      return [...devices.values()].filter((device) => device.accountId === accountId);
    },
    async registerDevice(options) {
      return addDevice(options);
    },
    async recordSecurityEvent(options) {
      securityEvents.push({ accountId: options.accountId, kind: options.kind, summary: options.summary });
    },
    async transferProfile(options) {
      const from = profiles.get(options.fromAccountId) ?? [];
      const name = from.find((candidate) => candidate.toLowerCase() === options.profileName.toLowerCase());
      if (name === undefined) return { transferred: false };
      profiles.set(options.fromAccountId, from.filter((candidate) => candidate !== name));
      profiles.set(options.toAccountId, [...(profiles.get(options.toAccountId) ?? []), name]);
      return { transferred: true };
    },
    addOwner(account) {
      const stored: AccountSummary = { phone: null, language: 'en', ...account, role: 'owner', ownerAccountId: account.id };
      accounts.set(account.id, stored);
      return stored;
    },
    addDevice,
    moveDevice(deviceId, networkId) {
      const device = devices.get(deviceId);
      if (!device) throw new Error(`no device ${deviceId}`);
      devices.set(deviceId, { ...device, networkId, lastUsedAt: now() });
    },
  };
}

/** Every message sent, newest last; tests read codes and links from here as a member reads their inbox. */
export type CapturingMailer = Mailer & { sent: OutgoingMessage[]; lastTo(to: string): OutgoingMessage };

export function createCapturingMailer(): CapturingMailer {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    lastTo(to) {
      const message = [...sent].reverse().find((candidate) => candidate.to === to);
      if (!message) throw new Error(`nothing was sent to ${to}`);
      return message;
    },
  };
}
