// A broken prompt cache misses every call from the moment it broke until it
// is fixed: its misses come in one unbroken run, where a working cache's
// misses (an idle prefix expired, a request landing on a cold server) are
// scattered. A day of a small prompt can hold as few hits as a break by
// chance, scattered; it cannot hold as long a run. So a break is read as a
// run of misses: longer than any in the weeks before, and too long for the
// prompt's usual hit share to give by chance among the calls read.

/** one answered call of a cached prompt: when, whether it read the cache, and the dollars its prefix cost beyond a cache read */
export interface CacheRead {
  at: number;
  hit: boolean;
  extra: number;
}

/** the longest run of misses in calls ordered by time */
export function longestMissRun(reads: readonly CacheRead[]): number {
  let longest = 0;
  let run = 0;
  for (const r of reads) (run = r.hit ? 0 : run + 1), (longest = Math.max(longest, run));
  return longest;
}

/** the longest run of misses, in calls ordered by time, that takes in at least one call at or after `from` (a run that began the day before counts whole) */
export function missRunInto(reads: readonly CacheRead[], from: number): CacheRead[] {
  let start = 0;
  let best = { start: 0, end: 0 };
  reads.forEach((r, i) => {
    if (r.hit) start = i + 1;
    else if (i + 1 - start > best.end - best.start && r.at >= from) best = { start, end: i + 1 };
  });
  return reads.slice(best.start, best.end);
}

/**
 * the chance of a run of `k` misses or more among `n` calls that each hit with chance `p`, independently: a run
 * starts at the first call or right after a hit, so at most (1 + n·p) places, each followed by k misses
 */
export function missRunChance(n: number, p: number, k: number): number {
  return Math.min(1, (1 + n * p) * (1 - p) ** k);
}

/** whether the run is still going at the end of the calls read: their last call missed and is the run's own */
export function runStillGoing(run: readonly CacheRead[], reads: readonly CacheRead[]): boolean {
  return run.length > 0 && run[run.length - 1] === reads[reads.length - 1];
}
