import { useEffect, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../../api/client.ts';
import { getMembership, redeemGiftCard } from '../../api/billing.ts';
import type { MyMembership } from '../../api/types.ts';
import { AccountLayout } from '../../app/account-layout.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, Field, Loading, Notice, Page } from '../../ui/components.tsx';
import { formatMoney } from '../../ui/format.ts';
import { submitWith, toApiError, useLoad } from '../../ui/hooks.ts';
import { codeFromFragment, forgetPendingCode, keepPendingCode, normalizeGiftCode, pendingCode } from './gift-card-code.ts';
import { adviceForRefusal, type RefusalAdvice } from './gift-card-refusals.ts';
import { describeGiftEstimate } from './gift-estimate.ts';
import { retryAfterRedeem } from './gift-split.ts';

const TITLE = 'Redeem a gift card';
const CODE_HINT = 'As printed on the card or in the email. Capitals, spaces and dashes don’t matter.';

/** The code a page starts with: a gift email's `#code=` link first, else the one kept through sign-in. */
function startingCode(): string {
  const fromLink = codeFromFragment(window.location.hash);
  if (fromLink) {
    keepPendingCode(fromLink);
    // Out of the address bar (and history) at once: the code is a secret until redeemed.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromLink;
  }
  return pendingCode() ?? '';
}

export function RedeemPage() {
  const { loading, member } = useSession();
  if (loading) return <Page title={TITLE}><Loading /></Page>;
  if (!member) return <VisitorRedeem />;
  if (member.role !== 'owner') {
    return (
      <AccountLayout>
        <Page title={TITLE}>
          <p>A gift card pays for a membership, so it is redeemed by the person who pays: the owner of the membership you watch on. Give them the code, or redeem it on a membership of your own.</p>
          <Link to="/account">Back to your membership</Link>
        </Page>
      </AccountLayout>
    );
  }
  return (
    <AccountLayout>
      <OwnerRedeem />
    </AccountLayout>
  );
}

/** Signed out: the code typed here is kept in this tab while the visitor signs in or joins, then filled in. */
function VisitorRedeem() {
  const [code, setCode] = useState(startingCode);
  const next = encodeURIComponent('/redeem');
  const keep = () => keepPendingCode(code);
  return (
    <Page title={TITLE} width="narrow" intro="A Reelhouse gift card adds its value to your account’s gift balance, which pays your membership before your card does.">
      <p>To redeem it, sign in first, or join if you are new. We keep the code in this browser tab and fill it in for you afterwards.</p>
      <form
        className="form"
        onSubmit={(event) => {
          // Enter in the field signs in, the usual next step.
          event.preventDefault();
          keep();
          navigate(`/sign-in?next=${next}`);
        }}
        noValidate
      >
        <Field
          label="Gift card code (optional for now)"
          name="code"
          hint={CODE_HINT}
          className="code-field"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            keepPendingCode(event.target.value);
          }}
        />
        <div className="actions">
          <Link to={`/sign-in?next=${next}`} className="button button-primary" onClick={keep}>
            Sign in to redeem
          </Link>
          <Link to={`/join?next=${next}`} className="button button-secondary" onClick={keep}>
            Join Reelhouse
          </Link>
        </div>
      </form>
    </Page>
  );
}

type Redeemed = { added: number | null; membership: MyMembership };

