import { useState } from 'react';
import { askForServiceCode, verifyMember, type CaseDetail } from '../../api/desk.ts';
import { Button, ErrorAlert, Field, Section } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { submitWith, useAction } from '../../ui/hooks.ts';

/**
 * Verification before anything about the account: the agent asks in the
 * chat and the member types the code into a secure field the server checks
 * (the agent never sees it), or, on a call, the member reads it out.
 */
export function VerifyBox({ detail, onVerified }: { detail: CaseDetail; onVerified: () => void }) {
  const [code, setCode] = useState('');
  const verify = useAction(async () => {
    await verifyMember(detail.case.id, code.replace(/\s+/g, ''));
    setCode('');
    onVerified();
  }, ['code']);
  const ask = useAction(async () => {
    await askForServiceCode(detail.case.id);
    onVerified();
  });
  const { verification } = detail;

  if (verification.verified) {
    return (
      <Section title="Verification">
        <p className="desk-verified" role="status">
          <span className="tag tag-good">Verified</span> by {verification.verified_by?.name ?? 'an agent'}
          {verification.verified_at ? ` at ${formatDateTime(verification.verified_at)}` : ''}.
        </p>
      </Section>
    );
  }
  const closed = detail.case.status === 'resolved';
  const asked = verification.service_code_asked_at;
  return (
    <Section title="Verification">
      <div className="desk-ask-code">
        <ErrorAlert error={ask.error} />
        {asked ? (
          <p role="status">
            <span className="tag tag-neutral">Waiting for the member</span> You asked for the service code at {formatDateTime(asked)}. They type it into a secure field; it is checked without reaching you.
          </p>
        ) : (
          <p className="hint">The member types the code into a secure field in their chat: you never see it, and nothing keeps it.</p>
        )}
        <Button variant={asked ? 'secondary' : 'primary'} busy={ask.busy} disabled={closed} onClick={() => void ask.run()}>
          {asked ? 'Ask again' : 'Ask for the service code'}
        </Button>
      </div>
      <form className="form desk-verify" onSubmit={submitWith(verify.run)} noValidate>
        <ErrorAlert error={verify.formError} />
        <Field
          label="Service code"
          name="code"
          className="field-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={7}
          hint="On a call, the member reads you the 6 digits from Help › Service code. Never ask for a password or a code sent by text."
          value={code}
          disabled={closed}
          onChange={(event) => setCode(event.target.value)}
          error={verify.fieldError('code')}
        />
        <div className="actions">
          <Button type="submit" busy={verify.busy} disabled={closed || code.replace(/\s+/g, '').length === 0}>
            Verify
          </Button>
        </div>
      </form>
    </Section>
  );
}
