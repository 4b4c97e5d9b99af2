import { performance } from 'node:perf_hooks';

export type TimingComparison = {
  /** Medians in milliseconds of the round that decided. */
  medianA: number;
  medianB: number;
  difference: number;
  tolerance: number;
  within: boolean;
  /** Rounds run: a round that missed is run again. */
  rounds: number;
};

export type TimingOptions = {
  /** Pairs of one A and one B per round. */
  pairs: number;
  /** Untimed pairs first (JIT, caches, connection pool). */
  warmUp: number;
  a: (index: number) => Promise<unknown>;
  b: (index: number) => Promise<unknown>;
  /** Untimed, before every request: wait for work left after the previous answer, reset limits. */
  between?: () => Promise<void>;
  /** The medians may differ by max(floorMs, relative × the smaller median). */
  floorMs?: number;
  relative?: number;
  /** Rounds at most; the comparison holds when one round is within the tolerance. */
  rounds?: number;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Times two kinds of request, interleaved A B, B A, A B… so that a change in
 * the machine's load falls on both alike, after a warm-up, and compares the
 * medians (a few slow outliers, a garbage collection, another process's
 * burst, move a median little). The tolerance has a relative part (a loaded
 * machine makes everything slower) and an absolute floor (a fast machine's
 * medians are a few milliseconds apart by chance). A round that misses is
 * run again: noise does not repeat round after round, a path that does more
 * work for one kind does.
 */
export async function compareTimings(options: TimingOptions): Promise<TimingComparison> {
  const floorMs = options.floorMs ?? 2;
  const relative = options.relative ?? 0.25;
  const maxRounds = options.rounds ?? 3;
  let index = 0;
  const timed = async (run: (index: number) => Promise<unknown>, into?: number[]) => {
    await options.between?.();
    const started = performance.now();
    await run(index);
    const elapsed = performance.now() - started;
    index += 1;
    into?.push(elapsed);
  };
  for (let pair = 0; pair < options.warmUp; pair += 1) {
    await timed(options.a);
    await timed(options.b);
  }
  let last: TimingComparison | undefined;
  for (let round = 1; round <= maxRounds; round += 1) {
    const a: number[] = [];
    const b: number[] = [];
    for (let pair = 0; pair < options.pairs; pair += 1) {
      if (pair % 2 === 0) {
        await timed(options.a, a);
        await timed(options.b, b);
      } else {
        await timed(options.b, b);
        await timed(options.a, a);
      }
    }
    const medianA = median(a);
    const medianB = median(b);
    const difference = Math.abs(medianA - medianB);
    const tolerance = Math.max(floorMs, relative * Math.min(medianA, medianB));
    last = { medianA, medianB, difference, tolerance, within: difference <= tolerance, rounds: round };
    if (last.within) break;
  }
  return last as TimingComparison;
}
