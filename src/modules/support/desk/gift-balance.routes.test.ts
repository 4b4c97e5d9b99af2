import { afterAll, expect, it } from 'vitest';
import type { MembershipView } from '../../billing/index.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { charge, membership, snapshotOf } from './testing/desk-fakes.ts';
import { openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

type Line = MembershipView['ledger'][number] & { gift?: number | null };
const giftCard = (id: string, date: string, amount: number): Line => ({ id, date, type: 'gift_card', reason: null, amount, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: null });

/** Gina redeemed $25.00; February's and March's renewals used it up ($15.49, then $9.51 of $15.49). */
function gina() {
  const ledger: Line[] = [charge('led_jan', '2026-01-05', 1549), giftCard('led_gift', '2026-01-20', 2500), { ...charge('led_feb', '2026-02-05', 1549), gift: 1549 }, { ...charge('led_mar', '2026-03-05', 1549), gift: 951 }];
  const view = membership('mem_gina', 'acct_gina', ledger);
  view.state = { ...view.state, gift_balance: 0 };
  return new Map([['acct_gina', snapshotOf('acct_gina', view, { account: { id: 'acct_gina', name: 'Gina Okafor', email: 'gina@demo.reelhouse.example', country: 'US', language: 'en', role: 'owner', ownerAccountId: 'acct_gina' } })]]);
}

const restore = (overrides: Record<string, unknown> = {}) => ({ amount: 951, reason: 'The March renewal should have gone on her card', idempotency_key: 'restore-key-0001', ...overrides });

describeEachDatabase('agent desk: restoring a gift balance', (open) => {
  const apps: DeskTestApp[] = [];
  const withGina = async () => {
    const app = await openDeskTestApp(await open(), { accounts: gina(), codes: { '333333': 'acct_gina' } });
    apps.push(app);
    const handed = await app.handOff({ queue: 'billing', accountId: 'acct_gina' });
    return { app, ...handed, url: `/api/desk/cases/${handed.caseId}` };
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('shows the gift balance only after verification, and the restore only to a supervisor', async () => {
    const { app, url } = await withGina();
    const sam = await app.agent('sam');
    expect((await sam.get(url)).json().gift_balance).toBeNull();
    await sam.post(`${url}/verify`, { code: '333333' });
    const after = (await sam.get(url)).json();
    expect(after.gift_balance).toEqual({ redeemed: 2500, balance: 0, restorable: 2500, currency: 'USD', can_restore: false });
    expect(after.account.membership.ledger.find((line: Line) => line.id === 'led_mar').gift).toBe(951);
    const morgan = await app.agent('morgan');
    expect((await morgan.get(url)).json().gift_balance.can_restore).toBe(true);
  });

  it('refuses an agent without the supervisor role: nothing is restored or recorded', async () => {
    const { app, url } = await withGina();
    const sam = await app.agent('sam');
    await sam.post(`${url}/verify`, { code: '333333' });
    const refused = await sam.post(`${url}/actions/restore-gift-balance`, restore());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SUPERVISOR_ONLY');
    expect(app.account.calls.filter((call) => call.action === 'restore_gift_balance')).toEqual([]);
    const detail = (await sam.get(url)).json();
    expect(detail.audit.map((entry: { action: string }) => entry.action)).not.toContain('restore_gift_balance');
  });

  it('lets a supervisor restore with a reason, once per key, audited with who, when and why, in the case history and told to the member', async () => {
    const { app, url } = await withGina();
    const morgan = await app.agent('morgan');
    expect((await morgan.post(`${url}/actions/restore-gift-balance`, restore())).json().error.code).toBe('VERIFICATION_REQUIRED');
    await morgan.post(`${url}/verify`, { code: '333333' });
    const done = await morgan.post(`${url}/actions/restore-gift-balance`, restore());
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ membership_id: 'mem_gina', amount: 951, currency: 'USD', balance: 951, restored_by: 'Morgan Lee', repeated: false });
    expect((await morgan.post(`${url}/actions/restore-gift-balance`, restore())).json()).toMatchObject({ amount: 951, repeated: true });
    expect(app.account.calls.filter((call) => call.action === 'restore_gift_balance')).toHaveLength(1);

    const detail = (await morgan.get(url)).json();
    const entry = detail.audit.find((item: { action: string }) => item.action === 'restore_gift_balance');
    expect(entry).toMatchObject({ agent: { name: 'Morgan Lee' }, details: { amount: 951, reason: 'The March renewal should have gone on her card', restored_by: 'Morgan Lee' } });
    expect(Date.parse(entry.at)).not.toBeNaN();
    const step = detail.steps.find((item: { kind: string }) => item.kind === 'gift_balance_restored');
    expect(step.summary).toBe('Restored $9.51 to the gift balance by Morgan Lee (supervisor), because: “The March renewal should have gone on her card”. Balance now $9.51.');
    expect(detail.gift_balance).toMatchObject({ balance: 951, restorable: 1549 });
    expect(app.chat.messages.at(-1)?.body).toContain('We’ve added $9.51 back to your gift balance');
  });

  it('refuses more than the gift cards added, and a missing reason, with a 4xx naming the field', async () => {
    const { app, url } = await withGina();
    const morgan = await app.agent('morgan');
    await morgan.post(`${url}/verify`, { code: '333333' });
    const tooMuch = await morgan.post(`${url}/actions/restore-gift-balance`, restore({ amount: 2501 }));
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error).toMatchObject({ code: 'GIFT_RESTORE_TOO_MUCH', field: 'amount' });
    const noReason = await morgan.post(`${url}/actions/restore-gift-balance`, restore({ reason: '' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('body.reason');
  });
});
