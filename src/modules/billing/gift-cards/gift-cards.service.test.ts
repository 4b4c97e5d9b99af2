import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.ts';
import { describeEachDatabase, openPeerDatabase } from '../../../platform/testing/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { createBillingModule, loadCatalog } from '../index.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { createSimulatedProvider } from '../payments/simulated-provider.ts';
import { openBillingKit, VISA } from '../testing/billing-test-kit.ts';

/** The simulated provider, recording what it was asked, and declining every charge while `failing`. */
function recordingProvider() {
  const base = createSimulatedProvider();
  const state = { failing: false, charges: [] as number[], refunds: [] as number[] };
  const provider: PaymentProvider = {
    ...base,
    async charge(request) {
      state.charges.push(request.amount);
      return state.failing ? { status: 'declined', reference: '', declineCode: 'card_declined' } : base.charge(request);
    },
    async refund(request) {
      state.refunds.push(request.amount);
      return base.refund(request);
    },
  };
  return { provider, state };
}

async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, status: error.status, message: error.message };
}

describeEachDatabase('gift cards on the server', (open, kind) => {
  // US WA standard: 1799 + 10.25 % = 1983 (tax 184).
  async function kitWithMember(options: { balance?: number } = {}) {
    const recording = recordingProvider();
    const kit = await openBillingKit(open, { today: '2026-01-10', provider: recording.provider });
    await kit.billing.service.join({ accountId: 'acct_us', country: 'US', region: 'WA', plan: 'standard', payment: { card: VISA } });
    const giftCards = kit.billing.giftCards;
    if (options.balance) {
      const [code] = await giftCards.issue({ amount: options.balance, currency: 'USD', count: 1 });
      await giftCards.redeem({ accountId: 'acct_us', code });
    }
    return { ...kit, giftCards, recording };
  }

  it('keeps only a keyed hash of each code: no column of any row holds the code', async () => {
    const { database, giftCards } = await kitWithMember();
    const codes = await giftCards.issue({ amount: 2500, currency: 'USD', count: 3 });
    const { rows } = await sql<{ row: string }>`SELECT t::text AS row FROM billing_gift_cards t`.execute(database.db);
    expect(rows).toHaveLength(3);
    for (const code of codes) {
      const bare = code.replace(/-/g, '');
      expect(rows.some((r) => r.row.includes(bare) || r.row.includes(code))).toBe(false);
    }
  });

  it('redeems a code typed with spaces, in small letters, or without dashes, and adds its value to the balance', async () => {
    const { giftCards } = await kitWithMember();
    const [code] = await giftCards.issue({ amount: 2500, currency: 'USD', count: 1 });
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const view = await giftCards.redeem({ accountId: 'acct_us', code: typed });
    expect(view.state.gift_balance).toBe(2500);
    expect(view.ledger.at(-1)).toMatchObject({ type: 'gift_card', amount: 2500, currency: 'USD' });
    expect(view.gift).toMatchObject({ balance: 2500, price_per_period: 1983, periods_covered: 1, runs_out_on: '2026-03-10', paid_of_last: 517 });
  });

  it('refuses, in the contract’s order, without using up the code: wrong currency, partner billing, already used', async () => {
    const { billing, giftCards } = await kitWithMember();
    await billing.service.join({ accountId: 'acct_gb', country: 'GB', region: 'ENG', plan: 'basic', payment: { card: VISA } });
    await billing.service.join({ accountId: 'acct_p', country: 'US', region: 'WA', plan: 'basic', payment: { partner: 'Northwind Mobile' } });
    const [code] = await giftCards.issue({ amount: 1000, currency: 'USD', count: 1 });
    expect(await refusalOf(giftCards.redeem({ accountId: 'acct_gb', code }))).toMatchObject({ code: 'GIFT_CARD_CURRENCY', status: 422, message: expect.stringMatching(/another country/) });
    const partner = await refusalOf(giftCards.redeem({ accountId: 'acct_p', code }));
    expect(partner).toMatchObject({ code: 'BILLED_BY_PARTNER', status: 409 });
    expect(partner.message).toContain('Northwind Mobile');
    expect((await giftCards.redeem({ accountId: 'acct_us', code })).state.gift_balance).toBe(1000);
    expect(await refusalOf(giftCards.redeem({ accountId: 'acct_us', code }))).toMatchObject({ code: 'GIFT_CARD_USED', status: 409, message: expect.stringMatching(/balance/) });
    expect(await refusalOf(giftCards.redeem({ accountId: 'acct_us', code: 'not a code' }))).toMatchObject({ code: 'GIFT_CARD_CODE_INVALID', status: 422 });
    expect(await refusalOf(giftCards.redeem({ accountId: 'acct_us', code: 'ABCD-EFGH-JKLM-NPQR' }))).toMatchObject({ code: 'GIFT_CARD_NOT_FOUND', status: 404 });
  });

  it('lets exactly one of two redeems of one code sent at the same moment succeed, on two accounts and on one', async () => {
    const { database, billing, giftCards, clock } = await kitWithMember();
    await billing.service.join({ accountId: 'acct_us2', country: 'US', region: 'WA', plan: 'basic', payment: { card: VISA } });
    // A second pool stands in for a second server process (on PGlite, the same database).
    const peer: Database = await openPeerDatabase(database);
    const other = createBillingModule({ db: peer.db, clock, catalog: loadCatalog('config/catalog.json') }).giftCards;
    try {
      for (const accounts of [['acct_us', 'acct_us2'], ['acct_us', 'acct_us']]) {
        const [code] = await giftCards.issue({ amount: 700, currency: 'USD', count: 1 });
        const results = await Promise.allSettled([giftCards.redeem({ accountId: accounts[0], code }), other.redeem({ accountId: accounts[1], code })]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failure = results.find((r) => r.status === 'rejected');
        expect((failure as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^(GIFT_CARD_USED|CONFLICT)$/) });
        const lines = await sql<{ n: number }>`SELECT count(*)::int AS n FROM billing_ledger WHERE type = 'gift_card' AND amount = 700`.execute(database.db);
        expect(lines.rows[0].n).toBe(1);
        await sql`DELETE FROM billing_ledger WHERE type = 'gift_card' AND amount = 700`.execute(database.db);
      }
      const balances = await sql<{ total: number }>`SELECT sum(gift_balance)::int AS total FROM billing_memberships`.execute(database.db);
      expect(balances.rows[0].total).toBe(1400);
    } finally {
      if (kind === 'postgres') await peer.close();
    }
  });

  it('pays the billing run’s renewal from the balance first and charges the card only the rest', async () => {
    const { billing, clock, recording } = await kitWithMember({ balance: 500 });
    clock.set('2026-02-10');
    recording.state.charges.length = 0;
    await billing.runDay();
    const view = await billing.service.findByAccount('acct_us');
    expect(view?.ledger.at(-1)).toMatchObject({ type: 'charge', reason: 'renewal', amount: 1983, gift: 500 });
    expect(recording.state.charges).toEqual([1483]);
    expect(view?.state.gift_balance).toBe(0);
  });

  it('does not charge the card at all when the balance covers the renewal, even a failing card; takes nothing when the rest is declined', async () => {
    const covered = await kitWithMember({ balance: 2000 });
    covered.recording.state.failing = true;
    covered.clock.set('2026-02-10');
    covered.recording.state.charges.length = 0;
    await covered.billing.runDay();
    expect(covered.recording.state.charges).toEqual([]);
    expect((await covered.billing.service.findByAccount('acct_us'))?.state).toMatchObject({ status: 'active', gift_balance: 17 });

    const declined = await kitWithMember({ balance: 500 });
    declined.recording.state.failing = true;
    declined.clock.set('2026-02-10');
    await declined.billing.runDay();
    const view = await declined.billing.service.findByAccount('acct_us');
    expect(view?.ledger.at(-1)).toMatchObject({ type: 'payment_failed', amount: 1983 });
    expect(view?.state).toMatchObject({ status: 'on_hold', gift_balance: 500 });
  });

  it('retries at once when a card is redeemed on hold: gift_card line, then the paying retry', async () => {
    const { billing, giftCards, clock, recording } = await kitWithMember();
    recording.state.failing = true;
    clock.set('2026-02-10');
    await billing.runDay();
    clock.set('2026-02-12');
    const [code] = await giftCards.issue({ amount: 3000, currency: 'USD', count: 1 });
    const view = await giftCards.redeem({ accountId: 'acct_us', code });
    expect(view.ledger.slice(-2)).toMatchObject([{ type: 'gift_card', amount: 3000 }, { type: 'charge', reason: 'payment_retry', amount: 1983, gift: 1983 }]);
    expect(view.state).toMatchObject({ status: 'active', anchor: '2026-02-12', gift_balance: 1017 });
  });

  it('refunds to the card up to what it paid of the charge, the rest to the balance', async () => {
    const { billing, clock, recording } = await kitWithMember({ balance: 500 });
    clock.set('2026-02-10');
    await billing.runDay();
    const membership = await billing.service.findByAccount('acct_us');
    const first = await billing.service.refund({ membershipId: membership!.id, chargeDate: '2026-02-10', amount: 1500, idempotencyKey: 'refund-one' });
    expect(first.ledger.at(-1)).toMatchObject({ type: 'refund', amount: 1500, gift: 17 });
    expect(recording.state.refunds).toEqual([1483]);
    const rest = await billing.service.refund({ membershipId: membership!.id, chargeDate: '2026-02-10', idempotencyKey: 'refund-two' });
    expect(rest.ledger.at(-1)).toMatchObject({ type: 'refund', amount: 483, gift: 483 });
    expect(recording.state.refunds).toEqual([1483]);
    expect(rest.state.gift_balance).toBe(500);
  });

  it('says in the preview of an upgrade which part the gift balance pays and which the card', async () => {
    const { billing, clock } = await kitWithMember({ balance: 300 });
    clock.set('2026-01-25');
    const membership = await billing.service.findByAccount('acct_us');
    const preview = await billing.service.preview({ membershipId: membership!.id, action: { type: 'change_plan', plan: 'premium' } });
    expect(preview.charge).toMatchObject({ gift: 300 });
    expect(preview.consequence).toMatch(/Your gift balance pays \$3\.00 and your card \$\d+\.\d\d\./);
  });

  it('restores a balance for a supervisor once per key, kept with who and why, and redacted', async () => {
    const { billing, giftCards, database } = await kitWithMember();
    const membership = await billing.service.findByAccount('acct_us');
    const request = { membershipId: membership!.id, amount: 1500, reason: 'Card redeemed by someone else; card 4242 4242 4242 4242', restoredBy: 'agent_sup', idempotencyKey: 'restore-1' };
    expect((await giftCards.restoreGiftBalance(request)).state.gift_balance).toBe(1500);
    expect((await giftCards.restoreGiftBalance(request)).state.gift_balance).toBe(1500);
    const { rows } = await sql<{ reason: string; actor: string; balance_after: number }>`SELECT reason, actor, balance_after FROM billing_gift_adjustments`.execute(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'agent_sup', balance_after: 1500 });
    expect(rows[0].reason).not.toContain('4242 4242');
    // Not a contract ledger line.
    expect((await billing.service.findByAccount('acct_us'))?.ledger.some((line) => line.type === 'gift_card')).toBe(false);
    expect((await giftCards.balance('acct_us'))?.restores).toHaveLength(1);
  });
});
