import { runBillingDay } from '../billing-run.ts';
import { findMembershipByAccount, type BillingDb } from '../billing.repository.ts';
import type { MembershipService } from '../membership.service.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { addDays, type IsoDate } from '../rules/calendar.ts';
import type { PriceBook } from '../rules/catalog.ts';
import { DEMO_MEMBERS, demoStepDate, type DemoMember, type DemoStep } from './demo-members.ts';

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
}): Promise<{ seeded: boolean; members: number }> {
  if (await findMembershipByAccount(options.db, DEMO_MEMBERS[0].accountId)) return { seeded: false, members: 0 };
  const steps = DEMO_MEMBERS.flatMap((member) => member.steps.map((step) => ({ member, step, date: demoStepDate(member, step, options.today) })));
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const membershipIds = new Map<string, string>();
  let day = steps[0].date;
  for (const { member, step, date } of steps) {
    for (; day <= date; day = addDays(day, 1)) {
      options.setDate(day);
      await runBillingDay({ db: options.db, provider: options.provider, book: options.book, date: day });
    }
    options.setDate(date);
    await playStep(options.service, member, step, date, membershipIds);
  }
  for (; day <= options.today; day = addDays(day, 1)) {
    options.setDate(day);
    await runBillingDay({ db: options.db, provider: options.provider, book: options.book, date: day });
  }
  options.setDate(options.today);
  return { seeded: true, members: DEMO_MEMBERS.length };
}

async function playStep(service: MembershipService, member: DemoMember, step: DemoStep, date: IsoDate, ids: Map<string, string>): Promise<void> {
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
  }
}
