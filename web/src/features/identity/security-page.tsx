import { useState } from 'react';
import { changeEmail, changePassword, changePhone, getDevices, getSecurityReview, removeDevice, signOutEverywhere } from '../../api/identity.ts';
import type { Device, FailedSignIn, SecuritySignal } from '../../api/types.ts';
import { navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorAlert, Field, LoadError, Loading, Notice, Page, Section } from '../../ui/components.tsx';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';
import { PasswordField } from './password-field.tsx';

const SIGNAL_TITLES: Record<string, string> = {
  email_changed_unconfirmed: 'Your email address was changed without confirmation',
  password_changed: 'Your password was changed',
  unknown_profile: 'A profile you may not recognise',
  unfamiliar_device: 'A device you may not recognise signed in',
  plan_changed: 'Your plan was changed',
  extra_member_added: 'An extra member was added',
  restarted_after_cancel: 'Your membership was restarted after you cancelled',
  unfamiliar_viewing: 'Viewing activity you may not recognise',
  failed_sign_ins: 'Someone tried to sign in with a wrong password',
  guesses_refused: 'Too many wrong codes or passwords were refused',
};

const DEVICE_TYPES: Record<string, string> = { tv: 'TV', phone: 'Phone', tablet: 'Tablet', computer: 'Computer', console: 'Games console' };

export function SecurityPage() {
  return (
    <Page title="Security and devices">
      <SecurityReviewSection />
      <DevicesSection />
      <ChangeDetails />
    </Page>
  );
}

