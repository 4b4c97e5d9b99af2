import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Catalog } from './rules/catalog.ts';

const minorUnits = z.number().int().nonnegative();

const planSchema = z.object({
  name: z.string().optional(),
  price: minorUnits,
  slots: z.number().int().nonnegative().optional(),
  slot_price: minorUnits.optional(),
});

const countrySchema = z.object({
  name: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  tax: z.object({
    mode: z.enum(['exclusive', 'inclusive']),
    rates: z.record(z.string(), z.number().min(0).max(1)).optional(),
  }),
  extra_members: z.boolean().optional(),
  plans: z.record(z.string(), planSchema).refine((plans) => Object.keys(plans).length > 0, 'at least one plan'),
  dispute_routes: z.object({
    bank: z.string().min(1),
    bodies: z.array(z.object({ name: z.string().min(1), description: z.string().min(1), url: z.string().url().optional() })),
  }).optional(),
});

/** The catalog as written in JSON (snake_case, as in contracts/billing.md). */
export const catalogSchema = z.record(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as US'), countrySchema);

export type CatalogInput = z.infer<typeof catalogSchema>;

export function toCatalog(input: CatalogInput): Catalog {
  const catalog: Catalog = {};
  for (const [code, country] of Object.entries(input)) {
    const plans: Catalog[string]['plans'] = {};
    for (const [id, plan] of Object.entries(country.plans)) {
      plans[id] = { name: plan.name, price: plan.price, slots: plan.slots ?? 0, slotPrice: plan.slot_price ?? 0 };
    }
    catalog[code] = {
      name: country.name,
      currency: country.currency,
      tax: { mode: country.tax.mode, rates: country.tax.rates ?? {} },
      extraMembers: country.extra_members ?? true,
      plans,
      ...(country.dispute_routes ? { disputeRoutes: country.dispute_routes } : {}),
    };
  }
  return catalog;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Reads and validates a catalog file; throws an Error naming the bad field. */
export function loadCatalogFile(path: string): Catalog {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the catalog ${path}: ${(error as Error).message}`);
  }
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`catalog ${path}: ${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`);
  }
  return toCatalog(parsed.data);
}
