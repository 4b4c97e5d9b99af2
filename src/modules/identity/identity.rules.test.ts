import { describe, expect, it } from 'vitest';
import { approximateLocation, describeUserAgent, isUnfamiliarLocation } from './device.rules.ts';
import { LOGIN_HELP_TTL_MS, expiresAt, loginHint, parseLogin, sessionAlive, tokenUsable } from './identity.rules.ts';
import { decideLimit, POLICIES, retryMessage } from './rate-limit.rules.ts';
import { reviewSecurity } from './security-review.rules.ts';
import { secureFor } from './session-cookies.ts';

const at = (iso: string) => new Date(iso);

describe('identity rules', () => {
  it('lets a one-time token work once, before it expires, while it is the newest', () => {
    const issued = at('2026-03-01T10:00:00Z');
    const token = { expires_at: expiresAt(issued, LOGIN_HELP_TTL_MS), used_at: null, superseded_at: null };
    expect(tokenUsable(token, at('2026-03-01T10:14:59Z'))).toBe(true);
    expect(tokenUsable(token, at('2026-03-01T10:15:00Z'))).toBe(false);
    expect(tokenUsable({ ...token, used_at: issued }, issued)).toBe(false);
    expect(tokenUsable({ ...token, superseded_at: issued }, issued)).toBe(false);
  });

  it('ends a session 30 days after its last use', () => {
    const session = { last_used_at: at('2026-03-01T00:00:00Z'), ended_at: null };
    expect(sessionAlive(session, at('2026-03-30T23:59:59Z'))).toBe(true);
    expect(sessionAlive(session, at('2026-03-31T00:00:00Z'))).toBe(false);
  });

  it('reads a login as an email or a phone number', () => {
    expect(parseLogin(' Ann@Example.COM ')).toEqual({ kind: 'email', email: 'ann@example.com' });
    expect(parseLogin('+44 7700 900-123')).toEqual({ kind: 'phone', phone: '+447700900123' });
    expect(loginHint('karim@demo.reelhouse.example')).toBe('k***@demo.reelhouse.example');
  });

  it('limits after the fifth failure in 15 minutes and says when to come back', () => {
    const now = at('2026-03-01T10:20:00Z');
    const failures = ['10:06', '10:08', '10:10', '10:12', '10:14'].map((time) => at(`2026-03-01T${time}:00Z`));
    expect(decideLimit(POLICIES.signInLogin, failures.slice(1), now)).toEqual({ limited: false });
    // The oldest of the five leaves the window at 10:21.
    expect(decideLimit(POLICIES.signInLogin, failures, now)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(decideLimit(POLICIES.signInLogin, [at('2026-03-01T10:04:59Z'), ...failures.slice(1)], now)).toEqual({ limited: false });
    expect(retryMessage(60)).toBe('Too many attempts. Try again in 1 minute.');
    expect(retryMessage(601)).toBe('Too many attempts. Try again in 11 minutes.');
  });

  it('gives a stable made-up city for a public address, and says so for local ones', () => {
    expect(approximateLocation('127.0.0.1').label).toBe('This computer (local network)');
    expect(approximateLocation('::1').label).toBe('This computer (local network)');
    expect(approximateLocation('192.168.1.20').label).toBe('Local network');
    expect(approximateLocation('203.0.113.77')).toEqual(approximateLocation('203.0.113.77'));
    expect(approximateLocation('203.0.113.77')).toEqual({ label: 'Lagos, Nigeria', country: 'NG' });
    expect(isUnfamiliarLocation('GB', { label: 'Lagos, Nigeria', country: 'NG' })).toBe(true);
    expect(isUnfamiliarLocation('GB', approximateLocation('127.0.0.1'))).toBe(false);
  });

  it('names a device from its browser', () => {
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1')).toEqual({ type: 'phone', name: 'Safari on iOS' });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/125.0 Safari/537.36 Edg/125.0')).toEqual({ type: 'computer', name: 'Edge on Windows' });
    expect(describeUserAgent(undefined)).toEqual({ type: 'computer', name: 'Web browser' });
  });
});

describe('security review rules', () => {
  const now = at('2026-06-01T12:00:00Z');
  const event = (kind: string, iso: string, details: Record<string, unknown> = {}) => ({ kind, at: at(iso), summary: kind, details });

  it('turns events and membership history into signals, most severe first', () => {
    const review = reviewSecurity({
      now,
      removedDeviceIds: new Set(),
      events: [
        event('new_device', '2026-05-30T10:00:00Z', { device_id: 'dev_1', unfamiliar: true }),
        event('new_device', '2026-05-30T11:00:00Z', { device_id: 'dev_2', unfamiliar: false }),
        event('email_changed', '2026-05-31T10:00:00Z', { confirmed: false }),
        event('password_changed', '2026-05-20T10:00:00Z'),
      ],
      billing: [{ date: '2026-05-10', type: 'restarted' }, { date: '2026-05-11', type: 'plan_changed' }, { date: '2026-05-12', type: 'paused' }],
    });
    expect(review.signals.map((signal) => [signal.kind, signal.severity])).toEqual([
      ['email_changed_unconfirmed', 'danger'],
      ['unfamiliar_device', 'danger'],
      ['password_changed', 'warning'],
      ['restarted_after_cancel', 'warning'],
      ['plan_changed', 'info'],
    ]);
    expect(review.steps.at(-1)).toMatch(/Sign out of all devices/);
  });

  it('keeps to the last 90 days and calms a device the member already removed', () => {
    const review = reviewSecurity({
      now,
      removedDeviceIds: new Set(['dev_1']),
      events: [event('new_device', '2026-05-30T10:00:00Z', { device_id: 'dev_1', unfamiliar: true }), event('password_changed', '2026-02-01T10:00:00Z')],
      billing: [{ date: '2026-02-01', type: 'extra_member_added' }],
    });
    expect(review.signals.map((signal) => [signal.kind, signal.severity])).toEqual([['unfamiliar_device', 'info']]);
  });
});

describe('Secure cookies', () => {
  it('are Secure over https and on public names, not over plain http on this machine or a private network (the demo from a phone)', () => {
    expect(secureFor({ protocol: 'https', hostname: 'watch.example.com' })).toBe(true);
    expect(secureFor({ protocol: 'http', hostname: 'watch.example.com' })).toBe(true);
    expect(secureFor({ protocol: 'https', hostname: '192.168.1.20' })).toBe(true);
    for (const hostname of ['localhost', '127.0.0.1', '192.168.1.20', '10.0.0.7', '172.20.1.2', 'living-room.local']) {
      expect(secureFor({ protocol: 'http', hostname }), hostname).toBe(false);
    }
    expect(secureFor({ protocol: 'http', hostname: '172.32.0.1' })).toBe(true);
  });
});
