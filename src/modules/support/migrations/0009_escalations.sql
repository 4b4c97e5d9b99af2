-- Escalations (PRODUCT.md §9): a member's formal complaint or request for a
-- specialist, a case of its own with a reference the member quotes, due
-- dates for the acknowledgement and the answer, and every step with who did
-- it. Linked (without foreign keys, like desk cases) to the conversation and
-- the desk case it came from.

CREATE TABLE support_escalations (
  id text PRIMARY KEY,
  -- What the member quotes: CMP-XXXXXX (complaint) or SPC-XXXXXX (specialist).
  reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('complaint', 'specialist')),
  account_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('chat', 'contact_page', 'support_page')),
  conversation_id text,
  case_id text,
  topic text NOT NULL CHECK (topic IN ('billing', 'security', 'technical', 'general')),
  -- The member's words, stored redacted.
  description text NOT NULL,
  -- The partner billing the membership when it was opened (null: billed directly).
  billing_partner text,
  country text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'in_progress', 'proposal', 'resolved')),
  assigned_agent_id text REFERENCES desk_agents (id),
  acknowledge_due timestamptz NOT NULL,
  answer_due timestamptz NOT NULL,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  outcome text CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld', 'withdrawn')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX support_escalations_account ON support_escalations (account_id, created_at);
CREATE INDEX support_escalations_open ON support_escalations (status, answer_due);
CREATE INDEX support_escalations_agent ON support_escalations (assigned_agent_id, status);

-- Every step: when (UTC), who (member, agent, supervisor, system), what, and
-- whether the member sees it (internal notes never).
CREATE TABLE support_escalation_steps (
  id text PRIMARY KEY,
  escalation_id text NOT NULL REFERENCES support_escalations (id),
  kind text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('member', 'agent', 'supervisor', 'system')),
  actor_id text,
  actor_name text NOT NULL,
  summary text NOT NULL,
  visible_to_member boolean NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX support_escalation_steps_escalation ON support_escalation_steps (escalation_id, at);
