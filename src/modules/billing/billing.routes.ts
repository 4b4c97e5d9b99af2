import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { rateLimitHook, type RateLimiter, type RateLimitPolicy } from '../../platform/http/rate-limit.ts';
import type { Catalog } from './rules/catalog.ts';
import { parseScenario, ScenarioError } from './simulate/scenario.ts';
import { checkEventCount, checkScenarioBudget, PUBLIC_SCENARIO_BUDGET, ScenarioBudgetError } from './simulate/scenario-budget.ts';
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

/**
 * The simulator is public and anonymous: per client address, 30 scenarios a
 * minute (one every two seconds, far more than a person trying plans needs),
 * counted in PostgreSQL so that every server process shares the count.
 */
export const SIMULATE_RATE_LIMIT: RateLimitPolicy = { scope: 'billing.simulate', limit: 30, windowSeconds: 60, message: 'Too many simulations from this address.' };

/** 500 events with their dates and a catalog fit in well under 64 KiB. */
export const SIMULATE_BODY_LIMIT = 64 * 1024;

function scenarioRefusal(error: unknown): unknown {
  if (error instanceof ScenarioError) return new AppError({ code: 'VALIDATION_FAILED', message: error.problem, field: error.field, status: 400 });
  if (error instanceof ScenarioBudgetError) {
    return new AppError({ code: error.code, message: error.problem, field: error.field, status: error.code === 'SIMULATION_TOO_LARGE' ? 413 : 422 });
  }
  return error;
}

/** Public billing routes: the catalog and the rules simulator (pure, no account data). */
export function billingRoutes(options: { catalog: Catalog; limiter: RateLimiter }): FastifyPluginAsyncZod {
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
        description: `At most ${PUBLIC_SCENARIO_BUDGET.maxEvents} events (413 SIMULATION_TOO_LARGE), ${PUBLIC_SCENARIO_BUDGET.maxYears} years from the first event (422 SIMULATION_TOO_LONG), a ${SIMULATE_BODY_LIMIT / 1024} KiB body, and ${SIMULATE_RATE_LIMIT.limit} scenarios a minute per address (429 RATE_LIMITED).`,
        body: z.record(z.string(), z.unknown()),
      },
      bodyLimit: SIMULATE_BODY_LIMIT,
      // Counted before the body is read: an oversized or malformed request is an attempt too.
      onRequest: rateLimitHook(options.limiter, SIMULATE_RATE_LIMIT),
    }, async (request) => {
      try {
        checkEventCount(request.body.events, PUBLIC_SCENARIO_BUDGET);
        const scenario = parseScenario(request.body);
        checkScenarioBudget(scenario, PUBLIC_SCENARIO_BUDGET);
        return simulate(scenario, options.catalog);
      } catch (error) {
        throw scenarioRefusal(error);
      }
    });
  };
}
