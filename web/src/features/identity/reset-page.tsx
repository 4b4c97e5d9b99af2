import { useState } from 'react';
import { confirmReset, type ResetConfirmRequest } from '../../api/identity.ts';
import { Link, navigate, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, Checkbox, ErrorAlert, Field, Page } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { PasswordField } from './password-field.tsx';

const PASSWORD_HINT = 'At least 10 characters. A few unrelated words are easy to remember and hard to guess.';

/** New password + "sign out of all devices", for a link token or an SMS code. */
function NewPasswordForm({ credentials, withCode, initialLogin = '' }: { credentials?: { token: string }; withCode?: boolean; initialLogin?: string }) {
  const { setMember, refresh } = useSession();
  const [login, setLogin] = useState(initialLogin);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [everywhere, setEverywhere] = useState(true);
  const action = useAction(async () => {
    const base = { new_password: password, sign_out_everywhere: everywhere };
    const body: ResetConfirmRequest = credentials ? { ...base, token: credentials.token } : { ...base, login: login.trim(), code: code.trim() };
    const answer = await confirmReset(body);
    setMember(answer.member);
    await refresh();
    navigate('/account', { state: { notice: 'Your password has been changed.' } });
  }, ['login', 'code', 'new_password']);

  const invalid = action.error?.code === 'RESET_INVALID';
  return (
    <form className="form" onSubmit={submitWith(action.run)} noValidate>
      <ErrorAlert error={action.formError} />
      {invalid ? (
        <p>
          {withCode ? 'Codes' : 'Links'} work for 15 minutes, and only the newest one works. <Link to="/forgot">Ask for a new one</Link>.
        </p>
      ) : null}
      {withCode ? (
        <>
          <Field label="Mobile number" name="login" type="tel" autoComplete="tel" required value={login} onChange={(event) => setLogin(event.target.value)} error={action.fieldError('login')} />
          <Field
            label="6-digit code from the text message"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            className="field-code"
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
            error={action.fieldError('code')}
          />
        </>
      ) : null}
      <PasswordField label="New password" name="new_password" autoComplete="new-password" value={password} onChange={setPassword} hint={PASSWORD_HINT} error={action.fieldError('new_password')} />
      <Checkbox
        name="sign_out_everywhere"
        label="Sign out of all devices"
        hint="Recommended if you think someone else knows your password. You will need to sign in again on your TVs and phones."
        checked={everywhere}
        onChange={setEverywhere}
      />
      <Button type="submit" busy={action.busy} className="button-block">
        Save new password
      </Button>
    </form>
  );
}

export function CodeResetForm({ initialLogin }: { initialLogin: string }) {
  return <NewPasswordForm withCode initialLogin={initialLogin} />;
}

export function ResetPage() {
  const token = useSearchParam('token');
  return (
    <Page title="Choose a new password" width="narrow" intro={token ? undefined : 'Enter the code we sent by text message.'}>
      {token ? <NewPasswordForm credentials={{ token }} /> : <NewPasswordForm withCode />}
    </Page>
  );
}
