import { getServiceCode } from '../../api/identity.ts';
import { Button, LoadError, Loading, Page } from '../../ui/components.tsx';
import { useCountdown, useLoad } from '../../ui/hooks.ts';

export function ServiceCodePage() {
  const code = useLoad(getServiceCode);
  const left = useCountdown(code.data?.expires_at ?? null);
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  const expired = code.data !== null && left === 0;

  return (
    <Page title="Service code" width="narrow" intro="Support asks for this code to check it is really you before looking at your account. Share it only in a chat or call you started from Reelhouse.">
      {code.loading && !code.data ? <Loading label="Getting your code" /> : null}
      {code.error ? <LoadError error={code.error} retry={code.reload} /> : null}
      {code.data ? (
        <div className={expired ? 'service-code service-code-expired' : 'service-code'}>
          <p className="code" aria-label={`Your service code is ${code.data.code.split('').join(' ')}`}>
            {code.data.code.slice(0, 3)}
            <span aria-hidden="true"> </span>
            {code.data.code.slice(3)}
          </p>
          {/* Announced once a minute, not every second. */}
          <p className="countdown" aria-hidden="true">
            {expired ? 'This code has expired.' : `Expires in ${minutes}:${seconds}`}
          </p>
          <p className="visually-hidden" role="status">
            {expired ? 'This code has expired.' : `Expires in ${minutes + 1} minute${minutes ? 's' : ''}.`}
          </p>
          <Button variant={expired ? 'primary' : 'secondary'} onClick={code.reload} busy={code.loading}>
            Get a new code
          </Button>
        </div>
      ) : null}
      <div className="alert alert-info">
        <p>
          <strong>Support never asks for your password, a sign-in code sent by text, or your full card number.</strong> Only share the service code above. If someone calls or
          texts you first asking for it, don’t: start a chat from Reelhouse instead.
        </p>
      </div>
    </Page>
  );
}
