/**
 * Where a server's CPU went, from a V8 .cpuprofile written with --cpu-prof
 * (bench/chat.bench.ts --profile DIR): self time by package or source
 * folder, and the busiest functions.
 *
 *   node --import tsx bench/chat/profile-summary.ts FILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top 25]');
const topIndex = process.argv.indexOf('--top');
const top = Number(topIndex >= 0 ? process.argv[topIndex + 1] : 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const totalMs = (profile.endTime - profile.startTime) / 1000;

/** A package under node_modules, a folder of this repository, or V8's own entries such as (garbage collector). */
function area(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const local = /\/(src\/(?:[^/]+\/){1,3})/.exec(url);
  return local ? local[1]! : url;
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (ms === 0) continue;
  byArea.set(area(node), (byArea.get(area(node)) ?? 0) + ms);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
}
const print = (title: string, rows: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
};
console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s profiled`);
print('self time by area', byArea);
print('self time by function', byFunction);
