import { useState } from 'react';
import { CASE_OUTCOMES, resolveCase, type CaseDetail, type CaseOutcome } from '../../api/desk.ts';
import { Button, ErrorAlert, Section, SelectField } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { OUTCOME_NAMES } from './desk-words.ts';
import { TextAreaField } from './fields.tsx';

/** Closing the case: an outcome for the team, and a summary in plain words that the member keeps in their chat and transcript. */
export function ResolvePanel({ detail, onResolved }: { detail: CaseDetail; onResolved: () => void }) {
  const [outcome, setOutcome] = useState<CaseOutcome>('information');
  const [summary, setSummary] = useState('');
  const resolve = useAction(async () => {
    await resolveCase(detail.case.id, outcome, summary.trim());
    onResolved();
  }, ['outcome', 'summary']);

  if (detail.case.status === 'resolved') {
    return (
      <Section title="Resolved">
        <p>
          <span className="tag tag-good">{detail.case.outcome ? OUTCOME_NAMES[detail.case.outcome] : 'Resolved'}</span>
          {detail.case.resolved_at ? <span className="muted"> {formatDateTime(detail.case.resolved_at)}</span> : null}
        </p>
        {detail.case.summary ? <blockquote className="desk-problem">{detail.case.summary}</blockquote> : null}
      </Section>
    );
  }
  const tooShort = summary.trim().length < 10;
  return (
    <Section title="Resolve">
      <form className="form" onSubmit={submitWith(resolve.run)} noValidate>
        <ErrorAlert error={resolve.formError} />
        <SelectField label="Outcome" name="outcome" value={outcome} onChange={(event) => setOutcome(event.target.value as CaseOutcome)} error={resolve.fieldError('outcome')}>
          {CASE_OUTCOMES.map((item) => (
            <option key={item} value={item}>
              {OUTCOME_NAMES[item]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Summary for the member"
          name="summary"
          rows={4}
          maxLength={4000}
          hint="What was wrong, what you did, and what happens next. The member keeps it in the chat and the transcript; it closes the chat."
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          error={resolve.fieldError('summary')}
        />
        <div className="actions">
          <Button type="submit" busy={resolve.busy} disabled={tooShort}>
            Resolve
          </Button>
        </div>
      </form>
    </Section>
  );
}
