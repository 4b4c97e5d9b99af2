import { useState } from 'react';
import { getMembership } from '../../api/billing.ts';
import type { MembershipView, MyMembership } from '../../api/types.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading, Notice, Page, Section } from '../../ui/components.tsx';
import { formatCardBrand, formatDate, formatMoney } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { GiftBalanceSummary } from './gift-balance.tsx';
import { MembershipActions } from './membership-actions.tsx';
import { describeEvent } from './membership-history.ts';
import { describeStatus, monthlyPrice, planName } from './membership-words.ts';

export function AccountPage() {
  const { member } = useSession();
  if (member?.role === 'extra_member') return <ExtraMemberAccount name={member.name} email={member.email} />;
  return <OwnerAccount />;
}

function ExtraMemberAccount({ name, email }: { name: string; email: string }) {
  // The welcome after accepting an invitation arrives as navigation state, as the owner's notices do.
  const { state } = useLocation();
  const notice = (state as { notice?: string } | null)?.notice ?? null;
  return (
    <Page title="Your membership">
      <Notice>{notice}</Notice>
      <Section title="Extra member">
        <p>
          Hello {name}. You watch as an <strong>extra member</strong> on someone else’s membership: they pay for it and manage the plan. You sign in with {email}.
        </p>
        <p>If the owner removes you, you keep watching until the end of the month they paid for.</p>
      </Section>
      <p>
        <Link to="/account/security">Your devices and security</Link>
      </p>
    </Page>
  );
}

function OwnerAccount() {
  const membership = useLoad(getMembership);
  const { state } = useLocation();
  const [notice, setNotice] = useState<string | null>(() => (state as { notice?: string } | null)?.notice ?? null);

  if (membership.loading && !membership.data) return <Page title="Your membership"><Loading label="Loading your membership" /></Page>;
  if (!membership.data) return <Page title="Your membership">{membership.error ? <LoadError error={membership.error} retry={membership.reload} /> : null}</Page>;
  const data = membership.data;

  const changed = (view: MembershipView, consequence: string) => {
    membership.setData({ ...data, ...view, plan_name: planName(data, view.state.plan) });
    setNotice(`Done. ${consequence} We have emailed you a confirmation.`);
    membership.reload();
  };

  return (
    <Page title="Your membership">
      <Notice>{notice}</Notice>
      <MembershipSummary membership={data} />
      <GiftBalanceSummary membership={data} />
      {data.billed_by.kind === 'partner' ? (
        <PartnerBilling partner={data.billed_by.partner} />
      ) : (
        <Section title="Make a change">
          <p className="muted">Each change shows you what will happen, with any charge, before you confirm.</p>
          <MembershipActions membership={data} onChanged={changed} />
        </Section>
      )}
      <History membership={data} />
    </Page>
  );
}

function MembershipSummary({ membership }: { membership: MyMembership }) {
  const words = describeStatus(membership);
  const price = monthlyPrice(membership);
  const { state, payment_method: method } = membership;
  return (
    <Section title="Membership">
      <p className={`status status-${words.tone}`}>
        <span className="status-dot" aria-hidden="true" />
        {words.label}
      </p>
      {words.sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <dl className="facts">
        <div>
          <dt>Plan</dt>
          <dd>{membership.plan_name ?? planName(membership, state.plan) ?? '—'}</dd>
        </div>
        {price !== null && membership.billed_by.kind === 'direct' ? (
          <div>
            <dt>Price</dt>
            <dd>
              {formatMoney(price, membership.currency)} a month
              {state.extra_members > 0 ? <span className="muted"> (includes {state.extra_members} extra member{state.extra_members > 1 ? 's' : ''})</span> : null}
            </dd>
          </div>
        ) : null}
        {state.next_billing_date ? (
          <div>
            <dt>Next billing date</dt>
            <dd>{formatDate(state.next_billing_date)}</dd>
          </div>
        ) : null}
        {state.access_until ? (
          <div>
            <dt>Last day of service</dt>
            <dd>{formatDate(state.access_until)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Billed by</dt>
          <dd>
            {membership.billed_by.kind === 'partner' ? membership.billed_by.partner : method ? `${formatCardBrand(method.brand)} ending in ${method.last4}` : 'Reelhouse'}
            {membership.billed_by.kind === 'direct' ? (
              <>
                {' · '}
                <Link to="/account/payments">Payments and card</Link>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {state.status === 'on_hold' ? (
        <p>
          <Link to="/account/payments#payment-method" className="button button-primary">
            Update payment method
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

function PartnerBilling({ partner }: { partner: string }) {
  return (
    <Section title={`Billed by ${partner}`}>
      <p>
        Your membership is paid through <strong>{partner}</strong>, so they charge you, on their bill and their billing date. To change your plan, pause or cancel, sign in to your{' '}
        {partner} account (their app, website or customer service) and look for Reelhouse in your subscriptions or add-ons.
      </p>
      <p className="muted">Questions about a {partner} charge are answered by {partner}. Deleting the Reelhouse app does not cancel anything.</p>
    </Section>
  );
}

function History({ membership }: { membership: MyMembership }) {
  if (!membership.events.length) return null;
  const events = [...membership.events].reverse().slice(0, 12);
  return (
    <Section title="Membership history">
      <ul className="plain-list">
        {events.map((event, index) => (
          <li key={`${event.date}-${event.type}-${index}`}>
            <span className="muted">{formatDate(event.date)}</span> {describeEvent(event, membership)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
