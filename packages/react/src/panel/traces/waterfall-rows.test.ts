import { describe, expect, it } from "vitest";
import { waterfallRows } from "./waterfall-rows.ts";
import { axisTicks } from "./waterfall-bar.tsx";
import { agentTrace } from "../../test-support/agent-trace.ts";
import { makeTrace } from "../../test-support/make-trace.ts";
import { makeCall } from "../../test-support/make-call.ts";

describe("waterfallRows", () => {
  it("puts steps and calls on one axis in start order and flags the repeated tool call", () => {
    const { trace, calls } = agentTrace();
    const rows = waterfallRows(trace, calls);
    expect(rows.map((r) => [r.kind, r.name, r.offsetMs, r.repeat ?? 0])).toEqual([
      ["preprocess", "normalize-input", 0, 0],
      ["retrieval", "vector-search", 180, 0],
      ["llm", "gpt-4o-mini", 300, 0],
      ["tool", "get_weather", 900, 0],
      // the model asks again with the same arguments (spacing aside), and the tool runs again
      ["llm", "gpt-4o-mini", 1000, 2],
      ["tool", "get_weather", 1500, 2],
      ["llm", "gpt-4o-mini", 1600, 0],
    ]);
  });

  it("nests calls and steps under the step they ran in, and survives a parent that was cut or loops", () => {
    const trace = makeTrace({ startedAt: 0 });
    trace.steps = [
      { id: "agent", traceId: trace.id, name: "plan", kind: "agent", startedAt: 10, durationMs: 500 },
      { id: "inner", traceId: trace.id, parentId: "agent", name: "lookup", kind: "http", startedAt: 20, durationMs: 30 },
      { id: "orphan", traceId: trace.id, parentId: "cut-by-cap", name: "orphan", kind: "custom", startedAt: 5, durationMs: 1 },
      { id: "x", traceId: trace.id, parentId: "y", name: "x", kind: "custom", startedAt: 600, durationMs: 1 },
      { id: "y", traceId: trace.id, parentId: "x", name: "y", kind: "custom", startedAt: 601, durationMs: 1 },
    ];
    const call = makeCall({ traceId: trace.id, parentId: "agent", startedAt: 100 });
    const rows = waterfallRows(trace, [call]);
    expect(rows.map((r) => [r.name, r.depth])).toEqual([
      ["orphan", 0],
      ["plan", 0],
      ["lookup", 1],
      ["gpt-4o-mini", 1],
    ]);
  });

  it("carries errors of steps and calls", () => {
    const trace = makeTrace({ startedAt: 0 });
    trace.steps = [{ id: "s", traceId: trace.id, name: "search", kind: "retrieval", startedAt: 1, durationMs: 2, error: { kind: "http", message: "503 from index" } }];
    const call = makeCall({ traceId: trace.id, startedAt: 5, error: { kind: "rate_limit", status: 429, message: "slow down" } });
    expect(waterfallRows(trace, [call]).map((r) => r.error)).toEqual(["503 from index", "rate_limit: slow down"]);
  });
});

describe("axisTicks", () => {
  it("gives 3 to 6 round ticks from 0", () => {
    expect(axisTicks(3320)).toEqual([0, 1000, 2000, 3000]);
    expect(axisTicks(1730)).toEqual([0, 500, 1000, 1500]);
    expect(axisTicks(95)).toEqual([0, 20, 40, 60, 80]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
