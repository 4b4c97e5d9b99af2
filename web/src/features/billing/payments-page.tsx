import { useEffect, useState } from 'react';
import { getMembership, updatePaymentMethod } from '../../api/billing.ts';
import type { MembershipView, MyMembership } from '../../api/types.ts';
import { Button, ErrorAlert, LoadError, Loading, Notice, Page, Section } from '../../ui/components.tsx';
import { formatCardBrand, formatDate, formatMoney } from '../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';
import { CARD_FIELDS, CardFields, emptyCard, validateCard, type CardDraft } from './card-fields.tsx';
import { GiftBalanceSummary } from './gift-balance.tsx';
import { describeSplit } from './gift-split.ts';
import { describeLedgerEntry, ledgerKind } from './ledger-words.ts';
import { PaymentsChart } from './payments-chart.tsx';
import { planName } from './membership-words.ts';

export function PaymentsPage() {
  const membership = useLoad(getMembership);

  useEffect(() => {
    // `/account/payments#payment-method` from the on-hold banner.
    if (membership.data && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [membership.data]);

  if (membership.loading && !membership.data) return <Page title="Payments"><Loading label="Loading your payments" /></Page>;
  if (!membership.data) return <Page title="Payments">{membership.error ? <LoadError error={membership.error} retry={membership.reload} /> : null}</Page>;
  const data = membership.data;
  const ledger = [...data.ledger].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <Page title="Payments" intro="Every charge, refund, failed payment, temporary card check and gift card on your membership.">
      {data.billed_by.kind === 'partner' ? (
        <Notice tone="info">
          {data.billed_by.partner} bills you for this membership, so its charges appear on your {data.billed_by.partner} bill, not here.
        </Notice>
      ) : null}
      <Section title="Payment history">
        {ledger.length ? (
          <>
            <PaymentsChart ledger={ledger} currency={data.currency} />
            <LedgerTable membership={data} ledger={[...ledger].reverse()} />
          </>
        ) : (
          <p>No payments yet.</p>
        )}
      </Section>
      <GiftBalanceSummary membership={data} />
      {data.billed_by.kind === 'direct' ? (
        <PaymentMethod membership={data} onUpdated={(view) => membership.setData({ ...data, ...view, plan_name: planName(data, view.state.plan) })} />
      ) : null}
    </Page>
  );
}

function LedgerTable({ ledger, membership }: { ledger: MyMembership['ledger']; membership: MyMembership }) {
  return (
    <div className="table-wrap" role="region" aria-label="Payment history table" tabIndex={0}>
      <table className="ledger">
        <caption className="visually-hidden">Payment history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              of which tax
            </th>
          </tr>
        </thead>
        <tbody>
          {ledger.map((entry) => {
            const kind = ledgerKind(entry);
            const words = describeLedgerEntry(entry);
            const sign = kind === 'refund' ? '−' : kind === 'gift' ? '+' : '';
            const currency = entry.currency || membership.currency;
            const split = describeSplit(entry, (amount) => formatMoney(amount, currency));
            return (
              <tr key={entry.id} className={`row-${kind}`}>
                <td>{formatDate(entry.date)}</td>
                <td>
                  <span className={`tag tag-${kind}`}>{words.title}</span>
                  {words.note ? <span className="muted row-note">{words.note}</span> : null}
                </td>
                <td className="num">
                  {kind === 'failed' || kind === 'authorization' ? <s aria-label={`${formatMoney(entry.amount, entry.currency || membership.currency)}, not charged`}>{formatMoney(entry.amount, entry.currency || membership.currency)}</s> : null}
                  {kind === 'charge' || kind === 'refund' || kind === 'gift' ? `${sign}${formatMoney(entry.amount, currency)}` : null}
                  {split ? <span className="split-note">{split}</span> : null}
                </td>
                <td className="num">{entry.tax !== null && entry.tax !== undefined ? formatMoney(entry.tax, entry.currency || membership.currency) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PaymentMethod({ membership, onUpdated }: { membership: MyMembership; onUpdated: (view: MembershipView) => void }) {
  const method = membership.payment_method;
  const [editing, setEditing] = useState(membership.state.status === 'on_hold');
  const [card, setCard] = useState<CardDraft>(emptyCard);
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onHold = membership.state.status === 'on_hold';

  const action = useAction(async () => {
    const checked = validateCard(card);
    if ('field' in checked) {
      setLocalError(checked);
      document.querySelector<HTMLElement>(`[name="${checked.field}"]`)?.focus();
      return;
    }
    setLocalError(null);
    const view = await updatePaymentMethod(checked.card);
    onUpdated(view);
    setCard(emptyCard);
    setEditing(false);
    setDone(
      `Card updated. To check it, we placed a temporary hold of ${formatMoney(100, membership.currency)} and released it at once: it is not a charge.` +
        (onHold ? ' We also retried your failed payment with the new card.' : '') +
        ' We have emailed you a confirmation.',
    );
  }, [...CARD_FIELDS]);
  const errorFor = (field: string) => (localError?.field === field ? localError.message : action.fieldError(field));

  return (
    <Section title="Payment method" id="payment-method">
      <Notice>{done}</Notice>
      {method ? (
        <p>
          <strong>
            {formatCardBrand(method.brand)} ending in {method.last4}
          </strong>
          , expires {String(method.exp_month).padStart(2, '0')}/{method.exp_year}
        </p>
      ) : (
        <p>No card on file.</p>
      )}
      {onHold ? <p className="alert alert-warning">Your last payment failed. Updating your card retries it straight away.</p> : null}
      {editing ? (
        <form className="form" onSubmit={submitWith(action.run)} noValidate>
          <ErrorAlert error={action.formError} />
          <CardFields value={card} onChange={setCard} errorFor={errorFor} />
          <p className="hint">We check a new card with a temporary {formatMoney(100, membership.currency)} hold that is released straight away.</p>
          <div className="actions">
            <Button type="submit" busy={action.busy}>
              {onHold ? 'Save card and pay now' : 'Save card'}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setEditing(true)}>
          Update payment method
        </Button>
      )}
    </Section>
  );
}
