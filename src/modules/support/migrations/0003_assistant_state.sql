-- The assistant's memory of one conversation (PRODUCT.md §6): what it
-- proposed and is waiting to have confirmed, the guide being walked, what it
-- tried and found, how often it failed. Plain JSON written by the assistant
-- only; bodies in it are the transport's redacted text, never a secret.
CREATE TABLE support_assistant_state (
  conversation_id text PRIMARY KEY REFERENCES support_conversations (id),
  state jsonb NOT NULL,
  -- The last member message handled, beside the JSON so that an older turn never overwrites a newer one.
  last_seq integer NOT NULL,
  updated_at timestamptz NOT NULL
);
