import { useState } from 'react';
import { requestReset } from '../../api/identity.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, Field, Notice, Page } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { CodeResetForm } from './reset-page.tsx';

type Channel = 'email' | 'sms';

export function ForgotPage() {
  const [channel, setChannel] = useState<Channel>('email');
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState<{ channel: Channel; login: string } | null>(null);
  const action = useAction(async () => {
    await requestReset({ login: login.trim(), channel });
    setSent({ channel, login: login.trim() });
  }, ['login', 'channel']);

  if (sent) {
    return (
      <Page title={sent.channel === 'email' ? 'Check your email' : 'Check your phone'} width="narrow">
        {/* The same words whether or not an account exists: the page must not reveal who is a member. */}
        <Notice tone="info">
          {sent.channel === 'email'
            ? 'If an account uses that email address, we have sent it a link to choose a new password. The link works for 15 minutes, and only the newest link works.'
            : 'If an account uses that mobile number, we have sent it a 6-digit code by text message. The code works for 15 minutes, and only the newest code works.'}
        </Notice>
        {sent.channel === 'sms' ? <CodeResetForm initialLogin={sent.login} /> : null}
        <p>
          Nothing arrived after a few minutes? Check spam, then{' '}
          <button type="button" className="button-link" onClick={() => setSent(null)}>
            try again
          </button>{' '}
          or <Link to="/find-account">find your account another way</Link>.
        </p>
      </Page>
    );
  }

  return (
    <Page title="Reset your password" width="narrow" intro="Choose how you would like to get back in. We will never ask for your password by phone or chat.">
      <form className="form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError} />
        <fieldset className="choice-group">
          <legend>Send me</legend>
          <label className="choice">
            <input type="radio" name="channel" value="email" checked={channel === 'email'} onChange={() => setChannel('email')} />
            <span>
              <strong>A link by email</strong>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="channel" value="sms" checked={channel === 'sms'} onChange={() => setChannel('sms')} />
            <span>
              <strong>A code by text message (SMS)</strong>
            </span>
          </label>
        </fieldset>
        <Field
          label={channel === 'email' ? 'Email address' : 'Mobile number'}
          name="login"
          type={channel === 'email' ? 'email' : 'tel'}
          autoComplete={channel === 'email' ? 'email' : 'tel'}
          required
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          error={action.fieldError('login')}
        />
        <Button type="submit" busy={action.busy} className="button-block">
          {channel === 'email' ? 'Email me a link' : 'Text me a code'}
        </Button>
      </form>
      <p>
        Don't have access to that email or phone any more? <Link to="/find-account">Find your account with your payment card</Link>.
      </p>
    </Page>
  );
}
