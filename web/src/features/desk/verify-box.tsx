import { useState } from 'react';
import { verifyMember, type CaseDetail } from '../../api/desk.ts';
import { Button, ErrorAlert, Field, Section } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { submitWith, useAction } from '../../ui/hooks.ts';

/** The member reads the 6-digit service code from their app; nothing about the account can be done before it matches. */
export function VerifyBox({ detail, onVerified }: { detail: CaseDetail; onVerified: () => void }) {
  const [code, setCode] = useState('');
  const verify = useAction(async () => {
    await verifyMember(detail.case.id, code.replace(/\s+/g, ''));
    setCode('');
    onVerified();
  }, ['code']);
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
  return (
    <Section title="Verification">
      <form className="form desk-verify" onSubmit={submitWith(verify.run)} noValidate>
        <ErrorAlert error={verify.formError} />
        <Field
          label="Service code"
          name="code"
          className="field-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={7}
          hint="Ask the member to open Help › Service code in their app and read you the 6 digits. Never ask for a password or a code sent by text."
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
