import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import type { JoinRequest, MembershipView } from '../billing/index.ts';
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

/** Shared by the module's use cases. */
export type IdentityContext = {
  db: Kysely<IdentityTables>;
  clock: Clock;
  logger?: Logger;
  mailer: Mailer;
  billing: BillingForIdentity;
  settings: IdentitySettings;
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
