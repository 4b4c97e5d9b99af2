import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findCategory } from './categories.ts';
import type { HelpCenterService } from './helpcenter.service.ts';
import { renderArticleNotFound, renderArticlePage, renderCategoryPage, renderErrorList, renderErrorPage, renderHelpHome, renderSearchPage, renderUnknownErrorPage } from './help-pages.ts';
import { renderHelpPage } from './help-layout.ts';

const HTML = 'text/html; charset=utf-8';
const slugParam = z.object({ slug: z.string().min(1).max(120) });

/** The server-rendered Help Center: every page reads and every form works without JavaScript. */
export function helpCenterPageRoutes(service: HelpCenterService): FastifyPluginAsyncZod {
  return async (app) => {
    // Form posts for these routes only (encapsulated in this plugin).
    await app.register(formbody);

    app.get('/help', { schema: { hide: true } }, async (_request, reply) => {
      const [categories, popular] = await Promise.all([service.categoriesWithCounts(), service.popular()]);
      return reply.type(HTML).send(renderHelpHome({ categories, popular }));
    });

    app.get('/help/categories/:slug', { schema: { hide: true, params: slugParam } }, async (request, reply) => {
      const category = findCategory(request.params.slug);
      if (!category) return reply.code(404).type(HTML).send(renderHelpPage('Topic not found', '<h1>This topic does not exist</h1><p><a href="/help#categories">See every topic</a>.</p>'));
      return reply.type(HTML).send(renderCategoryPage(category, await service.listCategory(category.slug)));
    });

    app.get('/help/articles/:slug', {
      schema: { hide: true, params: slugParam, querystring: z.object({ feedback: z.enum(['thanks', 'already']).optional() }) },
    }, async (request, reply) => {
      const article = await service.getArticle(request.params.slug);
      if (!article) return reply.code(404).type(HTML).send(renderArticleNotFound(request.params.slug));
      const related = (await Promise.all(article.related.map((slug) => service.getArticle(slug)))).flatMap((item) => item ?? []);
      const totals = await service.feedbackTotals(article.slug);
      return reply.type(HTML).send(renderArticlePage({ article, related, totals, ...(request.query.feedback ? { feedback: request.query.feedback } : {}) }));
    });

    app.post('/help/articles/:slug/feedback', {
      schema: {
        hide: true,
        params: slugParam,
        body: z.object({ helpful: z.enum(['yes', 'no']).optional(), comment: z.string().max(1000).optional() }),
      },
    }, async (request, reply) => {
      // Sent without choosing yes or no: back to the question, nothing stored.
      if (request.body.helpful === undefined) return reply.code(303).header('location', `/help/articles/${encodeURIComponent(request.params.slug)}#feedback`).send();
      const outcome = await service.recordFeedback({
        slug: request.params.slug, helpful: request.body.helpful === 'yes', client: request.ip,
        ...(request.body.comment === undefined ? {} : { comment: request.body.comment }),
      });
      const state = outcome === 'recorded' ? 'thanks' : 'already';
      return reply.code(303).header('location', `/help/articles/${encodeURIComponent(request.params.slug)}?feedback=${state}#feedback`).send();
    });

    app.get('/help/search', { schema: { hide: true, querystring: z.object({ q: z.string().max(200).optional() }) } }, async (request, reply) => {
      const query = request.query.q ?? '';
      const found = query.trim() === '' ? undefined : await service.searchHelp(query, 10);
      const errorCode = query.trim() === '' ? undefined : service.errors.findIn(query);
      return reply.type(HTML).send(renderSearchPage({ query, hits: found?.hits ?? [], language: found?.language ?? null, ...(errorCode ? { errorCode } : {}) }));
    });

    app.get('/help/errors', { schema: { hide: true, querystring: z.object({ code: z.string().max(40).optional() }) } }, async (request, reply) => {
      const code = request.query.code?.trim();
      // The look-up form sends ?code=…: a known code goes to its page, an unknown one to the "unknown code" page.
      // A known code is addressed as the catalog writes it ("ap 310" → /help/errors/AP-310).
      if (code) return reply.code(303).header('location', `/help/errors/${encodeURIComponent(service.errors.find(code)?.code ?? code)}`).send();
      return reply.type(HTML).send(renderErrorList(service.errors.all));
    });

    app.get('/help/errors/:code', { schema: { hide: true, params: z.object({ code: z.string().min(1).max(40) }) } }, async (request, reply) => {
      const entry = service.errors.find(request.params.code);
      if (!entry) return reply.code(404).type(HTML).send(renderUnknownErrorPage(request.params.code));
      const related = (await Promise.all(entry.related.map((slug) => service.getArticle(slug)))).flatMap((item) => item ?? []);
      return reply.type(HTML).send(renderErrorPage(entry, related));
    });
  };
}