function SecurityReviewSection() {
  const review = useLoad(getSecurityReview);
  if (review.loading) return <Section title="Security review"><Loading /></Section>;
  if (!review.data) return <Section title="Security review">{review.error ? <LoadError error={review.error} retry={review.reload} /> : null}</Section>;
  const { signals, steps } = review.data;
  return (
    <Section title="Security review">
      {signals.length === 0 ? (
        <p className="status status-good">
          <span className="status-dot" aria-hidden="true" />
          Nothing unusual on your account.
        </p>
      ) : (
        <>
          <p>We noticed these changes. If they were all you, there is nothing to do.</p>
          <ul className="signals">
            {signals.map((signal: SecuritySignal, index) => (
              <li key={`${signal.kind}-${signal.at}-${index}`} className={`signal signal-${signal.severity}`}>
                <strong>{SIGNAL_TITLES[signal.kind] ?? signal.summary}</strong>
                <span className="muted"> · {formatDateTime(signal.at)}</span>
                {SIGNAL_TITLES[signal.kind] ? <p>{signal.summary}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {review.data.failed_sign_ins.length ? <FailedSignIns failures={review.data.failed_sign_ins} /> : null}
      {steps.length ? (
        <>
          <h3>If something here wasn’t you</h3>
          <ol className="steps">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}

/** When and from where, never what was typed; the address without its last part, as the sessions table shows places. */
function FailedSignIns({ failures }: { failures: FailedSignIn[] }) {
  return (
    <details className="sessions">
      <summary>Failed sign-ins in the last 30 days ({failures.length})</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What happened</th>
              <th scope="col">Where</th>
              <th scope="col">Browser</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((failure, index) => (
              <tr key={`${failure.at}-${index}`}>
                <td>{formatDateTime(failure.at)}</td>
                <td>{failure.kind === 'locked' ? 'Refused: too many wrong passwords' : 'Wrong password'}</td>
                <td>
                  {failure.location} <span className="muted">({failure.address})</span>
                </td>
                <td>{failure.device}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function DevicesSection() {
  const devices = useLoad(getDevices);
  const { setMember, refresh } = useSession();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useAction(async (device: Device) => {
    await removeDevice(device.id);
    setConfirming(null);
    setNotice(`${device.name} has been removed and signed out.`);
    if (device.current) {
      setMember(null);
      await refresh();
      navigate('/sign-in');
      return;
    }
    devices.reload();
  });
  const everywhere = useAction(async () => {
    await signOutEverywhere();
    setMember(null);
    await refresh();
    navigate('/sign-in', { state: { notice: 'You have been signed out of every device, including this one.' } });
  });

  return (
    <Section title="Devices and sessions">
      <Notice>{notice}</Notice>
      <ErrorAlert error={remove.formError ?? everywhere.formError} />
      {devices.loading && !devices.data ? <Loading /> : null}
      {devices.error ? <LoadError error={devices.error} retry={devices.reload} /> : null}
      {devices.data ? (
        <ul className="device-list">
          {devices.data.devices.map((device) => (
            <li key={device.id} className="device">
              <div>
                <strong>{device.name}</strong> {device.current ? <span className="tag tag-current">This device</span> : null}
                <p className="muted">
                  {DEVICE_TYPES[device.type] ?? device.type}
                  {device.location ? ` · ${device.location}` : ''} · last used {formatRelative(device.last_used_at)}
                </p>
              </div>
              {confirming === device.id ? (
                <div className="inline-confirm" role="group" aria-label={`Remove ${device.name}?`}>
                  <span>Sign {device.name} out now?</span>
                  <Button variant="danger" busy={remove.busy} onClick={() => void remove.run(device)}>
                    Remove
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    Keep
                  </Button>
                </div>
              ) : (
                <Button variant="secondary" onClick={() => setConfirming(device.id)} aria-label={`Remove ${device.name}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {devices.data?.sessions.length ? (
        <details className="sessions">
          <summary>Sign-in sessions ({devices.data.sessions.length})</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Where</th>
                </tr>
              </thead>
              <tbody>
                {devices.data.sessions.map((session) => (
                  <tr key={session.id}>
                    <td>
                      {devices.data?.devices.find((device) => device.id === session.device_id)?.name ?? 'Web browser'}
                      {session.current ? ' (this one)' : ''}
                    </td>
                    <td>{formatDateTime(session.created_at)}</td>
                    <td>{formatRelative(session.last_used_at)}</td>
                    <td>{session.location ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      <div className="danger-zone">
        <h3>Sign out of all devices</h3>
        <p>Every TV, phone and browser signed in to your account is signed out, this one too. Do this if you see a device you don’t know, then change your password.</p>
        <SignOutEverywhereButton busy={everywhere.busy} onConfirm={() => void everywhere.run()} />
      </div>
    </Section>
  );
}

function SignOutEverywhereButton({ busy, onConfirm }: { busy: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <Button variant="danger" onClick={() => setAsking(true)}>Sign out of all devices</Button>;
  return (
    <div className="inline-confirm" role="group" aria-label="Confirm signing out of all devices">
      <span>You will need to sign in again everywhere.</span>
      <Button variant="danger" busy={busy} onClick={onConfirm} autoFocus>
        Yes, sign out everywhere
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </div>
  );
}

type DetailKind = 'email' | 'phone' | 'password';

function ChangeDetails() {
  const { member, refresh } = useSession();
  const [open, setOpen] = useState<DetailKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section title="Sign-in details">
      <Notice>{notice}</Notice>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{member?.email}</dd>
        </div>
        <div>
          <dt>Mobile number</dt>
          <dd>{member?.phone ?? 'None'}</dd>
        </div>
        <div>
          <dt>Password</dt>
          <dd>••••••••••</dd>
        </div>
      </dl>
      <div className="actions">
        {(['email', 'phone', 'password'] as const).map((kind) => (
          <Button key={kind} variant="secondary" aria-expanded={open === kind} onClick={() => setOpen(open === kind ? null : kind)}>
            Change {kind === 'phone' ? 'mobile number' : kind}
          </Button>
        ))}
      </div>
      {open ? (
        <ChangeForm
          key={open}
          kind={open}
          onDone={(message) => {
            setOpen(null);
            setNotice(message);
            void refresh();
          }}
        />
      ) : null}
    </Section>
  );
}

function ChangeForm({ kind, onDone }: { kind: DetailKind; onDone: (message: string) => void }) {
  const [value, setValue] = useState('');
  const [current, setCurrent] = useState('');
  const field = kind === 'email' ? 'new_email' : kind === 'phone' ? 'new_phone' : 'new_password';
  const action = useAction(async () => {
    if (kind === 'email') await changeEmail({ new_email: value.trim(), current_password: current });
    else if (kind === 'phone') await changePhone({ new_phone: value.trim(), current_password: current });
    else await changePassword({ new_password: value, current_password: current });
    const where = kind === 'phone' ? 'old mobile number' : 'email address on file';
    onDone(`${kind === 'email' ? 'Email address' : kind === 'phone' ? 'Mobile number' : 'Password'} changed. We sent an alert to your ${kind === 'email' ? 'old email address' : where} with a link to undo it if it wasn’t you.`);
  }, [field, 'current_password']);
  return (
    <form className="form sub-form" onSubmit={submitWith(action.run)} noValidate>
      <ErrorAlert error={action.formError} />
      {kind === 'password' ? (
        <PasswordField label="New password" name={field} autoComplete="new-password" hint="At least 10 characters." value={value} onChange={setValue} error={action.fieldError(field)} />
      ) : (
        <Field
          label={kind === 'email' ? 'New email address' : 'New mobile number'}
          name={field}
          type={kind === 'email' ? 'email' : 'tel'}
          autoComplete={kind === 'email' ? 'email' : 'tel'}
          required
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={action.fieldError(field)}
        />
      )}
      <PasswordField label="Current password" name="current_password" autoComplete="current-password" value={current} onChange={setCurrent} error={action.fieldError('current_password')} />
      <Button type="submit" busy={action.busy}>
        Save
      </Button>
    </form>
  );
}
