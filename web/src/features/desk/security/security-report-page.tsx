import { useState, type FormEvent } from 'react';
import { getSecurityReport, reviewSecurityReport, type ReportDetail } from '../../../api/security.ts';
import { Button, ErrorAlert, LoadError, Loading, Notice, Page, Section, TextAreaField } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useAction, useLoad } from '../../../ui/hooks.ts';
import { SecurityNav } from './security-nav.tsx';
import { CHANNEL_NAMES, signalName, StatusChip, VerdictChip } from './security-words.tsx';

/**
 * `/desk/security/reports/:id`: one report. The message is shown as text
 * (React escapes it; nothing is ever rendered as HTML) and links as text,
 * never clickable: the team reads a scam without being one click from it.
 */
export function SecurityReportPage({ id }: { id: string }) {
  const loaded = useLoad(() => getSecurityReport(id));
  const report = loaded.data?.report ?? null;
  return (
    <Page title={report ? `Report ${report.reference}` : 'Report'}>
      <SecurityNav />
      {loaded.loading && !report ? <Loading /> : null}
      {loaded.error && !report ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {report ? (
        <>
          <div className="security-head">
            <VerdictChip verdict={report.verdict} /> <StatusChip status={report.status} />{' '}
            <span className="muted">
              {CHANNEL_NAMES[report.channel]} · {report.source === 'smtp' ? 'forwarded by email' : 'pasted on the web'} · {formatDateTime(report.created_at)} · score {report.score}
            </span>
          </div>
          <ReviewPanel report={report} onReviewed={(next) => loaded.setData({ report: next })} />
          <MessagePanel report={report} />
          <Section title="Warning signs">
            {report.signals.length === 0 ? <p className="muted">The scan found no warning sign.</p> : (
              <ul className="security-signals">
                {report.signals.map((signal, index) => (
                  <li key={`${signal.code}-${index}`}>
                    <strong>{signalName(signal.code)}</strong>
                    <q className="security-quote">{signal.evidence}</q>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Links">
            {report.links.length === 0 ? <p className="muted">No link in the message.</p> : (
              <ul className="security-links">
                {report.links.map((link, index) => (
                  <li key={`${link.href}-${index}`}>
                    <code className="security-url">{link.href}</code>
                    {link.text && link.text !== link.href ? <span className="row-note">shown as: {link.text}</span> : null}
                    <span className="row-note">
                      domain {link.domain ?? '—'} {link.ours ? <span className="tag tag-good">ours</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Sender checks">
            {report.authentication ? (
              <dl className="security-auth">
                <dt>SPF</dt><dd>{report.authentication.spf}</dd>
                <dt>DKIM</dt><dd>{report.authentication.dkim}</dd>
                <dt>DMARC</dt><dd>{report.authentication.dmarc}</dd>
              </dl>
            ) : <p className="muted">Not checked: only an email forwarded as an attachment (.eml) keeps the original's headers.</p>}
            <p>{report.genuine_match ? `Matches an email we sent (${report.genuine_match.sent_email_id}): this message is genuine.` : 'No match with the mail we sent.'}</p>
          </Section>
        </>
      ) : null}
    </Page>
  );
}

function MessagePanel({ report }: { report: ReportDetail }) {
  return (
    <Section title="The message">
      <dl className="security-meta">
        <dt>From</dt><dd>{report.message.from || '—'}</dd>
        {report.message.subject ? (<><dt>Subject</dt><dd>{report.message.subject}</dd></>) : null}
        <dt>Reported by</dt><dd>{report.reporter.email ?? (report.reporter.account_id ? `member ${report.reporter.account_id}` : 'a visitor')}</dd>
      </dl>
      {report.reporter.entered_details ? <Notice tone="warning">The member says they entered their details on the fake site.</Notice> : null}
      {report.reporter.note ? <p>Their note: <q>{report.reporter.note}</q></p> : null}
      <pre className="security-message" aria-label="Message text">{report.message.body}</pre>
    </Section>
  );
}

function ReviewPanel({ report, onReviewed }: { report: ReportDetail; onReviewed: (report: ReportDetail) => void }) {
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(async (verb: 'confirm' | 'dismiss') => {
    const answer = await reviewSecurityReport(report.id, verb, reason);
    onReviewed(answer.report);
    setReason('');
    setDone(verb === 'confirm' ? 'Confirmed as a scam. Its domains and URLs are in the export.' : 'Dismissed.');
  }, ['reason']);
  const submit = (verb: 'confirm' | 'dismiss') => (event?: FormEvent) => {
    event?.preventDefault();
    void action.run(verb);
  };
  return (
    <Section title="Review">
      {report.review ? (
        <p>
          {report.status === 'confirmed' ? 'Confirmed' : report.status === 'dismissed' ? 'Dismissed' : 'Reviewed'} by {report.review.by.name ?? report.review.by.id} on {formatDateTime(report.review.at)}
          {report.review.reason ? <>: <q>{report.review.reason}</q></> : null}
        </p>
      ) : <p className="muted">Not reviewed yet.</p>}
      <Notice>{done}</Notice>
      <form className="security-review" onSubmit={submit('confirm')}>
        <TextAreaField label="Reason" name="reason" hint="Who reads the audit log later needs to know why." value={reason} onChange={(event) => setReason(event.target.value)} rows={2} maxLength={500} required error={action.fieldError('reason')} />
        <ErrorAlert error={action.fieldError('reason') ? null : action.error} />
        <div className="security-review-buttons">
          <Button type="submit" variant="danger" busy={action.busy} disabled={report.status === 'confirmed'}>
            Confirm as scam
          </Button>
          <Button variant="secondary" busy={action.busy} disabled={report.status === 'dismissed'} onClick={() => submit('dismiss')()}>
            Dismiss
          </Button>
        </div>
      </form>
    </Section>
  );
}
