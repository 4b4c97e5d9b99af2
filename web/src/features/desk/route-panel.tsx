import { useState } from 'react';
import { escalateCase, QUEUES, transferCase, type CaseDetail, type Queue } from '../../api/desk.ts';
import { Button, ErrorAlert, Field, Notice, Section, SelectField } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { QUEUE_NAMES } from './desk-words.ts';

/** Passing the case on: to a specialist queue, or one level up to a supervisor. Both need a reason the next person reads. */
export function RoutePanel({ detail, onMoved }: { detail: CaseDetail; onMoved: () => void }) {
  const current = detail.case.queue;
  const [queue, setQueue] = useState<Queue>(QUEUES.find((item) => item !== current) ?? 'general');
  const [transferReason, setTransferReason] = useState('');
  const [escalateReason, setEscalateReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const transfer = useAction(async () => {
    await transferCase(detail.case.id, queue, transferReason.trim());
    setTransferReason('');
    setDone(`Moved to ${QUEUE_NAMES[queue]}. It waits there for an agent with that skill.`);
    onMoved();
  }, ['queue', 'reason']);
  const escalate = useAction(async () => {
    await escalateCase(detail.case.id, escalateReason.trim());
    setEscalateReason('');
    setDone('Escalated to a supervisor.');
    onMoved();
  }, ['reason']);
  const closed = detail.case.status === 'resolved';
  return (
    <Section title="Transfer or escalate">
      <Notice>{done}</Notice>
      <form className="form" onSubmit={submitWith(transfer.run)} noValidate>
        <ErrorAlert error={transfer.formError} />
        <SelectField label="Transfer to queue" name="queue" value={queue} disabled={closed} onChange={(event) => setQueue(event.target.value as Queue)} error={transfer.fieldError('queue')}>
          {QUEUES.filter((item) => item !== current).map((item) => (
            <option key={item} value={item}>
              {QUEUE_NAMES[item]}
            </option>
          ))}
        </SelectField>
        <Field label="Reason for the transfer" name="transfer_reason" value={transferReason} disabled={closed} onChange={(event) => setTransferReason(event.target.value)} error={transfer.fieldError('reason')} />
        <div className="actions">
          <Button type="submit" variant="secondary" busy={transfer.busy} disabled={closed || transferReason.trim().length < 3}>
            Transfer
          </Button>
        </div>
      </form>
      <form className="form sub-form" onSubmit={submitWith(escalate.run)} noValidate>
        <ErrorAlert error={escalate.formError} />
        <Field label="Reason for escalating" name="escalate_reason" value={escalateReason} disabled={closed} onChange={(event) => setEscalateReason(event.target.value)} error={escalate.fieldError('reason')} />
        <div className="actions">
          <Button type="submit" variant="secondary" busy={escalate.busy} disabled={closed || escalateReason.trim().length < 3}>
            Escalate to a supervisor
          </Button>
        </div>
      </form>
    </Section>
  );
}
