import { maxDate, addDays, type IsoDate } from './calendar.ts';
import type { TaxMode } from './money.ts';

export type PlanOffer = { price: number; slots: number; slotPrice: number; name?: string };

export type CountryOffer = {
  currency: string;
  tax: { mode: TaxMode; rates: Record<string, number> };
  extraMembers: boolean;
  plans: Record<string, PlanOffer>;
  name?: string;
  /** Where a member takes a billing dispute support did not settle (PRODUCT.md §9); optional. */
  disputeRoutes?: DisputeRoutes;
};

/** The member's routes outside the service: their bank or card issuer, and the country's consumer-protection or ombudsman bodies. */
export type DisputeRoutes = { bank: string; bodies: { name: string; description: string; url?: string }[] };

export type Catalog = Record<string, CountryOffer>;

/** A price change as announced; it reaches a renewal on or after `appliesFrom`. */
export type PriceChange = {
  country: string;
  plan: string;
  price: number;
  announced: IsoDate;
  effective: IsoDate;
};

export const PRICE_CHANGE_NOTICE_DAYS = 30;

export function priceChangeAppliesFrom(change: Pick<PriceChange, 'announced' | 'effective'>): IsoDate {
  return maxDate(change.effective, addDays(change.announced, PRICE_CHANGE_NOTICE_DAYS));
}

export type PriceBook = { catalog: Catalog; priceChanges: readonly PriceChange[] };

export function findPlan(book: PriceBook, country: string, plan: string): PlanOffer | undefined {
  const offer = book.catalog[country];
  return offer && Object.hasOwn(offer.plans, plan) ? offer.plans[plan] : undefined;
}

/** The plan's monthly price on `date`: the latest price change that applies by then wins. */
export function planPriceOn(book: PriceBook, country: string, plan: string, date: IsoDate): number {
  const offer = findPlan(book, country, plan);
  if (!offer) throw new RangeError(`unknown plan ${country}/${plan}`);
  let price = offer.price;
  let latest = '';
  for (const change of book.priceChanges) {
    if (change.country !== country || change.plan !== plan) continue;
    const from = priceChangeAppliesFrom(change);
    if (from <= date && from >= latest) {
      price = change.price;
      latest = from;
    }
  }
  return price;
}

export function taxRate(offer: CountryOffer, region: string | null): number {
  if (region === null || !Object.hasOwn(offer.tax.rates, region)) return 0;
  return offer.tax.rates[region];
}
