import { useState } from 'react';
import {
  fileEscalation, KIND_NAMES, listMyEscalations, OUTCOME_NAMES, STATUS_NAMES, STEP_NAMES, TOPIC_NAMES,
  type EscalationKind, type EscalationTopic, type MemberEscalation,
} from '../../api/escalations.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, LoadError, Loading, Notice, Page, Section, SelectField, TextAreaField } from '../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';
import './escalations.css';

/** The member's support page: their complaints and specialist requests, each step we took, and a form for a new one. */
export function EscalationsPage() {
  const loaded = useLoad(listMyEscalations);
  return (
    <Page title="Your complaints and requests" intro="A formal complaint or a request for a specialist: its reference, the date by which we answer, and every step we take.">
      {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.data ? (
        loaded.data.escalations.length === 0 ? <p className="muted">You have no complaints or specialist requests.</p> : (
          <ul className="plain-list escalation-list">
            {loaded.data.escalations.map((item) => <EscalationCard key={item.reference} item={item} />)}
          </ul>
        )
      ) : null}
      <NewEscalation onFiled={loaded.reload} />
      <p className="muted">
        Looking for a conversation? <Link to="/chat">Your chats</Link>.
      </p>
    </Page>
  );
}

function EscalationCard({ item }: { item: MemberEscalation }) {
  const done = item.status === 'resolved';
  return (
    <li className="card escalation-card" aria-labelledby={`esc-${item.reference}`}>
      <h2 id={`esc-${item.reference}`} className="escalation-title">
        {KIND_NAMES[item.kind]} <span className="reference">{item.reference}</span>
      </h2>
      <p>
        <strong className={`escalation-status status-${item.status}`}>{STATUS_NAMES[item.status]}</strong>
        {item.outcome ? <span> · {OUTCOME_NAMES[item.outcome]}</span> : null}
        <span className="muted"> · {TOPIC_NAMES[item.topic]}</span>
      </p>
      <p className="escalation-due">
        {done ? `Answered ${formatDateTime(item.resolved_at)}` : `We will answer by ${formatDate(item.answer_by)}`}
        {!done && !item.acknowledged_at ? <span className="muted"> (acknowledged by {formatDate(item.acknowledge_by)})</span> : null}
      </p>
      {item.billing_partner ? <Notice tone="info">{item.billing_partner.advice}</Notice> : null}
      <h3>Steps</h3>
      <ol className="escalation-steps">
        {item.steps.map((step, index) => (
          <li key={`${step.at}-${index}`} className={`escalation-step step-${step.kind}`}>
            <p className="escalation-step-meta">
              <strong>{STEP_NAMES[step.kind] ?? step.kind}</strong> · {step.by_name} · <time dateTime={step.at}>{formatDateTime(step.at)}</time>
            </p>
            <p>{step.summary}</p>
          </li>
        ))}
      </ol>
      {item.dispute_routes ? <DisputeRoutesBox routes={item.dispute_routes} /> : null}
      {item.conversation_id ? <Link to={`/chat/${encodeURIComponent(item.conversation_id)}`}>The conversation it came from</Link> : null}
    </li>
  );
}

function DisputeRoutesBox({ routes }: { routes: NonNullable<MemberEscalation['dispute_routes']> }) {
  return (
    <section className="dispute-routes" aria-label="If the dispute is not settled">
      <h3>If this is still not settled</h3>
      <p>
        <strong>Your bank or card issuer.</strong> {routes.bank}
      </p>
      {routes.bodies.map((body) => (
        <p key={body.name}>
          <strong>{body.name}.</strong> {body.description}
        </p>
      ))}
      <p className="muted">Quote your reference and keep our answers: they show what you asked and what we replied.</p>
    </section>
  );
}

const TOPICS: EscalationTopic[] = ['billing', 'security', 'technical', 'general'];

function NewEscalation({ onFiled }: { onFiled: () => void }) {
  const [kind, setKind] = useState<EscalationKind>('complaint');
  const [topic, setTopic] = useState<EscalationTopic>('billing');
  const [description, setDescription] = useState('');
  const [filed, setFiled] = useState<string | null>(null);
  const send = useAction(async () => {
    const answer = await fileEscalation({ kind, topic, description: description.trim() });
    setFiled(answer.escalation.reference);
    setDescription('');
    onFiled();
  }, ['description', 'kind', 'topic']);
  return (
    <Section title="Make a complaint or ask for a specialist">
      {filed ? <Notice>Registered. Your reference is {filed}.</Notice> : null}
      <form className="form" onSubmit={submitWith(send.run)} noValidate>
        <ErrorAlert error={send.formError} />
        <fieldset className="escalation-kind">
          <legend>What would you like?</legend>
          <label>
            <input type="radio" name="kind" value="complaint" checked={kind === 'complaint'} onChange={() => setKind('complaint')} /> A formal complaint{' '}
            <span className="muted">(acknowledged within 2 working days, answered within 15)</span>
          </label>
          <label>
            <input type="radio" name="kind" value="specialist" checked={kind === 'specialist'} onChange={() => setKind('specialist')} /> A specialist to review it{' '}
            <span className="muted">(answered within 5 working days)</span>
          </label>
        </fieldset>
        <SelectField label="What is it about?" name="topic" value={topic} onChange={(event) => setTopic(event.target.value as EscalationTopic)} error={send.fieldError('topic')}>
          {TOPICS.map((value) => <option key={value} value={value}>{TOPIC_NAMES[value]}</option>)}
        </SelectField>
        <TextAreaField label="What happened, and what outcome do you want?" name="description" rows={5} maxLength={4000} value={description}
          onChange={(event) => setDescription(event.target.value)} error={send.fieldError('description')} hint="Never include a password, a code or your full card number." />
        <div className="actions">
          <Button type="submit" busy={send.busy}>Send</Button>
        </div>
      </form>
    </Section>
  );
}
