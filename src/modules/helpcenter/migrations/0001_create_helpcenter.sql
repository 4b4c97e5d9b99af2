-- Help Center articles: loaded from content/articles at start, editable by an admin.
CREATE TABLE helpcenter_articles (
  slug text PRIMARY KEY,
  category text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  keywords jsonb NOT NULL DEFAULT '[]',
  related jsonb NOT NULL DEFAULT '[]',
  body text NOT NULL,
  updated date NOT NULL,
  -- sha256 of the content file last loaded; NULL for an article an admin created.
  source_hash text,
  -- 'file' while the text is the file's; 'admin' once edited (a changed file then no longer overwrites it).
  source text NOT NULL CHECK (source IN ('file', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX helpcenter_articles_category ON helpcenter_articles (category);

-- "Was this helpful?" answers. The address is kept only as a salted hash, for the rate limit.
CREATE TABLE helpcenter_feedback (
  id text PRIMARY KEY,
  article_slug text NOT NULL REFERENCES helpcenter_articles (slug) ON DELETE CASCADE,
  helpful boolean NOT NULL,
  comment text,
  client_hash text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE INDEX helpcenter_feedback_article ON helpcenter_feedback (article_slug, created_at);
CREATE INDEX helpcenter_feedback_client ON helpcenter_feedback (client_hash, article_slug, created_at);
