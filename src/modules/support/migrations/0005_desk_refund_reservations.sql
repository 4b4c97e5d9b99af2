-- An agent's refund limit is checked across every server process: the check
-- and a reservation of the amount are one transaction with the case row
-- locked; billing is called after the commit (it belongs to another module),
-- then the reservation goes when the refund is written to the audit log, or
-- when billing refuses. A reservation left behind by a process that stopped
-- in between is settled later by calling billing again with the same
-- idempotency key.
CREATE TABLE desk_refund_reservations (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES desk_cases (id),
  agent_id text NOT NULL REFERENCES desk_agents (id),
  -- The request's key (per case): billing's key is derived from it.
  idempotency_key text NOT NULL,
  membership_id text NOT NULL,
  charge_id text NOT NULL,
  charge_date text NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  -- Stored redacted, service codes removed: the same text the audit log keeps.
  reason text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX desk_refund_reservations_key ON desk_refund_reservations (case_id, idempotency_key);
CREATE INDEX desk_refund_reservations_age ON desk_refund_reservations (created_at);
