import { useState } from 'react';
import { KIND_NAMES, listDeskEscalations, STATUS_NAMES, TOPIC_NAMES, type DeskEscalation } from '../../../api/escalations.ts';
import { Link } from '../../../app/router.tsx';
import { Button, LoadError, Loading, Page, Section } from '../../../ui/components.tsx';
import { formatDate } from '../../../ui/format.ts';
import { useDeskSession } from '../desk-session.tsx';
import { usePolling } from '../use-polling.ts';
import { deadlineWords } from './escalation-words.ts';
import '../../support/escalations.css';

const REFRESH_MS = 15_000;

/** `/desk/escalations`: complaints and specialist requests with their deadlines, overdue first (supervisors: all; agents: theirs). */
export function EscalationsPage() {
  const { agent } = useDeskSession();
  const [state, setState] = useState<'open' | 'resolved'>('open');
  const supervisor = agent?.role === 'supervisor';
  return (
    <Page title="Complaints and specialist requests" intro={supervisor ? 'Every open one, overdue first, then the nearest deadline. Assign each to a specialist.' : 'The ones assigned to you, overdue first.'}>
      <div className="actions" role="group" aria-label="Which">
        <Button variant={state === 'open' ? 'primary' : 'secondary'} aria-pressed={state === 'open'} onClick={() => setState('open')}>Open</Button>
        <Button variant={state === 'resolved' ? 'primary' : 'secondary'} aria-pressed={state === 'resolved'} onClick={() => setState('resolved')}>Answered</Button>
      </div>
      <EscalationList key={state} state={state} />
    </Page>
  );
}

function EscalationList({ state }: { state: 'open' | 'resolved' }) {
  const loaded = usePolling(() => listDeskEscalations(state), REFRESH_MS);
  return (
    <Section title={state === 'open' ? 'Open' : 'Answered'}>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error && !loaded.data ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {loaded.data ? <EscalationTable items={loaded.data.escalations} /> : null}
    </Section>
  );
}

function EscalationTable({ items }: { items: DeskEscalation[] }) {
  if (items.length === 0) return <p className="muted">Nothing here.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Complaints" tabIndex={0}>
      <table className="escalation-table">
        <thead>
          <tr><th>Reference</th><th>Kind</th><th>Status</th><th>Acknowledge</th><th>Answer by</th><th>Handled by</th></tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.deadlines.answer.overdue || item.deadlines.acknowledge.overdue ? 'row-overdue' : undefined}>
              <td><Link to={`/desk/escalations/${encodeURIComponent(item.id)}`}>{item.reference}</Link>{item.billing_partner ? <> <span className="tag">Billed by {item.billing_partner}</span></> : null}</td>
              <td>{KIND_NAMES[item.kind]}<br /><span className="muted">{TOPIC_NAMES[item.topic]}</span></td>
              <td>{STATUS_NAMES[item.status]}</td>
              <td className={item.deadlines.acknowledge.overdue ? 'escalation-overdue' : undefined}>{deadlineWords(item.deadlines.acknowledge)}</td>
              <td className={item.deadlines.answer.overdue ? 'escalation-overdue' : undefined}>{formatDate(item.deadlines.answer.due)}<br /><span>{deadlineWords(item.deadlines.answer)}</span></td>
              <td>{item.assigned_agent?.name ?? <span className="muted">Nobody yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
