import { useRef, useState } from 'react';
import { sendVisitorCode, verifyVisitor } from '../../api/chat.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, Field, Notice } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';

/**
 * Someone who cannot sign in proves an email address before chatting: a
 * six-digit code goes to it, and the browser may then chat as that address.
 */
export function VisitorVerify({ onVerified, next }: { onVerified: () => void; next: string }) {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const codeField = useRef<HTMLDivElement>(null);

  const send = useAction(async () => {
    await sendVisitorCode(email.trim());
    setSent(true);
    requestAnimationFrame(() => codeField.current?.querySelector('input')?.focus());
  }, ['email']);
  const verify = useAction(async () => {
    await verifyVisitor(email.trim(), code.trim());
    onVerified();
  }, ['code']);

  return (
    <section className="card" aria-labelledby="visitor-heading">
      <h2 id="visitor-heading">Chat without signing in</h2>
      <p>
        Members can <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>sign in</Link> and chat straight away. If you can’t sign in, we’ll email you a code so we know the
        replies reach you.
      </p>
      <form className="form" onSubmit={submitWith(send.run)} noValidate>
        <ErrorAlert error={send.formError} />
        <Field label="Email address" name="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={send.fieldError('email')} />
        <div className="actions">
          <Button type="submit" variant={sent ? 'secondary' : 'primary'} busy={send.busy}>
            {sent ? 'Send a new code' : 'Email me a code'}
          </Button>
        </div>
      </form>
      <Notice>{sent ? `We sent a 6-digit code to ${email.trim()}. It works for 10 minutes.` : null}</Notice>
      {sent ? (
        <form className="form sub-form" onSubmit={submitWith(verify.run)} noValidate>
          <ErrorAlert error={verify.formError} />
          <div ref={codeField}>
            <Field
              label="Code from the email"
              name="code"
              className="field-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={verify.fieldError('code')}
            />
          </div>
          <div className="actions">
            <Button type="submit" busy={verify.busy}>
              Confirm
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
