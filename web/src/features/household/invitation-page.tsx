import { useState } from 'react';
import { acceptInvitation } from '../../api/household.ts';
import { navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, Checkbox, ErrorAlert, Field, Page } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { PasswordField } from '../identity/password-field.tsx';

export function InvitationPage({ token }: { token: string }) {
  const { setMember, refresh } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [transfer, setTransfer] = useState(false);
  const [profile, setProfile] = useState('');
  const action = useAction(async () => {
    const answer = await acceptInvitation(token, { name: name.trim(), password, ...(transfer && profile.trim() ? { transfer_profile: profile.trim() } : {}) });
    setMember(answer.member);
    await refresh();
    navigate('/account', { state: { notice: 'Welcome! You are now an extra member. Sign in with your email and this password on any device.' } });
  }, ['name', 'password', 'transfer_profile']);
  const invalid = action.error && ['NOT_FOUND', 'INVITATION_EXPIRED', 'INVITATION_INVALID'].includes(action.error.code);

  return (
    <Page title="Join as an extra member" width="narrow" intro="Someone has invited you to share their membership. They pay for it; you get your own account and password.">
      <form className="form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError} />
        {invalid ? <p>Invitations work for 14 days. Ask the person who invited you to send a new one.</p> : null}
        <Field label="Your name" name="name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} error={action.fieldError('name')} />
        <PasswordField label="Choose a password" name="password" autoComplete="new-password" hint="At least 10 characters." value={password} onChange={setPassword} error={action.fieldError('password')} />
        <Checkbox
          name="transfer"
          label="Bring my profile from the account I used before"
          hint="Your viewing history, My List and recommendations move with you."
          checked={transfer}
          onChange={setTransfer}
        />
        {transfer ? (
          <Field
            label="Profile to bring"
            name="transfer_profile"
            hint="The name of your profile on the other account."
            value={profile}
            onChange={(event) => setProfile(event.target.value)}
            error={action.fieldError('transfer_profile')}
          />
        ) : null}
        <Button type="submit" busy={action.busy} className="button-block">
          Accept invitation
        </Button>
      </form>
    </Page>
  );
}
