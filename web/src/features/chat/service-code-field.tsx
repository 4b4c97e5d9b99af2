import { useState } from 'react';
import { sendServiceCode } from '../../api/chat.ts';
import { Button, ErrorAlert, Field } from '../../ui/components.tsx';
import { submitWith, useAction } from '../../ui/hooks.ts';

/**
 * The secure field the agent's request opens: the code goes to its own
 * route, is checked there and never becomes a chat message. The outcome
 * comes back as the chat's system line ("Identity verified…") for both sides.
 */
export function ServiceCodeField({ conversationId }: { conversationId: string }) {
  const [code, setCode] = useState('');
  const send = useAction(async () => {
    await sendServiceCode(conversationId, code.replace(/\D/g, ''));
    setCode('');
  }, ['code']);
  const digits = code.replace(/\D/g, '');
  return (
    <form className="chat-service-code" aria-label="Service code for the agent" onSubmit={submitWith(send.run)} noValidate>
      <p className="chat-service-code-intro">
        <strong>The agent asked for your service code.</strong> Open Help › Service code in the app and type the 6 digits here. It is checked at once and never shown in this chat.
      </p>
      <ErrorAlert error={send.formError} />
      <div className="chat-service-code-row">
        <Field
          label="Service code"
          name="code"
          className="field-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={send.fieldError('code')}
        />
        <Button type="submit" busy={send.busy} disabled={digits.length !== 6}>
          Send code securely
        </Button>
      </div>
    </form>
  );
}
