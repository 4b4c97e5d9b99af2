import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { indicatorsAsCsv } from '../../../safety/index.ts';
import { requireAgent } from '../agent-auth.service.ts';
import type { DeskContext } from '../desk-context.ts';
import {
  campaignListSchema, campaignQuery, indicatorListSchema, reportDetailSchema, reportIdParams, reportListQuery, reportListSchema, reviewBody,
} from './security-desk.http.ts';
import {
  confirmedIndicatorList, listSecurityReports, requireSecurityTeam, reviewReport, securityCampaigns, securityReportDetail, type SecurityDeskPort,
} from './security-desk.service.ts';

const TAGS = ['desk'];

const fileName = (at: Date, extension: string): string => `confirmed-phishing-indicators-${at.toISOString().slice(0, 10)}.${extension}`;

/** The security team's view of phishing reports: list, detail, confirm or dismiss, campaigns, and the export for takedowns and blocklists. */
export function securityDeskRoutes(desk: DeskContext, safety: SecurityDeskPort): FastifyPluginAsyncZod {
  const ctx = { ...desk, safety };
  const securityAgent = async (request: Parameters<typeof requireAgent>[1]) => requireSecurityTeam(await requireAgent(desk, request));
  return async (app) => {
    app.get('/api/desk/security/reports', {
      schema: { tags: TAGS, summary: 'Security team: phishing reports, newest first, filtered and paged (next_cursor)', querystring: reportListQuery, response: { 200: reportListSchema } },
    }, async (request) => {
      await securityAgent(request);
      return listSecurityReports(ctx, request.query);
    });

    app.get('/api/desk/security/reports/:id', {
      schema: { tags: TAGS, summary: 'Security team: one report (id or RPT- reference) with the message, signs and their quotes, links, SPF/DKIM/DMARC, genuine-mail match, review', params: reportIdParams, response: { 200: reportDetailSchema } },
    }, async (request) => {
      await securityAgent(request);
      return securityReportDetail(ctx, request.params.id);
    });

    for (const [verb, status] of [['confirm', 'confirmed'], ['dismiss', 'dismissed']] as const) {
      app.post(`/api/desk/security/reports/:id/${verb}`, {
        schema: { tags: TAGS, summary: `Security team: ${verb} a report with a reason (audited)`, params: reportIdParams, body: reviewBody, response: { 200: reportDetailSchema } },
      }, async (request) => reviewReport(ctx, await securityAgent(request), { id: request.params.id, status, reason: request.body.reason }));
    }

    app.get('/api/desk/security/campaigns', {
      schema: { tags: TAGS, summary: 'Security team: reports grouped into campaigns (shared domain or wording) over the last days, with counts per day', querystring: campaignQuery, response: { 200: campaignListSchema } },
    }, async (request) => {
      await securityAgent(request);
      return securityCampaigns(ctx, request.query);
    });

    app.get('/api/desk/security/indicators.json', {
      schema: { tags: TAGS, summary: 'Security team: domains and URLs of confirmed reports as a JSON download (audited)', response: { 200: indicatorListSchema } },
    }, async (request, reply) => {
      const list = await confirmedIndicatorList(ctx, await securityAgent(request), 'json');
      reply.header('content-disposition', `attachment; filename="${fileName(list.generatedAt, 'json')}"`);
      return { generated_at: list.generatedAt.toISOString(), indicators: list.views };
    });

    app.get('/api/desk/security/indicators.csv', {
      schema: { tags: TAGS, summary: 'Security team: domains and URLs of confirmed reports as a CSV download (RFC 4180; audited)' },
    }, async (request, reply) => {
      const list = await confirmedIndicatorList(ctx, await securityAgent(request), 'csv');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(list.generatedAt, 'csv')}"`)
        .send(indicatorsAsCsv(list.indicators));
    });
  };
}
