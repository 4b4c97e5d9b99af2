import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { SLUG } from './article-files.ts';
import { CATEGORY_SLUGS } from './categories.ts';
import { CONTACT_URL, type HelpCenterService } from './helpcenter.service.ts';

const articleSchema = z.object({
  slug: z.string(),
  category: z.string(),
  title: z.string(),
  summary: z.string(),
  keywords: z.array(z.string()),
  related: z.array(z.string()),
  body: z.string().describe('Markdown'),
  updated: z.string(),
  source: z.enum(['file', 'admin']),
});

const hitSchema = z.object({ slug: z.string(), title: z.string(), summary: z.string(), category: z.string(), score: z.number(), url: z.string() });

/** Compares hashes of equal length, so neither the key nor its length leaks through timing. */
function sameKey(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function helpCenterApiRoutes(service: HelpCenterService, options: { adminKey: string | null }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/help/search', {
      schema: {
        tags: ['help center'],
        summary: 'Search help articles (typos, synonyms, word forms, error codes however typed), best first; no hits and the contact page when there is no good answer',
        querystring: z.object({ q: z.string().max(200), limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: {
          200: z.object({
            query: z.string(),
            hits: z.array(hitSchema),
            confident: z.boolean().describe('false: no article is a good answer, hits is empty and contact_url is offered instead'),
            contact_url: z.string().nullable(),
            error_code: z.object({ code: z.string(), title: z.string(), url: z.string() }).nullable(),
            language: z.string().nullable().describe('de, es or pt when the query was in that language: the hits are English articles; null otherwise'),
          }),
        },
      },
    }, async (request) => {
      const { hits, confident, language } = await service.searchHelp(request.query.q, request.query.limit);
      const code = request.query.q.trim() === '' ? undefined : service.errors.findIn(request.query.q);
      return {
        query: request.query.q,
        hits: hits.map((hit) => ({ ...hit, score: Math.round(hit.score * 1000) / 1000, url: `/help/articles/${hit.slug}` })),
        confident,
        contact_url: confident || request.query.q.trim() === '' ? null : CONTACT_URL,
        error_code: code ? { code: code.code, title: code.title, url: `/help/errors/${code.code}` } : null,
        language,
      };
    });

    app.get('/api/help/articles/:slug', {
      schema: { tags: ['help center'], summary: 'One help article (Markdown body)', params: z.object({ slug: z.string().max(120) }), response: { 200: articleSchema } },
    }, async (request) => {
      const article = await service.getArticle(request.params.slug);
      if (!article) throw new AppError({ code: 'ARTICLE_NOT_FOUND', status: 404, message: 'There is no help article with this slug.' });
      return article;
    });

    app.get('/api/help/error-codes/:code', {
      schema: {
        tags: ['help center'],
        summary: 'An error code: meaning, devices, steps (case-insensitive)',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: z.object({ code: z.string(), title: z.string(), meaning: z.string(), devices: z.array(z.string()), steps: z.array(z.string()), flow: z.string().optional(), related: z.array(z.string()) }) },
      },
    }, async (request) => {
      const entry = service.errors.find(request.params.code);
      if (!entry) throw new AppError({ code: 'ERROR_CODE_NOT_FOUND', status: 404, message: 'Unknown error code: try the general streaming steps at /help/flows/general-streaming.' });
      return entry;
    });

    app.put('/api/admin/articles/:slug', {
      schema: {
        tags: ['help center'],
        summary: 'Edit (or create) a help article; header x-admin-key. An edited article is no longer overwritten by its content file.',
        params: z.object({ slug: z.string().regex(SLUG, 'must be lower-case words joined by hyphens').max(120) }),
        headers: z.object({ 'x-admin-key': z.string().optional() }),
        body: z.object({
          title: z.string().trim().min(3).max(120).optional(),
          category: z.enum(CATEGORY_SLUGS).optional(),
          summary: z.string().trim().min(10).max(300).optional(),
          keywords: z.array(z.string().trim().min(1).max(60)).max(40).optional(),
          related: z.array(z.string().regex(SLUG)).max(12).optional(),
          body: z.string().min(1).max(50_000).optional(),
        }).strict(),
        response: { 200: z.object({ article: articleSchema, created: z.boolean() }) },
      },
    }, async (request) => {
      const key = request.headers['x-admin-key'];
      if (options.adminKey === null || key === undefined || !sameKey(key, options.adminKey)) {
        throw new AppError({ code: 'UNAUTHENTICATED', message: 'Editing articles needs the admin key (header x-admin-key).' });
      }
      const { article, created } = await service.editArticle(request.params.slug, request.body);
      return { article, created };
    });
  };
}
