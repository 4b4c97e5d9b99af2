import type { ChatMessage } from '../../api/chat.ts';

/**
 * Whether an agent is waiting for the member's service code, read from the
 * desk's notices in the conversation (docs/desk.md, "Verification"): the
 * latest request, not followed by the verification or by the last wrong
 * try. Pure.
 */
export function awaitingServiceCode(messages: readonly ChatMessage[], verifiedAt: string | null): boolean {
  if (verifiedAt !== null) return false;
  let waiting = false;
  for (const message of messages) {
    if (message.author.kind !== 'system') continue;
    const data = message.payload?.data;
    switch (data?.event) {
      case 'service_code_requested':
        waiting = true;
        break;
      case 'identity_verified':
        waiting = false;
        break;
      case 'service_code_wrong':
        if (data.tries_left === 0) waiting = false;
        break;
    }
  }
  return waiting;
}

/** The verification's moment, from the system line's payload, for each screen to show in its own clock. */
export function verifiedAtOf(message: Pick<ChatMessage, 'author' | 'payload'>): string | null {
  const data = message.payload?.data;
  return message.author.kind === 'system' && data?.event === 'identity_verified' && typeof data.verified_at === 'string' ? data.verified_at : null;
}
