/**
 * Calendar arithmetic on `YYYY-MM-DD` UTC dates, as billing keeps them.
 * Billing's own calendar is internal to billing; these few are all the
 * explainer needs.
 */
const DAY_MS = 86_400_000;

function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDay(toDay(value)) === value;
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

export function daysInMonth(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** The same day `months` months later, or the month's last day when it is shorter. */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  return addDays(first, Math.min(dayOfMonth(date), daysInMonth(first)) - 1);
}

/** Weekdays in `(from, to]`: how many business days a bank took to post a charge. */
export function businessDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = toDay(from) + 1; day <= toDay(to); day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

export function weekdayName(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

/** "November 3, 2026", as the member's account pages write dates. */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "November 3, November 24 and December 3, 2026". */
export function dateList(dates: readonly string[]): string {
  const texts = dates.map(longDate);
  if (texts.length <= 1) return texts[0] ?? '';
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

export function monthName(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
}

export function ordinal(day: number): string {
  const suffix = day >= 11 && day <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}
