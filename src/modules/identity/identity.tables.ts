import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type Role = 'owner' | 'extra_member';
export type DeviceType = 'tv' | 'phone' | 'tablet' | 'computer' | 'console';
export type Channel = 'email' | 'sms';
export type ChangeField = 'email' | 'phone' | 'password';

export type IdentityTables = {
  identity_accounts: {
    id: string; name: string; email: string; phone: string | null; password_hash: string; country: string; language: string;
    role: Role; owner_account_id: string; created_at: Timestamp; updated_at: Timestamp;
  };
  identity_devices: {
    id: string; account_id: string; type: DeviceType; name: string; network_id: string | null; location: string | null;
    created_at: Timestamp; last_used_at: Timestamp; removed_at: Timestamp | null;
  };
  identity_sessions: {
    id: string; account_id: string; token_hash: string; device_id: string | null; created_at: Timestamp; last_used_at: Timestamp;
    location: string | null; user_agent: string | null; ended_at: Timestamp | null;
  };
  identity_login_help_tokens: {
    id: string; account_id: string; channel: Channel; token_hash: string; created_at: Timestamp; expires_at: Timestamp;
    used_at: Timestamp | null; superseded_at: Timestamp | null;
  };
  identity_security_events: { id: string; account_id: string; kind: string; summary: string; details: Json; at: Timestamp };
  identity_change_undo_tokens: {
    id: string; account_id: string; token_hash: string; field: ChangeField; old_value: string | null;
    created_at: Timestamp; expires_at: Timestamp; used_at: Timestamp | null;
  };
  identity_service_codes: { id: string; account_id: string; code_hash: string; created_at: Timestamp; expires_at: Timestamp; replaced_at: Timestamp | null };
  identity_service_code_checks: { id: string; at: Timestamp; valid: boolean; account_id: string | null; address: string | null };
  identity_attempt_failures: { id: string; scope: string; subject: string; at: Timestamp };
  identity_profiles: {
    id: string; account_id: string; name: string; created_at: Timestamp; created_on_device_id: string | null; created_by: ProfileCreator;
    location: string | null; country: string | null; transferred_at: Timestamp | null;
  };
  identity_viewing: {
    id: string; account_id: string; profile_id: string; title: string; device_id: string | null; country: string | null; location: string | null; watched_at: Timestamp;
  };
};

export type ProfileCreator = 'owner' | 'unknown';
export type ProfileRecord = {
  id: string; account_id: string; name: string; created_at: Date; created_on_device_id: string | null; created_by: ProfileCreator;
  location: string | null; country: string | null; transferred_at: Date | null;
};
export type ViewingRecord = {
  id: string; account_id: string; profile_id: string; title: string; device_id: string | null; country: string | null; location: string | null; watched_at: Date;
};

export type AccountRecord = {
  id: string; name: string; email: string; phone: string | null; password_hash: string; country: string; language: string;
  role: Role; owner_account_id: string; created_at: Date; updated_at: Date;
};
export type DeviceRecord = {
  id: string; account_id: string; type: DeviceType; name: string; network_id: string | null; location: string | null;
  created_at: Date; last_used_at: Date; removed_at: Date | null;
};
export type SessionRecord = {
  id: string; account_id: string; token_hash: string; device_id: string | null; created_at: Date; last_used_at: Date;
  location: string | null; user_agent: string | null; ended_at: Date | null;
};
export type LoginHelpTokenRecord = {
  id: string; account_id: string; channel: Channel; token_hash: string; created_at: Date; expires_at: Date;
  used_at: Date | null; superseded_at: Date | null;
};
export type SecurityEventRecord = { id: string; account_id: string; kind: string; summary: string; details: Record<string, unknown>; at: Date };
export type UndoTokenRecord = {
  id: string; account_id: string; token_hash: string; field: ChangeField; old_value: string | null;
  created_at: Date; expires_at: Date; used_at: Date | null;
};
