import { useEffect, useRef, useState } from 'react';
import { applyAction, previewAction } from '../../api/billing.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import type { ActionPreview, MembershipAction, MembershipView, MyMembership } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, SelectField } from '../../ui/components.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { payingSources } from './gift-split.ts';
import { monthsText, resumeDate } from './membership-words.ts';

type ActionKind = 'change_plan' | 'pause' | 'extend_pause' | 'withdraw_pause' | 'unpause' | 'cancel' | 'restart';

const TITLES: Record<ActionKind, string> = {
  change_plan: 'Change plan',
  pause: 'Pause membership',
  extend_pause: 'Make the pause longer',
  withdraw_pause: 'Don’t pause after all',
  unpause: 'Restart now (end the pause)',
  cancel: 'Cancel membership',
  restart: 'Restart membership',
};

/** Which actions make sense now (the server still decides; refusals are shown as they come). */
export function availableActions(membership: MyMembership): ActionKind[] {
  if (membership.billed_by.kind === 'partner') return [];
  const { status } = membership.state;
  const pauseMonths = membership.pause?.months ?? 0;
  switch (status) {
    case 'active':
      return membership.pause
        ? ['change_plan', ...(pauseMonths < 3 ? (['extend_pause'] as const) : []), 'withdraw_pause', 'cancel']
        : ['change_plan', 'pause', 'cancel'];
    case 'paused':
      return ['unpause', ...(pauseMonths < 3 ? (['extend_pause'] as const) : []), 'cancel'];
    case 'on_hold':
      return ['cancel'];
    case 'canceled_pending':
      return ['restart', 'change_plan'];
    case 'canceled':
      return ['restart'];
    default:
      return [];
  }
}

/**
 * Every change goes in two steps: the member chooses, we show what will happen
 * (`preview`: consequence and charge), and only then the confirm button applies it.
 */
export function MembershipActions({ membership, onChanged }: { membership: MyMembership; onChanged: (view: MembershipView, message: string) => void }) {
  const kinds = availableActions(membership);
  const [open, setOpen] = useState<ActionKind | null>(null);
  if (!kinds.length) return null;
  return (
    <div className="action-list">
      {kinds.map((kind) => (
        <div key={kind} className={open === kind ? 'action action-open' : 'action'}>
          <button
            type="button"
            className={`action-toggle ${kind === 'cancel' ? 'action-danger' : ''}`}
            aria-expanded={open === kind}
            onClick={() => setOpen(open === kind ? null : kind)}
          >
            {TITLES[kind]}
            <span className="chevron" aria-hidden="true" />
          </button>
          {open === kind ? (
            <ActionPanel
              kind={kind}
              membership={membership}
              onDone={(view, message) => {
                setOpen(null);
                onChanged(view, message);
              }}
              onClose={() => setOpen(null)}
            />
          ) : null}
        </div>
      ))}
    </div>
  );
}

