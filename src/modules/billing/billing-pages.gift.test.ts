import { describe, expect, it } from 'vitest';
import { renderDemoMember } from './billing-pages.ts';
import type { MembershipView } from './membership-view.ts';
import type { DemoMember } from './seed/demo-members.ts';

const member: DemoMember = { accountId: 'acct_test_gift', name: 'Test Member', email: 'test@example.com', country: 'US', region: 'WA', story: 'Pays partly with a gift card.', steps: [] };

function view(ledger: MembershipView['ledger'], giftBalance: number): MembershipView {
  return {
    id: 'mem_test', account_id: member.accountId, country: 'US', region: 'WA', currency: 'USD', billed_by: { kind: 'direct' },
    state: { status: 'active', plan: 'standard', anchor: '2026-10-04', next_billing_date: '2026-12-04', access_until: null, extra_members: 0, gift_balance: giftBalance },
    pending_plan: null, pause: null, payment_method: null, ledger, events: [],
  };
}

const line = (partial: Partial<MembershipView['ledger'][number]> & Pick<MembershipView['ledger'][number], 'date' | 'type' | 'amount'>) => ({
  id: `led_${partial.date}_${partial.type}`, reason: null, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: null, ...partial,
});

describe('the demo member page with a gift card', () => {
  const page = renderDemoMember(member, view([
    line({ date: '2026-10-04', type: 'charge', reason: 'signup', amount: 1983, tax: 184, gift: 0 }),
    line({ date: '2026-10-20', type: 'gift_card', amount: 2500 }),
    line({ date: '2026-11-04', type: 'charge', reason: 'renewal', amount: 1983, tax: 184, gift: 1983 }),
  ], 517));

  it('shows the gift balance and the balance’s part of each charge in the table', () => {
    expect(page).toContain('<dt>Gift balance</dt><dd>$5.17</dd>');
    expect(page).toContain("<th class=\"num\">Gift balance's part</th>");
    expect(page).toMatch(/<td class="num">\+\$25\.00<\/td>/);
    expect(page).toMatch(/\$19\.83<\/td><td class="num">\$19\.83<\/td>/);
  });

  it('draws the redeemed card as a dot and the balance’s part of a charge in its own colour, each with a tooltip', () => {
    expect(page).toContain('gift card redeemed, $25.00 added to the gift balance');
    expect(page).toContain('$19.83 from the gift balance');
    expect(page).toMatch(/<circle [^>]*fill="#8a5a00"/);
  });

  it('shows no gift balance for a member who never had a gift card', () => {
    const plain = renderDemoMember(member, view([line({ date: '2026-10-04', type: 'charge', reason: 'signup', amount: 1983, tax: 184, gift: 0 })], 0));
    expect(plain).not.toContain('<dt>Gift balance</dt>');
  });
});
