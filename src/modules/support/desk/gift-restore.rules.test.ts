import { describe, expect, it } from 'vitest';
import { formatMoney, type MembershipView } from '../../billing/index.ts';
import { decideGiftRestore, giftFigures } from './gift-restore.rules.ts';
import { charge, membership } from './testing/desk-fakes.ts';

type Line = MembershipView['ledger'][number] & { gift?: number | null };
const giftCard = (id: string, date: string, amount: number): Line => ({ id, date, type: 'gift_card', reason: null, amount, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: null });
const paidFromBalance = (id: string, date: string, amount: number, gift: number): Line => ({ ...charge(id, date, amount), gift });

// $25.00 redeemed; February's $15.49 paid from it in full, March's $9.51 of $15.49: nothing left.
const usedUp = () => membership('mem_ava', 'acct_ava', [giftCard('led_gift', '2026-01-20', 2500), paidFromBalance('led_feb', '2026-02-05', 1549, 1549), paidFromBalance('led_mar', '2026-03-05', 1549, 951)]);
const decide = (o: Partial<Parameters<typeof decideGiftRestore>[0]> = {}) => decideGiftRestore({ role: 'supervisor', membership: usedUp(), amount: 951, reason: 'March renewal should have gone on the card', money: formatMoney, ...o });

describe('restoring a gift balance', () => {
  it('reads what the cards added, the balance and how much may be restored from the ledger, or billing’s own balance', () => {
    expect(giftFigures(usedUp())).toEqual({ redeemed: 2500, balance: 0, restorable: 2500, currency: 'USD' });
    const reported = usedUp();
    reported.state = { ...reported.state, gift_balance: 1000 };
    expect(giftFigures(reported)).toMatchObject({ balance: 1000, restorable: 1500 });
  });

  it('lets a supervisor restore up to what the cards added and is no longer on the balance', () => {
    expect(decide()).toMatchObject({ ok: true });
    expect(decide({ amount: 2500 })).toMatchObject({ ok: true });
    expect(decide({ amount: 2501 })).toMatchObject({ ok: false, code: 'GIFT_RESTORE_TOO_MUCH', field: 'amount', message: expect.stringContaining('At most $25.00 can be restored') });
  });

  it('refuses an agent without the supervisor role, whatever the amount', () => {
    expect(decide({ role: 'agent' })).toMatchObject({ ok: false, code: 'SUPERVISOR_ONLY', status: 403 });
  });

  it('refuses without a reason, without a gift card ever redeemed, and on a partner-billed membership', () => {
    expect(decide({ reason: 'oops' })).toMatchObject({ ok: false, field: 'reason' });
    expect(decide({ membership: membership('mem_c', 'acct_c', [charge('led_c', '2026-03-01', 999)]) })).toMatchObject({ ok: false, code: 'GIFT_RESTORE_NONE' });
    expect(decide({ membership: { ...usedUp(), billed_by: { kind: 'partner', partner: 'Skyline Mobile' } } })).toMatchObject({ ok: false, code: 'BILLED_BY_PARTNER' });
    expect(decide({ amount: 0 })).toMatchObject({ ok: false, field: 'amount' });
  });
});
