import type { ChargeExplanation } from '../../api/chat.ts';
import type { CaseFileView, SnapshotSummary } from '../../api/desk.ts';
import { Section } from '../../ui/components.tsx';
import { intentWords } from '../chat/intent-words.ts';
import { ChargeExplanationView } from '../chat/payload-view.tsx';
import { REASON_NAMES } from './desk-words.ts';
import { VerifyToSee } from './hidden-until-verified.tsx';

/**
 * The whole story before the agent says hello: what the member asked, what
 * was tried, what the assistant found. Before verification the server sends
 * only the member's words, the questions and counts: what was tried, the
 * answers and the findings come with the service code.
 */
export function CaseFilePanel({ file }: { file: CaseFileView }) {
  const explanation = file.evidence as ChargeExplanation | null;
  const hidden = file.withheld !== null;
  return (
    <Section title="Case file">
      {file.withheld ? <VerifyToSee withheld={file.withheld} /> : null}
      <dl className="facts desk-facts">
        <div>
          <dt>Intent</dt>
          <dd>
            {intentWords(file.intent)} <span className="muted">({Math.round(file.confidence * 100)}% sure)</span>
          </dd>
        </div>
        <div>
          <dt>Why it came to a person</dt>
          <dd>{REASON_NAMES[file.reason] ?? file.reason}</dd>
        </div>
      </dl>
      <h3>The problem, in the member’s words</h3>
      <blockquote className="desk-problem">{file.problem || 'The member did not describe it.'}</blockquote>
      <h3>Already tried</h3>
      {hidden ? (
        <p className="muted">{file.withheld?.tried ? 'Shown once the member is verified.' : 'Nothing yet.'}</p>
      ) : file.tried.length > 0 ? (
        <ul className="desk-bullets">
          {file.tried.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing yet.</p>
      )}
      {file.checklist.length > 0 ? (
        <>
          <h3>Checklist</h3>
          <dl className="facts desk-checklist">
            {file.checklist.map((entry) => (
              <div key={entry.item}>
                <dt>{entry.item}</dt>
                <dd>{entry.answer ?? <span className="muted">{hidden ? 'Ask, or verify to see what the account says' : 'Not known yet: ask'}</span>}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {file.findings.length > 0 ? (
        <>
          <h3>The assistant’s findings</h3>
          <ul className="desk-bullets">
            {file.findings.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {file.snapshot_summary ? <SummaryFacts summary={file.snapshot_summary} /> : null}
      {explanation && (explanation.findings ?? []).length > 0 ? (
        <>
          <h3>Evidence</h3>
          <ChargeExplanationView explanation={explanation} />
        </>
      ) : null}
    </Section>
  );
}

/** Before verification: enough to greet and orient, nothing to act on. */
function SummaryFacts({ summary }: { summary: SnapshotSummary }) {
  return (
    <>
      <h3>At a glance (when the chat started)</h3>
      <p className="desk-glance">
        {summary.first_name ?? 'The member'}, {summary.role === 'owner' ? 'account owner' : 'extra member'} in {summary.country}. Plan {summary.plan ?? 'none'}
        {summary.membership_status ? ` (${summary.membership_status.replace(/_/g, ' ')})` : ''}
        {summary.billed_by && summary.billed_by !== 'direct' ? `, billed by ${summary.billed_by}` : ''}. {summary.devices} devices, {summary.extra_members} extra members
        {summary.same_card_memberships > 0 ? `, ${summary.same_card_memberships} other membership${summary.same_card_memberships === 1 ? '' : 's'} on the same card` : ''}
        {summary.security_signals > 0 ? `, ${summary.security_signals} security signal${summary.security_signals === 1 ? '' : 's'}` : ''}.
      </p>
    </>
  );
}
