import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import { readArticleFiles, type ArticleSource } from './article-files.ts';
import { CATEGORIES, findCategory } from './categories.ts';
import type { ErrorCatalog } from './error-codes.ts';
import { countRecentFeedback, feedbackTotals, findArticle, insertFeedback, listArticles, mostHelpful, upsertArticle, type Article, type FeedbackTotals, type HelpCenterDb, type StoredArticle } from './helpcenter.repository.ts';
import { markdownToText } from './markdown.ts';
import { createSearchIndex, type SearchIndex } from './search/search-index.ts';

export type { Article } from './helpcenter.repository.ts';

export type ArticleHit = { slug: string; title: string; summary: string; category: string; score: number };
/**
 * `confident` false: no article is a good answer (`hits` is empty); the pages and the API offer the contact page instead.
 * `language`: set (de, es, pt) when the query was in a language the articles are not written in: the page says the answers are in English.
 */
export type HelpSearch = { hits: ArticleHit[]; confident: boolean; language: string | null };

/** Where a search with no good answer sends the member. */
export const CONTACT_URL = '/help/contact';
export type ArticlePatch = Partial<Pick<Article, 'title' | 'category' | 'summary' | 'keywords' | 'related' | 'body'>>;
export type FeedbackOutcome = 'recorded' | 'already_answered';

/** Answers per address and article within the window; more are thanked but not stored. */
const FEEDBACK_LIMIT = 3;
const FEEDBACK_WINDOW_MS = 60 * 60 * 1000;
/** Shown on /help until members' "helpful" answers say otherwise. */
const DEFAULT_POPULAR = ['why-was-i-charged', 'reset-your-password', 'not-part-of-your-household', 'cancel-your-membership', 'buffering-or-video-will-not-play', 'recognise-a-scam-message'];

export type HelpCenterService = ReturnType<typeof createHelpCenterService>;