function ActionPanel({ kind, membership, onDone, onClose }: { kind: ActionKind; membership: MyMembership; onDone: (view: MembershipView, message: string) => void; onClose: () => void }) {
  const { state, pause, plans, currency } = membership;
  const otherPlans = plans.filter((plan) => plan.id !== (state.status === 'canceled' ? null : (membership.pending_plan ?? state.plan)));
  const [plan, setPlan] = useState(kind === 'restart' ? (state.plan ?? plans[0]?.id ?? '') : (otherPlans[0]?.id ?? ''));
  const [months, setMonths] = useState(1);
  const [preview, setPreview] = useState<{ action: MembershipAction; answer: ActionPreview; key: string } | null>(null);
  const consequenceRef = useRef<HTMLDivElement>(null);

  const build = (): MembershipAction => {
    switch (kind) {
      case 'change_plan':
        return { type: 'change_plan', plan };
      case 'pause':
        return { type: 'pause', months };
      case 'extend_pause':
        return { type: 'extend_pause', months };
      case 'restart':
        return state.status === 'canceled' ? { type: 'restart', plan } : { type: 'restart' };
      default:
        return { type: kind };
    }
  };

  const review = useAction(async () => {
    const action = build();
    const answer = await previewAction(action);
    // One key per reviewed change: a double click or a retry after a timeout is applied once.
    setPreview({ action, answer, key: newIdempotencyKey() });
  });
  const confirm = useAction(async () => {
    if (!preview) return;
    const view = await applyAction(preview.action, preview.key);
    onDone(view, preview.answer.consequence);
  });

  useEffect(() => {
    if (preview) consequenceRef.current?.focus();
  }, [preview]);

  const maxExtra = 3 - (pause?.months ?? 0);
  const pauseStart = kind === 'pause' ? state.next_billing_date : pause?.starts;
  const monthChoices = kind === 'extend_pause' ? Array.from({ length: Math.max(0, maxExtra) }, (_, index) => index + 1) : [1, 2, 3];

  if (preview) {
    const { charge } = preview.answer;
    return (
      <div className="action-panel">
        <div className="consequence" ref={consequenceRef} tabIndex={-1} aria-labelledby={`${kind}-consequence-title`}>
          <h3 id={`${kind}-consequence-title`}>What will happen</h3>
          <p>{preview.answer.consequence}</p>
          {charge ? (
            <p className="charge">
              {charge.amount > 0 ? (
                <>
                  We will charge <strong>{formatMoney(charge.amount, charge.currency)}</strong>
                  {charge.tax ? ` (including ${formatMoney(charge.tax, charge.currency)} tax)` : ''} on {formatDate(charge.date)}
                  {payingSources(charge, (amount) => formatMoney(amount, charge.currency))}
                </>
              ) : (
                <>Nothing to pay.</>
              )}
            </p>
          ) : (
            <p className="charge">No charge for this change.</p>
          )}
        </div>
        <ErrorAlert error={confirm.formError} />
        <div className="actions">
          <Button variant={kind === 'cancel' ? 'danger' : 'primary'} busy={confirm.busy} onClick={() => void confirm.run()}>
            {kind === 'cancel' ? 'Confirm cancellation' : `Confirm: ${TITLES[kind].toLowerCase()}`}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={confirm.busy}>
            {kind === 'cancel' ? 'Keep my membership' : 'Don’t change anything'}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="action-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void review.run();
      }}
    >
      {kind === 'change_plan' || (kind === 'restart' && state.status === 'canceled') ? (
        <SelectField label={kind === 'restart' ? 'Restart with plan' : 'New plan'} name="plan" value={plan} onChange={(event) => setPlan(event.target.value)}>
          {(kind === 'restart' ? plans : otherPlans).map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}: {formatMoney(entry.price, currency)} a month
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'change_plan' ? <p className="hint">Upgrades start today with a prorated charge for the rest of this month. Downgrades start on your next billing date.</p> : null}
      {kind === 'pause' || kind === 'extend_pause' ? (
        <fieldset className="choice-group">
          <legend>{kind === 'pause' ? 'Pause for' : 'Add'}</legend>
          {monthChoices.map((count) => {
            const total = kind === 'extend_pause' ? (pause?.months ?? 0) + count : count;
            return (
              <label key={count} className="choice">
                <input type="radio" name="months" value={count} checked={months === count} onChange={() => setMonths(count)} />
                <span>
                  <strong>{monthsText(count)}</strong>
                  {pauseStart ? <span className="muted"> · restarts on {formatDate(resumeDate({ starts: pauseStart, months: total }))}</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {kind === 'pause' && state.next_billing_date ? (
        <p className="hint">The pause starts on {formatDate(state.next_billing_date)}, when your paid month ends. A pause lasts 3 months at most.</p>
      ) : null}
      {kind === 'cancel' && state.status === 'active' && state.next_billing_date ? (
        <p className="hint">You have paid until {formatDate(state.next_billing_date)}. Deleting the app or signing out never cancels: this does.</p>
      ) : null}
      {kind === 'cancel' && state.status === 'on_hold' ? (
        <p className="hint">
          Would you rather keep watching? <Link to="/account/payments#payment-method">Update your payment method</Link> instead.
        </p>
      ) : null}
      <ErrorAlert error={review.formError} />
      <div className="actions">
        <Button type="submit" variant="secondary" busy={review.busy} disabled={(kind === 'change_plan' && !plan) || monthChoices.length === 0}>
          See what will happen
        </Button>
      </div>
    </form>
  );
}

