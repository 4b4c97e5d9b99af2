import { useState } from 'react';
import { getQueues } from '../../../api/desk.ts';
import {
  addEscalationStep, getDeskEscalation, KIND_NAMES, OUTCOME_NAMES, STATUS_NAMES, STEP_NAMES, TOPIC_NAMES,
  type DeskEscalationDetail, type DeskStepKind, type EscalationOutcome,
} from '../../../api/escalations.ts';
import { Link } from '../../../app/router.tsx';
import { Button, ErrorAlert, LoadError, Loading, Notice, Page, Section, SelectField } from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../../ui/hooks.ts';
import { useDeskSession } from '../desk-session.tsx';
import { TextAreaField } from '../fields.tsx';
import { deadlineWords } from './escalation-words.ts';
import '../../support/escalations.css';

/** `/desk/escalations/:id`: the complaint, its deadlines, every step (internal ones marked), and the form for the next step. */
export function EscalationPage({ id }: { id: string }) {
  const loaded = useLoad(() => getDeskEscalation(id));
  if (loaded.error && !loaded.data) return <Page title="Complaint"><LoadError error={loaded.error} retry={loaded.reload} /></Page>;
  if (!loaded.data) return <Loading />;
  const detail = loaded.data;
  const item = detail.escalation;
  return (
    <Page title={`${KIND_NAMES[item.kind]} ${item.reference}`}>
      <p><Link to="/desk/escalations">All complaints</Link></p>
      <dl className="desk-facts">
        <dt>Status</dt><dd>{STATUS_NAMES[item.status]}{item.outcome ? ` · ${OUTCOME_NAMES[item.outcome]}` : ''}</dd>
        <dt>About</dt><dd>{TOPIC_NAMES[item.topic]} · {item.country}</dd>
        <dt>Acknowledge by</dt><dd className={item.deadlines.acknowledge.overdue ? 'escalation-overdue' : undefined}>{formatDateTime(item.deadlines.acknowledge.due)} ({deadlineWords(item.deadlines.acknowledge)})</dd>
        <dt>Answer by</dt><dd className={item.deadlines.answer.overdue ? 'escalation-overdue' : undefined}>{formatDate(item.deadlines.answer.due)} ({deadlineWords(item.deadlines.answer)})</dd>
        <dt>Handled by</dt><dd>{item.assigned_agent?.name ?? 'Nobody yet'}</dd>
        <dt>Filed from</dt><dd>{item.source === 'chat' ? 'the chat' : item.source === 'contact_page' ? 'the contact page' : 'the support page'}{item.case_id ? <> · <Link to={`/desk/cases/${encodeURIComponent(item.case_id)}`}>its case</Link></> : null}</dd>
      </dl>
      <Section title="The member wrote">
        <blockquote className="escalation-description">{item.description}</blockquote>
      </Section>
      {item.partner ? <Notice tone="warning"><strong>Billed by {item.partner.name}.</strong> Every answer the member sees adds: “{item.partner.advice}”</Notice> : null}
      {item.dispute_routes ? (
        <Notice tone="info">This billing dispute is unresolved: the member is shown their bank and {item.dispute_routes.bodies.map((body) => body.name).join(', ')}.</Notice>
      ) : null}
      <Steps detail={detail} />
      <NextStep detail={detail} onDone={loaded.setData} />
    </Page>
  );
}

