-- Memberships: the state of the billing rules, one row per account.
CREATE TABLE billing_memberships (
  id text PRIMARY KEY,
  account_id text NOT NULL UNIQUE,
  country text NOT NULL,
  region text,
  partner text,
  status text NOT NULL CHECK (status IN ('active', 'paused', 'on_hold', 'canceled_pending', 'canceled')),
  plan text NOT NULL,
  anchor date NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  slots integer NOT NULL DEFAULT 0 CHECK (slots >= 0),
  removed_slots integer NOT NULL DEFAULT 0 CHECK (removed_slots >= 0),
  pending_plan text,
  pause_start date,
  pause_months integer,
  hold_due_date date,
  hold_base integer,
  hold_tax integer,
  hold_amount integer,
  hold_failed_attempts integer,
  access_until date,
  cancel_reason text,
  -- The next date the billing run has work for this row; NULL when none.
  next_run_date date,
  payment_method_id text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_memberships_due ON billing_memberships (next_run_date) WHERE next_run_date IS NOT NULL;

-- Payment methods keep a provider token and what a member recognises: never the number.
CREATE TABLE billing_payment_methods (
  id text PRIMARY KEY,
  membership_id text NOT NULL REFERENCES billing_memberships (id),
  provider text NOT NULL,
  token text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  replaced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_payment_methods_membership ON billing_payment_methods (membership_id);

-- Every charge, failed attempt, authorization and refund. The idempotency key
-- makes a repeated write of the same line impossible.
CREATE TABLE billing_ledger (
  id text PRIMARY KEY,
  -- Lines written together (authorization, void, retry) keep their order.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  membership_id text NOT NULL REFERENCES billing_memberships (id),
  date date NOT NULL,
  type text NOT NULL CHECK (type IN ('charge', 'payment_failed', 'authorization', 'authorization_void', 'refund')),
  reason text,
  amount integer NOT NULL CHECK (amount >= 0),
  tax integer,
  currency text NOT NULL,
  period_start date,
  period_end date,
  refund_of text REFERENCES billing_ledger (id),
  note text,
  payment_method_id text,
  provider_reference text,
  idempotency_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_ledger_membership ON billing_ledger (membership_id, date);

-- What happened to each membership, in the member's words-to-be: notices and history.
CREATE TABLE billing_events (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  membership_id text NOT NULL REFERENCES billing_memberships (id),
  date date NOT NULL,
  type text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_events_membership ON billing_events (membership_id, date);

CREATE TABLE billing_price_changes (
  id text PRIMARY KEY,
  country text NOT NULL,
  plan text NOT NULL,
  price integer NOT NULL CHECK (price >= 0),
  announced date NOT NULL,
  effective date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per billing run date, for operators and the scheduler.
CREATE TABLE billing_runs (
  date date PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  memberships integer NOT NULL DEFAULT 0,
  charges integer NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0
);

-- Answers to member and agent requests, by idempotency key: a repeated request
-- gets the first answer and changes nothing.
CREATE TABLE billing_requests (
  idempotency_key text PRIMARY KEY,
  membership_id text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
