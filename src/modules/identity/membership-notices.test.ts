import { describe, expect, it } from 'vitest';
import type { MembershipNotice } from '../billing/index.ts';
import { describeMembershipNotice } from './membership-notices.ts';

const notice = (type: MembershipNotice['type'], details: MembershipNotice['details'] = {}): MembershipNotice =>
  ({ accountId: 'acct_1', membershipId: 'mem_1', date: '2026-03-10', type, details, currency: 'EUR' });

describe('membership confirmation messages', () => {
  it('states the final service date of a cancellation and the resume date of a pause', () => {
    expect(describeMembershipNotice(notice('cancel_requested', { access_until: '2026-04-02' }), 'Reelhouse')?.body).toContain('until 2 April 2026, your final service date');
    expect(describeMembershipNotice(notice('pause_scheduled', { starts: '2026-04-02', resumes: '2026-06-02', months: 2 }), 'Reelhouse')?.body)
      .toContain('pauses on 2 April 2026 and resumes on 2 June 2026');
  });

  it('spells out what was charged, in the currency of the membership', () => {
    expect(describeMembershipNotice(notice('restarted', { plan: 'premium', charged: 1799 }), 'Reelhouse')?.body).toContain('We charged €17.99.');
    expect(describeMembershipNotice(notice('extra_member_added', { charged: 0 }), 'Reelhouse')?.body).not.toContain('charged €');
  });

  it('covers every change PRODUCT.md asks to confirm, and stays quiet for planned transitions', () => {
    for (const type of ['joined', 'plan_changed', 'cancel_requested', 'pause_scheduled', 'restarted', 'extra_member_added', 'extra_member_removed', 'payment_method_updated'] as const) {
      expect(describeMembershipNotice(notice(type), 'Reelhouse'), type).not.toBeNull();
    }
    for (const type of ['paused', 'resumed', 'price_change_announced'] as const) expect(describeMembershipNotice(notice(type), 'Reelhouse')).toBeNull();
  });
});
