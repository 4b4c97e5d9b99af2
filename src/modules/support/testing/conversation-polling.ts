import type { HttpClient } from '../../../platform/testing/http-client.ts';

/**
 * How long a test waits for the assistant before calling it stuck: far more
 * than a turn takes, so a loaded machine slows the test down instead of
 * failing it (a fixed number of short polls failed on a busy CI machine).
 */
const DEADLINE_MS = 60_000;

/** The assistant answers after the member's message is stored: polls the conversation until `done` holds. */
export async function messagesUntil<Message>(client: HttpClient, conversationId: string, done: (messages: Message[]) => boolean): Promise<Message[]> {
  const deadline = Date.now() + DEADLINE_MS;
  let messages: Message[] = [];
  while (Date.now() < deadline) {
    const response = await client.get(`/api/chat/conversations/${conversationId}`);
    messages = (response.json() as { messages: Message[] }).messages;
    if (done(messages)) return messages;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the conversation never reached the expected state; it has ${messages.length} messages`);
}
