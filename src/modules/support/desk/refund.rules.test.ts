import { describe, expect, it } from 'vitest';
import { charge, membership, refundLine } from './testing/desk-fakes.ts';
import { decideRefund, findCharge, isLatestOnItsDate, onePeriodCharge, refundableInLastYear, yearBefore } from './refund.rules.ts';

// Renewals of 15.49 on the 5th; an upgrade charge of 3.00 inside the March period.
const ledger = [
  charge('led_jan', '2026-01-05', 1549),
  charge('led_feb', '2026-02-05', 1549),
  charge('led_mar', '2026-03-05', 1549),
  charge('led_up', '2026-03-08', 300, 'plan_upgrade', { start: '2026-03-08', end: '2026-04-05' }),
];
const today = '2026-03-10';

describe('one period\'s charge', () => {
  it('is the largest single charge line of the last billing period', () => {
    expect(onePeriodCharge(ledger, today)).toBe(1549);
    const bigUpgrade = [...ledger.slice(0, 3), charge('led_up', '2026-03-08', 1800, 'plan_upgrade', { start: '2026-03-08', end: '2026-04-05' })];
    expect(onePeriodCharge(bigUpgrade, today)).toBe(1800);
  });

  it('ignores charges of earlier periods, however large', () => {
    const older = [charge('led_old', '2026-01-05', 4999), charge('led_mar', '2026-03-05', 1549)];
    expect(onePeriodCharge(older, today)).toBe(1549);
  });

  it('is 0 when nothing was charged (a partner bills)', () => {
    expect(onePeriodCharge([], today)).toBe(0);
  });
});

describe('refund limits', () => {
  const march = ledger[2];

  it('lets an agent refund up to one period\'s charge', () => {
    expect(decideRefund({ role: 'agent', ledger, charge: march, amount: 1549, today, refundedOnCase: 0 })).toEqual({ ok: true });
  });

  it('refuses an agent more than one period\'s charge per case, counting earlier refunds on the case', () => {
    const refusal = decideRefund({ role: 'agent', ledger, charge: march, amount: 1000, today, refundedOnCase: 1000 });
    expect(refusal).toMatchObject({ ok: false, code: 'REFUND_LIMIT', status: 403 });
    expect(refusal.ok ? '' : refusal.message).toContain('supervisor');
  });

  it('counts refunds still waiting for billing on the case against an agent\'s limit, and says so', () => {
    expect(decideRefund({ role: 'agent', ledger, charge: march, amount: 549, today, refundedOnCase: 0, reservedOnCase: 1000 })).toEqual({ ok: true });
    const refusal = decideRefund({ role: 'agent', ledger, charge: march, amount: 550, today, refundedOnCase: 400, reservedOnCase: 600 });
    expect(refusal).toMatchObject({ ok: false, code: 'REFUND_LIMIT' });
    expect(refusal.ok ? '' : refusal.message).toContain('($4.00 is already refunded on this case, and $6.00 is being refunded right now)');
  });

  it('lets a supervisor go beyond one period, up to what was charged in the last 12 months and not refunded', () => {
    expect(decideRefund({ role: 'supervisor', ledger, charge: march, amount: 1549, today, refundedOnCase: 1549 })).toEqual({ ok: true });
    expect(refundableInLastYear([...ledger, refundLine('led_r', '2026-03-06', 549, 'led_jan')], today)).toBe(1549 * 3 + 300 - 549);
  });

  it('never refunds more than is left of the charge', () => {
    const refunded = [...ledger, refundLine('led_r', '2026-03-06', 1000, 'led_mar')];
    expect(decideRefund({ role: 'supervisor', ledger: refunded, charge: march, amount: 600, today, refundedOnCase: 0 })).toMatchObject({ ok: false, code: 'REFUND_EXCEEDS_CHARGE' });
    const full = [...ledger, refundLine('led_r', '2026-03-06', 1549, 'led_mar')];
    expect(decideRefund({ role: 'supervisor', ledger: full, charge: march, amount: 1, today, refundedOnCase: 0 })).toMatchObject({ ok: false, code: 'NO_CHARGE' });
  });

  it('refuses charges older than 12 months for everyone', () => {
    const old = charge('led_old', '2025-03-09', 1549);
    expect(decideRefund({ role: 'supervisor', ledger: [old], charge: old, amount: 100, today, refundedOnCase: 0 })).toMatchObject({ ok: false, code: 'REFUND_TOO_OLD' });
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describe('naming the charge', () => {
  it('finds a charge by id, or the latest charge on a date', () => {
    const twice = [charge('led_a', '2026-03-05', 1549), charge('led_b', '2026-03-05', 1549)];
    expect(findCharge(twice, { chargeId: 'led_a' })?.id).toBe('led_a');
    expect(findCharge(twice, { chargeDate: '2026-03-05' })?.id).toBe('led_b');
    expect(findCharge(twice, { chargeDate: '2026-03-06' })).toBeNull();
    expect(isLatestOnItsDate(twice, twice[0])).toBe(false);
    expect(isLatestOnItsDate(twice, twice[1])).toBe(true);
  });

  it('does not take a refund line for a charge', () => {
    expect(findCharge([refundLine('led_r', '2026-03-06', 100, 'led_a')], { chargeId: 'led_r' })).toBeNull();
  });
});
