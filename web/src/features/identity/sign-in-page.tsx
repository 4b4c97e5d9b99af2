import { useState } from 'react';
import { signIn } from '../../api/identity.ts';
import { Link, navigate, useLocation, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorAlert, Field, Notice, Page } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { PasswordField } from './password-field.tsx';

/** Only same-site paths: `?next=https://elsewhere` must not send a member away. */
export function safeNext(next: string | null, fallback = '/account'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export function browserDevice(): { type: string; name: string } {
  const mobile = /Mobi|Android|iPhone/i.test(navigator.userAgent);
  return { type: mobile ? 'phone' : 'computer', name: mobile ? 'Phone browser' : 'Web browser' };
}

export function SignInPage() {
  const { setMember, refresh } = useSession();
  const next = useSearchParam('next');
  // Pages that sign the member out say why ("signed out of every device…").
  const notice =
    (useLocation().state as { notice?: string } | null)?.notice ?? (next === '/redeem' ? 'Sign in to redeem your gift card: we fill in its code for you afterwards.' : null);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const answer = await signIn({ login: login.trim(), password, device: browserDevice() });
    setMember(answer.member);
    await refresh();
    navigate(safeNext(next));
  }, ['login', 'password']);

  return (
    <Page title="Sign in" width="narrow">
      <Notice>{notice}</Notice>
      <form className="form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError} />
        <Field
          label="Email or mobile number"
          name="login"
          autoComplete="username"
          inputMode="email"
          required
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          error={action.fieldError('login')}
        />
        <PasswordField label="Password" name="password" autoComplete="current-password" value={password} onChange={setPassword} error={action.fieldError('password')} />
        <Button type="submit" busy={action.busy} className="button-block">
          Sign in
        </Button>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/forgot">Forgot your password?</Link>
        </li>
        <li>
          <Link to="/find-account">No longer have that email or phone?</Link>
        </li>
        <li>
          New here? <Link to={next ? `/join?next=${encodeURIComponent(safeNext(next))}` : '/join'}>Choose a plan</Link>
        </li>
      </ul>
    </Page>
  );
}
