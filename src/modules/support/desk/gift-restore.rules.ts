import type { MembershipView } from '../../billing/index.ts';
import type { Agent } from './agents.repository.ts';

/**
 * Whether a supervisor may put value back on a member's gift balance, and
 * how much (issue 12 point 3). Pure. Restoring is for value the member lost
 * (a charge that should not have used the balance, a mistake of ours), so
 * it never brings the balance above what the account's gift cards added:
 * a restore cannot create value that was never bought.
 */

type Line = MembershipView['ledger'][number] & { gift?: number | null };

export type GiftFigures = { redeemed: number; balance: number; restorable: number; currency: string };

/** What the gift cards added, what is on the balance now (billing's figure when the view has it) and how much may be restored. */
export function giftFigures(view: MembershipView): GiftFigures {
  const lines = view.ledger as Line[];
  const gift = (line: Line) => (typeof line.gift === 'number' && line.gift > 0 ? Math.min(line.gift, line.amount) : 0);
  const redeemed = lines.filter((line) => line.type === 'gift_card').reduce((sum, line) => sum + line.amount, 0);
  const summed = redeemed - lines.filter((line) => line.type === 'charge').reduce((sum, line) => sum + gift(line), 0)
    + lines.filter((line) => line.type === 'refund').reduce((sum, line) => sum + gift(line), 0);
  const reported = (view.state as { gift_balance?: unknown }).gift_balance;
  const balance = typeof reported === 'number' ? reported : Math.max(0, summed);
  return { redeemed, balance, restorable: Math.max(0, redeemed - balance), currency: view.currency };
}

export type RestoreDecision =
  | { ok: true; figures: GiftFigures }
  | { ok: false; code: string; message: string; status: number; field?: string };

export function decideGiftRestore(o: { role: Agent['role']; membership: MembershipView | null; amount: number; reason: string; money: (minor: number, currency: string) => string }): RestoreDecision {
  if (o.role !== 'supervisor') return { ok: false, code: 'SUPERVISOR_ONLY', message: 'Only a supervisor can restore a gift balance.', status: 403 };
  if (!o.membership) return { ok: false, code: 'NO_MEMBERSHIP', message: 'This account has no membership, so it has no gift balance.', status: 422 };
  if (o.membership.billed_by.kind === 'partner') {
    return { ok: false, code: 'BILLED_BY_PARTNER', message: `${o.membership.billed_by.partner} bills this membership, so it has no gift balance to restore.`, status: 422 };
  }
  if (!Number.isInteger(o.amount) || o.amount <= 0) return { ok: false, code: 'VALIDATION_FAILED', field: 'amount', message: 'The amount is a positive whole number of minor units (899 for 8.99).', status: 400 };
  if (o.reason.trim().length < 10) return { ok: false, code: 'VALIDATION_FAILED', field: 'reason', message: 'Say why the balance is restored, in a sentence: it stays on the case and in the audit log.', status: 400 };
  const figures = giftFigures(o.membership);
  if (figures.redeemed === 0) return { ok: false, code: 'GIFT_RESTORE_NONE', field: 'amount', message: 'No gift card was ever redeemed on this account, so there is no gift balance to restore.', status: 422 };
  if (o.amount > figures.restorable) {
    const money = (minor: number) => o.money(minor, figures.currency);
    return {
      ok: false, code: 'GIFT_RESTORE_TOO_MUCH', field: 'amount', status: 422,
      message: `At most ${money(figures.restorable)} can be restored: the gift cards on this account added ${money(figures.redeemed)} and ${money(figures.balance)} of it is still on the balance.`,
    };
  }
  return { ok: true, figures };
}
