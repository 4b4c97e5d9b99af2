import { writeFileSync, mkdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../billing/index.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import { readDemoSnapshots, type DemoAccount } from './testing/demo-snapshots.ts';
import { DEV_OPENINGS } from './testing/dev-openings-2026-12-06.ts';
import { DEV_OPENINGS_BATCH2 } from './testing/dev-openings-batch2-2026-12-06.ts';
import { DEV_OPENINGS_BATCH3 } from './testing/dev-openings-batch3-2026-12-06.ts';
import { DEV_OPENINGS_BATCH4 } from './testing/dev-openings-batch4-2026-12-06.ts';
import { DEV_OPENINGS_BATCH5 } from './testing/dev-openings-batch5-2026-12-06.ts';
import { DEV_OPENINGS_BATCH6 } from './testing/dev-openings-batch6-2026-12-06.ts';
import { DEV_OPENINGS_BATCH7 } from './testing/dev-openings-batch7-2026-12-06.ts';
import { DEV_OPENINGS_BATCH8 } from './testing/dev-openings-batch8-2026-12-06.ts';
import { DEV_OPENINGS_BATCH9 } from './testing/dev-openings-batch9-2026-12-06.ts';
import { DEV_OPENINGS_BATCH10 } from './testing/dev-openings-batch10-2026-12-06.ts';
import { runDevSet } from './testing/dev-openings-harness.ts';

const TODAY = '2026-11-27';

/**
 * The development set (testing/dev-openings-2026-12-06.ts) through the real
 * assistant rules on the demo members' snapshots. Before any issue-10 rule
 * change: 46 of 130 openings answered right (0.354; first turns 0.477,
 * follow-ups 0.133), 49 (0.377) once one too-strict expectation was fixed;
 * after the issue-10 rules: 130 of 130 (first turns and follow-ups alike).
 * A second batch of 40 (testing/dev-openings-batch2-2026-12-06.ts), written
 * once the first was at 130 and measured before any change for it: 24 of 40
 * (0.600; follow-ups 4 of 9), then 40 of 40 after the fixes it showed. A
 * third of 30, the same way: 21 of 30 (0.700), then 30 of 30; a fourth of
 * 25: 22 of 25 (0.880), then 25 of 25. A fifth of 156 (13 per member, 25
 * follow-ups; testing/dev-openings-batch5-2026-12-06.ts), written for issue 10
 * point 4 and measured before any change for it: 112 of 156 (0.718; first
 * turns 0.788, follow-ups 0.520), then 156 of 156 after the reading by meaning
 * (question-meaning.rules.ts), every question of a message answered, follow-ups
 * read against the last question and the other general changes it showed.
 * A sixth of 72 (testing/dev-openings-batch6-2026-12-06.ts), written once the
 * fifth was at 156 and measured before any change for it: 48 of 72 (0.667;
 * first turns 0.722, follow-ups 0.500), then 72 of 72 after the general
 * fixes it showed (more of each concept's words, Unicode word edges in the
 * gloss, shopping, gift cards and unrecognised charges left to the charge
 * reading). A seventh of 60 the same way: 49 of 60 (0.817; first turns
 * 0.850, follow-ups 0.667) before any change for it, then 60 of 60. Triage's
 * model was retrained by its own work at 05:45 (between batch 6 and 7).
 * An eighth of 48, written in words the rules' lists lack: 34 of 48 (0.708;
 * first turns 0.771, follow-ups 0.636) before any change for it, then 47 of 48.
 * A ninth of 48: 40 of 48 (0.833; follow-ups 1 of 2) before any change for it,
 * then 48 of 48. A tenth of 36: 29 of 36 (0.806; follow-ups 2 of 5) before any
 * change for it, then 36 of 36 (and batch 8's last miss with it).
 * A development figure, not a benchmark: the rules were tuned on these
 * openings, so the floor only keeps what was reached; the frozen held-out
 * set says how it generalises. DEV_OPENINGS_REPORT=<file> writes the
 * failures (DEV_OPENINGS_ALL=1: every answer).
 */
let snapshots: Record<DemoAccount, AccountSnapshot>;
let catalog: Catalog;
beforeAll(async () => {
  ({ snapshots, catalog } = await readDemoSnapshots(TODAY));
}, 120_000);

/** What was reached on each set, less a little: development figures, kept from slipping back. */
const FLOORS = { first: 0.95, batch2: 0.95, batch3: 0.9, batch4: 0.9, batch5: 0.95, batch6: 0.95, batch7: 0.95, batch8: 0.95, batch9: 0.95, batch10: 0.95 };

it.each([['first', DEV_OPENINGS], ['batch2', DEV_OPENINGS_BATCH2], ['batch3', DEV_OPENINGS_BATCH3], ['batch4', DEV_OPENINGS_BATCH4], ['batch5', DEV_OPENINGS_BATCH5], ['batch6', DEV_OPENINGS_BATCH6], ['batch7', DEV_OPENINGS_BATCH7], ['batch8', DEV_OPENINGS_BATCH8], ['batch9', DEV_OPENINGS_BATCH9], ['batch10', DEV_OPENINGS_BATCH10]] as const)('answers the %s development set of the demo members\' openings right', (name, openings) => {
  const run = runDevSet(openings, snapshots, { today: TODAY, catalog });
  const lines = [
    `${name}: overall ${run.results.filter((r) => r.pass).length}/${run.results.length} = ${run.overall.toFixed(3)}; first turns ${run.firstTurn.toFixed(3)}; follow-ups ${run.followUps.toFixed(3)}`,
    ...run.byKind.map(([kind, { pass, total }]) => `  ${kind.padEnd(26)} ${pass}/${total}`),
  ];
  if (process.env.DEV_OPENINGS_REPORT) {
    mkdirSync('.test-results', { recursive: true });
    // DEV_OPENINGS_ALL=1 writes every opening's answers, to read them, not only the failures.
    const failed = run.results.filter((r) => !r.pass || process.env.DEV_OPENINGS_ALL).map((r) => ({
      id: r.opening.id, kind: r.opening.kind,
      turns: r.turns.map((t) => ({ text: t.text, failures: t.failures, replies: t.replies.map((reply) => `(${reply.payload.kind}) ${reply.body}${(reply.payload.choices ?? []).map((c) => ` [${c.id}|${c.label}]`).join('')}`) })),
    }));
    writeFileSync(`${process.env.DEV_OPENINGS_REPORT}.${name}`, `${lines.join('\n')}\n\n${JSON.stringify(failed, null, 1)}\n`);
  }
  console.log(lines.join('\n'));
  expect(run.overall).toBeGreaterThanOrEqual(FLOORS[name]);
});
