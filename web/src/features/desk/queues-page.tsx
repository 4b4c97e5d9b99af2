import { getMyCases, getQueues, type AgentLoad, type CaseSummary, type QueueView } from '../../api/desk.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading, Page, Section } from '../../ui/components.tsx';
import { intentWords } from '../chat/intent-words.ts';
import { useDeskSession } from './desk-session.tsx';
import { formatDuration, QUEUE_NAMES, STATUS_NAMES } from './desk-words.ts';
import { SlaClocks } from './sla-timer.tsx';
import { EscalationDeadlines } from './escalations/escalation-deadlines.tsx';
import { usePolling } from './use-polling.ts';

const REFRESH_MS = 5_000;

/** `/desk`: what waits in each queue, my open cases, and (for supervisors) everyone's load. Refreshed every few seconds. */
export function QueuesPage() {
  const { agent } = useDeskSession();
  const queues = usePolling(getQueues, REFRESH_MS);
  const mine = usePolling(() => getMyCases('open'), REFRESH_MS);
  return (
    <Page title="Queues" intro={agent ? `Your skills: ${agent.skills.map((skill) => QUEUE_NAMES[skill]).join(', ')}. Cases are assigned to you as they come in; new ones open here.` : undefined}>
      <Section title="My open cases">
        {mine.loading && !mine.data ? <Loading /> : null}
        {mine.error && !mine.data ? <LoadError error={mine.error} retry={mine.reload} /> : null}
        {mine.data ? <CaseList cases={mine.data.cases} empty="No open cases assigned to you. Waiting cases come to you when you have room." /> : null}
      </Section>
      <EscalationDeadlines />
      <Section title="Waiting in the queues">
        {queues.loading && !queues.data ? <Loading /> : null}
        {queues.error && !queues.data ? <LoadError error={queues.error} retry={queues.reload} /> : null}
        {queues.data ? <QueueTable queues={queues.data.queues} supervisor={agent?.role === 'supervisor'} /> : null}
      </Section>
      {queues.data?.agents ? (
        <Section title="Agents">
          <AgentTable agents={queues.data.agents} />
        </Section>
      ) : null}
    </Page>
  );
}

function CaseList({ cases, empty }: { cases: CaseSummary[]; empty: string }) {
  if (cases.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="desk-case-list">
      {cases.map((item) => (
        <li key={item.id}>
          <div className="desk-case-head">
            <Link to={`/desk/cases/${encodeURIComponent(item.id)}`}>{intentWords(item.intent)}</Link>
            <span className="tag tag-current">{QUEUE_NAMES[item.queue]}</span>
            <span className="tag tag-current">{STATUS_NAMES[item.status]}</span>
            {item.verified ? <span className="tag tag-good">Verified</span> : null}
          </div>
          <SlaClocks sla={item.sla} />
        </li>
      ))}
    </ul>
  );
}

function QueueTable({ queues, supervisor }: { queues: QueueView[]; supervisor: boolean }) {
  return (
    <>
      <div className="table-wrap" role="region" aria-label="Queues" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col" className="num">
                Waiting
              </th>
              <th scope="col">Oldest wait</th>
              <th scope="col">First reply target</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.queue} className={queue.oldest_waiting_seconds !== null && queue.oldest_waiting_seconds > queue.targets.first_response_seconds ? 'row-late' : undefined}>
                <th scope="row">{QUEUE_NAMES[queue.queue]}</th>
                <td className="num">{queue.waiting}</td>
                <td>{queue.oldest_waiting_seconds === null ? '—' : formatDuration(queue.oldest_waiting_seconds)}</td>
                <td>{formatDuration(queue.targets.first_response_seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {supervisor
        ? queues
            .filter((queue) => queue.cases.length > 0)
            .map((queue) => (
              <div key={queue.queue} className="desk-waiting">
                <h3>Waiting in {QUEUE_NAMES[queue.queue]}</h3>
                <CaseList cases={queue.cases} empty="" />
              </div>
            ))
        : null}
    </>
  );
}

function AgentTable({ agents }: { agents: AgentLoad[] }) {
  return (
    <div className="table-wrap" role="region" aria-label="Agents' loads" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Skills</th>
            <th scope="col" className="num">
              Open cases
            </th>
            <th scope="col">On duty</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id}>
              <th scope="row">
                {agent.name}
                {agent.role === 'supervisor' ? <span className="muted row-note">Supervisor</span> : null}
              </th>
              <td>{agent.skills.map((skill) => QUEUE_NAMES[skill]).join(', ')}</td>
              <td className="num">
                {agent.load} of {agent.max_concurrent}
              </td>
              <td>{agent.on_duty ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
