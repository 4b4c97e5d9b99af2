/**
 * The security review a member and an agent read: takeover signals computed
 * from the account's own security events and the membership's history, both
 * passed in as plain data.
 */
export type SignalKind =
  | 'email_changed_unconfirmed'
  | 'password_changed'
  | 'unknown_profile'
  | 'unfamiliar_device'
  | 'plan_changed'
  | 'extra_member_added'
  | 'restarted_after_cancel'
  | 'unfamiliar_viewing';
export type Severity = 'info' | 'warning' | 'danger';
export type Signal = { kind: SignalKind; at: string; summary: string; severity: Severity };

export type ReviewEvent = { kind: string; at: Date; summary: string; details: Record<string, unknown> };
/** A membership event as billing reports it: a calendar date and a type. */
export type BillingFact = { date: string; type: string; details?: Record<string, unknown> };

export const REVIEW_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** An email change stays "danger" while its undo link is still valid. */
const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

function fromEvent(event: ReviewEvent, now: Date): Signal | null {
  const at = event.at.toISOString();
  switch (event.kind) {
    case 'email_changed':
      if (event.details.confirmed === true) return null;
      return { kind: 'email_changed_unconfirmed', at, summary: event.summary, severity: now.getTime() - event.at.getTime() < RECENT_MS ? 'danger' : 'warning' };
    case 'password_changed':
      return { kind: 'password_changed', at, summary: event.summary, severity: 'warning' };
    case 'unknown_profile':
      return { kind: 'unknown_profile', at, summary: event.summary, severity: 'warning' };
    case 'new_device':
      if (event.details.unfamiliar !== true) return null;
      return { kind: 'unfamiliar_device', at, summary: event.summary, severity: event.details.removed === true ? 'info' : 'danger' };
    case 'unfamiliar_viewing':
      return { kind: 'unfamiliar_viewing', at, summary: event.summary, severity: 'warning' };
    default:
      return null;
  }
}

function fromBilling(fact: BillingFact): Signal | null {
  const at = `${fact.date}T00:00:00.000Z`;
  switch (fact.type) {
    case 'plan_changed':
      return { kind: 'plan_changed', at, summary: 'The plan was changed.', severity: 'info' };
    case 'extra_member_added':
      return { kind: 'extra_member_added', at, summary: 'An extra member was added to the membership.', severity: 'info' };
    case 'restarted':
      return { kind: 'restarted_after_cancel', at, summary: 'The membership was restarted after it had been cancelled.', severity: 'warning' };
    default:
      return null;
  }
}

const STEPS: Record<SignalKind, string> = {
  email_changed_unconfirmed: 'If you did not change your email, use the undo link sent to your old address, or contact us.',
  password_changed: 'If you did not change your password, reset it now and sign out of all devices.',
  unknown_profile: 'Remove the profiles you do not recognise (Account, Profiles), then sign out of all devices and change your password.',
  unfamiliar_device: 'Remove devices you do not recognise, then sign out of all devices.',
  plan_changed: 'Check that the plan is the one you chose.',
  extra_member_added: 'Check that you know every extra member on your membership.',
  restarted_after_cancel: 'If nobody in your household restarted the membership, change your password and contact us about the charge.',
  unfamiliar_viewing: 'Someone else is watching on your account: sign out of all devices, change your password, and remove any profile you do not recognise.',
};

const ORDER: Record<Severity, number> = { danger: 0, warning: 1, info: 2 };

/**
 * `removedDeviceIds` turns a removed unfamiliar device into information only:
 * the member already acted on it.
 */
export function reviewSecurity(input: { events: readonly ReviewEvent[]; billing: readonly BillingFact[]; removedDeviceIds: ReadonlySet<string>; now: Date }): { signals: Signal[]; steps: string[] } {
  const since = input.now.getTime() - REVIEW_WINDOW_MS;
  const events = input.events
    .filter((event) => event.at.getTime() >= since)
    .map((event) => (event.kind === 'new_device' && input.removedDeviceIds.has(String(event.details.device_id)) ? { ...event, details: { ...event.details, removed: true } } : event));
  const signals = [
    ...events.map((event) => fromEvent(event, input.now)),
    ...input.billing.filter((fact) => Date.parse(`${fact.date}T00:00:00Z`) >= since).map(fromBilling),
  ].filter((signal): signal is Signal => signal !== null);
  signals.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.at.localeCompare(a.at));
  const kinds = [...new Set(signals.filter((signal) => signal.severity !== 'info' || signal.kind === 'extra_member_added').map((signal) => signal.kind))];
  const steps = kinds.map((kind) => STEPS[kind]);
  if (signals.some((signal) => signal.severity === 'danger')) steps.push('Sign out of all devices and choose a new password you use nowhere else.');
  if (steps.length === 0) steps.push('Nothing unusual in the last 90 days. Keep your password unique to this service.');
  return { signals, steps };
}
