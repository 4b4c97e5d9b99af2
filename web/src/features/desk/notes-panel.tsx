import { useState } from 'react';
import { addNote, type CaseDetail } from '../../api/desk.ts';
import { Button, ErrorAlert, Section } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { submitWith, useAction } from '../../ui/hooks.ts';
import { TextAreaField } from './fields.tsx';

/** Notes for the team: kept on the case, never shown to the member (stored redacted like the chat). */
export function NotesPanel({ detail, onAdded }: { detail: CaseDetail; onAdded: () => void }) {
  const [body, setBody] = useState('');
  const add = useAction(async () => {
    await addNote(detail.case.id, body.trim());
    setBody('');
    onAdded();
  }, ['body']);
  return (
    <Section title="Internal notes">
      {detail.notes.length > 0 ? (
        <ul className="desk-notes">
          {detail.notes.map((note) => (
            <li key={note.id}>
              <p className="desk-note-meta">
                <strong>{note.agent.name}</strong> <span className="muted">{formatDateTime(note.created_at)}</span>
              </p>
              <p className="desk-note-body">{note.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No notes yet.</p>
      )}
      <form className="form" onSubmit={submitWith(add.run)} noValidate>
        <ErrorAlert error={add.formError} />
        <TextAreaField label="New note" name="body" rows={2} maxLength={4000} hint="Only agents see notes." value={body} onChange={(event) => setBody(event.target.value)} error={add.fieldError('body')} />
        <div className="actions">
          <Button type="submit" variant="secondary" busy={add.busy} disabled={!body.trim()}>
            Add note
          </Button>
        </div>
      </form>
    </Section>
  );
}
