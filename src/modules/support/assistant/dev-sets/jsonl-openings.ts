import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, type DemoAccount } from '../testing/demo-snapshots.ts';
import type { DevOpening, Expectation } from '../testing/dev-openings-harness.ts';
import { ASK_SECRET, NOT_FOUND, TAKEOVER } from '../testing/dev-openings-expectations.ts';

/**
 * Reads a development set written as JSON lines (one opening a line):
 * `{ id, member: "ava", kind, text, must: [regex…], must_not?, button?, kinds?,
 * hands_off?, security?, follow_up?: { text, must, must_not?, button? } }`.
 * Every regex is case-insensitive. Every turn also must never ask for a
 * secret, never say no charge was found and never answer "I'm not sure I
 * understood" (the questions are clear); unless the line is `security`, the
 * takeover answer is wrong too (a finding must not swallow the question).
 */

type Turn = { must?: string[]; must_not?: string[]; button?: string; kinds?: string[]; hands_off?: boolean };
type Line = Turn & { id: string; member: string; kind: string; text: string; security?: boolean; follow_up?: Turn & { text: string } };

const NOT_UNDERSTOOD = /not sure I understood/i;
const regex = (source: string) => new RegExp(source, 'i');

function expectationOf(turn: Turn, security: boolean): Expectation {
  return {
    says: (turn.must ?? []).map(regex),
    never: [...(turn.must_not ?? []).map(regex), ASK_SECRET, NOT_FOUND, NOT_UNDERSTOOD, ...(security ? [] : [TAKEOVER])],
    ...(turn.button ? { button: turn.button } : {}),
    ...(turn.kinds ? { kinds: turn.kinds } : {}),
    ...(turn.hands_off !== undefined ? { handsOff: turn.hands_off } : {}),
  };
}

function memberOf(name: string): DemoAccount {
  const account = `acct_demo_${name}`;
  if (!(DEMO_ACCOUNTS as readonly string[]).includes(account)) throw new Error(`unknown demo member ${name}`);
  return account as DemoAccount;
}

export function readOpeningsFile(file: string): DevOpening[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((raw) => {
    const line = JSON.parse(raw) as Line;
    const security = line.security === true;
    return {
      id: line.id, member: memberOf(line.member), kind: line.kind, text: line.text,
      expect: expectationOf(line, security),
      ...(line.follow_up ? { followUp: { text: line.follow_up.text, expect: expectationOf(line.follow_up, security) } } : {}),
    };
  });
}
