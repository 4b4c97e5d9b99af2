import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { refundCharge, type AccountSnapshot, type RefundPolicy } from '../../api/desk.ts';
import type { MembershipView } from '../../api/types.ts';
import { ErrorAlert, Field, Notice, SelectField } from '../../ui/components.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { ConfirmButton } from './fields.tsx';

type ChargeOption = { key: string; membershipId: string; chargeId: string; date: string; amount: number; left: number; currency: string; whose: string };

function chargesOf(membership: MembershipView, whose: string): ChargeOption[] {
  return membership.ledger
    .filter((line) => line.type === 'charge')
    .map((line) => {
      const refunded = membership.ledger.filter((other) => other.type === 'refund' && other.refund_of === line.id).reduce((sum, other) => sum + other.amount, 0);
      return { key: `${membership.id}|${line.id}`, membershipId: membership.id, chargeId: line.id, date: line.date, amount: line.amount, left: Math.max(0, line.amount - refunded), currency: line.currency, whose };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}

const digitsOf = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
const toMajor = (minor: number, currency: string) => (minor / 10 ** digitsOf(currency)).toFixed(digitsOf(currency));
/** "8.99" → 899; null when it is not an amount. */
export function toMinor(text: string, currency: string): number | null {
  const clean = text.trim().replace(/,/g, '.');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  return Math.round(Number(clean) * 10 ** digitsOf(currency));
}

/** Refund (part of) one charge: the line is picked from the ledgers, the amount starts at what is left of it. Never automatic. */
export function RefundForm({ caseId, snapshot, policy, disputedId, disabled, onDone }: { caseId: string; snapshot: AccountSnapshot; policy: RefundPolicy | null; disputedId: string | null; disabled: boolean; onDone: () => void }) {
  const options = useMemo(() => [
    ...(snapshot.membership ? chargesOf(snapshot.membership, 'this account') : []),
    ...snapshot.sameCard.flatMap((other) => chargesOf(other.membership, other.email)),
  ], [snapshot]);
  // The charge the member asked about; else, with a second account on the same card, that account's latest charge (the usual duplicate); else the latest.
  const open = options.filter((option) => option.left > 0);
  const first = open.find((option) => option.chargeId === disputedId) ?? open.find((option) => option.whose !== 'this account') ?? open[0] ?? options[0];
  const [key, setKey] = useState(first?.key ?? '');
  const chosen = options.find((option) => option.key === key) ?? first;
  const [amount, setAmount] = useState(chosen ? toMajor(chosen.left, chosen.currency) : '');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const idempotency = useRef(newIdempotencyKey());
  const minor = chosen ? toMinor(amount, chosen.currency) : null;

  const refund = useAction(async () => {
    if (!chosen || minor === null) return;
    const answer = await refundCharge(caseId, { membership_id: chosen.membershipId, charge_id: chosen.chargeId, amount: minor, reason: reason.trim(), idempotency_key: idempotency.current });
    idempotency.current = newIdempotencyKey();
    setDone(`Refunded ${formatMoney(answer.amount, answer.currency)} of the charge of ${formatDate(answer.charge_date)}. The member was told in the chat.`);
    setReason('');
    onDone();
  }, ['amount', 'reason', 'charge_id']);

  if (options.length === 0) return <p className="muted">No charges to refund on this account.</p>;
  const check = () => {
    setDone(null);
    if (minor === null || minor <= 0) setLocalError({ field: 'amount', message: 'Enter an amount such as 8.99.' });
    else if (reason.trim().length < 3) setLocalError({ field: 'reason', message: 'Say why, in a few words: it stays on the case and the ledger.' });
    else setLocalError(null);
    return minor !== null && minor > 0 && reason.trim().length >= 3;
  };
  const fieldError = (name: string) => (localError?.field === name ? localError.message : refund.fieldError(name));
  const money = chosen && minor !== null ? formatMoney(minor, chosen.currency) : '';

  return (
    <div className="form desk-refund">
      <SelectField
        label="Charge to refund"
        name="charge_id"
        value={chosen?.key ?? ''}
        disabled={disabled}
        error={fieldError('charge_id')}
        onChange={(event) => {
          const next = options.find((option) => option.key === event.target.value);
          setKey(event.target.value);
          if (next) setAmount(toMajor(next.left, next.currency));
        }}
      >
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {formatDate(option.date)} · {formatMoney(option.amount, option.currency)} · {option.whose}
            {option.left < option.amount ? ` (${formatMoney(option.left, option.currency)} left)` : ''}
          </option>
        ))}
      </SelectField>
      <Field
        label={`Amount${chosen ? ` (${chosen.currency})` : ''}`}
        name="amount"
        inputMode="decimal"
        value={amount}
        disabled={disabled}
        hint={policy ? `Your limit left on this case: ${formatMoney(policy.your_limit_left, policy.currency)}.` : undefined}
        onChange={(event) => setAmount(event.target.value)}
        error={fieldError('amount')}
      />
      <Field label="Reason for the refund" name="reason" value={reason} disabled={disabled} maxLength={1000} onChange={(event) => setReason(event.target.value)} error={fieldError('reason')} />
      <ErrorAlert error={refund.formError} />
      <Notice>{done}</Notice>
      <div className="actions">
        <ConfirmButton
          label="Refund"
          question={`Refund ${money} of the charge of ${chosen ? formatDate(chosen.date) : ''} (${chosen?.whose ?? ''})?`}
          confirmLabel={`Yes, refund ${money}`}
          disabled={disabled}
          busy={refund.busy}
          canAsk={check}
          onConfirm={() => refund.run()}
        />
      </div>
    </div>
  );
}
