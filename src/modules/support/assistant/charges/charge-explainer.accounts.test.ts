import { describe, expect, it } from 'vitest';
import { explainCharges, type ChargeCause, type ChargeExplanation, type ChargeQuestion } from './charge-explainer.ts';
import { TEST_CATALOG, allTexts, charge, event, membership, refund, sameCard } from './charge-fixtures.ts';

const explain = (input: Omit<ChargeQuestion, 'sameCard' | 'catalog'> & Partial<ChargeQuestion>) => explainCharges({ sameCard: [], catalog: TEST_CATALOG, ...input });
const finding = (result: ChargeExplanation, cause: ChargeCause) => result.findings.find((item) => item.cause === cause);

const mine = (ledger = [
  charge('2026-01-05', 'signup', 1959, 160, '2026-02-05'),
  charge('2026-02-05', 'renewal', 1959, 160, '2026-03-05'),
  charge('2026-03-05', 'renewal', 1959, 160, '2026-04-05'),
]) => membership({ account: 'acct_mine', region: 'NY', last4: '4444', state: { anchor: '2026-01-05', next_billing_date: '2026-04-05' }, ledger });

describe('a second account on the same card', () => {
  const tv = membership({
    account: 'acct_tv', region: 'NY', last4: '4444', state: { plan: 'basic', anchor: '2026-01-20', next_billing_date: '2026-04-20' },
    ledger: [charge('2026-01-20', 'signup', 1088, 89, '2026-02-20'), charge('2026-02-20', 'renewal', 1088, 89, '2026-03-20'), charge('2026-03-20', 'renewal', 1088, 89, '2026-04-20', { id: 'led_tv_mar' })],
  });

  it('finds the charge asked about on the other login, and says how to stop it without promising money back', () => {
    const result = explain({ membership: mine(), sameCard: [sameCard(tv, 'sam.tv@example.com')], today: '2026-03-25', question: { amount: 1088, date: '2026-03-23', text: 'I am charged twice every month' } });
    expect(result).toMatchObject({ explained: true, disputedCharge: { id: 'led_tv_mar', account: 'other', membershipId: tv.id } });
    const second = result.findings[0];
    expect(second).toMatchObject({ cause: 'second_account_same_card', aboutDisputedCharge: true, data: { accountId: 'acct_tv', maskedEmail: 'sa…@example.com', plan: 'basic', status: 'active' } });
    expect(second.explanation).toContain('card ending 4444');
    expect(second.explanation).toContain('$10.88 on January 20, 2026, February 20, 2026 and March 20, 2026');
    expect(second.explanation).toContain('cancelling it stops its charges');
    expect(second.evidence.lines.filter((line) => line.account === 'other')).toHaveLength(3);
    expect(allTexts(result).join(' ')).not.toContain('sam.tv@example.com');
    expect(result.suggestedHandOff).toMatchObject({ queue: 'billing', reason: 'needs_agent' });
  });

  it('sees two identical charges a day apart as the same charge twice', () => {
    const twin = membership({ account: 'acct_twin', region: 'NY', state: { anchor: '2026-01-06' }, ledger: [charge('2026-03-06', 'renewal', 1959, 160, '2026-04-06')] });
    const result = explain({ membership: mine(), sameCard: [sameCard(twin, 'twin@example.com')], today: '2026-03-25', question: { amount: 1959, date: '2026-03-05' } });
    expect(result.disputedCharge?.account).toBe('this');
    expect(finding(result, 'second_account_same_card')).toMatchObject({ aboutDisputedCharge: true, data: { sameDays: ['2026-03-05'] } });
  });

  it('says a cancelled second membership will not be charged again, and leaves out one with no recent charges', () => {
    const cancelled = membership({ account: 'acct_old', region: 'NY', state: { status: 'canceled_pending', access_until: '2026-04-20' }, ledger: tv.ledger });
    const dormant = membership({ account: 'acct_dormant', region: 'NY', state: { status: 'canceled' }, ledger: [charge('2025-06-01', 'signup', 1088, 89, '2025-07-01')] });
    const result = explain({ membership: mine(), sameCard: [sameCard(cancelled, 'old@example.com'), sameCard(dormant, 'dormant@example.com')], today: '2026-03-25' });
    const found = result.findings.filter((item) => item.cause === 'second_account_same_card');
    expect(found).toHaveLength(1);
    expect(found[0].explanation).toContain('already cancelled, with service until April 20, 2026');
    expect(result.suggestedHandOff).toBeNull();
  });
});

