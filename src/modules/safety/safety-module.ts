import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import type { ReportIntakeConfig } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Db } from '../../platform/db/database.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { Logger } from '../../platform/logger.ts';
import { findSentEmailById, findSentEmailByMessageId, findSentEmailsBySubject, type Mailer } from '../../platform/mail/outbox.ts';
import type { UsherModule } from '../../platform/module.ts';
import type { Brand } from './scan/index.ts';
import type { SentMailLookup } from './reports/genuine-mail.ts';
import type { DNSResolver } from './reports/mail-authentication.ts';
import { reportPagesRoutes, type RenderPage } from './reports/reports.routes.ts';
import type { ReportFilter, ReportStatus, SafetyReport, SafetyReportsTables } from './reports/reports.repository.ts';
import { getReport, listReports, setReportStatus, type ReportsContext } from './reports/reports.service.ts';
import { startReportListener, type ReportListener } from './reports/smtp-listener.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

export const safetyMigrations = { module: 'safety', dir: path.join(moduleDir, 'migrations') };

/** The signed-in member, as the safety module needs them: to link a report to the account and to find our email sent to them. */
export type ReportingMember = { accountId: string; email: string };

export type SafetyModuleDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  brand: Brand;
  intake: ReportIntakeConfig;
  renderPage: RenderPage;
  currentMember(request: FastifyRequest): Promise<ReportingMember | null>;
  /** Base of the links in the reply email (`USHER_PUBLIC_URL`). */
  publicUrl: string;
  /** DNS for the SPF/DKIM/DMARC checks of forwarded mail; the system's by default, a stub in tests. */
  resolver?: DNSResolver;
};

/** What the security team's desk uses; it never touches the reports table itself. */
export type SafetyReportsDesk = {
  listReports(filter?: ReportFilter): Promise<SafetyReport[]>;
  /** By id (`srp_…`) or the member's reference (`RPT-…`). */
  getReport(idOrReference: string): Promise<SafetyReport | null>;
  setReportStatus(id: string, status: ReportStatus, agentId: string, reason?: string | null): Promise<SafetyReport>;
};

export type SafetyModule = UsherModule & {
  reports: SafetyReportsDesk;
  /** The SMTP listener's bound port once `startListeners` ran (null when turned off). */
  smtpPort(): number | null;
};

export function createSafetyModule(deps: SafetyModuleDeps): SafetyModule {
  const db = withTables<SafetyReportsTables>(deps.db);
  const sentMail: SentMailLookup = {
    byId: (id) => findSentEmailById(deps.db, id),
    byMessageId: (messageId) => findSentEmailByMessageId(deps.db, messageId),
    bySubject: (match) => findSentEmailsBySubject(deps.db, match),
  };
  const ctx: ReportsContext = { db, clock: deps.clock, brand: deps.brand, sentMail, ownHosts: [new URL(deps.publicUrl).host] };
  const limiter = createRateLimiter({ db: deps.db });
  let listener: ReportListener | null = null;
  const intake = { ctx, mailer: deps.mailer, logger: deps.logger, publicUrl: deps.publicUrl, limiter, ...(deps.resolver ? { resolver: deps.resolver } : {}) };
  return {
    name: safetyMigrations.module,
    migrationsDir: safetyMigrations.dir,
    routes: reportPagesRoutes({ ...intake, renderPage: deps.renderPage, currentMember: deps.currentMember, reportAddress: deps.intake.address }),
    homeLinks: [{ title: 'Report a suspicious message', href: '/help/report-message', description: `An email, text or call that claims to be ${deps.brand.name}? Paste it to know at once whether it is a scam.` }],
    reports: {
      listReports: (filter) => listReports(ctx, filter),
      getReport: (idOrReference) => getReport(ctx, idOrReference),
      setReportStatus: (id, status, agentId, reason) => setReportStatus(ctx, id, status, agentId, reason),
    },
    async startListeners() {
      if (deps.intake.smtpPort === null || listener) return;
      listener = await startReportListener({ ...intake, address: deps.intake.address, host: deps.intake.smtpHost, port: deps.intake.smtpPort, allowedIps: deps.intake.allowedIps });
      deps.logger.info({ address: deps.intake.address, smtp: `${deps.intake.smtpHost}:${listener.port}` }, 'reporting address listening');
    },
    async stop() {
      const open = listener;
      listener = null;
      await open?.close();
    },
    smtpPort: () => listener?.port ?? null,
  };
}
