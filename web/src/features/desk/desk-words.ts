import type { CaseOutcome, CaseSummary, Queue } from '../../api/desk.ts';

export const QUEUE_NAMES: Record<Queue, string> = { billing: 'Billing', security: 'Security', technical: 'Technical', general: 'General' };

export const OUTCOME_NAMES: Record<CaseOutcome, string> = {
  refund: 'Refund given',
  cancellation: 'Membership cancelled',
  correction: 'Account corrected',
  information: 'Information given',
  no_action: 'No action needed',
  referred: 'Referred elsewhere',
};

export const STATUS_NAMES: Record<CaseSummary['status'], string> = { queued: 'Waiting', assigned: 'Assigned', escalated: 'Escalated', resolved: 'Resolved' };

export const REASON_NAMES: Record<string, string> = {
  member_asked: 'The member asked for a person',
  assistant_failed_twice: 'The assistant could not help twice',
  takeover: 'Signs of an account takeover',
  unexplained_charge: 'A charge the ledger does not explain',
  needs_agent: 'Needs an agent (refund, dispute…)',
};

/** 75 → "1 min 15 s", 4000 → "1 h 6 min": for waiting times and SLA clocks. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.abs(Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  return `${rest} s`;
}
