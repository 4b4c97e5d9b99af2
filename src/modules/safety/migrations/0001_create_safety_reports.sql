-- Suspicious messages members report (PRODUCT.md §7): pasted on
-- /help/report-message or the API, or forwarded to the reporting address.
-- The message itself is evidence: kept as text (secrets the member may have
-- pasted removed, the sender's addresses and links kept), never rendered as HTML.
CREATE TABLE safety_reports (
  id text PRIMARY KEY,
  -- What the member is shown (RPT-XXXXXXXXXX, 50 random bits): never the id.
  reference text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'call_transcript')),
  source text NOT NULL CHECK (source IN ('form', 'smtp')),
  reporter_account_id text,
  -- Where the answer goes for a forwarded mail (the envelope sender).
  reporter_email text,
  -- The member's own words around the message (a forward's note), redacted.
  reporter_note text,
  entered_details boolean NOT NULL DEFAULT false,
  message_from text NOT NULL,
  message_subject text,
  message_body text NOT NULL,
  -- [{href, text}] found in the message.
  links jsonb NOT NULL DEFAULT '[]',
  verdict text NOT NULL CHECK (verdict IN ('phish', 'suspicious', 'legit')),
  score real NOT NULL CHECK (score >= 0 AND score <= 1),
  -- [{code, evidence}] from the scan.
  signals jsonb NOT NULL DEFAULT '[]',
  -- SPF, DKIM and DMARC of a forwarded raw email: {spf, dkim, dmarc} as pass/fail/none/unknown…
  authentication jsonb,
  -- When the message is a genuine email of ours: its outbox row.
  ours_message_id text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'dismissed')),
  reviewed_by text,
  review_reason text,
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX safety_reports_created ON safety_reports (created_at DESC, id DESC);
CREATE INDEX safety_reports_status ON safety_reports (status, created_at DESC);
CREATE INDEX safety_reports_reporter ON safety_reports (reporter_account_id) WHERE reporter_account_id IS NOT NULL;
