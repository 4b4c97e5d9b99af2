import { listDeskEscalations } from '../../../api/escalations.ts';
import { Link } from '../../../app/router.tsx';
import { Section } from '../../../ui/components.tsx';
import { usePolling } from '../use-polling.ts';
import { deadlineWords } from './escalation-words.ts';

const REFRESH_MS = 30_000;
const SHOWN = 3;

/** On the queues page: how many complaints are open and overdue, and the nearest deadlines (supervisors: all; agents: theirs). */
export function EscalationDeadlines() {
  const loaded = usePolling(() => listDeskEscalations('open'), REFRESH_MS);
  const items = loaded.data?.escalations ?? [];
  if (items.length === 0) return null;
  const overdue = items.filter((item) => item.deadlines.answer.overdue || item.deadlines.acknowledge.overdue).length;
  return (
    <Section title="Complaint deadlines">
      <p>
        {items.length} open{overdue > 0 ? <strong className="escalation-overdue">, {overdue} overdue</strong> : null}. <Link to="/desk/escalations">All complaints</Link>
      </p>
      <ul className="plain-list">
        {items.slice(0, SHOWN).map((item) => {
          const deadline = item.deadlines.acknowledge.met_at === null && item.deadlines.acknowledge.remaining_seconds !== null ? item.deadlines.acknowledge : item.deadlines.answer;
          const what = deadline === item.deadlines.acknowledge ? 'acknowledge' : 'answer';
          return (
            <li key={item.id}>
              <Link to={`/desk/escalations/${encodeURIComponent(item.id)}`}>{item.reference}</Link>{' '}
              <span className={deadline.overdue ? 'escalation-overdue' : 'muted'}>{what}: {deadlineWords(deadline)}</span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
