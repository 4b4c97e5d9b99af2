-- The service code without ever exposing it (docs/desk.md, "Verification").
-- An agent asks for the code in the chat; the member types it into a secure
-- field the server checks. The case remembers that the agent is waiting for
-- it (and who asked), never the code.
ALTER TABLE desk_cases ADD COLUMN service_code_asked_at timestamptz;
ALTER TABLE desk_cases ADD COLUMN service_code_asked_by text REFERENCES desk_agents (id);

-- A call-back request is checked when it is made: only whether (and how) the
-- caller was verified is kept, never the code they typed. Codes stored in
-- clear before this migration go with the column.
ALTER TABLE support_callback_requests ADD COLUMN verified_at timestamptz;
ALTER TABLE support_callback_requests ADD COLUMN verified_with text CHECK (verified_with IN ('service_code', 'session'));
ALTER TABLE support_callback_requests DROP COLUMN service_code;
