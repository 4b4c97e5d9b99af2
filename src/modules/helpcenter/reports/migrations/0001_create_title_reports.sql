-- Problems members report with one title, for the content team (PRODUCT.md §4).
CREATE TABLE helpcenter_title_reports (
  id text PRIMARY KEY,
  title text NOT NULL,
  episode text,
  kind text NOT NULL,
  device text NOT NULL,
  -- Where in the title the problem shows, in seconds from the start (h:mm:ss on the form).
  playback_seconds integer CHECK (playback_seconds >= 0),
  details text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'fixed', 'dismissed')),
  created_at timestamptz NOT NULL
);
CREATE INDEX helpcenter_title_reports_created ON helpcenter_title_reports (created_at DESC, id DESC);
