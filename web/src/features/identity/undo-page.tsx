import { useState } from 'react';
import { undoSecurityChange } from '../../api/identity.ts';
import { Link, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorAlert, Notice, Page } from '../../ui/components.tsx';
import { useAction } from '../../ui/hooks.ts';

/** The link in "your email/phone/password was changed" alerts: put it back and report it. */
export function UndoPage() {
  const token = useSearchParam('token');
  const { setMember, refresh } = useSession();
  const [done, setDone] = useState(false);
  const action = useAction(async () => {
    await undoSecurityChange({ token: token ?? '' });
    setMember(null);
    await refresh();
    setDone(true);
  });

  if (done) {
    return (
      <Page title="Change undone" width="narrow">
        <Notice>We put back your previous details, signed every device out and reported the change to our security team.</Notice>
        <ol className="steps">
          <li>
            <Link to="/forgot">Choose a new password</Link>: someone else may know your old one.
          </li>
          <li>If you used the same password elsewhere, change it there too.</li>
          <li>After signing in, check your devices and extra members in your account.</li>
        </ol>
      </Page>
    );
  }

  return (
    <Page title="Wasn’t you?" width="narrow" intro="If you didn’t change your sign-in details, undo the change now. We will put back your previous details and sign out every device.">
      <ErrorAlert error={token ? action.formError : null} />
      {token ? (
        <Button variant="danger" busy={action.busy} onClick={() => void action.run()} className="button-block">
          Undo the change and secure my account
        </Button>
      ) : (
        <p>This link is incomplete. Open it again from the email or text message we sent.</p>
      )}
      <p>
        Links work for 7 days. Expired? <Link to="/forgot">Reset your password</Link> and contact us from the Help Center.
      </p>
    </Page>
  );
}
