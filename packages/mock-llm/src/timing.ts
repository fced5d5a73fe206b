import { DEFAULT_TIMING, type MockOptions, SCENARIO_TIMING, type Timing } from "./options.ts";
import type { ScenarioId } from "./scenarios.ts";

/** Defaults, then server options, then the scenario's own timing, then per-request headers. */
export function timingFor(options: MockOptions, scenario: ScenarioId, headers: Headers): Timing {
  const fromHeader = (name: string, fallback: number) => {
    const raw = headers.get(name);
    const value = raw === null ? Number.NaN : Number(raw);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const base: Timing = {
    firstChunkDelayMs: options.firstChunkDelayMs ?? DEFAULT_TIMING.firstChunkDelayMs,
    chunkDelayMs: options.chunkDelayMs ?? DEFAULT_TIMING.chunkDelayMs,
    jitterMs: options.jitterMs ?? DEFAULT_TIMING.jitterMs,
    ...SCENARIO_TIMING[scenario],
  };
  return {
    firstChunkDelayMs: fromHeader("x-mock-first-chunk-delay", base.firstChunkDelayMs),
    chunkDelayMs: fromHeader("x-mock-chunk-delay", base.chunkDelayMs),
    jitterMs: fromHeader("x-mock-jitter", base.jitterMs),
  };
}