function Steps({ detail }: { detail: DeskEscalationDetail }) {
  return (
    <Section title="Steps">
      <ol className="escalation-steps">
        {detail.steps.map((step) => (
          <li key={step.id} className={`escalation-step step-${step.kind}`}>
            <p className="escalation-step-meta">
              <strong>{STEP_NAMES[step.kind] ?? step.kind}</strong> · {step.actor.name} ({step.actor.kind}) · <time dateTime={step.at}>{formatDateTime(step.at)}</time>
              {step.visible_to_member ? null : <span className="tag">Internal</span>}
            </p>
            <p>{step.summary}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

const STEP_CHOICES: { kind: DeskStepKind; label: string }[] = [
  { kind: 'acknowledged', label: 'Acknowledge (standard words if left empty)' },
  { kind: 'note_to_member', label: 'Message to the member' },
  { kind: 'internal_note', label: 'Internal note (the member never sees it)' },
  { kind: 'proposal', label: 'Proposal to the member' },
  { kind: 'resolved', label: 'Final answer' },
];
const OUTCOMES: EscalationOutcome[] = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'];

function NextStep({ detail, onDone }: { detail: DeskEscalationDetail; onDone: (detail: DeskEscalationDetail) => void }) {
  const { agent } = useDeskSession();
  const supervisor = agent?.role === 'supervisor';
  const resolved = detail.escalation.status === 'resolved';
  const [kind, setKind] = useState<DeskStepKind>(resolved ? 'internal_note' : 'acknowledged');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<EscalationOutcome>('upheld');
  const add = useAction(async () => {
    const next = await addEscalationStep(detail.escalation.id, { kind, ...(summary.trim() ? { summary: summary.trim() } : {}), ...(kind === 'resolved' ? { outcome } : {}) });
    setSummary('');
    onDone(next);
  }, ['summary', 'outcome', 'kind']);
  const choices = resolved ? STEP_CHOICES.filter((choice) => choice.kind === 'internal_note') : STEP_CHOICES;
  return (
    <>
      {supervisor && !resolved ? <Assign detail={detail} onDone={onDone} /> : null}
      <Section title="Add a step">
        <form className="form" onSubmit={submitWith(add.run)} noValidate>
          <ErrorAlert error={add.formError} />
          <SelectField label="Next step" name="kind" value={kind} onChange={(event) => setKind(event.target.value as DeskStepKind)} error={add.fieldError('kind')}>
            {choices.map((choice) => <option key={choice.kind} value={choice.kind}>{choice.label}</option>)}
          </SelectField>
          {kind === 'resolved' ? (
            <SelectField label="Outcome" name="outcome" value={outcome} onChange={(event) => setOutcome(event.target.value as EscalationOutcome)} error={add.fieldError('outcome')}>
              {OUTCOMES.map((value) => <option key={value} value={value}>{OUTCOME_NAMES[value]}</option>)}
            </SelectField>
          ) : null}
          <TextAreaField label="Summary" name="summary" rows={3} maxLength={4000} value={summary} onChange={(event) => setSummary(event.target.value)} error={add.fieldError('summary')}
            hint={kind === 'internal_note' ? 'Only the team sees internal notes.' : 'The member reads this on their support page, with the date and time.'} />
          <div className="actions">
            <Button type="submit" busy={add.busy}>Add step</Button>
          </div>
        </form>
      </Section>
    </>
  );
}

function Assign({ detail, onDone }: { detail: DeskEscalationDetail; onDone: (detail: DeskEscalationDetail) => void }) {
  const agents = useLoad(getQueues);
  const [assignee, setAssignee] = useState('');
  const assign = useAction(async () => onDone(await addEscalationStep(detail.escalation.id, { kind: 'assigned', assignee_id: assignee })), ['assignee_id']);
  const people = (agents.data?.agents ?? []).filter((person) => person.role !== 'security');
  return (
    <Section title="Assign">
      <form className="form" onSubmit={submitWith(assign.run)} noValidate>
        <ErrorAlert error={assign.formError} />
        <SelectField label="Assign to" name="assignee_id" value={assignee} onChange={(event) => setAssignee(event.target.value)} error={assign.fieldError('assignee_id')}>
          <option value="">Choose a person</option>
          {people.map((person) => <option key={person.id} value={person.id}>{person.name} ({person.role})</option>)}
        </SelectField>
        <div className="actions">
          <Button type="submit" variant="secondary" busy={assign.busy} disabled={!assignee}>Assign</Button>
        </div>
      </form>
    </Section>
  );
}
