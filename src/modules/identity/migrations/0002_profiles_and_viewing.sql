-- Profiles on an account and what was watched on them, for the security
-- review's `unknown_profile` and `unfamiliar_viewing` signals. `location`
-- and `country` are where the request came from (approximate, from the IP).
create table identity_profiles (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  name text not null,
  created_at timestamptz not null,
  created_on_device_id text references identity_devices (id) on delete set null,
  created_by text not null check (created_by in ('owner', 'unknown')),
  location text,
  country text,
  -- Set when an owner gave the profile to their extra member: its history before then was watched on the other account.
  transferred_at timestamptz
);
create unique index identity_profiles_name_idx on identity_profiles (account_id, lower(name));

create table identity_viewing (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  profile_id text not null references identity_profiles (id) on delete cascade,
  title text not null,
  device_id text references identity_devices (id) on delete set null,
  country text,
  location text,
  watched_at timestamptz not null
);
create index identity_viewing_account_idx on identity_viewing (account_id, watched_at desc);
create index identity_viewing_profile_idx on identity_viewing (profile_id);
