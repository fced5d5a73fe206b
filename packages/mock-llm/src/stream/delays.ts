import { seededRandom } from "../content/hash.ts";
import type { Timing } from "../options.ts";

export interface Delays {
  readonly first: number;
  /** the gap before the next chunk, jittered by a seeded generator */
  next(): number;
}

export function createDelays(timing: Timing, seed: number): Delays {
  const random = seededRandom(seed);
  return {
    first: Math.max(0, timing.firstChunkDelayMs),
    next() {
      const jitter = timing.jitterMs > 0 ? (random() * 2 - 1) * timing.jitterMs : 0;
      return Math.max(0, Math.round(timing.chunkDelayMs + jitter));
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
