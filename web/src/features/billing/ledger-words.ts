import type { LedgerEntry } from '../../api/types.ts';
import { formatShortDate } from '../../ui/format.ts';

const CHARGE_REASONS: Record<string, string> = {
  signup: 'First month',
  renewal: 'Monthly payment',
  plan_upgrade: 'Plan upgrade (rest of the month)',
  extra_member_added: 'Extra member (rest of the month)',
  restart: 'Membership restarted',
  unpause: 'Pause ended early',
  payment_retry: 'Failed payment, paid on retry',
};

export type LedgerKind = 'charge' | 'refund' | 'failed' | 'authorization' | 'gift';

export function ledgerKind(entry: LedgerEntry): LedgerKind {
  switch (entry.type) {
    case 'charge':
      return 'charge';
    case 'refund':
      return 'refund';
    case 'payment_failed':
      return 'failed';
    case 'gift_card':
      return 'gift';
    default:
      return 'authorization';
  }
}

export function describeLedgerEntry(entry: LedgerEntry): { title: string; note?: string } {
  const period = entry.period_start && entry.period_end ? `For ${formatShortDate(entry.period_start)} – ${formatShortDate(entry.period_end)}` : undefined;
  switch (entry.type) {
    case 'charge':
      return { title: CHARGE_REASONS[entry.reason ?? ''] ?? 'Charge', note: period };
    case 'refund':
      return { title: 'Refund', note: entry.reason ?? refundNote(entry) };
    case 'payment_failed':
      return { title: 'Payment failed', note: 'Not charged. We try again 1, 3 and 7 days later.' };
    case 'authorization':
      return { title: 'Temporary card check', note: 'Not a charge: it disappears from your statement within a few days.' };
    case 'gift_card':
      return { title: 'Gift card redeemed', note: 'Added to your gift balance: it pays your next charges first. Not a charge.' };
    case 'authorization_void':
      return { title: 'Card check released', note: 'The temporary card check was cancelled.' };
    default:
      return { title: entry.type.replace(/_/g, ' ') };
  }
}

function refundNote(entry: LedgerEntry): string {
  const gift = entry.gift ?? 0;
  if (gift <= 0) return 'Back to your card; banks take a few days to show it.';
  if (gift >= entry.amount) return 'Back to your gift balance, which paid this charge.';
  return 'Back partly to your card (banks take a few days to show it) and partly to your gift balance.';
}
