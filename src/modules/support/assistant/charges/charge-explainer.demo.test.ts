import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_MEMBERS, type BillingModule, type MembershipView } from '../../../billing/index.ts';
import { openTestApp, type TestApp } from '../../../../platform/testing/test-app.ts';
import { describeEachDatabase } from '../../../../platform/testing/test-database.ts';
import type { SameCardMembership } from '../../support.ports.ts';
import { explainCharges, type ChargeExplanation } from './charge-explainer.ts';

const TODAY = '2026-11-27';

/** The Reelhouse demo as `npm start` seeds it, read through billing's service the way the support port will. */
describeEachDatabase('explaining the demo members\' charges', (open) => {
  let t: TestApp;
  let billing: BillingModule;
  beforeAll(async () => {
    t = await openTestApp({ today: TODAY, demo: true, database: await open() });
    billing = t.app.modules.find((module) => module.name === 'billing') as unknown as BillingModule;
  });
  afterAll(() => t.close());

  const emailOf = (accountId: string) => DEMO_MEMBERS.find((member) => member.accountId === accountId)?.email ?? '';
  const mask = (email: string) => `${email.slice(0, 2)}…@${email.split('@')[1]}`;

  async function viewOf(accountId: string): Promise<MembershipView> {
    const view = await billing.service.findByAccount(accountId);
    if (!view) throw new Error(`no demo membership for ${accountId}`);
    return view;
  }

  async function explain(accountId: string, question?: { amount?: number; date?: string; text?: string }): Promise<ChargeExplanation> {
    const view = await viewOf(accountId);
    const others = await billing.service.membershipsSharingCard(view.id);
    const sameCard: SameCardMembership[] = others.map((other) => ({
      membershipId: other.id, accountId: other.account_id, email: emailOf(other.account_id), maskedEmail: mask(emailOf(other.account_id)),
      createdAt: `${other.ledger[0]?.date ?? TODAY}T00:00:00.000Z`, membership: other,
    }));
    return explainCharges({ membership: view, sameCard, today: TODAY, question, catalog: billing.catalog });
  }

  it('links only the demo accounts that really pay with the same card: Ben\'s two', async () => {
    const sharing: Record<string, string[]> = {};
    for (const member of DEMO_MEMBERS) {
      const view = await viewOf(member.accountId);
      const others = await billing.service.membershipsSharingCard(view.id);
      if (others.length > 0) sharing[member.accountId] = others.map((other) => other.account_id);
    }
    expect(sharing).toEqual({ acct_demo_ben: ['acct_demo_ben_tv'], acct_demo_ben_tv: ['acct_demo_ben'] });
  });

  it('shows Ben the second account on his card, its login masked, its plan and its charges', async () => {
    const tv = await viewOf('acct_demo_ben_tv');
    const latest = tv.ledger.filter((line) => line.type === 'charge').at(-1)!;
    const result = await explain('acct_demo_ben', { amount: latest.amount, date: latest.date, text: 'I am charged twice every month' });
    expect(result).toMatchObject({ explained: true, disputedCharge: { id: latest.id, account: 'other' } });
    const second = result.findings[0];
    expect(second).toMatchObject({ cause: 'second_account_same_card', aboutDisputedCharge: true, data: { accountId: 'acct_demo_ben_tv', maskedEmail: 'be…@demo.reelhouse.example', plan: 'basic' } });
    expect(second.explanation).toContain('card ending 4444');
    expect(second.explanation).toContain('Basic plan');
    expect(second.evidence.lines.some((line) => line.account === 'other' && line.id === latest.id)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('ben.okafor.tv@');
  });

  it('shows Hugo the cancellation, the restart and the device that restarted it', async () => {
    const result = await explain('acct_demo_hugo', { text: 'I cancelled months ago but was charged again' });
    const restart = result.findings.find((finding) => finding.cause === 'restarted_by_someone_else');
    expect(restart).toMatchObject({ data: { restartedOn: '2026-11-21', restart: 'restarted', actor: { deviceName: 'Living room TV', deviceId: 'dev_demo_hugo_tv' } } });
    expect(restart?.data.canceledOn).toMatch(/^2026-09-/);
    expect(restart?.explanation).toContain('"Living room TV"');
    expect(restart?.evidence.lines).toMatchObject([{ reason: 'restart', date: '2026-11-21' }]);
    expect(result.findings[0].cause).toBe('restarted_by_someone_else');
    expect(result.cancellation).toMatchObject({ state: 'withdrawn', restartedOn: '2026-11-21' });
  });

  it('finds each demo story\'s cause from the data', async () => {
    const causes = async (accountId: string) => (await explain(accountId)).findings.map((finding) => finding.cause);
    expect(await causes('acct_demo_ava')).toContain('upgrade_proration');
    expect(await causes('acct_demo_chloe')).toContain('extra_member_slot');
    expect(await causes('acct_demo_dev')).toContain('price_change');
    expect(await causes('acct_demo_emi')).toEqual(['partner_billing']);
    expect(await causes('acct_demo_grace')).toEqual(expect.arrayContaining(['failed_payment_retry', 'temporary_authorization']));
    expect(await causes('acct_demo_jade')).toContain('billing_day_adjusted');
    expect((await explain('acct_demo_ines')).cancellation).toMatchObject({ state: 'pending', finalServiceDate: expect.any(String) });
  });

  it('tells each demo member\'s next charge from the plan, the slots, the price change and the tax', async () => {
    const next = async (accountId: string) => (await explain(accountId)).upcoming;
    expect(await next('acct_demo_ava')).toMatchObject({ date: '2026-12-15', amount: 2755, tax: 256, plan: 'premium', kind: 'renewal', basis: 'catalog' });
    expect(await next('acct_demo_chloe')).toMatchObject({ date: '2026-12-11', amount: 2598, extraMembers: 1, taxMode: 'inclusive' });
    expect(await next('acct_demo_dev')).toMatchObject({ date: '2026-11-30', amount: 2372 });
    expect(await next('acct_demo_finn')).toMatchObject({ date: '2026-12-19', amount: 1299, kind: 'resume' });
    expect(await next('acct_demo_grace')).toMatchObject({ date: '2026-11-28', amount: 1947, kind: 'retry', finalRetry: '2026-12-02' });
    expect(await next('acct_demo_jade')).toMatchObject({ date: '2026-11-30', amount: 1101 });
    expect(await next('acct_demo_emi')).toBeNull();
    expect(await next('acct_demo_ines')).toBeNull();
    expect((await explain('acct_demo_ines')).offer).toMatchObject({ country: 'Brazil', extraMembersInCountry: false });
  });
});
