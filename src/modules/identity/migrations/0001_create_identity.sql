-- Members' logins. The membership itself (plan, payment) belongs to billing,
-- which knows an account only by its id.
create table identity_accounts (
  id text primary key,
  name text not null,
  email text not null,
  phone text,
  password_hash text not null,
  country text not null,
  language text not null,
  role text not null check (role in ('owner', 'extra_member')),
  owner_account_id text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index identity_accounts_email_idx on identity_accounts (lower(email));
create unique index identity_accounts_phone_idx on identity_accounts (phone) where phone is not null;
create index identity_accounts_owner_name_idx on identity_accounts (country, lower(name));

create table identity_devices (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  type text not null check (type in ('tv', 'phone', 'tablet', 'computer', 'console')),
  name text not null,
  network_id text,
  location text,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  removed_at timestamptz
);
create index identity_devices_account_idx on identity_devices (account_id);

-- Only the SHA-256 of a session token is kept: a database leak signs nobody in.
create table identity_sessions (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  token_hash text not null unique,
  device_id text references identity_devices (id) on delete set null,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  location text,
  user_agent text,
  ended_at timestamptz
);
create index identity_sessions_account_idx on identity_sessions (account_id) where ended_at is null;

-- Reset links (email) and codes (SMS): hash only, 15 minutes, single use, newest only.
create table identity_login_help_tokens (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  channel text not null check (channel in ('email', 'sms')),
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  superseded_at timestamptz
);
create index identity_login_help_account_idx on identity_login_help_tokens (account_id, created_at desc);

create table identity_security_events (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  kind text not null,
  summary text not null,
  details jsonb not null default '{}'::jsonb,
  at timestamptz not null
);
create index identity_security_events_account_idx on identity_security_events (account_id, at desc);

-- "Not you? Undo" links sent to the old address after an email, phone or password change.
create table identity_change_undo_tokens (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  token_hash text not null unique,
  field text not null check (field in ('email', 'phone', 'password')),
  old_value text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- The code a member reads to an agent; looked up by its hash.
create table identity_service_codes (
  id text primary key,
  account_id text not null references identity_accounts (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  replaced_at timestamptz
);
create index identity_service_codes_hash_idx on identity_service_codes (code_hash) where replaced_at is null;
create index identity_service_codes_account_idx on identity_service_codes (account_id) where replaced_at is null;

create table identity_service_code_checks (
  id text primary key,
  at timestamptz not null,
  valid boolean not null,
  account_id text,
  address text
);

-- Failed attempts (wrong password, wrong code), counted per subject in a sliding window.
create table identity_attempt_failures (
  id text primary key,
  scope text not null,
  subject text not null,
  at timestamptz not null
);
create index identity_attempt_failures_idx on identity_attempt_failures (scope, subject, at desc);
