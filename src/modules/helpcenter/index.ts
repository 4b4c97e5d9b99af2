import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Db } from '../../platform/db/database.ts';
import type { UsherModule } from '../../platform/module.ts';
import { createErrorCatalog, loadErrorCodes } from './error-codes.ts';
import { helpCenterApiRoutes } from './helpcenter-api.routes.ts';
import { helpCenterPageRoutes } from './helpcenter-pages.routes.ts';
import { createHelpCenterService, type Article, type ArticleHit, type HelpCenterService } from './helpcenter.service.ts';
import type { HelpCenterTables } from './helpcenter.tables.ts';

export { renderHelpPage, type HelpPageOptions } from './help-layout.ts';
export { CATEGORIES, type Category, type CategorySlug } from './categories.ts';
export { GENERAL_FLOW_URL, type ErrorCode } from './error-codes.ts';
export type { Article, ArticleHit } from './helpcenter.service.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(moduleDir, '../../..');

/** Demo default for `x-admin-key` (article editing); outside demo mode there is none unless configured. */
export const DEMO_ADMIN_KEY = 'demo-admin-key';

export type HelpCenterModuleDeps = {
  db: Db;
  clock: Clock;
  logger?: Logger;
  config?: {
    /** `x-admin-key` for `PUT /api/admin/articles/:slug` (USHER_ADMIN_KEY). */
    adminKey?: string;
    demoMode?: boolean;
    /** Defaults: content/articles and content/error-codes.json at the repository root. */
    articlesDir?: string;
    errorCodesFile?: string;
  };
};

export type HelpCenterModule = UsherModule & {
  service: HelpCenterService;
  /** Best articles for a member's words (the contact page, the assistant); empty when none is a good answer. */
  searchArticles(query: string, limit?: number): Promise<ArticleHit[]>;
  getArticle(slug: string): Promise<Article | undefined>;
};

export function createHelpCenterModule(deps: HelpCenterModuleDeps): HelpCenterModule {
  const config = deps.config ?? {};
  const errors = createErrorCatalog(loadErrorCodes(config.errorCodesFile ?? path.join(repositoryRoot, 'content/error-codes.json')));
  const service = createHelpCenterService({
    db: withTables<HelpCenterTables>(deps.db),
    clock: deps.clock,
    articlesDir: config.articlesDir ?? path.join(repositoryRoot, 'content/articles'),
    errors,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const adminKey = config.adminKey ?? (config.demoMode ? DEMO_ADMIN_KEY : null);
  return {
    name: 'helpcenter',
    migrationsDir: path.join(moduleDir, 'migrations'),
    routes: [helpCenterPageRoutes(service), helpCenterApiRoutes(service, { adminKey })],
    homeLinks: [{ title: 'Help Center', href: '/help', description: 'Articles on billing, membership, sign-in, household, devices and scams; search, error codes.' }],
    service,
    searchArticles: (query, limit = 5) => service.searchArticles(query, limit),
    getArticle: (slug) => service.getArticle(slug),
    // Content files into the database and the search index into memory, before the server listens.
    start: () => service.ready(),
  };
}
