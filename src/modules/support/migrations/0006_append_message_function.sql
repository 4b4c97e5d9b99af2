-- Storing a chat message in one round trip (bench/chat: nine round trips per
-- message were most of its cost). The conversation row is locked, so seqs
-- stay gapless; a repeated client id returns the stored copy; a closed
-- conversation takes nothing. Returns the outcome, the message and the
-- conversation as JSON. The notification is sent by the caller after the
-- commit: a NOTIFY inside the transaction makes commits wait for each other.
CREATE OR REPLACE FUNCTION support_append_message(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  conv support_conversations%ROWTYPE;
  existing support_messages%ROWTYPE;
  stored support_messages%ROWTYPE;
BEGIN
  SELECT * INTO conv FROM support_conversations WHERE id = p->>'conversation_id' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'missing');
  END IF;
  IF p->>'client_id' IS NOT NULL THEN
    SELECT * INTO existing FROM support_messages WHERE conversation_id = conv.id AND client_id = p->>'client_id';
    IF FOUND THEN
      RETURN jsonb_build_object('outcome', 'duplicate', 'message', to_jsonb(existing), 'conversation', to_jsonb(conv));
    END IF;
  END IF;
  IF conv.status = 'closed' THEN
    RETURN jsonb_build_object('outcome', 'closed');
  END IF;
  UPDATE support_conversations SET last_seq = last_seq + 1, updated_at = (p->>'at')::timestamptz WHERE id = conv.id RETURNING * INTO conv;
  INSERT INTO support_messages (conversation_id, seq, id, author_kind, author_id, author_name, body, payload, client_id, created_at)
  VALUES (conv.id, conv.last_seq, p->>'id', p->>'author_kind', p->>'author_id', p->>'author_name', p->>'body', NULLIF(p->'payload', 'null'::jsonb), p->>'client_id', (p->>'at')::timestamptz)
  RETURNING * INTO stored;
  RETURN jsonb_build_object('outcome', 'stored', 'message', to_jsonb(stored), 'conversation', to_jsonb(conv));
END $$;