describe('a membership restarted after a cancellation', () => {
  const restarted = (actor?: Record<string, string>) => membership({
    state: { plan: 'premium', anchor: '2026-04-20', next_billing_date: '2026-05-20' },
    ledger: [
      charge('2026-01-15', 'signup', 2755, 256, '2026-02-15'),
      charge('2026-02-15', 'renewal', 2755, 256, '2026-03-15'),
      charge('2026-04-20', 'restart', 2755, 256, '2026-05-20', { id: 'led_restart' }),
    ],
    events: [
      event('2026-01-15', 'joined', { plan: 'premium' }),
      event('2026-02-20', 'cancel_requested', { access_until: '2026-03-15' }),
      event('2026-03-15', 'canceled', { reason: 'member' }),
      event('2026-04-20', 'restarted', { plan: 'premium', charged: 2755, ...(actor ? { actor } : {}) }),
    ],
  });

  it('shows the cancel date, the restart date and the device that restarted it', () => {
    const view = restarted({ device_name: 'Bedroom TV', device_id: 'dev_bedroom', via: 'tv_app' });
    const result = explain({ membership: view, today: '2026-04-25', question: { amount: 2755, text: 'I cancelled but was charged again' } });
    expect(result.disputedCharge?.id).toBe('led_restart');
    const restart = result.findings[0];
    expect(restart).toMatchObject({
      cause: 'restarted_by_someone_else', aboutDisputedCharge: true,
      data: { canceledOn: '2026-02-20', endedOn: '2026-03-15', restartedOn: '2026-04-20', actor: { deviceName: 'Bedroom TV', deviceId: 'dev_bedroom', via: 'tv_app' } },
    });
    expect(restart.explanation).toContain('restarted from the device "Bedroom TV"');
    expect(restart.explanation).toMatch(/devices signed in to your account/);
    expect(restart.explanation).toMatch(/security review/);
    expect(result.cancellation).toMatchObject({ state: 'withdrawn', requestedOn: '2026-02-20', endedOn: '2026-03-15', restartedOn: '2026-04-20', chargesAfter: [{ id: 'led_restart' }] });
  });

  it('says so when no device was recorded, and counts a withdrawn cancellation followed by a renewal', () => {
    expect(finding(explain({ membership: restarted(), today: '2026-04-25' }), 'restarted_by_someone_else')?.explanation).toContain('There is no record of which device');
    const withdrawn = membership({
      state: { plan: 'premium', anchor: '2026-01-15', next_billing_date: '2026-04-15' },
      ledger: [charge('2026-01-15', 'signup', 2755, 256, '2026-02-15'), charge('2026-02-15', 'renewal', 2755, 256, '2026-03-15'), charge('2026-03-15', 'renewal', 2755, 256, '2026-04-15')],
      events: [event('2026-02-20', 'cancel_requested', { access_until: '2026-03-15' }), event('2026-03-01', 'cancellation_withdrawn', { actor: { device_id: 'dev_phone', account_id: 'acct_t' } })],
    });
    const restart = finding(explain({ membership: withdrawn, today: '2026-03-20' }), 'restarted_by_someone_else');
    expect(restart).toMatchObject({ data: { restart: 'cancellation_withdrawn', restartedOn: '2026-03-01', endedOn: null } });
    expect(restart?.explanation).toContain('the cancellation was withdrawn from one of the devices signed in to your account');
    expect(restart?.explanation).toContain('$27.55 on March 15, 2026');
  });

  it('finds nothing to say when the membership was never cancelled', () => {
    expect(finding(explain({ membership: mine(), today: '2026-03-25' }), 'restarted_by_someone_else')).toBeUndefined();
  });
});