export function createHelpCenterService(deps: { db: HelpCenterDb; clock: Clock; logger?: Logger; articlesDir: string; errors: ErrorCatalog }) {
  let articles = new Map<string, StoredArticle>();
  let index: SearchIndex = createSearchIndex([]);
  let loading: Promise<void> | undefined;
  // The address hash is salted per process: stored hashes cannot be matched to addresses later.
  const salt = randomBytes(16).toString('hex');

  const rebuild = (list: StoredArticle[]) => {
    articles = new Map(list.map((article) => [article.slug, article]));
    index = createSearchIndex(list.map((article) => ({ ...article, body: markdownToText(article.body) })));
  };

  /** Content files into the database (new or changed files only), then the in-memory index from the database. */
  const load = async () => {
    const files: ArticleSource[] = readArticleFiles(deps.articlesDir);
    const stored = new Map((await listArticles(deps.db)).map((article) => [article.slug, article]));
    const now = deps.clock.now();
    let written = 0;
    for (const file of files) {
      const current = stored.get(file.slug);
      if (current?.sourceHash === file.hash) continue;
      if (current?.source === 'admin') {
        deps.logger?.warn({ slug: file.slug }, 'help article edited by an admin and changed on disk: the admin\'s text is kept');
        continue;
      }
      await upsertArticle(deps.db, { ...file, source: 'file', sourceHash: file.hash }, now);
      written++;
    }
    rebuild(await listArticles(deps.db));
    deps.logger?.info({ articles: articles.size, written }, 'help center articles loaded');
  };
  const ready = () => (loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));

  const toHit = (slug: string, score: number): ArticleHit | undefined => {
    const article = articles.get(slug);
    return article && { slug, title: article.title, summary: article.summary, category: article.category, score };
  };

  return {
    ready,
    errors: deps.errors,
    /** The good answers only: empty when the search has none. */
    async searchArticles(query: string, limit = 10): Promise<ArticleHit[]> {
      await ready();
      return index.search(query, limit).flatMap((hit) => toHit(hit.slug, hit.score) ?? []);
    },
    async searchHelp(query: string, limit = 10): Promise<HelpSearch> {
      await ready();
      const result = index.rank(query, limit);
      return { hits: result.hits.flatMap((hit) => toHit(hit.slug, hit.score) ?? []), confident: result.confident, language: result.language };
    },
    async getArticle(slug: string): Promise<Article | undefined> {
      await ready();
      const article = articles.get(slug);
      if (!article) return undefined;
      const { sourceHash: _hash, ...rest } = article;
      return rest;
    },
    async listCategory(slug: string): Promise<Article[]> {
      await ready();
      return [...articles.values()].filter((article) => article.category === slug).sort((a, b) => a.title.localeCompare(b.title));
    },
    async categoriesWithCounts() {
      await ready();
      return CATEGORIES.map((category) => ({ ...category, count: [...articles.values()].filter((article) => article.category === category.slug).length }));
    },
    async popular(limit = 6): Promise<Article[]> {
      await ready();
      const voted = await mostHelpful(deps.db, limit);
      const slugs = [...new Set([...voted, ...DEFAULT_POPULAR])].filter((slug) => articles.has(slug)).slice(0, limit);
      return slugs.map((slug) => articles.get(slug)!);
    },
    feedbackTotals: (slug: string): Promise<FeedbackTotals> => feedbackTotals(deps.db, slug),
    async recordFeedback(input: { slug: string; helpful: boolean; comment?: string; client: string }): Promise<FeedbackOutcome> {
      await ready();
      if (!articles.has(input.slug)) throw new AppError({ code: 'ARTICLE_NOT_FOUND', status: 404, message: 'There is no help article at this address.' });
      const clientHash = createHash('sha256').update(`${salt}:${input.client}`).digest('hex');
      const now = deps.clock.now();
      const recent = await countRecentFeedback(deps.db, clientHash, input.slug, new Date(now.getTime() - FEEDBACK_WINDOW_MS));
      if (recent >= FEEDBACK_LIMIT) return 'already_answered';
      // Typed freely on a public page: kept redacted (card numbers, passwords, codes).
      const comment = input.comment?.trim().slice(0, 1000);
      await insertFeedback(deps.db, { id: newId('fbk'), slug: input.slug, helpful: input.helpful, comment: comment ? redactForStorage(comment) : null, clientHash, at: now });
      return 'recorded';
    },
    /** An admin's edit (or a new article): stored as the admin's, so a later content file does not overwrite it. */
    async editArticle(slug: string, patch: ArticlePatch): Promise<{ article: Article; created: boolean }> {
      await ready();
      const current = await findArticle(deps.db, slug);
      if (!current && (patch.title === undefined || patch.category === undefined || patch.summary === undefined || patch.body === undefined)) {
        throw new AppError({ code: 'VALIDATION_FAILED', status: 400, field: 'body', message: 'A new article needs a title, category, summary and body.' });
      }
      const next: Article = {
        slug,
        category: patch.category ?? current!.category,
        title: patch.title ?? current!.title,
        summary: patch.summary ?? current!.summary,
        keywords: patch.keywords ?? current?.keywords ?? [],
        related: patch.related ?? current?.related ?? [],
        body: patch.body ?? current!.body,
        updated: deps.clock.today(),
        source: 'admin',
      };
      if (!findCategory(next.category)) throw new AppError({ code: 'VALIDATION_FAILED', status: 400, field: 'body.category', message: `Unknown category "${next.category}".` });
      const missing = next.related.filter((related) => related !== slug && !articles.has(related));
      if (missing.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', status: 400, field: 'body.related', message: `Related articles not found: ${missing.join(', ')}.` });
      await upsertArticle(deps.db, { ...next, sourceHash: current?.sourceHash ?? null }, deps.clock.now());
      // This process's index follows at once; other processes on the same database see it at their next start.
      rebuild(await listArticles(deps.db));
      return { article: next, created: current === undefined };
    },
  };
}
