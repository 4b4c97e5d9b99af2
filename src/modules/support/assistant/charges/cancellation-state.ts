import { longDate } from './charge-dates.ts';
import type { CancellationState } from './charge-types.ts';
import { detail, type MembershipReading, type MembershipEventView } from './membership-reading.ts';

const RESTARTS = new Set(['restarted', 'cancellation_withdrawn']);

function latest(events: readonly MembershipEventView[], type: string, after = -1): { event: MembershipEventView; index: number } | null {
  for (let i = events.length - 1; i > after; i--) if (events[i].type === type) return { event: events[i], index: i };
  return null;
}

/** "I cancelled but was charged": whether a cancellation is pending, done, or was undone by a restart. */
export function cancellationState(reading: MembershipReading | null): CancellationState {
  const base = { requestedOn: null, finalServiceDate: null, endedOn: null, reason: null, restartedOn: null, chargesAfter: [] };
  if (!reading) return { ...base, state: 'none', explanation: 'This account has no Reelhouse membership, so there is nothing to cancel.' };
  const { view } = reading;
  const { events, state } = view;
  let lastRestart = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (RESTARTS.has(events[i].type)) {
      lastRestart = i;
      break;
    }
  }
  const chargesFrom = (date: string, inclusive: boolean) =>
    reading.charges.filter((line) => (inclusive ? line.date >= date : line.date > date)).map(reading.evidence);

  if (state.status === 'canceled_pending' || state.status === 'canceled') {
    const requested = latest(events, 'cancel_requested', lastRestart);
    const ended = latest(events, 'canceled', lastRestart);
    const requestedOn = requested?.event.date ?? (detail(ended?.event, 'reason') === 'member' ? ended?.event.date ?? null : null);
    const reason = detail(ended?.event, 'reason') ?? (requested ? 'member' : null);
    const chargesAfter = requestedOn ? chargesFrom(requestedOn, false) : [];
    if (state.status === 'canceled_pending') {
      return {
        ...base, state: 'pending', requestedOn, finalServiceDate: state.access_until, reason, chargesAfter,
        explanation: `The cancellation went through${requestedOn ? ` on ${longDate(requestedOn)}` : ''}. You can keep watching until ${state.access_until ? longDate(state.access_until) : 'the end of the period already paid'}, your final service date, and nothing more will be charged.`,
      };
    }
    const endedOn = ended?.event.date ?? state.access_until;
    return {
      ...base, state: 'done', requestedOn, endedOn, reason, chargesAfter,
      explanation: reason === 'payment_failed'
        ? `The membership ended${endedOn ? ` on ${longDate(endedOn)}` : ''} because the payment could not be taken after the retries. Nothing more will be charged.`
        : `The membership is cancelled${requestedOn && requestedOn !== endedOn ? ` (you asked on ${longDate(requestedOn)})` : ''} and ended${endedOn ? ` on ${longDate(endedOn)}` : ''}. Nothing more will be charged.`,
    };
  }

  if (lastRestart >= 0) {
    const restart = events[lastRestart];
    const before = events.slice(0, lastRestart);
    const requested = latest(before, 'cancel_requested');
    const ended = latest(before, 'canceled');
    const requestedOn = requested?.event.date ?? ended?.event.date ?? null;
    const next = state.next_billing_date;
    return {
      ...base, state: 'withdrawn', requestedOn, endedOn: ended?.event.date ?? null, reason: detail(ended?.event, 'reason') ?? (requested ? 'member' : null),
      restartedOn: restart.date, chargesAfter: chargesFrom(restart.date, true),
      explanation: `The membership was cancelled${requestedOn ? ` on ${longDate(requestedOn)}` : ''}, but it was restarted on ${longDate(restart.date)}, so it is running again${next ? ` and renews on ${longDate(next)}` : ''}.`,
    };
  }

  if (view.billed_by.kind === 'partner') {
    return { ...base, state: 'none', explanation: `This membership has not been cancelled. It is billed by ${view.billed_by.partner}, so it is cancelled with them.` };
  }
  const next = state.next_billing_date;
  const how = !next ? '' : state.status === 'on_hold'
    ? `: it is on hold, and the next payment try is on ${longDate(next)}`
    : state.status === 'paused' || view.pause ? `: it is paused, and billing starts again on ${longDate(next)}` : `: it renews on ${longDate(next)}`;
  return { ...base, state: 'none', explanation: `This membership has not been cancelled${how}.` };
}