describe('a charge the ledger cannot explain, and the cancellation state', () => {
  it('says it was not found, advises securing the account and disputing with the bank, and hands off to billing', () => {
    const result = explain({ membership: mine(), today: '2026-03-25', question: { amount: 5500, date: '2026-03-20' } });
    expect(result).toMatchObject({ explained: false, disputedCharge: null, suggestedHandOff: { queue: 'billing', reason: 'unexplained_charge' } });
    expect(result.findings[0]).toMatchObject({ cause: 'none_found', aboutDisputedCharge: true, data: { askedAmount: 5500, askedDate: '2026-03-20' } });
    expect(result.findings[0].explanation).toContain('$55.00 around March 20, 2026');
    expect(result.advice.join(' ')).toMatch(/password/);
    expect(result.advice.join(' ')).toMatch(/sign out of all devices/);
    expect(result.advice.join(' ')).toMatch(/bank/);
  });

  it('does not match an amount that only appears outside the days before the statement date', () => {
    const result = explain({ membership: mine(), today: '2026-03-25', question: { amount: 1959, date: '2026-03-20' } });
    expect(result.explained).toBe(false);
  });

  it('answers an account with no membership without inventing charges', () => {
    const result = explain({ membership: null, today: '2026-03-25', question: { amount: 1959 } });
    expect(result).toMatchObject({ explained: false, membershipId: null, cancellation: { state: 'none' } });
    expect(result.findings.map((item) => item.cause)).toEqual(['none_found']);
  });

  it('confirms a pending cancellation with the final service date when a charge came before it', () => {
    const view = membership({
      country: 'GB', state: { status: 'canceled_pending', anchor: '2026-01-08', access_until: '2026-04-08' },
      ledger: [charge('2026-01-08', 'signup', 1299, 216, '2026-02-08', { currency: 'GBP' }), charge('2026-02-08', 'renewal', 1299, 216, '2026-03-08', { currency: 'GBP' }), charge('2026-03-08', 'renewal', 1299, 216, '2026-04-08', { currency: 'GBP', id: 'led_mar' })],
      events: [event('2026-03-20', 'cancel_requested', { access_until: '2026-04-08' })],
    });
    const result = explain({ membership: view, today: '2026-03-25', question: { amount: 1299, date: '2026-03-10', text: 'I cancelled but was charged' } });
    expect(result.disputedCharge?.id).toBe('led_mar');
    expect(result.cancellation).toMatchObject({ state: 'pending', requestedOn: '2026-03-20', finalServiceDate: '2026-04-08', chargesAfter: [] });
    expect(result.cancellation.explanation).toContain('keep watching until April 8, 2026');
    expect(finding(result, 'regular_charge')?.explanation).toContain('monthly renewal of your Standard plan on March 8, 2026');
    expect(result.summary).toContain(result.cancellation.explanation);
  });

  it('tells a refund apart from a charge', () => {
    const signup = charge('2026-01-05', 'signup', 1959, 160, '2026-02-05');
    const view = mine([signup, refund('2026-03-10', signup, 500, 41)]);
    const result = explain({ membership: view, today: '2026-03-25', question: { amount: 500, date: '2026-03-11' } });
    expect(result.disputedCharge).toMatchObject({ type: 'refund', amount: 500 });
    expect(finding(result, 'regular_charge')?.explanation).toContain('refund of $5.00');
  });
});

describe('charges no specific cause claims', () => {
  it('still describes the line asked about from its reason', () => {
    // A restart with no cancellation in the events (history from before events were kept).
    const view = mine([charge('2026-03-10', 'restart', 1959, 160, '2026-04-10', { id: 'led_bare_restart' })]);
    const result = explain({ membership: view, today: '2026-03-25', question: { amount: 1959, date: '2026-03-10' } });
    expect(result).toMatchObject({ explained: true, disputedCharge: { id: 'led_bare_restart' } });
    expect(finding(result, 'regular_charge')).toMatchObject({ aboutDisputedCharge: true, headline: expect.stringContaining('charge for restarting the membership') });
  });

  it('leaves out a date that is not a date instead of failing', () => {
    const result = explain({ membership: mine(), today: '2026-03-25', question: { amount: 1959, date: '2026-02-30' } });
    expect(result.question).toEqual({ amount: 1959 });
    expect(result.disputedCharge?.date).toBe('2026-03-05');
  });
});

describe('every explanation', () => {
  const cases: ChargeQuestion[] = [
    { membership: mine(), sameCard: [], today: '2026-03-25', question: { amount: 1959, date: '2026-03-06' } },
    { membership: mine(), sameCard: [], today: '2026-03-25', question: { amount: 4242, date: '2026-03-01' } },
    { membership: mine(), sameCard: [sameCard(mine(), 'x@example.com')], today: '2026-03-25' },
    { membership: membership({ partner: 'Bluebird Cable' }), sameCard: [], today: '2026-03-25', question: { text: 'charged by my cable company' } },
  ];

  it('is plain JSON, and never promises a refund', () => {
    for (const input of cases) {
      const result = explainCharges({ ...input, catalog: TEST_CATALOG });
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      for (const text of allTexts(result)) expect(text).not.toMatch(/will (be )?refund|we('ll| will) (give|pay) (you )?(it |your money )?back|guarantee/i);
      expect(result.summary.length).toBeGreaterThan(0);
    }
  });

  it('works without a catalog, with fewer details', () => {
    const result = explainCharges({ membership: mine(), sameCard: [], today: '2026-03-25', question: { amount: 1959 } });
    expect(result.explained).toBe(true);
    expect(finding(result, 'taxes')?.explanation).toContain('$1.60 is tax');
  });
});
