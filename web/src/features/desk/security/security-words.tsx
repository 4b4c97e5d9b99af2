import type { ReportChannel, ReportStatus, Verdict } from '../../../api/security.ts';

export const VERDICT_NAMES: Record<Verdict, string> = { phish: 'Scam', suspicious: 'Suspicious', legit: 'Genuine' };
export const REPORT_STATUS_NAMES: Record<ReportStatus, string> = { new: 'To review', confirmed: 'Confirmed scam', dismissed: 'Dismissed' };
export const CHANNEL_NAMES: Record<ReportChannel, string> = { email: 'Email', sms: 'Text message', call_transcript: 'Phone call' };

/** The scan's warning signs (contracts/cli.md) in the team's words. */
export const SIGNAL_NAMES: Record<string, string> = {
  urgent_threat: 'Urgent threat',
  off_domain_link: 'Link off our domain',
  lookalike_domain: 'Lookalike domain',
  asks_card: 'Asks for a card',
  asks_password: 'Asks for a password',
  asks_code: 'Asks for a code',
  gift_card_or_crypto_or_wire: 'Gift card, crypto or wire',
  remote_access_software: 'Remote-access software',
  prize_claim: 'Prize claim',
  spelling_errors: 'Spelling errors',
  odd_sender: 'Unusual sender',
};

export const signalName = (code: string): string => SIGNAL_NAMES[code] ?? code;

export function VerdictChip({ verdict }: { verdict: Verdict }) {
  return <span className={`tag security-chip security-verdict-${verdict}`}>{VERDICT_NAMES[verdict]}</span>;
}

export function StatusChip({ status }: { status: ReportStatus }) {
  return <span className={`tag security-chip security-status-${status}`}>{REPORT_STATUS_NAMES[status]}</span>;
}
