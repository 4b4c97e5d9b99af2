import { newId } from '../../../platform/ids.ts';
import {
  insertLedgerRows,
  insertMembershipsInBulk,
  insertPaymentMethodsInBulk,
  type BillingDb,
  type NewLedgerRow,
  type NewPaymentMethod,
  type StoredMembership,
} from '../billing.repository.ts';
import { membershipToColumns } from '../membership-row.ts';
import { simulatedToken } from '../payments/simulated-provider.ts';
import { addDays, addMonthsClamped, monthsSince, type IsoDate } from '../rules/calendar.ts';
import { planPriceOn, taxRate, type Catalog } from '../rules/catalog.ts';
import type { Membership, MembershipStatus } from '../rules/membership.ts';
import { applyTax } from '../rules/money.ts';

const PARTNERS = ['Northwind Mobile', 'Bluebird Cable', 'Harbor Fiber', 'Appstore Payments', 'Lumen Bundle'];

/** A small, fast, seedable generator so that `--members N` is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

type Synthetic = { row: Omit<StoredMembership, 'version'>; method: NewPaymentMethod | null; charge: NewLedgerRow | null };

/**
 * One member in a plausible state on `today`: anchors spread over the last
 * year (so about 1/30 renew each day), every country and plan, partner
 * billing, extra members, pauses, holds and cancellations.
 */
export function syntheticMember(index: number, today: IsoDate, catalog: Catalog, rnd: () => number): Synthetic {
  const country = pick(rnd, Object.keys(catalog));
  const offer = catalog[country];
  const plan = pick(rnd, Object.keys(offer.plans));
  const planOffer = offer.plans[plan];
  const regions = Object.keys(offer.tax.rates);
  const region = regions.length ? pick(rnd, regions) : null;
  const partner = rnd() < 0.08 ? pick(rnd, PARTNERS) : null;
  const anchor = addDays(today, -Math.floor(rnd() * 365) - 1);
  let k = monthsSince(anchor, today);
  if (addMonthsClamped(anchor, k) > today) k--;
  const periodStart = addMonthsClamped(anchor, k);
  const periodEnd = addMonthsClamped(anchor, k + 1);
  const slots = offer.extraMembers && !partner && planOffer.slots > 0 && rnd() < 0.2 ? 1 + Math.floor(rnd() * planOffer.slots) : 0;
  const roll = rnd();
  let status: MembershipStatus = 'active';
  let membership: Membership = {
    status, country, region, billing: partner ? { kind: 'partner', partner } : { kind: 'direct' }, plan, anchor,
    periodStart, periodEnd, slots, removedSlots: 0, pendingPlan: null, pause: null, hold: null, accessUntil: null, cancelReason: null, giftBalance: 0,
  };
  if (!partner) {
    if (roll < 0.03) {
      status = 'paused';
      const startIndex = k > 0 ? k - Math.floor(rnd() * 2) : k;
      const start = addMonthsClamped(anchor, startIndex);
      const lastPaid = startIndex > 0 ? addMonthsClamped(anchor, startIndex - 1) : anchor;
      membership = { ...membership, status, periodStart: lastPaid, periodEnd: start, pause: { start, months: 2 + Math.floor(rnd() * 2) } };
    } else if (roll < 0.05) {
      membership = { ...membership, pause: { start: periodEnd, months: 1 + Math.floor(rnd() * 3) } };
    } else if (roll < 0.08) {
      const failedAttempts = 1 + Math.floor(rnd() * 3);
      const dueDate = addDays(today, -[0, 1, 3][failedAttempts - 1]);
      const base = planOffer.price + slots * planOffer.slotPrice;
      const taxed = applyTax(base, offer.tax.mode, taxRate(offer, region));
      membership = { ...membership, status: 'on_hold', periodEnd: dueDate, hold: { dueDate, ...taxed, failedAttempts } };
    } else if (roll < 0.13) {
      membership = { ...membership, status: 'canceled_pending', accessUntil: periodEnd, cancelReason: 'member' };
    } else if (roll < 0.16) {
      membership = { ...membership, status: 'canceled', slots: 0, periodEnd: periodStart, accessUntil: periodStart, cancelReason: 'member' };
    }
  }
  const id = `mem_syn${String(index).padStart(9, '0')}`;
  const methodId = partner ? null : `pm_syn${String(index).padStart(9, '0')}`;
  const base = planPriceOn({ catalog, priceChanges: [] }, country, plan, membership.periodStart as IsoDate) + slots * planOffer.slotPrice;
  const taxed = applyTax(base, offer.tax.mode, taxRate(offer, region));
  const charge: NewLedgerRow | null = partner || membership.status === 'on_hold' ? null : {
    id: newId('led'), membership_id: id, date: membership.periodStart as IsoDate, type: 'charge', reason: k === 0 ? 'signup' : 'renewal',
    amount: taxed.amount, tax: taxed.tax, currency: offer.currency, period_start: membership.periodStart, period_end: addMonthsClamped(anchor, monthsSince(anchor, membership.periodStart as IsoDate) + 1),
    refund_of: null, gift: 0, note: null, payment_method_id: methodId, provider_reference: null, idempotency_key: `seed:${id}`,
  };
  return {
    row: { id, account_id: `acct_syn${String(index).padStart(9, '0')}`, payment_method_id: methodId, ...membershipToColumns(membership) },
    method: methodId ? {
      id: methodId, membership_id: id, provider: 'simulated', token: simulatedToken(rnd() < 0.02 ? 'declines_charges' : 'pays'),
      brand: pick(rnd, ['visa', 'mastercard', 'amex']), last4: String(Math.floor(rnd() * 10000)).padStart(4, '0'),
      exp_month: 1 + Math.floor(rnd() * 12), exp_year: 2027 + Math.floor(rnd() * 5),
      // Synthetic members have no card number to fingerprint; a made-up one would match nothing anyway.
      fingerprint: null,
    } : null,
    charge,
  };
}

/** Inserts `count` synthetic members in batches, reporting progress. */
export async function seedSyntheticMembers(options: {
  db: BillingDb;
  catalog: Catalog;
  today: IsoDate;
  count: number;
  startIndex?: number;
  batchSize?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<void> {
  const rnd = random(options.seed ?? 20261127);
  const batchSize = options.batchSize ?? 5000;
  const start = options.startIndex ?? 0;
  for (let offset = 0; offset < options.count; offset += batchSize) {
    const members = Array.from({ length: Math.min(batchSize, options.count - offset) }, (_, i) => syntheticMember(start + offset + i, options.today, options.catalog, rnd));
    await options.db.transaction().execute(async (trx) => {
      await insertMembershipsInBulk(trx, members.map((m) => m.row));
      await insertPaymentMethodsInBulk(trx, members.flatMap((m) => (m.method ? [m.method] : [])));
      await insertLedgerRows(trx, members.flatMap((m) => (m.charge ? [m.charge] : [])));
    });
    options.onProgress?.(offset + members.length, options.count);
  }
}
