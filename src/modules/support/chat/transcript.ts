import type { ChatConversation, ChatMessage } from './chat.types.ts';

const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const SPEAKER: Record<ChatMessage['author']['kind'], (name: string) => string> = {
  member: (name) => name,
  visitor: () => 'You',
  assistant: (name) => name,
  agent: (name) => `${name} (Reelhouse support)`,
  system: () => 'Reelhouse',
};

type Finding = { title?: unknown; explanation?: unknown };

/** A charge explanation's findings in full: the chat draws them from the payload, the copy writes them out. */
function explanationLines(message: ChatMessage): string[] {
  if (message.payload?.kind !== 'charge_explanation') return [];
  const findings = message.payload.data?.findings;
  if (!Array.isArray(findings)) return [];
  return (findings as Finding[])
    .filter((finding) => typeof finding.explanation === 'string' && finding.explanation !== '')
    .map((finding) => (typeof finding.title === 'string' ? `${finding.title}: ${String(finding.explanation)}` : String(finding.explanation)));
}

/**
 * The member's copy of a conversation, as plain text: every message as it
 * was stored (already redacted), with its time in UTC. Choices offered are
 * listed so the copy reads like the chat did.
 */
export function renderTranscript(options: { serviceName: string; conversation: ChatConversation; messages: readonly ChatMessage[]; generatedAt: Date }): string {
  const { conversation, messages } = options;
  const lines = [
    `${options.serviceName} support conversation ${conversation.id}`,
    `Started ${stamp(conversation.createdAt)} · status: ${conversation.status} · ${messages.length} message${messages.length === 1 ? '' : 's'}`,
    `Copy made ${stamp(options.generatedAt.toISOString())}. Card numbers, passwords and codes are never kept in it.`,
    '',
  ];
  for (const message of messages) {
    lines.push(`[${stamp(message.createdAt)}] ${SPEAKER[message.author.kind](message.author.name)}:`);
    for (const line of message.body.split('\n')) lines.push(`  ${line}`);
    for (const line of explanationLines(message)) lines.push(`  · ${line}`);
    const choices = message.payload?.choices;
    if (choices && choices.length > 0) lines.push(`  (options: ${choices.map((choice) => choice.label).join(' / ')})`);
    lines.push('');
  }
  return lines.join('\n');
}
