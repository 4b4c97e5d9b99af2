import { runBillingDay } from '../billing-run.ts';
import { findMembershipByAccount, type BillingDb } from '../billing.repository.ts';
import type { MembershipService } from '../membership.service.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { addDays, type IsoDate } from '../rules/calendar.ts';
import type { PriceBook } from '../rules/catalog.ts';
import type { GiftCardService } from '../gift-cards/gift-cards.service.ts';
import { DEMO_GIFT_CARDS, DEMO_LATER_MEMBERS, DEMO_MEMBERS, demoStepDate, type DemoMember, type DemoStep } from './demo-members.ts';

/**
 * Plays every demo member's story day by day through the real service and
 * billing run, so the demo ledger is exactly what the rules produce. Runs
 * once: a database that has the demo already is left alone.
 */
export async function seedDemoMembers(options: {
  db: BillingDb;
  provider: PaymentProvider;
  today: IsoDate;
  /** The service, bound to a clock the seeding moves day by day. */
  service: MembershipService;
  setDate: (date: IsoDate) => void;
  book: () => Promise<PriceBook>;
  /** Gift cards on the same moving clock; the demo cards are issued (once) before the stories play. */
  giftCards: GiftCardService;
}): Promise<{ seeded: boolean; members: number }> {
  await options.giftCards.issueKnown(DEMO_GIFT_CARDS);
  // Each group is seeded once, recognised by its first member: the later members reach a database seeded before them.
  const pending: DemoMember[] = [];
  for (const group of [DEMO_MEMBERS, DEMO_LATER_MEMBERS]) {
    if (!(await findMembershipByAccount(options.db, group[0].accountId))) pending.push(...group);
  }
  if (pending.length === 0) return { seeded: false, members: 0 };
  const steps = pending.flatMap((member) => member.steps.map((step) => ({ member, step, date: demoStepDate(member, step, options.today) })));
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const membershipIds = new Map<string, string>();
  let day = steps[0].date;
  for (const { member, step, date } of steps) {
    for (; day <= date; day = addDays(day, 1)) {
      options.setDate(day);
      await runBillingDay({ db: options.db, provider: options.provider, book: options.book, date: day });
    }
    options.setDate(date);
    await playStep(options, member, step, date, membershipIds);
  }
  for (; day <= options.today; day = addDays(day, 1)) {
    options.setDate(day);
    await runBillingDay({ db: options.db, provider: options.provider, book: options.book, date: day });
  }
  options.setDate(options.today);
  return { seeded: true, members: pending.length };
}

async function playStep(options: { service: MembershipService; giftCards: GiftCardService }, member: DemoMember, step: DemoStep, date: IsoDate, ids: Map<string, string>): Promise<void> {
  const { service } = options;
  const membershipId = ids.get(member.accountId) ?? '';
  switch (step.do) {
    case 'join': {
      const payment = step.partner ? { partner: step.partner } : { card: step.card! };
      const view = await service.join({ accountId: member.accountId, country: member.country, region: member.region, plan: step.plan, payment });
      ids.set(member.accountId, view.id);
      return;
    }
    case 'act':
      await service.act({ membershipId, action: step.action, actor: step.actor });
      return;
    case 'update_card':
      await service.updatePaymentMethod({ membershipId, card: step.card });
      return;
    case 'price_change':
      await service.announcePriceChange({ country: member.country, plan: step.plan, price: step.price, effective: addDays(date, step.effectiveInDays) });
      return;
    case 'refund':
      await service.refund({ membershipId, chargeDate: addDays(date, step.daysAgo - step.chargeDaysAgo), amount: step.amount, reason: step.reason, idempotencyKey: `demo:${member.accountId}:${date}` });
      return;
    case 'redeem_gift_card':
      await options.giftCards.redeem({ accountId: member.accountId, code: step.code });
  }
}
