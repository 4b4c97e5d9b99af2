/**
 * `npm run bench`: every benchmark under bench/, one process each, with its
 * figures and its ratio to the baseline it measures in the same run.
 * BENCH_QUICK=1 runs them at a tenth of their size.
 */
import { spawnSync } from 'node:child_process';

const quick = process.env.BENCH_QUICK === '1';
const runs: { name: string; args: string[] }[] = [
  { name: 'billing-run on PostgreSQL', args: ['bench/billing-run.bench.ts', '--members', quick ? '100000' : '1000000'] },
  { name: 'billing-run on PGlite', args: ['bench/billing-run.bench.ts', '--pglite', '--members', quick ? '10000' : '100000'] },
  { name: 'triage --jsonl', args: ['bench/triage.bench.ts', '--lines', quick ? '2000' : '20000'] },
  { name: 'help center search', args: ['bench/search.bench.ts', '--rounds', quick ? '20' : '200'] },
  { name: 'language on held-out sets (triage, redaction, search)', args: ['bench/heldout.bench.ts'] },
  { name: 'chat on PostgreSQL', args: ['bench/chat.bench.ts', '--connections', quick ? '1000' : '10000', '--seconds', quick ? '5' : '20'] },
  // The embedded database keeps up with about 500 messages/s (docs/performance.md): measured at that rate.
  { name: 'chat on PGlite', args: ['bench/chat.bench.ts', '--pglite', '--connections', quick ? '1000' : '10000', '--seconds', quick ? '5' : '20', '--rate', '500'] },
];

let failed = 0;
for (const run of runs) {
  console.log(`\n=== ${run.name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...run.args], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
