import { z } from 'zod';
import { catalogSchema, formatIssuePath, type CatalogInput } from '../catalog-config.ts';
import { isIsoDate, isSupportedDate, SUPPORTED_DATES } from '../rules/calendar.ts';

// Two checks, two messages: a date that is not one, and a real date billing does not run to (9999-12-01 ran until memory ran out).
const date = z.string().refine(isIsoDate, 'a calendar date written YYYY-MM-DD').refine(isSupportedDate, SUPPORTED_DATES);
const plan = z.string().min(1);
const months = z.number().int('a whole number of months');
const minorUnits = z.number().int('an integer amount in minor units').positive();
const last4 = z.string().regex(/^\d{4}$/, 'four digits');

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ date, type: z.literal(type), ...shape });

export const eventSchema = z.discriminatedUnion('type', [
  event('signup', { plan }),
  event('change_plan', { plan }),
  event('add_extra_member', {}),
  event('remove_extra_member', {}),
  event('pause', { months }),
  event('extend_pause', { months }),
  event('withdraw_pause', {}),
  event('unpause', {}),
  event('cancel', {}),
  event('restart', { plan: plan.optional() }),
  event('payment_method_fails', {}),
  event('update_payment_method', { last4, declines: z.boolean().optional() }),
  event('card_reissued', { last4 }),
  event('price_change', { country: z.string().min(1), plan, price: z.number().int().nonnegative(), announced: date, effective: date }),
  event('refund', {
    charge_date: date,
    reason: z.string().optional(),
    amount: minorUnits.optional(),
    idempotency_key: z.string().min(1).optional(),
  }),
  event('redeem_gift_card', { code: z.string().min(1), amount: minorUnits, currency: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 4217 currency code, like USD') }),
]);

export type ScenarioEvent = z.infer<typeof eventSchema>;

const billingSchema = z.union([z.literal('direct'), z.object({ partner: z.string().min(1) })]);

export const scenarioSchema = z.object({
  catalog: catalogSchema.optional(),
  account: z.object({
    country: z.string().min(1),
    region: z.string().nullable().optional(),
    billing: billingSchema.optional(),
  }),
  events: z.array(z.unknown()),
  until: date.optional(),
});

export type Scenario = {
  catalog?: CatalogInput;
  account: { country: string; region: string | null; billing: 'direct' | { partner: string } };
  events: ScenarioEvent[];
  until?: string;
};

/** A scenario that cannot run: `field` names the bad field, with the event's index in it. */
export class ScenarioError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'ScenarioError';
  }
}

const EVENT_TYPES: readonly string[] = eventSchema.options.map((option) => option.shape.type.value);

function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): ScenarioError {
  return new ScenarioError(formatIssuePath([...prefix, ...issue.path]) || '(scenario)', issue.message);
}

export function parseScenario(json: unknown): Scenario {
  const top = scenarioSchema.safeParse(json);
  if (!top.success) throw describeIssue(top.error.issues[0], []);
  const events = top.data.events.map((raw, index): ScenarioEvent => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !EVENT_TYPES.includes(type)) {
      throw new ScenarioError(`events[${index}].type`, `expected one of ${EVENT_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
    }
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) throw describeIssue(parsed.error.issues[0], ['events', index]);
    return parsed.data;
  });
  const { catalog, account, until } = top.data;
  return {
    catalog,
    account: { country: account.country, region: account.region ?? null, billing: account.billing ?? 'direct' },
    events,
    until,
  };
}
