import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { contactAvailability, describeHours, isOpen, nextOpening } from './availability.rules.ts';
import { loadSupportHours, parseSupportHours } from './support-hours.ts';

const hours = loadSupportHours();
const at = (iso: string) => new Date(iso);
const channel = (country: string, language: string, iso: string, name: 'chat' | 'call') =>
  contactAvailability(hours, { country, language }, at(iso)).channels.find((state) => state.channel === name);

// 2026-03-10 is a Tuesday; New York and Toronto are on summer time (UTC−4) since 8 March, London is on UTC, Tokyo UTC+9.
describe('what is open now', () => {
  it('opens calls in New York at 08:00 local time, not a minute before', () => {
    expect(channel('US', 'en', '2026-03-10T11:59:00Z', 'call')).toEqual({ channel: 'call', offered: true, openNow: false, opensAt: at('2026-03-10T12:00:00Z') });
    expect(channel('US', 'en', '2026-03-10T12:00:00Z', 'call')).toMatchObject({ openNow: true, opensAt: null });
    expect(channel('US', 'en', '2026-03-11T01:59:00Z', 'call')?.openNow).toBe(true);
    expect(channel('US', 'en', '2026-03-11T02:00:00Z', 'call')?.openNow).toBe(false);
  });

  it('judges the same instant by each desk\'s own clock', () => {
    const instant = '2026-03-10T12:00:00Z';
    expect(channel('GB', 'en', instant, 'call')?.openNow).toBe(true);
    expect(channel('JP', 'ja', instant, 'chat')).toMatchObject({ openNow: false, opensAt: at('2026-03-11T00:00:00Z') });
    expect(channel('JP', 'ja', instant, 'call')).toMatchObject({ openNow: false, opensAt: at('2026-03-11T01:00:00Z') });
  });

  it('follows summer time: London opens calls at 08:00 local before and after the clocks change', () => {
    expect(channel('GB', 'en', '2026-03-27T08:00:00Z', 'call')?.openNow).toBe(true);
    expect(channel('GB', 'en', '2026-03-30T07:30:00Z', 'call')?.openNow).toBe(true);
    expect(channel('GB', 'en', '2026-03-30T06:59:00Z', 'call')).toMatchObject({ openNow: false, opensAt: at('2026-03-30T07:00:00Z') });
  });

  it('keeps a desk open past midnight into the next day', () => {
    expect(channel('CA', 'en', '2026-03-10T05:30:00Z', 'chat')?.openNow).toBe(true);
    expect(channel('CA', 'en', '2026-03-10T06:30:00Z', 'chat')).toMatchObject({ openNow: false, opensAt: at('2026-03-10T12:00:00Z') });
  });

  it('uses weekend hours and skips closed days', () => {
    expect(channel('US', 'en', '2026-03-14T12:30:00Z', 'call')).toMatchObject({ openNow: false, opensAt: at('2026-03-14T13:00:00Z') });
    // Friday 17:00 in Chicago: Spanish calls reopen on Monday 09:00 (UTC−5 → 14:00Z).
    expect(channel('US', 'es', '2026-03-13T22:00:00Z', 'call')).toMatchObject({ openNow: false, opensAt: at('2026-03-16T14:00:00Z') });
  });

  it('falls back to the country\'s desk in another language, and offers nothing where no desk is configured', () => {
    const german = contactAvailability(hours, { country: 'DE', language: 'fr' }, at('2026-03-10T12:00:00Z'));
    expect(german).toMatchObject({ exactLanguage: false, desk: { language: 'de' } });
    const nowhere = contactAvailability(hours, { country: 'FR', language: 'fr' }, at('2026-03-10T12:00:00Z'));
    expect(nowhere.desk).toBeNull();
    expect(nowhere.channels.every((state) => !state.offered && !state.openNow)).toBe(true);
    expect(channel('BR', 'pt', '2026-03-10T15:00:00Z', 'call')).toEqual({ channel: 'call', offered: false, openNow: false, opensAt: null });
  });

  it('never opens a channel without hours', () => {
    expect(isOpen([], 'UTC', at('2026-03-10T12:00:00Z'))).toBe(false);
    expect(nextOpening([], 'UTC', at('2026-03-10T12:00:00Z'))).toBeNull();
  });

  it('describes hours in plain words', () => {
    expect(describeHours([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '22:00' }, { days: ['sat', 'sun'], open: '09:00', close: '18:00' }]))
      .toBe('Mon–Fri, 08:00–22:00; Sat, Sun, 09:00–18:00');
    expect(describeHours([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], open: '00:00', close: '24:00' }])).toBe('Every day, all day');
  });
});

describe('support hours configuration', () => {
  const desk = { country: 'US', language: 'en', timeZone: 'America/New_York', place: 'New York', chat: [], call: [] };
  const base = { languages: { en: 'English' }, countries: { US: 'United States' } };

  it('loads the shipped file', () => {
    expect(hours.desks.length).toBeGreaterThan(0);
  });

  it('refuses an unknown time zone, a bad time and a desk configured twice, naming the place', () => {
    expect(() => parseSupportHours({ ...base, desks: [{ ...desk, timeZone: 'Mars/Olympus' }] })).toThrow(/desks\.0\.timeZone must be an IANA time zone/);
    expect(() => parseSupportHours({ ...base, desks: [{ ...desk, chat: [{ days: ['mon'], open: '8am', close: '17:00' }] }] })).toThrow(AppError);
    expect(() => parseSupportHours({ ...base, desks: [desk, desk] })).toThrow(/US\/en is configured twice/);
  });
});
