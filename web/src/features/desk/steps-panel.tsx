import type { CaseStep } from '../../api/desk.ts';
import { formatDateTime } from '../../ui/format.ts';

/** The case's story, step by step (opened, assigned, verified, refund…), folded away until needed. */
export function StepsPanel({ steps }: { steps: CaseStep[] }) {
  if (steps.length === 0) return null;
  return (
    <details className="card desk-steps">
      <summary>Case history ({steps.length})</summary>
      <ol>
        {steps.map((step) => (
          <li key={step.id}>
            <span className="muted">{formatDateTime(step.at)}</span> {step.summary}
          </li>
        ))}
      </ol>
    </details>
  );
}
