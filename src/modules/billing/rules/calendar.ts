/** Billing works on UTC calendar dates written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The dates billing works with. Years before 100 are not what `Date.UTC`
 * computes (0050 becomes 1950), and past 9999 a date no longer sorts as its
 * text, which the schedule relies on: a renewal on 10000-01-31 compares below
 * 9999-12-31 and the schedule never ends. 2000 to 2100 covers every real
 * membership with room to spare, and keeps a run from the earliest date to the
 * latest at about 1,200 monthly periods.
 */
export const EARLIEST_DATE: IsoDate = '2000-01-01';
export const LATEST_DATE: IsoDate = '2100-12-31';
export const SUPPORTED_DATES = `a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;

/** A calendar date billing accepts as input: `YYYY-MM-DD`, from EARLIEST_DATE to LATEST_DATE. */
export function isSupportedDate(value: unknown): value is IsoDate {
  return isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  const date = new Date(day * DAY_MS);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The date `months` months after `anchor`, on the anchor's day or the month's
 * last day when the month is shorter. Always computed from the original
 * anchor so that Jan 31 gives Feb 28, then Mar 31 (never Mar 28).
 */
export function addMonthsClamped(anchor: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(anchor);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** How many whole months `date`'s month is after `anchor`'s month. */
export function monthsSince(anchor: IsoDate, date: IsoDate): number {
  const [ya, ma] = parts(anchor);
  const [yd, md] = parts(date);
  return (yd - ya) * 12 + (md - ma);
}

/** The period start that follows `periodStart` on the anchor's schedule. */
export function nextPeriodStart(anchor: IsoDate, periodStart: IsoDate): IsoDate {
  return addMonthsClamped(anchor, monthsSince(anchor, periodStart) + 1);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
