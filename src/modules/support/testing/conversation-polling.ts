import type { HttpClient } from '../../../platform/testing/http-client.ts';
import { until } from '../../../platform/testing/until.ts';

/**
 * The assistant answers after the member's message is stored: polls the
 * conversation until `done` holds (platform/testing/until.ts: a deadline far
 * longer than a turn, so a loaded machine slows the test instead of failing it).
 */
export async function messagesUntil<Message>(client: HttpClient, conversationId: string, done: (messages: Message[]) => boolean): Promise<Message[]> {
  let messages: Message[] = [];
  const read = async () => {
    const response = await client.get(`/api/chat/conversations/${conversationId}`);
    messages = (response.json() as { messages: Message[] }).messages;
    return messages;
  };
  try {
    return await until(read, done, 'the conversation reached the expected state');
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('never happened')) throw error;
    throw new Error(`the conversation never reached the expected state; it has ${messages.length} messages`);
  }
}
