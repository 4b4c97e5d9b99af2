import type { Queue } from './case-file.ts';

/** How soon a person answers after the hand-off, and how soon the case is resolved, per queue. */
export type SlaTarget = { firstResponseMs: number; resolutionMs: number };
export type SlaTargets = Record<Queue, SlaTarget>;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Security first: a takeover gets worse by the minute. */
export const DEFAULT_SLAS: SlaTargets = {
  billing: { firstResponseMs: 5 * MINUTE, resolutionMs: 24 * HOUR },
  security: { firstResponseMs: 2 * MINUTE, resolutionMs: 4 * HOUR },
  technical: { firstResponseMs: 5 * MINUTE, resolutionMs: 24 * HOUR },
  general: { firstResponseMs: 10 * MINUTE, resolutionMs: 48 * HOUR },
};

/**
 * Both clocks run from the hand-off, whatever queue the case is in now: the
 * member has been waiting since then. A transfer recomputes them with the new
 * queue's targets, still from the hand-off.
 */
export function dueDates(openedAt: Date, queue: Queue, targets: SlaTargets): { firstResponseDue: Date; resolutionDue: Date } {
  const target = targets[queue];
  return {
    firstResponseDue: new Date(openedAt.getTime() + target.firstResponseMs),
    resolutionDue: new Date(openedAt.getTime() + target.resolutionMs),
  };
}

export type SlaTimer = {
  due: string;
  /** When it was met (the first reply, the resolution); null while running. */
  met_at: string | null;
  /** Whole seconds left while running, negative once overdue; null once met. */
  remaining_seconds: number | null;
  /** Met late, or still running past the due time. */
  breached: boolean;
};

export function slaTimer(due: Date, metAt: Date | null, now: Date): SlaTimer {
  if (metAt !== null) {
    return { due: due.toISOString(), met_at: metAt.toISOString(), remaining_seconds: null, breached: metAt.getTime() > due.getTime() };
  }
  const remainingMs = due.getTime() - now.getTime();
  return { due: due.toISOString(), met_at: null, remaining_seconds: Math.floor(remainingMs / 1000), breached: remainingMs < 0 };
}

export function caseTimers(
  timing: { firstResponseDue: Date; resolutionDue: Date; firstResponseAt: Date | null; resolvedAt: Date | null },
  now: Date,
): { first_response: SlaTimer; resolution: SlaTimer } {
  return {
    first_response: slaTimer(timing.firstResponseDue, timing.firstResponseAt, now),
    resolution: slaTimer(timing.resolutionDue, timing.resolvedAt, now),
  };
}

/** Targets from configuration (milliseconds); what is not given keeps its default. */
export function slaTargetsFrom(overrides: Partial<Record<Queue, Partial<SlaTarget>>> | undefined): SlaTargets {
  const merged = { ...DEFAULT_SLAS };
  for (const queue of Object.keys(merged) as Queue[]) merged[queue] = { ...DEFAULT_SLAS[queue], ...overrides?.[queue] };
  return merged;
}

/** Waiting time in whole seconds, never negative (clocks of two processes may disagree slightly). */
export function waitingSeconds(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
}
