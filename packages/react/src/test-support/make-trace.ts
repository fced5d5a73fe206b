import type { Trace } from "@llmscope/core";

let seq = 0;

/** A finished trace with no steps; tests add what they assert on. */
export function makeTrace(overrides: Partial<Trace> = {}): Trace {
  seq++;
  return {
    id: `trace-${String(seq).padStart(4, "0")}`,
    name: `request ${seq}`,
    sessionId: "session-a",
    tags: {},
    startedAt: 1_700_000_000_000 + seq * 10_000,
    durationMs: 1200,
    steps: [],
    ...overrides,
  };
}
