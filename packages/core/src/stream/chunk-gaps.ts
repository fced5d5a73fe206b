// Inter-chunk timing: the gaps between body chunks show whether a stream is
// steady or jittery. Bounded: percentiles come from the first MAX_KEPT gaps,
// the max from all of them, and the record carries at most MAX_LISTED.
import type { Timing } from "../types.ts";

const MAX_KEPT = 4096;
const MAX_LISTED = 256;

export interface ChunkGaps {
  add(at: number): void;
  summary(): Pick<Timing, "chunkCount" | "chunkGapsMs" | "gapsMs">;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function createChunkGaps(): ChunkGaps {
  const gaps: number[] = [];
  let last: number | undefined;
  let count = 0;
  let max = 0;
  return {
    add(at) {
      count++;
      if (last !== undefined) {
        const gap = at - last;
        if (gap > max) max = gap;
        if (gaps.length < MAX_KEPT) gaps.push(gap);
      }
      last = at;
    },
    summary() {
      if (!gaps.length) return { chunkCount: count };
      const sorted = gaps.slice().sort((a, b) => a - b);
      const at = (q: number) => round(sorted[Math.floor(q * sorted.length)]!);
      return { chunkCount: count, chunkGapsMs: { p50: at(0.5), p95: at(0.95), max: round(max) }, gapsMs: gaps.slice(0, MAX_LISTED).map(round) };
    },
  };
}
