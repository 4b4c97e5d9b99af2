-- The agent desk (PRODUCT.md §6 and §9): agents, their sessions, cases with
-- their steps, internal notes and the audit log of every agent action.
-- Conversations belong to the chat; cases keep their id without a foreign
-- key so the desk never depends on the chat's table layout.

CREATE TABLE desk_agents (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Stored lower-case: sign-in compares lower-case.
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor')),
  -- The queues the agent serves, a JSON array of 'billing' | 'security' | 'technical' | 'general'.
  skills jsonb NOT NULL,
  max_concurrent integer NOT NULL CHECK (max_concurrent BETWEEN 1 AND 20),
  -- argon2id; never the password.
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- Ties in load go to whoever was given a case longest ago.
  last_assigned_at timestamptz,
  created_at timestamptz NOT NULL
);

-- Only the SHA-256 of the cookie's token is kept.
CREATE TABLE desk_agent_sessions (
  token_hash text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES desk_agents (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX desk_agent_sessions_agent ON desk_agent_sessions (agent_id, expires_at);

-- Failed sign-ins per (email, address), hashed: the counter holds no personal data.
CREATE TABLE desk_sign_in_failures (
  id text PRIMARY KEY,
  subject text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX desk_sign_in_failures_subject ON desk_sign_in_failures (subject, at);

CREATE TABLE desk_cases (
  id text PRIMARY KEY,
  conversation_id text NOT NULL,
  -- Null for a visitor until a service code links the case to an account.
  account_id text,
  queue text NOT NULL CHECK (queue IN ('billing', 'security', 'technical', 'general')),
  status text NOT NULL CHECK (status IN ('queued', 'assigned', 'escalated', 'resolved')),
  case_file jsonb NOT NULL,
  assigned_agent_id text REFERENCES desk_agents (id),
  assigned_at timestamptz,
  verified_account_id text,
  verified_at timestamptz,
  verified_by text REFERENCES desk_agents (id),
  escalation_level integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  -- When the case last started waiting (hand-off, transfer, escalation): the waiting time.
  queued_at timestamptz NOT NULL,
  first_response_due timestamptz NOT NULL,
  resolution_due timestamptz NOT NULL,
  first_response_at timestamptz,
  resolved_at timestamptz,
  outcome text CHECK (outcome IN ('refund', 'cancellation', 'correction', 'information', 'no_action', 'referred')),
  -- Written for the member, stored redacted.
  summary text,
  updated_at timestamptz NOT NULL
);
-- One open case per conversation: a repeated hand-off finds it.
CREATE UNIQUE INDEX desk_cases_open_conversation ON desk_cases (conversation_id) WHERE status <> 'resolved';
CREATE INDEX desk_cases_waiting ON desk_cases (status, queued_at) WHERE assigned_agent_id IS NULL;
CREATE INDEX desk_cases_agent ON desk_cases (assigned_agent_id, status);
CREATE INDEX desk_cases_account ON desk_cases (account_id, created_at);

-- The case's story for people (§9): every step with its time and a summary.
CREATE TABLE desk_case_steps (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES desk_cases (id),
  kind text NOT NULL,
  summary text NOT NULL,
  agent_id text REFERENCES desk_agents (id),
  at timestamptz NOT NULL
);
CREATE INDEX desk_case_steps_case ON desk_case_steps (case_id, at);

-- Internal notes, never shown to the member; stored redacted.
CREATE TABLE desk_notes (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES desk_cases (id),
  agent_id text NOT NULL REFERENCES desk_agents (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX desk_notes_case ON desk_notes (case_id, created_at);

-- Every agent action, for supervisors and investigations. Details never hold secrets.
CREATE TABLE desk_audit_log (
  id text PRIMARY KEY,
  agent_id text REFERENCES desk_agents (id),
  case_id text REFERENCES desk_cases (id),
  action text NOT NULL,
  details jsonb NOT NULL,
  -- An account action's key: a retried request answers from here instead of acting twice.
  idempotency_key text,
  at timestamptz NOT NULL
);
CREATE INDEX desk_audit_log_case ON desk_audit_log (case_id, at);
CREATE INDEX desk_audit_log_agent ON desk_audit_log (agent_id, at);
CREATE UNIQUE INDEX desk_audit_log_idempotency ON desk_audit_log (case_id, action, idempotency_key) WHERE idempotency_key IS NOT NULL;
