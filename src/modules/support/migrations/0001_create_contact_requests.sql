-- Requests made from the contact page (PRODUCT.md §5). There is no phone
-- number column on purpose: the agent calls the number on the account that
-- the service code identifies, and Usher never shows one.
CREATE TABLE support_callback_requests (
  id text PRIMARY KEY,
  -- Null when a visitor typed the code shown in their app.
  account_id text,
  service_code text NOT NULL,
  intent text NOT NULL,
  summary text NOT NULL,
  country text NOT NULL,
  language text NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'called', 'cancelled')),
  created_at timestamptz NOT NULL
);
CREATE INDEX support_callback_requests_status ON support_callback_requests (status, created_at);

-- A chat the member asked for; the chat issue serves it (status waiting → active → closed).
CREATE TABLE support_conversations (
  id text PRIMARY KEY,
  account_id text,
  intent text NOT NULL,
  first_message text NOT NULL,
  country text NOT NULL,
  language text NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'active', 'closed')),
  created_at timestamptz NOT NULL
);
CREATE INDEX support_conversations_status ON support_conversations (status, created_at);
