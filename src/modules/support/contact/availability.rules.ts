import { CHANNELS, WEEKDAYS, type Channel, type OpeningSpan, type SupportDesk, type SupportHours, type Weekday } from './support-hours.ts';

/**
 * Which ways to reach a person are open, from the configured hours and the
 * time passed in. Pure: no clock is read here.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(now: Date, timeZone: string): { day: Weekday; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  return { day: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const previousDay = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7];

function spanOpen(span: OpeningSpan, day: Weekday, minute: number): boolean {
  const open = minutes(span.open);
  const close = minutes(span.close);
  if (close > open) return span.days.includes(day) && minute >= open && minute < close;
  // Past midnight: the evening part on the listed day, the early hours on the day after.
  return (span.days.includes(day) && minute >= open) || (span.days.includes(previousDay(day)) && minute < close);
}

export function isOpen(spans: readonly OpeningSpan[], timeZone: string, now: Date): boolean {
  const { day, minute } = localParts(now, timeZone);
  return spans.some((span) => spanOpen(span, day, minute));
}

const MINUTE = 60_000;

/** The next minute the channel opens, within a week; null if it never does. Steps of 15 minutes, then minute by minute. */
export function nextOpening(spans: readonly OpeningSpan[], timeZone: string, now: Date): Date | null {
  if (spans.length === 0) return null;
  const start = Math.ceil(now.getTime() / MINUTE) * MINUTE;
  for (let t = start; t <= start + 8 * 24 * 60 * MINUTE; t += 15 * MINUTE) {
    if (!isOpen(spans, timeZone, new Date(t))) continue;
    let first = t;
    while (first - MINUTE >= start && isOpen(spans, timeZone, new Date(first - MINUTE))) first -= MINUTE;
    return new Date(first);
  }
  return null;
}

export type DeskChoice = { desk: SupportDesk; exactLanguage: boolean } | null;

/** The desk for the member's country in their language, else the country's first desk (in another language), else none. */
export function chooseDesk(hours: SupportHours, where: { country: string; language: string }): DeskChoice {
  const country = where.country.toUpperCase();
  const language = where.language.toLowerCase();
  const exact = hours.desks.find((desk) => desk.country === country && desk.language === language);
  if (exact) return { desk: exact, exactLanguage: true };
  const sameCountry = hours.desks.find((desk) => desk.country === country);
  return sameCountry ? { desk: sameCountry, exactLanguage: false } : null;
}

export type ChannelAvailability = {
  channel: Channel;
  /** Configured at all for this desk. */
  offered: boolean;
  openNow: boolean;
  /** When closed: the next opening, if any within a week. */
  opensAt: Date | null;
};

export type ContactAvailability = {
  desk: SupportDesk | null;
  /** False when the desk speaks another language than the one asked for. */
  exactLanguage: boolean;
  channels: ChannelAvailability[];
};

export function contactAvailability(hours: SupportHours, where: { country: string; language: string }, now: Date): ContactAvailability {
  const choice = chooseDesk(hours, where);
  if (!choice) return { desk: null, exactLanguage: false, channels: CHANNELS.map((channel) => ({ channel, offered: false, openNow: false, opensAt: null })) };
  const { desk } = choice;
  return {
    desk,
    exactLanguage: choice.exactLanguage,
    channels: CHANNELS.map((channel) => {
      const spans = desk[channel];
      const openNow = isOpen(spans, desk.timeZone, now);
      return { channel, offered: spans.length > 0, openNow, opensAt: openNow ? null : nextOpening(spans, desk.timeZone, now) };
    }),
  };
}

const DAY_NAMES: Record<Weekday, string> = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' };
const WEEK_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon–Fri 08:00–22:00, Sat–Sun 09:00–18:00", or "Every day, all day". */
export function describeHours(spans: readonly OpeningSpan[]): string {
  return spans.map((span) => {
    const days = WEEK_ORDER.filter((day) => span.days.includes(day));
    const indexes = days.map((day) => WEEK_ORDER.indexOf(day));
    const consecutive = indexes.every((value, i) => i === 0 || value === indexes[i - 1] + 1);
    const dayText = days.length === 7 ? 'Every day'
      : consecutive && days.length > 2 ? `${DAY_NAMES[days[0]]}–${DAY_NAMES[days[days.length - 1]]}` : days.map((day) => DAY_NAMES[day]).join(', ');
    const allDay = span.open === '00:00' && span.close === '24:00';
    return `${dayText}, ${allDay ? 'all day' : `${span.open}–${span.close}`}`;
  }).join('; ');
}

/** "Monday 08:00" in the desk's time zone. */
export function formatLocal(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
