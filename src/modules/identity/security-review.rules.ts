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
  | 'unfamiliar_viewing'
  | 'failed_sign_ins'
  | 'guesses_refused';
export type Severity = 'info' | 'warning' | 'danger';
export type Signal = { kind: SignalKind; at: string; summary: string; severity: Severity };
/** One wrong password, or one sign-in refused by the limits, as the member reads it: when and from where, never what was typed. */
export type FailedSignIn = { at: string; kind: 'wrong_password' | 'locked'; location: string; address: string; device: string };

export type ReviewEvent = { kind: string; at: Date; summary: string; details: Record<string, unknown> };
/** A membership event as billing reports it: a calendar date and a type. */
export type BillingFact = { date: string; type: string; details?: Record<string, unknown> };

export const REVIEW_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** Failed sign-ins are listed for 30 days: older typos are no news. */
export const FAILED_SIGN_IN_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const FAILED_SIGN_INS_LISTED = 20;
/** Wrong passwords from which the review warns, even when sign-in was never refused. */
const WRONG_PASSWORDS_WORTH_A_WARNING = 3;
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
    case 'reset_code_locked':
    case 'current_password_locked':
      return { kind: 'guesses_refused', at, summary: event.summary, severity: 'warning' };
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
  guesses_refused: 'Someone may be guessing your codes or password: choose a new password you use nowhere else, and sign out of all devices if you did not make these tries.',
  unfamiliar_viewing: 'Someone else is watching on your account: sign out of all devices, change your password, and remove any profile you do not recognise.',
  failed_sign_ins: 'If these sign-in attempts were not you, someone may be guessing your password: make sure it is one you use nowhere else. If you are ever locked out, choose “Forgot your password?”: the reset link or code signs you in at once.',
};

const ORDER: Record<Severity, number> = { danger: 0, warning: 1, info: 2 };

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);

/** The account's failed sign-ins of the last 30 days, newest first. */
export function failedSignIns(events: readonly ReviewEvent[], now: Date): FailedSignIn[] {
  const since = now.getTime() - FAILED_SIGN_IN_WINDOW_MS;
  return events
    .filter((event) => (event.kind === 'sign_in_failed' || event.kind === 'sign_in_locked') && event.at.getTime() >= since)
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((event) => ({
      at: event.at.toISOString(), kind: event.kind === 'sign_in_locked' ? 'locked' as const : 'wrong_password' as const,
      location: text(event.details.location, 'Unknown location'), address: text(event.details.address, 'unknown'), device: text(event.details.device, 'Web browser'),
    }));
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** One signal for all of them: a warning once sign-in was refused or several passwords were wrong. */
function failedSignInSignal(failures: readonly FailedSignIn[]): Signal | null {
  const [latest] = failures;
  if (!latest) return null;
  const wrong = failures.filter((failure) => failure.kind === 'wrong_password').length;
  const locked = failures.length - wrong;
  const counts = [wrong > 0 ? plural(wrong, 'wrong password', 'wrong passwords') : null, locked > 0 ? plural(locked, 'sign-in refused after too many tries', 'sign-ins refused after too many tries') : null].filter(Boolean).join(' and ');
  return {
    kind: 'failed_sign_ins', at: latest.at, severity: locked > 0 || wrong >= WRONG_PASSWORDS_WORTH_A_WARNING ? 'warning' : 'info',
    summary: `${counts} in the last 30 days; the latest from ${latest.location} (address ${latest.address}, ${latest.device}).`,
  };
}

/**
 * `removedDeviceIds` turns a removed unfamiliar device into information only:
 * the member already acted on it.
 */
export function reviewSecurity(input: { events: readonly ReviewEvent[]; billing: readonly BillingFact[]; removedDeviceIds: ReadonlySet<string>; now: Date }): { signals: Signal[]; steps: string[]; failed_sign_ins: FailedSignIn[] } {
  const since = input.now.getTime() - REVIEW_WINDOW_MS;
  const events = input.events
    .filter((event) => event.at.getTime() >= since)
    .map((event) => (event.kind === 'new_device' && input.removedDeviceIds.has(String(event.details.device_id)) ? { ...event, details: { ...event.details, removed: true } } : event));
  const failures = failedSignIns(events, input.now);
  const signals = [
    ...events.map((event) => fromEvent(event, input.now)),
    failedSignInSignal(failures),
    ...input.billing.filter((fact) => Date.parse(`${fact.date}T00:00:00Z`) >= since).map(fromBilling),
  ].filter((signal): signal is Signal => signal !== null);
  signals.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.at.localeCompare(a.at));
  const kinds = [...new Set(signals.filter((signal) => signal.severity !== 'info' || signal.kind === 'extra_member_added').map((signal) => signal.kind))];
  const steps = kinds.map((kind) => STEPS[kind]);
  if (signals.some((signal) => signal.severity === 'danger')) steps.push('Sign out of all devices and choose a new password you use nowhere else.');
  if (steps.length === 0) steps.push('Nothing unusual in the last 90 days. Keep your password unique to this service.');
  return { signals, steps, failed_sign_ins: failures.slice(0, FAILED_SIGN_INS_LISTED) };
}
