import { toCatalog } from '../catalog-config.ts';
import { applyMemberAction, type MemberAction } from '../rules/actions.ts';
import { findPlan, type Catalog, type PriceChange } from '../rules/catalog.ts';
import type { IsoDate } from '../rules/calendar.ts';
import type { BillingContext } from '../rules/context.ts';
import { emptyMembership, type LedgerLine, type Membership } from '../rules/membership.ts';
import { normalizeGiftCode, redeemGiftCard } from '../rules/gift-cards.ts';
import { decideRefund, type RefundableCharge } from '../rules/refunds.ts';
import { refuse, type Refusal } from '../rules/refusals.ts';
import { advanceTo, nextBillingDate } from '../rules/schedule.ts';
import { ScenarioError, type Scenario, type ScenarioEvent } from './scenario.ts';

export type SimulatedLine = {
  date: IsoDate;
  type: LedgerLine['type'];
  reason?: string;
  amount: number;
  tax?: number;
  currency: string;
  gift?: number;
  period_start?: IsoDate;
  period_end?: IsoDate;
  of?: IsoDate;
};

export type SimulatedState = {
  status: Membership['status'];
  plan: string | null;
  anchor: IsoDate | null;
  next_billing_date: IsoDate | null;
  access_until: IsoDate | null;
  extra_members: number;
  gift_balance: number;
};

export type SimulationResult = {
  ledger: SimulatedLine[];
  rejected: { event: number; date: IsoDate; code: string; message: string }[];
  state: SimulatedState;
};

export function toSimulatedLine(line: LedgerLine): SimulatedLine {
  const out: SimulatedLine = { date: line.date, type: line.type, amount: line.amount, currency: line.currency };
  if (line.type === 'charge') {
    Object.assign(out, { reason: line.reason, tax: line.tax, gift: line.gift ?? 0, period_start: line.periodStart, period_end: line.periodEnd });
  }
  if (line.type === 'refund') Object.assign(out, { tax: line.tax, gift: line.gift ?? 0, of: line.of, ...(line.refundReason ? { reason: line.refundReason } : {}) });
  return out;
}

export function toSimulatedState(membership: Membership): SimulatedState {
  return {
    status: membership.status,
    plan: membership.plan,
    anchor: membership.anchor,
    next_billing_date: nextBillingDate(membership),
    access_until: membership.status === 'canceled' || membership.status === 'canceled_pending' ? membership.accessUntil : null,
    extra_members: membership.slots + membership.removedSlots,
    gift_balance: membership.giftBalance,
  };
}

/** Runs a scenario through the same rules as the server and the billing run. */
export function simulate(scenario: Scenario, defaultCatalog: Catalog): SimulationResult {
  const catalog = scenario.catalog ? toCatalog(scenario.catalog) : defaultCatalog;
  const { country, region, billing } = scenario.account;
  if (!Object.hasOwn(catalog, country)) throw new ScenarioError('account.country', `"${country}" is not in the catalog`);

  const priceChanges: PriceChange[] = [];
  let paymentFails = false;
  const ctx: BillingContext = { book: { catalog, priceChanges }, pay: () => !paymentFails };
  let membership = emptyMembership(country, region, billing === 'direct' ? { kind: 'direct' } : { kind: 'partner', partner: billing.partner });
  const ledger: LedgerLine[] = [];
  const charges: RefundableCharge<number>[] = [];
  const usedRefundKeys = new Set<string>();
  const redeemedCodes = new Set<string>();
  const rejected: SimulationResult['rejected'] = [];

  const record = (lines: readonly LedgerLine[]) => {
    for (const line of lines) {
      if (line.type === 'charge') {
        charges.push({ id: ledger.length, date: line.date, amount: line.amount, tax: line.tax ?? 0, currency: line.currency, gift: line.gift ?? 0, refunded: 0, cardRefunded: 0 });
      }
      ledger.push(line);
    }
  };
  const advance = (date: IsoDate) => {
    const step = advanceTo(membership, date, ctx);
    membership = step.membership;
    record(step.lines);
  };

  const apply = (event: ScenarioEvent): Refusal | null => {
    const action = toMemberAction(event);
    if (action) {
      const outcome = applyMemberAction(membership, action, event.date, ctx);
      if (!outcome.ok) return outcome;
      membership = outcome.membership;
      record(outcome.lines);
      if (event.type === 'update_payment_method') paymentFails = false;
      return null;
    }
    switch (event.type) {
      case 'payment_method_fails':
        paymentFails = true;
        return null;
      case 'card_reissued':
        // The bank's new number or expiry keeps being charged: nothing to decide.
        return null;
      case 'price_change':
        if (!findPlan(ctx.book, event.country, event.plan)) return refuse('UNKNOWN_PLAN', `There is no plan "${event.plan}" in ${event.country}.`);
        priceChanges.push({ country: event.country, plan: event.plan, price: event.price, announced: event.announced, effective: event.effective });
        return null;
      case 'refund': {
        if (event.idempotency_key !== undefined && usedRefundKeys.has(event.idempotency_key)) return null;
        const decision = decideRefund(charges, { chargeDate: event.charge_date, amount: event.amount, reason: event.reason }, event.date);
        if (!decision.ok) return decision;
        const refunded = charges.find((charge) => charge.id === decision.chargeId)!;
        const toBalance = decision.line.gift ?? 0;
        refunded.refunded += decision.line.amount;
        refunded.cardRefunded += decision.line.amount - toBalance;
        // Returned to the balance, even while on hold: no retry starts (the contract says so).
        membership = { ...membership, giftBalance: membership.giftBalance + toBalance };
        if (event.idempotency_key !== undefined) usedRefundKeys.add(event.idempotency_key);
        record([decision.line]);
        return null;
      }
      case 'redeem_gift_card': {
        const code = normalizeGiftCode(event.code);
        const outcome = redeemGiftCard(membership, { amount: event.amount, currency: event.currency, alreadyRedeemed: redeemedCodes.has(code) }, event.date, ctx);
        if (!outcome.ok) return outcome;
        // Only a redeem that happened uses up the code.
        redeemedCodes.add(code);
        membership = outcome.membership;
        record(outcome.lines);
        return null;
      }
      default:
        return null;
    }
  };

  const ordered = scenario.events.map((event, index) => ({ event, index })).sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  const until = scenario.until ?? ordered.at(-1)?.event.date;
  for (const { event, index } of ordered) {
    if (until !== undefined && event.date > until) break;
    advance(event.date);
    const refusal = apply(event);
    if (refusal) rejected.push({ event: index, date: event.date, code: refusal.code, message: refusal.message });
  }
  if (until !== undefined) advance(until);

  return { ledger: ledger.map(toSimulatedLine), rejected, state: toSimulatedState(membership) };
}

function toMemberAction(event: ScenarioEvent): MemberAction | null {
  switch (event.type) {
    case 'signup':
    case 'change_plan':
      return { type: event.type, plan: event.plan };
    case 'pause':
    case 'extend_pause':
      return { type: event.type, months: event.months };
    case 'restart':
      return event.plan === undefined ? { type: 'restart' } : { type: 'restart', plan: event.plan };
    case 'update_payment_method':
      return { type: 'update_payment_method', declines: event.declines ?? false };
    case 'add_extra_member':
    case 'remove_extra_member':
    case 'withdraw_pause':
    case 'unpause':
    case 'cancel':
      return { type: event.type };
    default:
      return null;
  }
}
