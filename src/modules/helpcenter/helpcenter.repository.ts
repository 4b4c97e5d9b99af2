import type { Kysely } from 'kysely';
import type { HelpCenterTables } from './helpcenter.tables.ts';

export type HelpCenterDb = Kysely<HelpCenterTables>;

/** An article as the Help Center uses it. */
export type Article = {
  slug: string;
  category: string;
  title: string;
  summary: string;
  keywords: string[];
  related: string[];
  body: string;
  updated: string;
  source: 'file' | 'admin';
};

export type StoredArticle = Article & { sourceHash: string | null };

const columns = ['slug', 'category', 'title', 'summary', 'keywords', 'related', 'body', 'updated', 'source', 'source_hash'] as const;

type Selected = { slug: string; category: string; title: string; summary: string; keywords: string[] | string; related: string[] | string; body: string; updated: string; source: 'file' | 'admin'; source_hash: string | null };

const list = (value: string[] | string): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : value);

function toArticle(row: Selected): StoredArticle {
  return {
    slug: row.slug, category: row.category, title: row.title, summary: row.summary, keywords: list(row.keywords), related: list(row.related),
    body: row.body, updated: row.updated, source: row.source, sourceHash: row.source_hash,
  };
}

export async function listArticles(db: HelpCenterDb): Promise<StoredArticle[]> {
  const rows = await db.selectFrom('helpcenter_articles').select(columns).orderBy('slug').execute();
  return rows.map(toArticle);
}

export async function findArticle(db: HelpCenterDb, slug: string): Promise<StoredArticle | undefined> {
  const row = await db.selectFrom('helpcenter_articles').select(columns).where('slug', '=', slug).executeTakeFirst();
  return row === undefined ? undefined : toArticle(row);
}

/** Inserts or replaces an article; `source` says whether the text is the content file's or an admin's. */
export async function upsertArticle(db: HelpCenterDb, article: Article & { sourceHash: string | null }, now: Date): Promise<void> {
  const values = {
    category: article.category, title: article.title, summary: article.summary, keywords: JSON.stringify(article.keywords),
    related: JSON.stringify(article.related), body: article.body, updated: article.updated, source: article.source, source_hash: article.sourceHash,
  };
  await db
    .insertInto('helpcenter_articles')
    .values({ slug: article.slug, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updated_at: now }))
    .execute();
}

export async function insertFeedback(db: HelpCenterDb, row: { id: string; slug: string; helpful: boolean; comment: string | null; clientHash: string; at: Date }): Promise<void> {
  await db.insertInto('helpcenter_feedback').values({ id: row.id, article_slug: row.slug, helpful: row.helpful, comment: row.comment, client_hash: row.clientHash, created_at: row.at }).execute();
}

export async function countRecentFeedback(db: HelpCenterDb, clientHash: string, slug: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('helpcenter_feedback')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('client_hash', '=', clientHash)
    .where('article_slug', '=', slug)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export type FeedbackTotals = { helpful: number; notHelpful: number };

export async function feedbackTotals(db: HelpCenterDb, slug: string): Promise<FeedbackTotals> {
  const rows = await db
    .selectFrom('helpcenter_feedback')
    .select(['helpful', (eb) => eb.fn.countAll<number>().as('count')])
    .where('article_slug', '=', slug)
    .groupBy('helpful')
    .execute();
  return {
    helpful: Number(rows.find((row) => row.helpful)?.count ?? 0),
    notHelpful: Number(rows.find((row) => !row.helpful)?.count ?? 0),
  };
}

/** Articles most often marked helpful, best first. */
export async function mostHelpful(db: HelpCenterDb, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('helpcenter_feedback')
    .select(['article_slug', (eb) => eb.fn.countAll<number>().as('count')])
    .where('helpful', '=', true)
    .groupBy('article_slug')
    .orderBy('count', 'desc')
    .orderBy('article_slug')
    .limit(limit)
    .execute();
  return rows.map((row) => row.article_slug);
}
