import { AppError } from '../../../platform/errors.ts';
import { findCredentialRequest, type CredentialRequest } from '../../safety/redaction/index.ts';

const ASKED_FOR: Record<CredentialRequest['kind'], string> = {
  password: 'a password',
  one_time_code: 'a one-time code',
  cvv: 'card details',
};

/**
 * The one rule for what an agent may send a member, used by the desk's
 * message route and the chat's WebSocket alike: never ask for a password, a
 * one-time code or card details. The explanation when the message may not
 * go, null when it may. Pure.
 */
export function checkAgentMessage(body: string): string | null {
  const found = findCredentialRequest(body);
  if (!found) return null;
  return `This message was not sent: it seems to ask for ${ASKED_FOR[found.kind]}. We never ask members for passwords, one-time codes or card details, so a message that does looks like a scam to them. To confirm who they are, ask for the 6-digit service code from Help in their app instead.`;
}

/** The kind of credential a blocked message asked for (for the audit log: never the text). */
export function askedCredential(body: string): CredentialRequest['kind'] | null {
  return findCredentialRequest(body)?.kind ?? null;
}

export function credentialRequestBlocked(explanation: string): AppError {
  return new AppError({ code: 'CREDENTIAL_REQUEST_BLOCKED', message: explanation, field: 'body', status: 422 });
}
