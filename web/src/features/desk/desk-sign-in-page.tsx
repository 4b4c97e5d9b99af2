import { useState } from 'react';
import { deskSignIn } from '../../api/desk.ts';
import { navigate, useSearchParam } from '../../app/router.tsx';
import { Button, ErrorAlert, Field, Page } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { safeNext } from '../identity/sign-in-page.tsx';
import { useDeskSession } from './desk-session.tsx';

/** `/desk/sign-in`: agents and supervisors, with their desk account (not a member login). */
export function DeskSignInPage() {
  const { setAgent } = useDeskSession();
  const next = useSearchParam('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const answer = await deskSignIn(email.trim(), password);
    setAgent(answer.agent);
    const target = safeNext(next, '/desk');
    navigate(target.startsWith('/desk') ? target : '/desk');
  }, ['email', 'password']);

  return (
    <Page title="Agent desk sign-in" width="narrow" intro="For Reelhouse support agents. Members sign in on the main site.">
      <form className="form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError} />
        <Field label="Work email" name="email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} error={action.fieldError('email')} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={action.fieldError('password')}
        />
        <Button type="submit" busy={action.busy} className="button-block">
          Sign in
        </Button>
      </form>
    </Page>
  );
}
