import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Catalog } from './rules/catalog.ts';
import { parseScenario, ScenarioError } from './simulate/scenario.ts';
import { simulate } from './simulate/simulate.ts';
import { renderPlans } from './billing-pages.ts';

const planSchema = z.object({ id: z.string(), name: z.string(), price: z.number().int(), extra_member_slots: z.number().int(), slot_price: z.number().int() });
const countrySchema = z.object({
  country: z.string(),
  name: z.string(),
  currency: z.string(),
  tax_mode: z.enum(['exclusive', 'inclusive']),
  extra_members: z.boolean(),
  plans: z.array(planSchema),
});

export function describeCatalog(catalog: Catalog): z.infer<typeof countrySchema>[] {
  return Object.entries(catalog).map(([code, offer]) => ({
    country: code,
    name: offer.name ?? code,
    currency: offer.currency,
    tax_mode: offer.tax.mode,
    extra_members: offer.extraMembers,
    plans: Object.entries(offer.plans).map(([id, plan]) => ({ id, name: plan.name ?? id, price: plan.price, extra_member_slots: plan.slots, slot_price: plan.slotPrice })),
  }));
}

/** Public billing routes: the catalog and the rules simulator (pure, no account data). */
export function billingRoutes(options: { catalog: Catalog }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/billing/catalog', {
      schema: { tags: ['billing'], summary: 'Plans, prices and taxes per country', response: { 200: z.object({ countries: z.array(countrySchema) }) } },
    }, async () => ({ countries: describeCatalog(options.catalog) }));

    app.get('/plans', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderPlans(describeCatalog(options.catalog))));

    app.post('/api/billing/simulate', {
      schema: {
        tags: ['billing'],
        summary: 'Run a membership scenario through the billing rules (contracts/billing.md)',
        body: z.record(z.string(), z.unknown()),
      },
    }, async (request) => {
      try {
        return simulate(parseScenario(request.body), options.catalog);
      } catch (error) {
        if (error instanceof ScenarioError) throw new AppError({ code: 'VALIDATION_FAILED', message: error.problem, field: error.field, status: 400 });
        throw error;
      }
    });
  };
}
