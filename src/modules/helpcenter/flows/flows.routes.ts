import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { OUTCOMES } from './flow.schema.ts';
import { findStep } from './flows.rules.ts';
import { renderFlowList, renderNotFound, renderStep } from './flows.pages.ts';
import type { ChoiceOutcome, FlowCatalog, FlowRunService } from './flows.service.ts';
import { acceptForms, field, type RenderHelpPage } from './help-page.ts';

const REFUSAL_WORDS = {
  confirmation_required: 'Please tick the box to confirm you have read the warning, or skip this step.',
  unknown_option: 'Please choose one of the answers below.',
} as const;

const formBody = z.record(z.string(), z.unknown()).optional();
const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
const runUrl = (flowId: string, runId: string) => `/help/flows/${flowId}/runs/${runId}`;

const runJson = z.object({
  id: z.string(), flow_id: z.string(), device: z.string().nullable(), current_step: z.string(),
  path: z.array(z.object({ step: z.string(), option: z.string(), confirmed: z.literal(true).optional() })),
  outcome: z.enum(OUTCOMES).nullable(), solved: z.boolean().nullable(), started_at: z.string(), updated_at: z.string(), finished_at: z.string().nullable(),
});

export function flowsRoutes(deps: { catalog: FlowCatalog; service: FlowRunService; renderPage: RenderHelpPage }): FastifyPluginAsyncZod {
  const { catalog, service, renderPage } = deps;
  return async (app) => {
    await acceptForms(app);

    app.get('/help/flows', { schema: { hide: true } }, async (_request, reply) => html(reply, 200, renderFlowList(renderPage, catalog.all)));

    app.get('/help/flows/:flowId', { schema: { hide: true, params: z.object({ flowId: z.string() }) } }, async (request, reply) => {
      const flow = catalog.get(request.params.flowId);
      if (!flow) return html(reply, 404, renderNotFound(renderPage, 'There is no guide at this address.'));
      const step = findStep(flow, flow.start);
      if (!step) throw new AppError({ code: 'FLOW_INVALID', status: 500, message: 'This guide is broken.' });
      return html(reply, 200, renderStep(renderPage, { flow, step, action: `/help/flows/${flow.id}/runs`, stepNumber: 1, device: null }));
    });

    // Where a refused or accepted choice leads: the run page, or the step again with the reason.
    const answer = async (reply: FastifyReply, flowId: string, outcome: ChoiceOutcome, retry: { action: string; device: string | null }) => {
      if (outcome.ok) return reply.redirect(runUrl(flowId, outcome.run.id), 303);
      if (outcome.refusal === 'unknown_flow' || outcome.refusal === 'unknown_run') {
        return html(reply, 404, renderNotFound(renderPage, 'This guide or this run does not exist (any more).'));
      }
      if (outcome.refusal === 'finished' || outcome.refusal === 'unknown_step') {
        return outcome.run ? reply.redirect(runUrl(flowId, outcome.run.id), 303) : reply.redirect(`/help/flows/${flowId}`, 303);
      }
      const flow = catalog.get(flowId);
      const step = flow && findStep(flow, outcome.run?.currentStep ?? flow.start);
      if (!flow || !step) return html(reply, 404, renderNotFound(renderPage, 'This guide does not exist.'));
      return html(reply, outcome.refusal === 'confirmation_required' ? 422 : 400, renderStep(renderPage, {
        flow, step, action: retry.action, stepNumber: (outcome.run?.path.length ?? 0) + 1, device: retry.device, error: REFUSAL_WORDS[outcome.refusal],
      }));
    };

    app.post('/help/flows/:flowId/runs', { schema: { hide: true, params: z.object({ flowId: z.string() }), body: formBody } }, async (request, reply) => {
      const { flowId } = request.params;
      const device = field(request.body, 'device');
      const outcome = await service.startFlowRun({ flowId, device, optionId: field(request.body, 'option'), confirmed: field(request.body, 'confirm') === 'yes' });
      return answer(reply, flowId, outcome, { action: `/help/flows/${flowId}/runs`, device: device || null });
    });

    app.get('/help/flows/:flowId/runs/:runId', { schema: { hide: true, params: z.object({ flowId: z.string(), runId: z.string() }) } }, async (request, reply) => {
      const found = await service.getRun(request.params.flowId, request.params.runId);
      if (!found) return html(reply, 404, renderNotFound(renderPage, 'This run of the guide does not exist.'));
      const step = findStep(found.flow, found.run.currentStep);
      if (!step) return html(reply, 404, renderNotFound(renderPage, 'This guide changed since you started it: please start again.'));
      return html(reply, 200, renderStep(renderPage, {
        flow: found.flow, step, action: runUrl(found.flow.id, found.run.id), stepNumber: found.run.path.length + 1, device: found.run.device,
      }));
    });

    app.post('/help/flows/:flowId/runs/:runId', { schema: { hide: true, params: z.object({ flowId: z.string(), runId: z.string() }), body: formBody } }, async (request, reply) => {
      const { flowId, runId } = request.params;
      const outcome = await service.chooseInRun({ flowId, runId, optionId: field(request.body, 'option'), confirmed: field(request.body, 'confirm') === 'yes' });
      return answer(reply, flowId, outcome, { action: runUrl(flowId, runId), device: null });
    });

    app.get('/api/flows', {
      schema: {
        tags: ['helpcenter'], summary: 'The guided troubleshooting flows',
        response: { 200: z.object({ flows: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string(), intents: z.array(z.string()), url: z.string() })) }) },
      },
    }, async () => ({ flows: catalog.all.map((flow) => ({ id: flow.id, title: flow.title, summary: flow.summary, intents: [...flow.intents], url: `/help/flows/${flow.id}` })) }));

    app.get('/api/flow-runs/:runId', {
      schema: { tags: ['helpcenter'], summary: 'A run of a guided flow: the path taken and how it ended', params: z.object({ runId: z.string() }), response: { 200: runJson } },
    }, async (request) => {
      const run = await service.findRun(request.params.runId);
      if (!run) throw new AppError({ code: 'NOT_FOUND', message: 'There is no such flow run.' });
      return {
        id: run.id, flow_id: run.flowId, device: run.device, current_step: run.currentStep, path: run.path, outcome: run.outcome, solved: run.solved,
        started_at: run.startedAt.toISOString(), updated_at: run.updatedAt.toISOString(), finished_at: run.finishedAt?.toISOString() ?? null,
      };
    });
  };
}
