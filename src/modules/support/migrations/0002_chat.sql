-- The chat (PRODUCT.md §6): a conversation starts with the assistant, goes to
-- a queue when handed off, is active while an agent is in it.
ALTER TABLE support_conversations DROP CONSTRAINT IF EXISTS support_conversations_status_check;
ALTER TABLE support_conversations ADD CONSTRAINT support_conversations_status_check
  CHECK (status IN ('assistant', 'waiting', 'active', 'closed'));
ALTER TABLE support_conversations ALTER COLUMN status SET DEFAULT 'assistant';
-- A visitor chats with an email they proved they read (a code sent to it).
ALTER TABLE support_conversations ADD COLUMN visitor_email text;
-- The last message's seq: the next one takes last_seq + 1 under the row lock, so seqs have no gaps.
ALTER TABLE support_conversations ADD COLUMN last_seq integer NOT NULL DEFAULT 0;
ALTER TABLE support_conversations ADD COLUMN updated_at timestamptz;
UPDATE support_conversations SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE support_conversations ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX support_conversations_account ON support_conversations (account_id, created_at);
CREATE INDEX support_conversations_visitor ON support_conversations (visitor_email, created_at);

-- Bodies are stored redacted; nothing here is ever a card number, password or code.
CREATE TABLE support_messages (
  conversation_id text NOT NULL REFERENCES support_conversations (id),
  seq integer NOT NULL,
  id text NOT NULL UNIQUE,
  author_kind text NOT NULL CHECK (author_kind IN ('member', 'visitor', 'assistant', 'agent', 'system')),
  author_id text,
  author_name text NOT NULL,
  body text NOT NULL,
  payload jsonb,
  -- The sender's id for the message: a resend after a dropped connection finds it instead of storing it twice.
  client_id text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX support_messages_client ON support_messages (conversation_id, client_id) WHERE client_id IS NOT NULL;

-- How far each participant has read ("member", or an agent's id).
CREATE TABLE support_read_marks (
  conversation_id text NOT NULL REFERENCES support_conversations (id),
  reader text NOT NULL,
  reader_kind text NOT NULL,
  reader_name text NOT NULL,
  seq integer NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, reader)
);

-- Visitors prove an email before chatting: a 6-digit code, hashed, 10 minutes, 5 tries.
CREATE TABLE support_visitor_codes (
  id text PRIMARY KEY,
  email text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX support_visitor_codes_email ON support_visitor_codes (email, created_at);

-- A verified visitor's browser holds a token (only its hash is here) for their email's chats.
CREATE TABLE support_visitor_sessions (
  token_hash text PRIMARY KEY,
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
