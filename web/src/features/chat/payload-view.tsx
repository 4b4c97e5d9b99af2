import type { ChargeExplanation, ChatPayload, EvidenceLine } from '../../api/chat.ts';
import { formatDate } from '../../ui/format.ts';
import { EvidenceTable } from './evidence-table.tsx';

/** What the structured part of a message adds to its text. Text stays the bubble's; this draws the rest. */
export function PayloadView({ payload }: { payload: ChatPayload }) {
  switch (payload.kind) {
    case 'charge_explanation':
      return <ChargeExplanationView explanation={(payload.data ?? {}) as ChargeExplanation} />;
    case 'handoff':
      return <HandoffNote data={payload.data ?? {}} />;
    case 'flow_step':
      return <FlowLinks data={payload.data ?? {}} />;
    default:
      return null;
  }
}

export function ChargeExplanationView({ explanation }: { explanation: ChargeExplanation }) {
  const findings = (explanation.findings ?? []).filter((finding) => (finding.evidence?.lines ?? []).length > 0 || finding.explanation);
  if (findings.length === 0 && !explanation.disputedCharge) return null;
  const disputedId = explanation.disputedCharge?.id ?? null;
  return (
    <div className="explanation">
      {findings.map((finding, index) => (
        <details key={`${finding.cause}-${index}`} className="finding" open={index === 0}>
          <summary>{finding.title}</summary>
          <p>{finding.explanation}</p>
          <EvidenceTable lines={(finding.evidence?.lines ?? []) as EvidenceLine[]} caption={`Ledger lines for: ${finding.title}`} highlight={disputedId} />
          {(finding.evidence?.dates ?? []).length > 0 ? (
            <ul className="finding-dates">
              {(finding.evidence?.dates ?? []).map((date) => (
                <li key={`${date.label}-${date.date}`}>
                  {date.label}: {formatDate(date.date)}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ))}
      {(explanation.advice ?? []).length > 0 ? (
        <div className="finding-advice">
          <p className="finding-advice-title">What you can do</p>
          <ul>
            {(explanation.advice ?? []).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

const TEAMS: Record<string, string> = { billing: 'billing team', security: 'security team', technical: 'technical team', general: 'support team' };

function HandoffNote({ data }: { data: Record<string, unknown> }) {
  const team = typeof data.queue === 'string' ? TEAMS[data.queue] ?? 'support team' : 'support team';
  const position = typeof data.position === 'number' ? data.position : null;
  return (
    <p className="payload-note">
      Passed to our {team}
      {position !== null && position > 0 ? `, number ${position} in the queue` : ''}.
    </p>
  );
}

type FlowLink = { title?: string; label?: string; href?: string; url?: string };

function FlowLinks({ data }: { data: Record<string, unknown> }) {
  const links = Array.isArray(data.links) ? (data.links as FlowLink[]) : [];
  const usable = links.map((link) => ({ text: link.title ?? link.label ?? link.href ?? link.url ?? '', href: link.href ?? link.url ?? '' })).filter((link) => link.href.startsWith('/'));
  if (usable.length === 0) return null;
  return (
    <ul className="payload-links">
      {usable.map((link) => (
        <li key={link.href}>
          <a href={link.href}>{link.text}</a>
        </li>
      ))}
    </ul>
  );
}
