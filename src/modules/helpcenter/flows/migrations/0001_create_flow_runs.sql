-- One member's walk through a guided flow (content/flows/<flow_id>.json).
-- `path` is every choice made, in order ([{ "step", "option", "confirmed"? }]);
-- `current_step` is where the member is, or stopped; `outcome` and `solved`
-- are set when the run reaches an end step.
CREATE TABLE helpcenter_flow_runs (
  id text PRIMARY KEY,
  flow_id text NOT NULL,
  device text,
  current_step text NOT NULL,
  path jsonb NOT NULL DEFAULT '[]'::jsonb,
  outcome text CHECK (outcome IN ('solved', 'not_solved', 'contact')),
  solved boolean,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX helpcenter_flow_runs_flow ON helpcenter_flow_runs (flow_id, started_at);
