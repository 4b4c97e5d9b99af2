import { useEffect, useState } from 'react';
import { listMyCases, type MySupportCase } from '../../api/chat.ts';
import { Link } from '../../app/router.tsx';
import { Section } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { OUTCOME_NAMES } from '../desk/desk-words.ts';

/** The summaries agents wrote when they closed my cases: what was done and what happens next, kept here. */
export function CaseSummaries() {
  const [cases, setCases] = useState<MySupportCase[] | null>(null);
  useEffect(() => {
    let live = true;
    // Without cases (or on an error) the section stays away: the conversations below still list everything.
    listMyCases().then((answer) => live && setCases(answer.cases.filter((item) => item.status === 'resolved' && item.summary)), () => live && setCases([]));
    return () => {
      live = false;
    };
  }, []);
  if (!cases || cases.length === 0) return null;
  return (
    <Section title="What our team did">
      <ul className="plain-list case-summaries">
        {cases.map((item) => (
          <li key={item.id}>
            <p>
              <strong>{item.outcome ? OUTCOME_NAMES[item.outcome] : 'Resolved'}</strong>
              <span className="muted"> · {formatDateTime(item.resolved_at)}</span>
            </p>
            <blockquote>{item.summary}</blockquote>
            <Link to={`/chat/${encodeURIComponent(item.conversation_id)}`}>The whole conversation</Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}
