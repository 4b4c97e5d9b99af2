import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rateLimitHook, type RateLimiter, type RateLimitPolicy } from '../../../platform/http/rate-limit.ts';
import { SCAN_CHANNELS, SIGNAL_CODES } from '../scan/index.ts';
import type { MailIntakeDeps } from './mail-intake.ts';
import { answerFor, type ReportAnswer } from './report-answer.ts';
import { REFERENCE_PATTERN } from './report.rules.ts';
import { renderRateLimited, renderReportAnswer, renderReportForm, type RenderPage } from './reports.pages.ts';
import type { SafetyReport } from './reports.repository.ts';
import { getReport, reportSuspiciousMessage } from './reports.service.ts';

export type { RenderPage };

/** Most pasted messages are a few hundred characters; a long newsletter-style phish fits in 20,000. */
export const MAX_MESSAGE_CHARS = 20_000;
/** Per client address: enough for a member reporting a wave of texts, not for filling the table. */
export const REPORT_RATE_LIMIT: RateLimitPolicy = { scope: 'safety.report', limit: 10, windowSeconds: 600, message: 'Too many reports from this address.' };

export const reportInput = z.object({
  channel: z.enum(SCAN_CHANNELS, { message: 'Choose email, text message or phone call.' }),
  from: z.string().trim().max(320, 'The sender is at most 320 characters.').default(''),
  subject: z.string().trim().max(500, 'The subject is at most 500 characters.').optional(),
  body: z.string().trim().min(1, 'Paste the message you received.').max(MAX_MESSAGE_CHARS, `The message is at most ${MAX_MESSAGE_CHARS} characters.`),
  entered_details: z.boolean().default(false),
});
type ReportInput = z.infer<typeof reportInput>;

const answerJson = z.object({
  reference: z.string(),
  verdict: z.enum(['phish', 'suspicious', 'legit']),
  score: z.number(),
  genuine: z.object({ sent_at: z.string(), about: z.string() }).nullable(),
  headline: z.string(),
  explanation: z.string(),
  signals: z.array(z.object({ code: z.enum(SIGNAL_CODES), label: z.string(), evidence: z.string() })),
  steps: z.array(z.string()),
  actions: z.array(z.object({ label: z.string(), href: z.string() })),
});

export type ReportRoutesDeps = MailIntakeDeps & {
  limiter: RateLimiter;
  renderPage: RenderPage;
  currentMember(request: FastifyRequest): Promise<{ accountId: string; email: string } | null>;
  reportAddress: string;
};

const FORM_FIELDS = ['channel', 'from', 'subject', 'body', 'entered_details'] as const;

function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? 'body');
    errors[name] ??= issue.message;
  }
  return errors;
}

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

export function reportPagesRoutes(deps: ReportRoutesDeps): FastifyPluginAsyncZod {
  const service = deps.ctx.brand.name;

  const take = async (request: FastifyRequest, input: ReportInput): Promise<{ report: SafetyReport; answer: ReportAnswer }> => {
    const member = await deps.currentMember(request);
    const { report, genuine } = await reportSuspiciousMessage(deps.ctx, {
      source: 'form',
      channel: input.channel,
      from: input.from,
      subject: input.channel === 'email' ? input.subject ?? null : null,
      body: input.body,
      reporterAccountId: member?.accountId ?? null,
      reporterEmail: null,
      recipients: member ? [member.email] : [],
      enteredDetails: input.entered_details,
    });
    const answer = answerFor(report, {
      service,
      signedIn: member !== null,
      genuine: genuine ? { sentAt: genuine.sent.sentAt, purpose: genuine.sent.purpose, subject: genuine.sent.subject } : null,
    });
    return { report, answer };
  };

  /** The pages that work without JavaScript: the only routes here that read form-encoded bodies. */
  const formPages: FastifyPluginAsyncZod = async (app) => {
    await app.register(formbody);

    app.get('/help/report-message', { schema: { hide: true } }, async (request, reply) =>
      html(reply).send(renderReportForm(deps.renderPage, { values: {}, errors: {}, signedIn: (await deps.currentMember(request)) !== null, reportAddress: deps.reportAddress })));

    app.post('/help/report-message', { bodyLimit: 128 * 1024, schema: { hide: true, body: z.record(z.string(), z.unknown()).optional() } }, async (request, reply) => {
      const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, formField(request.body, name)]));
      const parsed = reportInput.safeParse({
        channel: values.channel, from: values.from, subject: values.subject, body: values.body, entered_details: values.entered_details === 'yes',
      });
      if (!parsed.success) {
        const signedIn = (await deps.currentMember(request)) !== null;
        return html(reply.code(400)).send(renderReportForm(deps.renderPage, { values, errors: fieldErrors(parsed.error), signedIn, reportAddress: deps.reportAddress }));
      }
      // Counted only for a report that will be stored: a form sent back with a mistake costs nothing.
      const decision = await deps.limiter.take(REPORT_RATE_LIMIT, request.ip);
      if (!decision.allowed) return html(reply.code(429)).header('retry-after', String(decision.retryAfterSeconds)).send(renderRateLimited(deps.renderPage, decision.retryAfterSeconds));
      const { report } = await take(request, parsed.data);
      // Post, then redirect: a reload does not report the message twice. The reference is the answer page's key.
      return reply.redirect(`/help/report-message/${report.reference}`, 303);
    });

    app.get('/help/report-message/:reference', { schema: { hide: true, params: z.object({ reference: z.string().max(40) }) } }, async (request, reply) => {
      const reference = request.params.reference.toUpperCase();
      const report = REFERENCE_PATTERN.test(reference) ? await getReport(deps.ctx, reference) : null;
      if (!report) {
        return html(reply.code(404)).send(deps.renderPage('Report not found', '<h1>Report not found</h1><p>No report has this reference. <a href="/help/report-message">Report a message</a>.</p>'));
      }
      const sent = report.oursMessageId ? await deps.ctx.sentMail.byId(report.oursMessageId) : null;
      const answer = answerFor(report, {
        service,
        signedIn: (await deps.currentMember(request)) !== null,
        genuine: sent ? { sentAt: sent.sentAt, purpose: sent.purpose, subject: sent.subject } : null,
      });
      return html(reply).header('x-robots-tag', 'noindex').send(renderReportAnswer(deps.renderPage, answer));
    });
  };

  return async (app) => {
    // Its own encapsulated context, so formbody's parser does not reach the JSON API below (which answers 415 to a form).
    await app.register(formPages);

    app.post('/api/safety/reports', {
      bodyLimit: 128 * 1024,
      onRequest: rateLimitHook(deps.limiter, REPORT_RATE_LIMIT),
      schema: {
        tags: ['safety'],
        summary: 'Report a suspicious email, text or call: the verdict, the signs found and what to do, at once',
        body: reportInput,
        response: { 201: answerJson },
      },
    }, async (request, reply) => {
      const { report, answer } = await take(request, request.body);
      return reply.code(201).header('cache-control', 'no-store').send({
        reference: answer.reference,
        verdict: answer.verdict,
        score: report.score,
        genuine: answer.genuine ? { sent_at: answer.genuine.sentAt, about: answer.genuine.about } : null,
        headline: answer.headline,
        explanation: answer.explanation,
        signals: answer.signs,
        steps: answer.steps,
        actions: answer.actions,
      });
    });
  };
}
