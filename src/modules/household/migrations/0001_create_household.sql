-- Internet connections as Usher sees them (the simulated TV names one: `net_home`).
CREATE TABLE household_networks (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One household per account: the primary internet connection of the place where it watches.
CREATE TABLE household_households (
  account_id text PRIMARY KEY,
  primary_network_id text NOT NULL REFERENCES household_networks (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each network a device has connected from; "seen on primary" is a sighting on the primary network.
CREATE TABLE household_device_sightings (
  device_id text NOT NULL,
  account_id text NOT NULL,
  network_id text NOT NULL REFERENCES household_networks (id),
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, network_id)
);

-- Codes that confirm a household update from a TV: only a hash is kept; 15 minutes, single use, newest only.
CREATE TABLE household_update_codes (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  device_id text NOT NULL,
  network_id text NOT NULL REFERENCES household_networks (id),
  code_hash text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  superseded_at timestamptz,
  failed_attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX household_update_codes_account ON household_update_codes (account_id, created_at DESC);

-- Invitations of extra members: only the token's hash is kept; 14 days from the last sending.
CREATE TABLE household_invitations (
  id text PRIMARY KEY,
  owner_account_id text NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'cancelled')),
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  resent_count integer NOT NULL DEFAULT 0,
  accepted_account_id text,
  accepted_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX household_invitations_owner ON household_invitations (owner_account_id, created_at);

-- Extra members of a membership; a removed one keeps access until `access_until`.
CREATE TABLE household_extra_members (
  id text PRIMARY KEY,
  owner_account_id text NOT NULL,
  member_account_id text NOT NULL UNIQUE,
  invitation_id text REFERENCES household_invitations (id),
  added_at timestamptz NOT NULL,
  removed_at timestamptz,
  access_until date
);
CREATE INDEX household_extra_members_owner ON household_extra_members (owner_account_id);

-- A profile an extra member brought along from the owner's account when accepting.
CREATE TABLE household_profile_transfers (
  id text PRIMARY KEY,
  owner_account_id text NOT NULL,
  member_account_id text NOT NULL,
  profile_name text NOT NULL,
  transferred_at timestamptz NOT NULL
);
