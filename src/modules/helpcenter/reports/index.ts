import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../../platform/clock.ts';
import { withTables, type Db } from '../../../platform/db/database.ts';
import type { UsherModule } from '../../../platform/module.ts';
import { plainHelpPage, type RenderHelpPage } from '../flows/index.ts';
import type { TitleReportsTables } from './reports.repository.ts';
import { reportsRoutes } from './reports.routes.ts';

export { PROBLEM_KINDS, PROBLEM_LABELS, parsePlaybackTime, formatPlaybackTime, type ProblemKind } from './title-report.rules.ts';
export { ADMIN_KEY_HEADER, requireAdmin } from './reports.routes.ts';
export type { TitleReport } from './reports.repository.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

export const titleReportsMigrations = { module: 'helpcenter_reports', dir: path.join(moduleDir, 'migrations') };

/** Demo default for the content team's `x-admin-key`; outside demo mode there is none. */
export const DEMO_ADMIN_KEY = 'demo-admin-key';

export type TitleReportsModuleDeps = {
  db: Db;
  clock: Clock;
  renderPage?: RenderHelpPage;
  /** `USHER_ADMIN_KEY`. Unset: `demo-admin-key` in demo mode, otherwise the admin list refuses everyone. */
  adminKey?: string;
  demoMode: boolean;
};

export function createTitleReportsModule(deps: TitleReportsModuleDeps): UsherModule {
  const adminKey = deps.adminKey ?? (deps.demoMode ? DEMO_ADMIN_KEY : null);
  return {
    name: titleReportsMigrations.module,
    migrationsDir: titleReportsMigrations.dir,
    routes: reportsRoutes({ db: withTables<TitleReportsTables>(deps.db), clock: deps.clock, renderPage: deps.renderPage ?? plainHelpPage, adminKey }),
    homeLinks: [{ title: 'Report a problem with a title', href: '/help/report-title', description: 'Subtitles, audio, picture, the wrong episode: tell the content team where it happens.' }],
  };
}
