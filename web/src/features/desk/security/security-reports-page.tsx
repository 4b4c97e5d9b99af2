import { useEffect, useState, type FormEvent } from 'react';
import { listSecurityReports, type ReportFilters, type ReportSummary } from '../../../api/security.ts';
import { Link } from '../../../app/router.tsx';
import { Button, LoadError, Loading, Page, Section, SelectField, Field } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { toApiError } from '../../../ui/hooks.ts';
import type { ApiError } from '../../../api/client.ts';
import { SecurityNav } from './security-nav.tsx';
import { CHANNEL_NAMES, REPORT_STATUS_NAMES, signalName, StatusChip, VERDICT_NAMES, VerdictChip } from './security-words.tsx';

const PAGE_SIZE = 25;

/** `/desk/security`: the phishing reports, newest first, with filters and "show more". */
export function SecurityReportsPage() {
  const [filters, setFilters] = useState<ReportFilters>({ status: 'new' });
  const [draft, setDraft] = useState<ReportFilters>({ status: 'new' });
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setBusy(true);
    listSecurityReports(filters, null, PAGE_SIZE).then(
      (page) => {
        if (!live) return;
        setReports(page.reports);
        setCursor(page.next_cursor);
        setError(null);
        setBusy(false);
      },
      (cause: unknown) => {
        if (!live) return;
        setError(toApiError(cause));
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [filters, round]);

  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await listSecurityReports(filters, cursor, PAGE_SIZE);
      setReports((shown) => [...(shown ?? []), ...page.reports]);
      setCursor(page.next_cursor);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  const set = (name: keyof ReportFilters) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [name]: event.target.value }));

  return (
    <Page title="Phishing reports" intro="What members forwarded or pasted, with the scan's verdict. Confirm a scam or dismiss a report with a reason; confirmed domains and URLs go to the export.">
      <SecurityNav />
      <Section title="Filters">
        <form className="security-filters" onSubmit={apply} aria-label="Filter reports">
          <SelectField label="Status" name="status" value={draft.status ?? ''} onChange={set('status')}>
            <option value="">Any</option>
            {Object.entries(REPORT_STATUS_NAMES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
          <SelectField label="Verdict" name="verdict" value={draft.verdict ?? ''} onChange={set('verdict')}>
            <option value="">Any</option>
            {Object.entries(VERDICT_NAMES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
          <SelectField label="Channel" name="channel" value={draft.channel ?? ''} onChange={set('channel')}>
            <option value="">Any</option>
            {Object.entries(CHANNEL_NAMES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
          <Field label="From day" name="from" type="date" value={draft.from ?? ''} onChange={set('from')} />
          <Field label="To day" name="to" type="date" value={draft.to ?? ''} onChange={set('to')} />
          <Button type="submit">Show reports</Button>
        </form>
      </Section>
      <Section title="Reports" actions={<Button variant="secondary" className="button-small" onClick={() => setRound((value) => value + 1)}>Refresh</Button>}>
        {error ? <LoadError error={error} retry={() => setRound((value) => value + 1)} /> : null}
        {reports === null && !error ? <Loading /> : null}
        {reports && reports.length === 0 ? <p className="muted">No report matches these filters.</p> : null}
        {reports && reports.length > 0 ? <ReportTable reports={reports} /> : null}
        {cursor ? (
          <Button variant="secondary" busy={busy} onClick={() => void more()}>
            Show more
          </Button>
        ) : null}
      </Section>
    </Page>
  );
}

function ReportTable({ reports }: { reports: ReportSummary[] }) {
  return (
    <div className="table-wrap" role="region" aria-label="Reports" tabIndex={0}>
      <table className="security-reports">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Received</th>
            <th scope="col">From and subject</th>
            <th scope="col">Verdict</th>
            <th scope="col">Status</th>
            <th scope="col">Signs</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`/desk/security/reports/${encodeURIComponent(report.id)}`}>{report.reference}</Link>
                <span className="row-note">{CHANNEL_NAMES[report.channel]}</span>
              </th>
              <td>{formatDateTime(report.created_at)}</td>
              <td className="security-from">
                {report.from || '—'}
                {report.subject ? <span className="row-note">{report.subject}</span> : null}
              </td>
              <td>
                <VerdictChip verdict={report.verdict} />
                {report.genuine ? <span className="row-note">Matches our mail</span> : null}
              </td>
              <td>
                <StatusChip status={report.status} />
              </td>
              <td>{report.signal_codes.length === 0 ? '—' : report.signal_codes.map(signalName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