function OwnerRedeem() {
  const membership = useLoad(getMembership);
  const welcome = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const [code, setCode] = useState(startingCode);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<RefusalAdvice | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const busyRef = useRef(false);
  const data = membership.data;
  const partner = data?.billed_by.kind === 'partner' ? data.billed_by.partner : null;
  const refuse = (advice: RefusalAdvice) => {
    setRefusal(advice);
    // The field is marked invalid and gets focus when the code is at fault; the alert is read either way.
    if (advice.codeAtFault) requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[name="code"]')?.focus());
  };

  useEffect(() => {
    if (done) resultHeading.current?.focus();
  }, [done]);

  const redeem = async () => {
    if (busyRef.current) return;
    const normalized = normalizeGiftCode(code);
    if (!normalized) {
      refuse({ title: 'Enter the code', sentences: ['Type the code printed on the gift card or in its email.'], codeAtFault: true });
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await redeemGiftCard(normalized);
      forgetPendingCode();
      setCode('');
      // The plan's name and the country's plans come with the member's view; the answer has the rest.
      const fresh = await getMembership().catch(() => ({ ...(data as MyMembership), ...answer }));
      membership.setData(fresh);
      setDone({ added: answer.redeemed?.amount ?? null, membership: fresh });
    } catch (cause) {
      const error = toApiError(cause);
      refuse(adviceForRefusal(error.code, { serverMessage: error.message, accountCurrency: data?.currency, partner }));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  if (membership.loading && !data) return <Page title={TITLE}><Loading label="Loading your gift balance" /></Page>;
  const money = (amount: number) => formatMoney(amount, data?.currency ?? '');
  const codeError = refusal?.codeAtFault ? refusal.title : undefined;

  return (
    <Page title={TITLE} intro="The card’s value goes to your gift balance, which pays your charges before your card does. It never expires.">
      <Notice>{welcome}</Notice>
      {done ? <RedeemResult done={done} headingRef={resultHeading} money={money} /> : null}
      {partner ? (
        <Notice tone="info">
          {partner} bills your membership, so a Reelhouse gift card cannot pay for it while they do. You can still try a code: nothing is used up if it is refused.
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="redeem-form-heading">
        <h2 id="redeem-form-heading">{done ? 'Redeem another card' : 'Your gift card code'}</h2>
        <form className="form" onSubmit={submitWith(redeem)} noValidate>
          <RefusalAlert refusal={refusal} />
          <Field
            label="Gift card code"
            name="code"
            hint={CODE_HINT}
            className="code-field"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              keepPendingCode(event.target.value);
            }}
            error={codeError}
          />
          <div className="actions">
            <Button type="submit" busy={busy}>
              Redeem
            </Button>
          </div>
        </form>
        {data ? (
          <p className="muted">
            Your gift balance now: <strong>{money(data.state.gift_balance ?? 0)}</strong>.
          </p>
        ) : membership.error && !(membership.error instanceof ApiError && membership.error.status === 404) ? (
          <p className="muted">{membership.error.message}</p>
        ) : null}
      </section>
    </Page>
  );
}

function RedeemResult({ done, headingRef, money }: { done: Redeemed; headingRef: RefObject<HTMLHeadingElement | null>; money: (amount: number) => string }) {
  const balance = done.membership.state.gift_balance ?? 0;
  const estimate = describeGiftEstimate(done.membership, money);
  const retry = retryAfterRedeem(done.membership);
  return (
    <section className="card redeem-result alert-success" aria-labelledby="redeem-result-heading">
      <h2 id="redeem-result-heading" ref={headingRef} tabIndex={-1}>
        {done.added !== null ? `${money(done.added)} added to your gift balance` : 'Gift card redeemed'}
      </h2>
      <p>
        Your gift balance is now <strong>{money(balance)}</strong>.{estimate ? ` ${estimate}` : ''}
      </p>
      {retry?.paid ? (
        <p>
          We used it at once for the payment that had failed: {money(retry.paid.gift)} from your gift balance
          {retry.paid.card > 0 ? ` and ${money(retry.paid.card)} on your card` : ''}. Your membership is running again.
        </p>
      ) : null}
      {retry?.declined ? (
        <p className="alert alert-warning">
          We retried the payment that had failed at once, but your card declined the rest, so nothing was taken from your balance.{' '}
          <Link to="/account/payments#payment-method">Update your card</Link> to pay it.
        </p>
      ) : null}
      <p>
        <Link to="/account">Back to your membership</Link> · <Link to="/account/payments">See your payments</Link>
      </p>
    </section>
  );
}

/** The refusal, read out as soon as it appears: what happened, what to do instead. Always in the page so it is announced. */
function RefusalAlert({ refusal }: { refusal: RefusalAdvice | null }) {
  return (
    <div className={refusal ? 'alert alert-error refusal' : 'alert-empty'} role="alert" aria-live="assertive">
      {refusal ? (
        <>
          <h3>{refusal.title}</h3>
          {refusal.sentences.filter(Boolean).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {refusal.link ? (
            <p>
              <Link to={refusal.link.to}>{refusal.link.label}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

