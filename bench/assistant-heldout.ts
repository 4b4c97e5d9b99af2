/**
 * Puts every opening of the frozen assistant set
 * (bench/heldout/2026-12-06-b/assistant-openings.jsonl) to the real
 * assistant: the whole app with the Reelhouse demo (embedded database, as
 * `npm start` builds it), signed in as the opening's demo member, through
 * the chat's HTTP routes; then the follow-up, when there is one. Writes one
 * JSON line per opening with what the assistant answered, for a reader who
 * grades each against the set's `right_answer` and `must_not`.
 *
 *   node --import tsx bench/assistant-heldout.ts OUT.jsonl [--today YYYY-MM-DD] [--set FOLDER]
 *
 * FOLDER is a frozen folder under bench/heldout (default 2026-12-06-b).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpClient, type HttpClient } from '../src/platform/testing/http-client.ts';
import { openTestApp } from '../src/platform/testing/test-app.ts';

type Opening = { member: string; text: string; followup: string | null; asks: string; right_answer: string; must_not?: string | null };
type Message = { seq: number; author: { kind: string }; body: string; payload: { kind: string; choices?: { id: string; label: string }[] } | null };

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2];
if (!out) throw new Error('usage: assistant-heldout.ts OUT.jsonl [--today YYYY-MM-DD] [--set FOLDER]');
const todayIndex = process.argv.indexOf('--today');
const today = todayIndex >= 0 ? (process.argv[todayIndex + 1] as string) : new Date().toISOString().slice(0, 10);

const setIndex = process.argv.indexOf('--set');
const setFolder = setIndex >= 0 ? (process.argv[setIndex + 1] as string) : '2026-12-06-b';
const openings = readFileSync(path.join(root, 'bench/heldout', setFolder, 'assistant-openings.jsonl'), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Opening);

const EMAILS: Record<string, string> = { acct_demo_ben_tv: 'ben.okafor.tv@demo.reelhouse.example' };
const emailOf = (accountId: string) => EMAILS[accountId] ?? `${accountId.replace('acct_demo_', '')}@demo.reelhouse.example`;

/** What the assistant said after `afterSeq`, once it has answered and gone quiet. */
async function answerAfter(client: HttpClient, conversationId: string, afterSeq: number): Promise<Message[]> {
  const deadline = Date.now() + 30_000;
  let last = '';
  let stableSince = 0;
  for (;;) {
    const messages = ((await client.get(`/api/chat/conversations/${conversationId}`)).json() as { messages: Message[] }).messages;
    const answer = messages.filter((message) => message.seq > afterSeq && message.author.kind !== 'member');
    const shape = JSON.stringify(answer.map((message) => message.seq));
    if (answer.length > 0 && shape === last) {
      if (Date.now() - stableSince > 400) return answer;
    } else {
      last = shape;
      stableSince = Date.now();
    }
    if (Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const shown = (messages: Message[]) => messages.map((message) => ({
  author: message.author.kind,
  kind: message.payload?.kind ?? null,
  body: message.body,
  buttons: message.payload?.choices?.map((choice) => choice.label) ?? [],
}));

/**
 * A member may start 10 conversations in 10 minutes (the chat's limit): a
 * fresh app (its own demo database and limits) serves at most this many
 * openings, so every opening reaches the assistant.
 */
const OPENINGS_PER_APP = 8;

const results: unknown[] = [];
const members = [...new Set(openings.map((opening) => opening.member))];
const batches = members.flatMap((member) => {
  const own = [...openings.entries()].filter(([, opening]) => opening.member === member);
  return Array.from({ length: Math.ceil(own.length / OPENINGS_PER_APP) }, (_, batch) => ({ member, items: own.slice(batch * OPENINGS_PER_APP, (batch + 1) * OPENINGS_PER_APP) }));
});
for (const { member, items } of batches) {
  // A fresh app per batch: one opening's hand-off or action does not colour the next member's.
  const t = await openTestApp({ today, demo: true });
  try {
    for (const [index, opening] of items) {
      const client = createHttpClient(t.app.server);
      await client.open();
      const signedIn = await client.post('/api/sign-in', { login: emailOf(member), password: 'reelhouse-demo' });
      if (signedIn.statusCode !== 200) throw new Error(`${member} could not sign in: ${signedIn.body}`);
      const started = await client.post('/api/chat/conversations', { text: opening.text });
      if (started.statusCode !== 201) {
        results.push({ index, ...opening, error: `${started.statusCode} ${started.body}` });
        continue;
      }
      const { conversation, messages } = started.json() as { conversation: { id: string }; messages: Message[] };
      const memberSeq = Math.max(...messages.filter((message) => message.author.kind === 'member').map((message) => message.seq));
      const first = await answerAfter(client, conversation.id, memberSeq);
      let followupAnswer: Message[] = [];
      if (opening.followup) {
        const sent = await client.post(`/api/chat/conversations/${conversation.id}/messages`, { body: opening.followup, client_id: `followup-${index}` });
        const seq = (sent.json() as { message: { seq: number } }).message.seq;
        followupAnswer = await answerAfter(client, conversation.id, seq);
      }
      results.push({ index, ...opening, answer: shown(first), followup_answer: opening.followup ? shown(followupAnswer) : null });
      process.stderr.write(`${results.length}/${openings.length}\r`);
    }
  } finally {
    await t.close();
  }
}
results.sort((a, b) => (a as { index: number }).index - (b as { index: number }).index);
writeFileSync(out, `${results.map((result) => JSON.stringify(result)).join('\n')}\n`);
process.stderr.write(`\n${results.length} openings answered, written to ${out}\n`);
