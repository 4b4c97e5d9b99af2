import type { ColumnType } from 'kysely';

/** jsonb string lists: written as JSON text, read back as arrays. */
type JsonList = ColumnType<string[], string, string>;

export type ArticleRow = {
  slug: string;
  category: string;
  title: string;
  summary: string;
  keywords: JsonList;
  related: JsonList;
  body: string;
  updated: string;
  source_hash: string | null;
  source: 'file' | 'admin';
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type FeedbackRow = {
  id: string;
  article_slug: string;
  helpful: boolean;
  comment: string | null;
  client_hash: string;
  created_at: Date;
};

export type HelpCenterTables = {
  helpcenter_articles: ArticleRow;
  helpcenter_feedback: FeedbackRow;
};
