import { describe, expect, it } from 'vitest';
import { caseTimers, DEFAULT_SLAS, dueDates, slaTargetsFrom, slaTimer, waitingSeconds } from './sla.rules.ts';

const at = (iso: string) => new Date(iso);

describe('SLA timers', () => {
  it('sets both due times from the hand-off with the queue\'s targets', () => {
    const due = dueDates(at('2026-03-10T12:00:00Z'), 'security', DEFAULT_SLAS);
    expect(due.firstResponseDue.toISOString()).toBe('2026-03-10T12:02:00.000Z');
    expect(due.resolutionDue.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(dueDates(at('2026-03-10T12:00:00Z'), 'general', DEFAULT_SLAS).firstResponseDue.toISOString()).toBe('2026-03-10T12:10:00.000Z');
  });

  it('counts down while running and says when it is breached', () => {
    const due = at('2026-03-10T12:05:00Z');
    expect(slaTimer(due, null, at('2026-03-10T12:01:30Z'))).toEqual({ due: due.toISOString(), met_at: null, remaining_seconds: 210, breached: false });
    expect(slaTimer(due, null, at('2026-03-10T12:06:00Z'))).toMatchObject({ remaining_seconds: -60, breached: true });
  });

  it('stops when met, and remembers a late answer as breached', () => {
    const due = at('2026-03-10T12:05:00Z');
    expect(slaTimer(due, at('2026-03-10T12:04:00Z'), at('2026-03-10T15:00:00Z'))).toMatchObject({ remaining_seconds: null, breached: false, met_at: '2026-03-10T12:04:00.000Z' });
    expect(slaTimer(due, at('2026-03-10T12:07:00Z'), at('2026-03-10T15:00:00Z'))).toMatchObject({ breached: true });
  });

  it('gives a case both timers at once', () => {
    const timers = caseTimers({ firstResponseDue: at('2026-03-10T12:05:00Z'), resolutionDue: at('2026-03-11T12:00:00Z'), firstResponseAt: null, resolvedAt: null }, at('2026-03-10T12:00:00Z'));
    expect(timers.first_response.remaining_seconds).toBe(300);
    expect(timers.resolution.remaining_seconds).toBe(86_400);
  });

  it('takes configured targets over the defaults, queue by queue', () => {
    const targets = slaTargetsFrom({ billing: { firstResponseMs: 60_000 } });
    expect(targets.billing).toEqual({ firstResponseMs: 60_000, resolutionMs: DEFAULT_SLAS.billing.resolutionMs });
    expect(targets.security).toEqual(DEFAULT_SLAS.security);
  });

  it('never shows a negative waiting time', () => {
    expect(waitingSeconds(at('2026-03-10T12:00:05Z'), at('2026-03-10T12:00:00Z'))).toBe(0);
    expect(waitingSeconds(at('2026-03-10T11:58:00Z'), at('2026-03-10T12:00:00Z'))).toBe(120);
  });
});
