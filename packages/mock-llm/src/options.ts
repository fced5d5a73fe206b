import type { ScenarioId } from "./scenarios.ts";

export interface MockOptions {
  /** scenario used when a request names none (default "normal") */
  scenario?: ScenarioId;
  /** wait before the first chunk of a stream, or before a non-streamed response (default 20) */
  firstChunkDelayMs?: number;
  /** wait between stream chunks (default 5) */
  chunkDelayMs?: number;
  /** each gap varies by up to ± this much, from a seeded generator (default 0) */
  jitterMs?: number;
  /** seed for jitter and for `x-mock-vary` answers, so runs repeat exactly (default 1) */
  seed?: number;
}

export interface Timing {
  firstChunkDelayMs: number;
  chunkDelayMs: number;
  jitterMs: number;
}

export const DEFAULT_TIMING: Timing = { firstChunkDelayMs: 20, chunkDelayMs: 5, jitterMs: 0 };

/** What the slow and jittery scenarios change, before per-request headers override them. */
export const SCENARIO_TIMING: Partial<Record<ScenarioId, Partial<Timing>>> = {
  slow_first_token: { firstChunkDelayMs: 600 },
  jitter: { chunkDelayMs: 15, jitterMs: 40 },
};
