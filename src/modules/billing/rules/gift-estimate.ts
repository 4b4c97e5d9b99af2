import { addMonthsClamped, monthsSince, type IsoDate } from './calendar.ts';

/** How long a gift balance lasts at the current price, as the member is told. */
export type GiftEstimate = {
  balance: number;
  /** What one renewal costs now (tax included); null when no renewal is coming. */
  price_per_period: number | null;
  /** Renewals the balance pays in full. */
  periods_covered: number;
  /** The first renewal the balance does not pay in full (the card pays the rest, or all of it); null when none is coming or the balance is 0. */
  runs_out_on: IsoDate | null;
  /** What the balance pays of that renewal (0 when it is already spent by then). */
  paid_of_last: number;
};

/**
 * Renewals are on the anchor's day each month from `nextRenewal`; each takes
 * `price` from the balance while it lasts. A price change announced later,
 * an upgrade or an extra member makes it run out sooner: it is an estimate.
 */
export function estimateGiftBalance(options: { balance: number; price: number | null; nextRenewal: IsoDate | null; anchor: IsoDate | null }): GiftEstimate {
  const { balance, price, nextRenewal, anchor } = options;
  if (balance <= 0 || price === null || price <= 0 || nextRenewal === null || anchor === null) {
    return { balance, price_per_period: price, periods_covered: 0, runs_out_on: null, paid_of_last: 0 };
  }
  const periods = Math.floor(balance / price);
  const first = monthsSince(anchor, nextRenewal);
  return { balance, price_per_period: price, periods_covered: periods, runs_out_on: addMonthsClamped(anchor, first + periods), paid_of_last: balance - periods * price };
}
