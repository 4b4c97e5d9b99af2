import { useState } from 'react';
import { cancelInvitation, fixInvitationEmail, getExtraMembers, inviteExtraMember, removeExtraMember, resendInvitation } from '../../api/household.ts';
import type { ExtraMember, ExtraMemberRefusal, ExtraMembers, Invitation } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, Field, LoadError, Loading, Notice, Page, Section } from '../../ui/components.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';

const REFUSALS: Record<ExtraMemberRefusal, string> = {
  EXTRA_MEMBER_LIMIT: 'Your plan has no free extra-member place. Remove an extra member or move to a plan with more places.',
  EXTRA_MEMBER_UNAVAILABLE: 'Extra members aren’t offered on your plan or in your country. Standard and Premium include them where they are available.',
  BILLED_BY_PARTNER: 'Your membership is billed by a partner company that doesn’t offer extra members. You can add them if you pay Reelhouse directly.',
  NOT_ACTIVE: 'Your membership isn’t active right now (paused, on hold or cancelled). Extra members can be added once it is active again.',
};

const INVITATION_STATUS: Record<Invitation['status'], string> = {
  pending: 'Waiting to be accepted',
  expired: 'Expired',
  accepted: 'Accepted',
  cancelled: 'Cancelled',
};

export function ExtraMembersPage() {
  const state = useLoad(getExtraMembers);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    state.reload();
  };

  if (state.loading && !state.data) return <Page title="Extra members"><Loading /></Page>;
  if (!state.data) return <Page title="Extra members">{state.error ? <LoadError error={state.error} retry={state.reload} /> : null}</Page>;
  const data = state.data;
  const price = formatMoney(data.slot_price, data.currency);

  return (
    <Page title="Extra members" intro="Share your membership with people who don’t live with you. Each one gets their own account and password.">
      <Notice>{notice}</Notice>
      <Section title="Your places">
        <p>
          <strong>
            {data.slots_used} of {data.slots_allowed}
          </strong>{' '}
          extra-member places in use{data.slots_allowed ? `, ${price} a month each` : ''}.
        </p>
        {data.eligible ? (
          <InviteForm price={price} onDone={done} />
        ) : (
          <div className="alert alert-info">
            <p>{data.reason_code ? REFUSALS[data.reason_code] : 'You can’t add an extra member right now.'}</p>
            {data.reason_code === 'EXTRA_MEMBER_LIMIT' || data.reason_code === 'EXTRA_MEMBER_UNAVAILABLE' ? <Link to="/account">See plans</Link> : null}
          </div>
        )}
      </Section>
      <Invitations data={data} onDone={done} />
      <Members members={data.members} onDone={done} />
    </Page>
  );
}

function InviteForm({ price, onDone }: { price: string; onDone: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const action = useAction(async () => {
    await inviteExtraMember({ email: email.trim(), name: name.trim() });
    setEmail('');
    setName('');
    onDone(`Invitation sent to ${email.trim()}. It works for 14 days.`);
  }, ['email', 'name']);
  return (
    <form className="form sub-form" onSubmit={submitWith(action.run)} noValidate>
      <h3>Invite an extra member</h3>
      <ErrorAlert error={action.formError} />
      <Field label="Their name" name="name" autoComplete="off" required value={name} onChange={(event) => setName(event.target.value)} error={action.fieldError('name')} />
      <Field label="Their email address" name="email" type="email" autoComplete="off" required value={email} onChange={(event) => setEmail(event.target.value)} error={action.fieldError('email')} />
      <p className="hint">
        Sending the invitation adds a place to your membership: today we charge the part of {price} that covers the rest of this billing month, then {price} a month with
        your membership. Check the address: the invitation lets whoever receives it join.
      </p>
      <Button type="submit" busy={action.busy}>
        Send invitation
      </Button>
    </form>
  );
}

function Invitations({ data, onDone }: { data: ExtraMembers; onDone: (message: string) => void }) {
  if (!data.invitations.length) return null;
  return (
    <Section title="Invitations">
      <ul className="item-list">
        {data.invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} onDone={onDone} />
        ))}
      </ul>
    </Section>
  );
}

function InvitationRow({ invitation, onDone }: { invitation: Invitation; onDone: (message: string) => void }) {
  const [fixing, setFixing] = useState(false);
  const [email, setEmail] = useState(invitation.email);
  const resend = useAction(async () => {
    await resendInvitation(invitation.id);
    onDone(`Invitation sent again to ${invitation.email}.`);
  });
  const cancel = useAction(async () => {
    await cancelInvitation(invitation.id);
    onDone(`Invitation to ${invitation.email} cancelled.`);
  });
  const fix = useAction(async () => {
    await fixInvitationEmail(invitation.id, email.trim());
    setFixing(false);
    onDone(`Invitation now goes to ${email.trim()}. The old link no longer works.`);
  }, ['email']);
  const open = invitation.status === 'pending' || invitation.status === 'expired';
  return (
    <li className="item">
      <div>
        <strong>{invitation.email}</strong>
        <p className="muted">
          {INVITATION_STATUS[invitation.status]}
          {invitation.status === 'pending' ? ` · expires ${formatDateTime(invitation.expires_at)}` : ''}
        </p>
      </div>
      <ErrorAlert error={resend.formError ?? cancel.formError} />
      {open && !fixing ? (
        <div className="actions">
          <Button variant="secondary" busy={resend.busy} onClick={() => void resend.run()}>
            {invitation.status === 'expired' ? 'Send a new invitation' : 'Resend'}
          </Button>
          <Button variant="secondary" onClick={() => setFixing(true)}>
            Fix email address
          </Button>
          <Button variant="danger" busy={cancel.busy} onClick={() => void cancel.run()}>
            Cancel invitation
          </Button>
        </div>
      ) : null}
      {fixing ? (
        <form className="form sub-form" onSubmit={submitWith(fix.run)} noValidate>
          <ErrorAlert error={fix.formError} />
          <Field label="Correct email address" name="email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={fix.fieldError('email')} />
          <div className="actions">
            <Button type="submit" busy={fix.busy}>
              Send to this address
            </Button>
            <Button variant="secondary" onClick={() => setFixing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

function Members({ members, onDone }: { members: ExtraMember[]; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useAction(async (member: ExtraMember) => {
    await removeExtraMember(member.account_id);
    setConfirming(null);
    onDone(`${member.name} has been removed. They keep watching until the end of the month you paid for, and that place is not renewed.`);
  });
  return (
    <Section title="Extra members">
      {members.length === 0 ? <p>No extra members yet.</p> : null}
      <ErrorAlert error={remove.formError} />
      <ul className="item-list">
        {members.map((member) => (
          <li key={member.account_id} className="item">
            <div>
              <strong>{member.name}</strong>
              <p className="muted">
                {member.email}
                {member.access_until ? ` · removed, can watch until ${formatDate(member.access_until)}` : ''}
              </p>
            </div>
            {member.access_until ? null : confirming === member.account_id ? (
              <div className="inline-confirm" role="group" aria-label={`Remove ${member.name}?`}>
                <span>They keep access until the end of this paid month; no refund.</span>
                <Button variant="danger" busy={remove.busy} onClick={() => void remove.run(member)}>
                  Remove {member.name}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  Keep
                </Button>
              </div>
            ) : (
              <Button variant="secondary" onClick={() => setConfirming(member.account_id)} aria-label={`Remove ${member.name}`}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
