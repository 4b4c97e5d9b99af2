import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import type { JoinRequest, MembershipView } from '../billing/index.ts';
import type { AfterAnswer } from './after-answer.ts';
import type { AccountRecord, IdentityTables, Role } from './identity.tables.ts';

/** What identity needs from billing: a membership is created and read through these only. */
export type BillingForIdentity = {
  join(request: JoinRequest): Promise<MembershipView>;
  findByAccount(accountId: string): Promise<MembershipView | null>;
};

export type IdentitySettings = {
  demoMode: boolean;
  /** Links in emails start with this; never taken from the request's Host header (reset-link poisoning). */
  publicUrl: string;
  /** `x-agent-key` for service-code checks; null refuses every check. */
  agentKey: string | null;
  /** Countries where "find my account with my card" is turned off. */
  findAccountDisabledCountries: readonly string[];
  serviceName: string;
};

/** A device signed in from a known network (the member's simulated Wi-Fi). */
export type DeviceSignedIn = { accountId: string; deviceId: string; networkId: string };

/** How long an extra member may still use the service; null when the account is no extra member (or has no end). */
export type ExtraMemberAccess = { accessUntil: string | null } | null;

/**
 * What identity tells, or asks, modules that depend on it. Identity cannot
 * import them (billing → identity → household), so the registry passes
 * these in, late-bound.
 */
export type IdentityHooks = {
  /** After a sign-in from a network: household recognises phones and computers that joined the home Wi-Fi. Failures are logged, never fail the sign-in. */
  onDeviceSignedIn?: (event: DeviceSignedIn) => Promise<void>;
  /** Asked for extra members on sign-in and on every request: access ends on `accessUntil` (the day it is reached). */
  accessCheck?: (accountId: string) => Promise<ExtraMemberAccess>;
};

/** Shared by the module's use cases. */
export type IdentityContext = {
  db: Kysely<IdentityTables>;
  clock: Clock;
  logger?: Logger;
  mailer: Mailer;
  billing: BillingForIdentity;
  settings: IdentitySettings;
  hooks: IdentityHooks;
  /** Work a known login causes, done after the answer so its time tells nothing. */
  afterAnswer: AfterAnswer;
};

export type MemberSummary = {
  account_id: string;
  name: string;
  email: string;
  phone: string | null;
  country: string;
  language: string;
  role: Role;
  owner_account_id?: string;
};

export function memberSummary(account: AccountRecord): MemberSummary {
  return {
    account_id: account.id,
    name: account.name,
    email: account.email,
    phone: account.phone,
    country: account.country,
    language: account.language,
    role: account.role,
    ...(account.role === 'extra_member' ? { owner_account_id: account.owner_account_id } : {}),
  };
}

export function link(settings: IdentitySettings, pathAndQuery: string): string {
  return `${settings.publicUrl.replace(/\/+$/, '')}${pathAndQuery}`;
}
