import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { acceptForms, field, type RenderHelpPage } from '../flows/index.ts';
import { renderReportForm } from './reports.pages.ts';
import { listTitleReports, type TitleReport, type TitleReportsDb } from './reports.repository.ts';
import { reportTitleProblem } from './reports.service.ts';
import { fieldErrors, formatPlaybackTime, PROBLEM_KINDS, titleReportInput, type TitleReportInput } from './title-report.rules.ts';

export const ADMIN_KEY_HEADER = 'x-admin-key';
const FORM_FIELDS = ['title', 'episode', 'kind', 'device', 'playback_time', 'details'] as const;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The content team's key; with none configured every admin request is refused. */
export function requireAdmin(request: FastifyRequest, adminKey: string | null): void {
  const header = request.headers[ADMIN_KEY_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  if (adminKey === null || given === undefined || !sameSecret(given, adminKey)) {
    throw new AppError({ code: 'UNAUTHENTICATED', status: 401, message: `The content team's key is needed (header ${ADMIN_KEY_HEADER}).` });
  }
}

const reportJson = z.object({
  id: z.string(), title: z.string(), episode: z.string().nullable(), kind: z.enum(PROBLEM_KINDS), device: z.string(),
  playback_time: z.string().nullable(), playback_seconds: z.number().nullable(), details: z.string().nullable(), status: z.string(), created_at: z.string(),
});
const toJson = (report: TitleReport) => ({
  id: report.id, title: report.title, episode: report.episode, kind: report.kind, device: report.device,
  playback_time: report.playbackSeconds === null ? null : formatPlaybackTime(report.playbackSeconds), playback_seconds: report.playbackSeconds,
  details: report.details, status: report.status, created_at: report.createdAt.toISOString(),
});

export function reportsRoutes(deps: { db: TitleReportsDb; clock: Clock; renderPage: RenderHelpPage; adminKey: string | null }): FastifyPluginAsyncZod {
  const { db, clock, renderPage } = deps;
  const store = (input: TitleReportInput): Promise<TitleReport> => reportTitleProblem({ db, clock }, input);

  return async (app) => {
    await acceptForms(app);

    app.get('/help/report-title', { schema: { hide: true, querystring: z.object({ sent: z.string().max(64).optional() }) } }, async (request, reply) => {
      const sent = request.query.sent && /^rpt_[0-9a-f]+$/.test(request.query.sent) ? request.query.sent : undefined;
      return reply.type('text/html; charset=utf-8').send(renderReportForm(renderPage, { values: {}, errors: {}, ...(sent ? { sentId: sent } : {}) }));
    });

    app.post('/help/report-title', { schema: { hide: true, body: z.record(z.string(), z.unknown()).optional() } }, async (request, reply) => {
      const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, field(request.body, name)]));
      const parsed = titleReportInput.safeParse(values);
      if (!parsed.success) {
        return reply.code(400).type('text/html; charset=utf-8').send(renderReportForm(renderPage, { values, errors: fieldErrors(parsed.error) }));
      }
      const report = await store(parsed.data);
      // Post, then redirect: reloading the thank-you page sends nothing twice.
      return reply.redirect(`/help/report-title?sent=${report.id}`, 303);
    });

    app.post('/api/title-reports', {
      schema: { tags: ['helpcenter'], summary: 'Report a problem with one title', body: titleReportInput, response: { 201: reportJson } },
    }, async (request, reply) => reply.code(201).send(toJson(await store(request.body))));

    app.get('/api/admin/title-reports', {
      schema: {
        tags: ['helpcenter'], summary: `Title problem reports for the content team (header ${ADMIN_KEY_HEADER})`,
        querystring: z.object({ kind: z.enum(PROBLEM_KINDS).optional(), title: z.string().trim().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ reports: z.array(reportJson) }) },
      },
    }, async (request, reply) => {
      requireAdmin(request, deps.adminKey);
      reply.header('cache-control', 'no-store');
      const reports = await listTitleReports(db, { limit: request.query.limit, ...(request.query.kind ? { kind: request.query.kind } : {}), ...(request.query.title ? { title: request.query.title } : {}) });
      return { reports: reports.map(toJson) };
    });
  };
}
