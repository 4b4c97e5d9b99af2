import { chargesText, found, isDisputed, relevant, taxPart, type CauseContext, type Found } from './cause-kit.ts';
import { addMonths, dateList, dayOfMonth, daysBetween, daysInMonth, longDate, monthName, ordinal } from './charge-dates.ts';
import { detail, isWholePeriod, type LedgerLine } from './membership-reading.ts';

/** An anchor on the 29th to 31st: in a shorter month the charge moves to the month's last day. */
export function billingDayAdjusted(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const { view } = reading;
  if (view.billed_by.kind === 'partner') return null;
  const movedDay = (date: string, anchorDay: number | null) => anchorDay !== null && anchorDay > dayOfMonth(date) && dayOfMonth(date) === daysInMonth(date);
  const moved = reading.charges.filter((line) => line.reason === 'renewal' && relevant(ctx, line) && movedDay(line.date, reading.anchorDayOn(line.date)));
  const next = view.state.next_billing_date;
  const anchorDay = view.state.anchor ? dayOfMonth(view.state.anchor) : null;
  const upcoming = next && (view.state.status === 'active' || view.state.status === 'paused') && movedDay(next, anchorDay) ? next : null;
  if (moved.length === 0 && !upcoming) return null;
  const day = moved.length > 0 ? reading.anchorDayOn(moved[moved.length - 1].date) ?? anchorDay ?? 31 : anchorDay ?? 31;
  const sentences = [`Your billing day is the ${ordinal(day)} of the month, the day your current billing cycle started.`];
  for (const line of moved) {
    sentences.push(`${monthName(line.date)} has no ${ordinal(day)}, so that month's charge of ${reading.money(line.amount, line.currency)} was taken on its last day, ${longDate(line.date)}.`);
  }
  if (upcoming) sentences.push(`${monthName(upcoming)} has no ${ordinal(day)}, so your next charge is on its last day, ${longDate(upcoming)}.`);
  sentences.push(`In months that have a ${ordinal(day)}, you are charged on the ${ordinal(day)} again. It is the same monthly charge, only on a different date: nothing extra is charged.`);
  const shown = [...moved.map((line) => line.date), ...(upcoming ? [upcoming] : [])];
  return found('billing_day_adjusted', {
    title: 'Your billing day moves in shorter months',
    headline: `Your billing day is the ${ordinal(day)}; in months without one you are charged on the last day (${dateList(shown)}).`,
    sentences,
    about: moved.some((line) => isDisputed(ctx, line)),
    lines: moved.map(reading.evidence),
    dates: [
      ...(view.state.anchor ? [{ label: 'billing cycle started', date: view.state.anchor }] : []),
      ...(upcoming ? [{ label: 'next charge', date: upcoming }] : []),
    ],
    data: { billingDay: day, movedCharges: moved.map((line) => line.date), nextCharge: upcoming },
  });
}

/** The paid period an action's date falls in: from the whole-period charge covering it. */
function periodAround(ctx: CauseContext, line: LedgerLine): { start: string; end: string } {
  const end = line.period_end ?? line.date;
  const covering = ctx.reading.charges.find((entry) => isWholePeriod(entry) && entry.period_start && entry.period_end && entry.period_start <= line.date && line.date < entry.period_end);
  return { start: covering?.period_start ?? addMonths(end, -1), end };
}

/** A plan change to a dearer plan: the difference for the rest of the period, at once. */
export function upgradeProration(ctx: CauseContext): Found[] {
  const { reading } = ctx;
  return reading.charges.filter((line) => line.reason === 'plan_upgrade' && relevant(ctx, line)).map((line) => {
    const event = reading.view.events.find((entry) => entry.type === 'plan_changed' && entry.date === line.date);
    const from = detail(event, 'from');
    const to = detail(event, 'to') ?? reading.view.state.plan;
    const period = periodAround(ctx, line);
    const remaining = daysBetween(line.date, period.end);
    const periodDays = daysBetween(period.start, period.end);
    const oldPrice = reading.planPrice(from, line.date);
    const newPrice = reading.planPrice(to, line.date);
    const difference = oldPrice !== null && newPrice !== null ? newPrice - oldPrice : null;
    const how = difference !== null ? ` That is the ${reading.money(difference, line.currency)} monthly price difference × ${remaining}/${periodDays} days${line.tax ? ', plus tax' : ''}.` : '';
    return found('upgrade_proration', {
      title: 'An upgrade in the middle of a billing period',
      headline: `The ${reading.money(line.amount, line.currency)} on ${longDate(line.date)} is the prorated difference for upgrading${from ? ` from ${reading.planName(from)}` : ''} to ${reading.planName(to)}.`,
      sentences: [
        `On ${longDate(line.date)} the plan changed${from ? ` from ${reading.planName(from)}` : ''} to ${reading.planName(to)}.`,
        `An upgrade starts at once, so you paid only the difference for the ${remaining} days left of the billing period that ends on ${longDate(period.end)}: ${reading.money(line.amount, line.currency)}${taxPart(ctx, line)}.${how}`,
        `From ${longDate(period.end)} you pay the ${reading.planName(to)} price each month.`,
      ],
      about: isDisputed(ctx, line),
      lines: [reading.evidence(line)],
      dates: [{ label: 'plan changed', date: line.date }, { label: 'period ends', date: period.end }],
      data: { from, to, remainingDays: remaining, periodDays, priceDifference: difference },
    });
  });
}

