import { describe, expect, it } from "vitest";
import { agentTrace, T0, testCall, testStep } from "../../test-support/trace-fixture.ts";
import { waterfallLayout } from "./waterfall-layout.ts";

describe("waterfall layout", () => {
  it("nests steps and calls by parent, siblings in start order, on the trace's time axis", () => {
    const { trace, steps, calls } = agentTrace();
    const { rows, spanMs } = waterfallLayout(trace, steps, calls);
    expect(rows.map((r) => [r.id, r.depth, r.start, r.end])).toEqual([
      ["agent", 0, 0, 1000],
      ["search", 1, 50, 250],
      ["c1", 1, 300, 600],
      ["tool", 1, 620, 700],
      ["c2", 1, 720, 950],
    ]);
    expect(spanMs).toBe(1000);
  });

  it("draws an LLM call's wait, first token and streaming at the call's place on the axis", () => {
    const { trace, steps, calls } = agentTrace();
    const c1 = waterfallLayout(trace, steps, calls).rows.find((r) => r.id === "c1")!;
    expect(c1.callId).toBe("c1");
    expect(c1.phases.map((p) => [p.className, p.from, p.to])).toEqual([
      ["ph-wait", 300, 360],
      ["ph-think", 360, 400],
      ["ph-stream", 400, 600],
    ]);
  });

  it("leaves out the first-token phase of a call that has none", () => {
    const call = testCall("plain", 0, { durationMs: 200, ttfbMs: 200 }, { stream: false });
    const [row] = waterfallLayout({ startedAt: T0, durationMs: 200 }, [], [call]).rows;
    expect(row!.phases.map((p) => p.className)).toEqual(["ph-wait"]);
  });

  it("gives a step the cost, tokens and calls of every call nested under it", () => {
    const { trace, steps, calls } = agentTrace();
    const agent = waterfallLayout(trace, steps, calls).rows[0]!;
    expect(agent.calls).toBe(2);
    expect(agent.tokens).toBe(240);
    expect(agent.costUSD).toBeCloseTo(0.006, 12);
    const search = waterfallLayout(trace, steps, calls).rows[1]!;
    expect([search.calls, search.tokens, search.costUSD]).toEqual([0, 0, 0]);
  });

  it("puts rows whose parent is missing or circular at the top level rather than losing them", () => {
    const steps = [testStep("a", "a", "custom", 10, 5, "b"), testStep("b", "b", "custom", 20, 5, "a"), testStep("c", "c", "tool", 0, 5, "cut-by-cap")];
    const { rows } = waterfallLayout({ startedAt: T0, durationMs: 30 }, steps, []);
    expect(rows.map((r) => [r.id, r.depth])).toEqual([["c", 0], ["a", 0], ["b", 1]]);
  });

  it("stretches the axis to a row that ends after the trace, and keeps errors", () => {
    const late = testCall("late", 900, { durationMs: 400 }, { error: { kind: "timeout", message: "timed out" } });
    const layout = waterfallLayout({ startedAt: T0, durationMs: 1000 }, [], [late]);
    expect(layout.spanMs).toBe(1300);
    expect(layout.rows[0]!.error).toBe("timed out");
  });
});
