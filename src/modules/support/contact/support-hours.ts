import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';

/** Support hours are configuration (config/support-hours.json): which desk serves a country in a language, when. */
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const SUPPORT_HOURS_FILE = 'config/support-hours.json';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const CHANNELS = ['chat', 'call'] as const;
export type Channel = (typeof CHANNELS)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00 to 24:00)');

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Open from `open` to `close` local time on each of `days`; a `close` at or before `open` runs past midnight into the next day. */
const spanSchema = z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), open: clockTime, close: clockTime }).strict()
  .refine((span) => span.open !== span.close || span.open === '00:00', 'open and close must differ (use 00:00 to 24:00 for all day)');

const deskSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
  timeZone: z.string().refine(validTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  /** The desk's city, to say whose time the hours are in. */
  place: z.string().min(1),
  chat: z.array(spanSchema).default([]),
  call: z.array(spanSchema).default([]),
}).strict();

export const supportHoursSchema = z.object({
  languages: z.record(z.string(), z.string()),
  countries: z.record(z.string(), z.string()),
  desks: z.array(deskSchema).min(1),
}).strict().superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.desks.forEach((desk, index) => {
    const key = `${desk.country}/${desk.language}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['desks', index], message: `${key} is configured twice` });
    seen.add(key);
    if (!(desk.language in config.languages)) ctx.addIssue({ code: 'custom', path: ['desks', index, 'language'], message: `language ${desk.language} has no name in "languages"` });
    if (!(desk.country in config.countries)) ctx.addIssue({ code: 'custom', path: ['desks', index, 'country'], message: `country ${desk.country} has no name in "countries"` });
  });
});

export type SupportHours = z.output<typeof supportHoursSchema>;
export type SupportDesk = SupportHours['desks'][number];
export type OpeningSpan = SupportDesk['chat'][number];

export function parseSupportHours(json: unknown, source = SUPPORT_HOURS_FILE): SupportHours {
  const parsed = supportHoursSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'} ${issue.message}`);
    throw new AppError({ code: 'CONFIG_INVALID', status: 500, message: `${source} is invalid: ${problems.join('; ')}.` });
  }
  return parsed.data;
}

/** Read once at start-up; a relative path is read from the repository root. */
export function loadSupportHours(file: string = SUPPORT_HOURS_FILE): SupportHours {
  const full = path.isAbsolute(file) ? file : path.join(repositoryRoot, file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (error) {
    throw new AppError({ code: 'CONFIG_INVALID', status: 500, message: `${file} could not be read as JSON.`, cause: error });
  }
  return parseSupportHours(json, file);
}
