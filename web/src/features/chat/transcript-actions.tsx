import { useState } from 'react';
import { emailTranscript, transcriptUrl } from '../../api/chat.ts';
import { Button, ErrorAlert, Notice } from '../../ui/components.tsx';
import { useAction } from '../../ui/hooks.ts';

/** The member keeps the conversation: as a file now, or by email to the address on file (never one typed here). */
export function TranscriptActions({ conversationId }: { conversationId: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const email = useAction(async () => {
    const answer = await emailTranscript(conversationId);
    setSentTo(answer.sent_to);
  });
  return (
    <div className="transcript-actions">
      <div className="actions">
        <a className="button button-secondary button-small" href={transcriptUrl(conversationId)} download>
          Download transcript
        </a>
        <Button variant="secondary" className="button-small" busy={email.busy} onClick={() => void email.run()}>
          Email me the transcript
        </Button>
      </div>
      <Notice>{sentTo ? `Sent to ${sentTo}.` : null}</Notice>
      <ErrorAlert error={email.formError} />
    </div>
  );
}
