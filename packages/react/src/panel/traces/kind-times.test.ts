import { describe, expect, it } from "vitest";
import { kindTimes, unionMs } from "./kind-times.ts";
import { agentStart, agentTrace } from "../../test-support/agent-trace.ts";

describe("kindTimes", () => {
  it("counts overlapping intervals once", () => {
    expect(unionMs([[0, 100], [50, 150], [300, 400], [390, 395]])).toBe(250);
    expect(unionMs([])).toBe(0);
  });

  it("reads a finished trace's summary", () => {
    const { trace, calls } = agentTrace();
    expect(kindTimes(trace, calls, agentStart + 99_999)).toEqual({ llm: 1800, retrieval: 120, tool: 200, preprocess: 180, http: 0, self: 100 });
  });

  it("works a running trace out from its steps and calls, open ones up to now", () => {
    const { trace, calls } = agentTrace({ live: true });
    const running = { ...calls[2]!, phase: "streaming" as const, timing: {} };
    const times = kindTimes(trace, [calls[0]!, calls[1]!, running], agentStart + 2000);
    // c1 600 + c2 500 + c3 open 1600→2000
    expect(times).toEqual({ llm: 1500, retrieval: 120, tool: 200, preprocess: 180, http: 0, self: 0 });
    const later = kindTimes({ ...trace, steps: trace.steps.slice(0, 2) }, [], agentStart + 1000);
    expect(later.self).toBe(700);
  });
});
