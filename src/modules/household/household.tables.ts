import type { ColumnType, Kysely } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type NetworkRow = { id: string; name: string; created_at: CreatedAt };

export type HouseholdRow = { account_id: string; primary_network_id: string; updated_at: Date };

export type DeviceSightingRow = { device_id: string; account_id: string; network_id: string; first_seen_at: Date; last_seen_at: Date };

export type UpdateCodeRow = {
  id: string;
  account_id: string;
  device_id: string;
  network_id: string;
  code_hash: string;
  channel: 'email' | 'sms';
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  superseded_at: Date | null;
  failed_attempts: ColumnType<number, number | undefined, number>;
};

export type InvitationRow = {
  id: string;
  owner_account_id: string;
  email: string;
  name: string;
  token_hash: string;
  status: 'pending' | 'accepted' | 'cancelled';
  sent_at: Date;
  expires_at: Date;
  resent_count: ColumnType<number, number | undefined, number>;
  accepted_account_id: string | null;
  accepted_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
};

export type ExtraMemberRow = {
  id: string;
  owner_account_id: string;
  member_account_id: string;
  invitation_id: string | null;
  added_at: Date;
  removed_at: Date | null;
  /** `YYYY-MM-DD`: the period end after a removal. */
  access_until: string | null;
};

export type ProfileTransferRow = { id: string; owner_account_id: string; member_account_id: string; profile_name: string; transferred_at: Date };

export type HouseholdTables = {
  household_networks: NetworkRow;
  household_households: HouseholdRow;
  household_device_sightings: DeviceSightingRow;
  household_update_codes: UpdateCodeRow;
  household_invitations: InvitationRow;
  household_extra_members: ExtraMemberRow;
  household_profile_transfers: ProfileTransferRow;
};

export type HouseholdDb = Kysely<HouseholdTables>;
