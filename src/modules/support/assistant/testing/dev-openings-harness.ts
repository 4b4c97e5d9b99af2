import type { Catalog } from '../../../billing/index.ts';
import { redact } from '../../../safety/redaction/index.ts';
import { triage } from '../../../triage/index.ts';
import type { AccountSnapshot } from '../../support.ports.ts';
import { decideTurn } from '../assistant.rules.ts';
import { initialState, type Reply } from '../assistant.types.ts';
import { explainCharges } from '../charges/charge-explainer.ts';
import type { DemoAccount } from './demo-snapshots.ts';
import { toolsWith } from './assistant-fixtures.ts';
import { textForTriage } from '../member-notes.rules.ts';

/**
 * Puts a development set of members' openings to the real assistant rules
 * (real triage, real charge explainer with billing's catalog, real flows and
 * checklists) on the demo members' account snapshots, the way the chat does:
 * the text is redacted first, triage reads the redacted text, the state is
 * carried to the follow-up. Pure apart from reading the snapshots up front.
 */

export type Expectation = {
  /** Payload kinds of which at least one must appear among the replies ("charge_explanation", "notice", "confirm_action", "handoff", "text"). */
  kinds?: string[];
  /** Every pattern must match the replies' bodies (and button labels) joined. */
  says?: (string | RegExp)[];
  /** No pattern may match. */
  never?: (string | RegExp)[];
  /** A button whose id starts with this must be offered. */
  button?: string;
  /** Whether the turn hands the chat to a person. */
  handsOff?: boolean;
};

export type DevOpening = {
  id: string;
  member: DemoAccount;
  /** What kind of question it is, for the per-kind figures. */
  kind: string;
  text: string;
  expect: Expectation;
  followUp?: { text: string; expect: Expectation };
};

export type TurnResult = { text: string; replies: Reply[]; handedOff: boolean; failures: string[] };
export type OpeningResult = { opening: DevOpening; turns: TurnResult[]; pass: boolean };

/** Said in every answer anyway, so an expectation never has to name them: nothing here. */
const pattern = (p: string | RegExp) => (typeof p === 'string' ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : p);

function check(expect: Expectation, replies: Reply[], handedOff: boolean): string[] {
  const text = replies.map((reply) => [reply.body, ...(reply.payload.choices ?? []).map((choice) => `[${choice.label}]`)].join('\n')).join('\n---\n');
  const ids = replies.flatMap((reply) => (reply.payload.choices ?? []).map((choice) => choice.id));
  const failures: string[] = [];
  if (expect.kinds && !replies.some((reply) => expect.kinds!.includes(reply.payload.kind))) failures.push(`kind not in ${expect.kinds.join('/')} (got ${replies.map((reply) => reply.payload.kind).join(',')})`);
  for (const p of expect.says ?? []) if (!pattern(p).test(text)) failures.push(`missing ${String(p)}`);
  for (const p of expect.never ?? []) if (pattern(p).test(text)) failures.push(`says ${String(p)}`);
  if (expect.button && !ids.some((id) => id.startsWith(expect.button!))) failures.push(`no button ${expect.button}`);
  if (expect.handsOff !== undefined && expect.handsOff !== handedOff) failures.push(expect.handsOff ? 'did not hand off' : 'handed off');
  return failures;
}

export function runOpening(opening: DevOpening, snapshots: Record<DemoAccount, AccountSnapshot>, options: { today: string; catalog?: Catalog }): OpeningResult {
  const tools = toolsWith((input) => explainCharges({ ...input, ...(options.catalog ? { catalog: options.catalog } : {}) }));
  const snapshot = snapshots[opening.member];
  let state = initialState();
  const turns: TurnResult[] = [];
  const messages = [{ text: opening.text, expect: opening.expect }, ...(opening.followUp ? [opening.followUp] : [])];
  messages.forEach((message, index) => {
    const text = redact(message.text.trim()).text;
    const decision = decideTurn(state, { conversationId: `conv_dev_${opening.id}`, seq: index + 1, text, choice: null, today: options.today }, { snapshot, triage: triage(textForTriage(text)), tools });
    state = decision.state;
    turns.push({ text, replies: decision.replies, handedOff: decision.handOff !== null, failures: check(message.expect, decision.replies, decision.handOff !== null) });
  });
  return { opening, turns, pass: turns.every((turn) => turn.failures.length === 0) };
}

export function runDevSet(openings: readonly DevOpening[], snapshots: Record<DemoAccount, AccountSnapshot>, options: { today: string; catalog?: Catalog }) {
  const results = openings.map((opening) => runOpening(opening, snapshots, options));
  const byKind = new Map<string, { pass: number; total: number }>();
  for (const result of results) {
    const entry = byKind.get(result.opening.kind) ?? { pass: 0, total: 0 };
    entry.total += 1;
    if (result.pass) entry.pass += 1;
    byKind.set(result.opening.kind, entry);
  }
  const followUps = results.filter((result) => result.opening.followUp);
  return {
    results,
    overall: results.filter((result) => result.pass).length / results.length,
    firstTurn: results.filter((result) => result.turns[0].failures.length === 0).length / results.length,
    followUps: followUps.filter((result) => result.turns[1]?.failures.length === 0).length / Math.max(1, followUps.length),
    byKind: [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}
