import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { restoreGiftBalance, type GiftBalanceView } from '../../api/desk-gift.ts';
import type { LedgerEntry, MembershipView } from '../../api/types.ts';
import { ErrorAlert, Field, Notice, Section } from '../../ui/components.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { ConfirmButton, TextAreaField } from './fields.tsx';
import { toMinor } from './refund-form.tsx';

const WHAT: Record<string, string> = { charge: 'Charge', refund: 'Refund', gift_card: 'Gift card redeemed' };

/** The lines the gift balance took part in: each charge and refund with its balance part and card part, and each card redeemed. */
function giftLines(ledger: LedgerEntry[]) {
  return ledger
    .filter((line) => line.type === 'charge' || line.type === 'refund' || line.type === 'gift_card')
    .map((line) => {
      const gift = line.type === 'gift_card' ? line.amount : Math.min(line.gift ?? 0, line.amount);
      return { id: line.id, date: line.date, type: line.type, amount: line.amount, gift, card: line.type === 'gift_card' ? 0 : line.amount - gift, currency: line.currency };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** The verified account's gift balance, the gift part of each charge, and (supervisors only) the restore. */
export function GiftPanel({ caseId, gift, membership, disabled, onDone }: { caseId: string; gift: GiftBalanceView; membership: MembershipView; disabled: boolean; onDone: () => void }) {
  const lines = giftLines(membership.ledger);
  const money = (minor: number) => formatMoney(minor, gift.currency);
  return (
    <Section title="Gift balance">
      <dl className="facts desk-facts">
        <div>
          <dt>Balance now</dt>
          <dd>{money(gift.balance)}</dd>
        </div>
        <div>
          <dt>Gift cards redeemed</dt>
          <dd>{money(gift.redeemed)}</dd>
        </div>
      </dl>
      {gift.redeemed > 0 ? (
        <div className="table-wrap" role="region" aria-label="Gift part of each charge" tabIndex={0}>
          <table className="ledger">
            <caption className="visually-hidden">Gift part of each charge and refund</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col" className="num">Gift balance</th>
                <th scope="col" className="num">Card</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>{formatDate(line.date)}</td>
                  <td>{WHAT[line.type] ?? line.type}</td>
                  <td className="num">{money(line.amount)}</td>
                  <td className="num">{line.type === 'gift_card' ? `+${money(line.gift)}` : line.type === 'refund' && line.gift > 0 ? `+${money(line.gift)}` : line.gift > 0 ? `−${money(line.gift)}` : '—'}</td>
                  <td className="num">{line.type === 'gift_card' ? '—' : money(line.card)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No gift card was ever redeemed on this account.</p>
      )}
      {gift.can_restore && gift.redeemed > 0 ? <RestoreForm caseId={caseId} gift={gift} disabled={disabled} onDone={onDone} /> : null}
    </Section>
  );
}

/** A supervisor's restore: amount and reason, confirmed first; the server checks the role, the cap and records who, when and why. */
function RestoreForm({ caseId, gift, disabled, onDone }: { caseId: string; gift: GiftBalanceView; disabled: boolean; onDone: () => void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const idempotency = useRef(newIdempotencyKey());
  const minor = toMinor(amount, gift.currency);
  const restore = useAction(async () => {
    if (minor === null) return;
    const answer = await restoreGiftBalance(caseId, { amount: minor, reason: reason.trim(), idempotency_key: idempotency.current });
    idempotency.current = newIdempotencyKey();
    setDone(`Restored ${formatMoney(answer.amount, answer.currency)}; the balance is now ${formatMoney(answer.balance, answer.currency)}. The member was told in the chat.`);
    setAmount('');
    setReason('');
    onDone();
  }, ['amount', 'reason']);
  const check = () => {
    setDone(null);
    const problem = minor === null || minor <= 0 ? { field: 'amount', message: 'Enter an amount such as 9.51.' }
      : reason.trim().length < 10 ? { field: 'reason', message: 'Say why, in a sentence: it stays on the case and in the audit log.' } : null;
    setLocalError(problem);
    return problem === null;
  };
  const fieldError = (name: string) => (localError?.field === name ? localError.message : restore.fieldError(name));
  const money = minor !== null ? formatMoney(minor, gift.currency) : '';
  return (
    <div className="form desk-gift-restore">
      <h3>Restore gift balance</h3>
      <Field
        label={`Amount (${gift.currency})`}
        name="amount"
        inputMode="decimal"
        value={amount}
        disabled={disabled}
        hint={`Up to ${formatMoney(gift.restorable, gift.currency)}: the balance never goes above what the gift cards added.`}
        onChange={(event) => setAmount(event.target.value)}
        error={fieldError('amount')}
      />
      <TextAreaField label="Reason" name="reason" value={reason} disabled={disabled} maxLength={1000} onChange={(event) => setReason(event.target.value)} error={fieldError('reason')} />
      <ErrorAlert error={restore.formError} />
      <Notice>{done}</Notice>
      <div className="actions">
        <ConfirmButton
          label="Restore balance"
          question={`Add ${money} back to the member's gift balance?`}
          confirmLabel={`Yes, restore ${money}`}
          disabled={disabled}
          busy={restore.busy}
          canAsk={check}
          onConfirm={() => restore.run()}
        />
      </div>
    </div>
  );
}