/** An extra-member slot: prorated when added, then part of every renewal. */
export function extraMemberSlot(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  if (reading.view.billed_by.kind === 'partner') return null;
  const added = reading.charges.filter((line) => line.reason === 'extra_member_added' && relevant(ctx, line));
  const renewals = reading.charges.filter((line) => line.reason === 'renewal' && relevant(ctx, line) && reading.slotsAt(line.date) > 0);
  if (added.length === 0 && renewals.length === 0) return null;
  const plan = reading.view.state.plan;
  const slotPrice = reading.slotPrice(plan);
  const priceText = slotPrice !== null ? `: ${reading.money(slotPrice)} a month for each slot, on top of the ${reading.planName(plan)} price${reading.tax?.mode === 'exclusive' ? ', before tax' : ''}` : '';
  const sentences: string[] = [];
  for (const line of added) {
    const period = periodAround(ctx, line);
    sentences.push(`On ${longDate(line.date)} an extra-member slot was added. You paid for the ${daysBetween(line.date, period.end)} days left of the billing period ending ${longDate(period.end)}: ${reading.money(line.amount, line.currency)}${taxPart(ctx, line)}.`);
  }
  if (added.length > 0) sentences.push(`From then on, every renewal includes the slot${priceText}.`);
  if (renewals.length > 0) {
    const slots = reading.slotsAt(renewals[renewals.length - 1].date);
    sentences.push(`Your renewals of ${chargesText(ctx, renewals)} included ${slots === 1 ? 'one extra-member slot' : `${slots} extra-member slots`}${added.length === 0 ? priceText : ''}.`);
  }
  sentences.push('If you remove the extra member, the slot lasts until the end of the period already paid and is not renewed.');
  return found('extra_member_slot', {
    title: 'An extra-member slot',
    headline: added.length > 0
      ? `${reading.money(added[0].amount, added[0].currency)} on ${longDate(added[0].date)} paid for an extra-member slot for the rest of that period; renewals now include the slot.`
      : 'Your renewals include an extra-member slot.',
    sentences,
    about: [...added, ...renewals].some((line) => isDisputed(ctx, line)),
    lines: [...added, ...renewals].sort((a, b) => (a.date < b.date ? -1 : 1)).map(reading.evidence),
    dates: added.map((line) => ({ label: 'slot added', date: line.date })),
    data: { slotPrice, slots: reading.view.state.extra_members, addedOn: added.map((line) => line.date) },
  });
}

/** A renewal at a new price after a notified price change (or one coming with the next renewal). */
export function priceChange(ctx: CauseContext): Found | null {
  const { reading } = ctx;
  const { view, today } = reading;
  const notices = view.events.filter((event) => event.type === 'price_change_announced');
  for (const notice of [...notices].reverse()) {
    const plan = detail(notice, 'plan');
    const appliesFrom = detail(notice, 'applies_from');
    const price = typeof notice.details.price === 'number' ? notice.details.price : null;
    if (!plan || !appliesFrom || price === null) continue;
    const atNewPrice = reading.charges.filter((line) => line.reason === 'renewal' && line.date >= appliesFrom && reading.planAt(line.date) === plan);
    const first = atNewPrice[0];
    const before = [...reading.charges].reverse().find((line) => isWholePeriod(line) && line.date < appliesFrom && reading.planAt(line.date) === plan);
    const next = view.state.next_billing_date;
    const upcoming = !first && appliesFrom > today && view.state.plan === plan && next !== null && next >= appliesFrom ? next : null;
    const inView = atNewPrice.filter((line) => relevant(ctx, line));
    if (inView.length === 0 && !upcoming && !reading.inWindow(notice.date)) continue;
    const beforeTax = reading.tax?.mode === 'exclusive' ? ' before tax' : '';
    const sentences = [
      `On ${longDate(notice.date)} we let you know that the ${reading.planName(plan)} price would change to ${reading.money(price)} a month${beforeTax}, from ${longDate(appliesFrom)}, with at least 30 days' notice.`,
    ];
    if (first) {
      sentences.push(`Your renewal on ${longDate(first.date)} was the first at the new price: ${reading.money(first.amount, first.currency)}${before ? `, where it was ${reading.money(before.amount, before.currency)} before` : ''}.`);
    }
    if (upcoming) sentences.push(`Your next renewal, on ${longDate(upcoming)}, is the first at the new price.`);
    return found('price_change', {
      title: 'A price change',
      headline: first
        ? `The ${reading.planName(plan)} price changed from ${longDate(appliesFrom)}, as we let you know on ${longDate(notice.date)}: your renewal on ${longDate(first.date)} was ${reading.money(first.amount, first.currency)}${before ? ` instead of ${reading.money(before.amount, before.currency)}` : ''}.`
        : `The ${reading.planName(plan)} price changes to ${reading.money(price)}${beforeTax} from ${longDate(appliesFrom)}.`,
      sentences,
      about: atNewPrice.some((line) => isDisputed(ctx, line)),
      lines: [...(before ? [before] : []), ...inView].map(reading.evidence),
      dates: [{ label: 'price change announced', date: notice.date }, { label: 'new price applies from', date: appliesFrom }, ...(upcoming ? [{ label: 'first renewal at the new price', date: upcoming }] : [])],
      data: { plan, oldPrice: reading.planPrice(plan, before?.date ?? notice.date), newPrice: price, announced: notice.date, appliesFrom, firstRenewalAtNewPrice: first?.date ?? upcoming },
    });
  }
  return null;
}
