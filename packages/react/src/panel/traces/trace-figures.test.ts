import { describe, expect, it } from "vitest";
import { traceFigures } from "./trace-figures.ts";
import { indexCallsByTrace, callsOf } from "./calls-by-trace.ts";
import { agentStart, agentTrace } from "../../test-support/agent-trace.ts";
import { makeCall } from "../../test-support/make-call.ts";

describe("traceFigures", () => {
  it("uses the summary of a finished trace", () => {
    const { trace, calls } = agentTrace();
    const f = traceFigures(trace, calls, agentStart + 10_000);
    expect(f).toMatchObject({ live: false, durationMs: 2400, calls: 3, inputTokens: 300, outputTokens: 120, costUSD: 0.0009, errors: 0 });
  });

  it("tallies a running trace from its calls and failed steps, timed up to now", () => {
    const { trace, calls } = agentTrace({ live: true });
    trace.steps[1]!.error = { kind: "http", message: "index down" };
    calls[1]!.error = { kind: "overloaded", message: "busy" };
    const f = traceFigures(trace, calls, agentStart + 2000);
    expect(f).toMatchObject({ live: true, durationMs: 2000, calls: 3, inputTokens: 300, outputTokens: 120, errors: 2 });
    expect(f.costUSD).toBeCloseTo(0.0009, 10);
  });
});

describe("indexCallsByTrace", () => {
  it("groups calls by trace in start order and keeps unchanged groups' arrays", () => {
    const a1 = makeCall({ traceId: "a" });
    const b1 = makeCall({ traceId: "b" });
    const free = makeCall();
    const a2 = makeCall({ traceId: "a" });
    const map = new Map([a1, b1, free, a2].map((c) => [c.id, c]));
    const ids = [a1.id, b1.id, free.id, a2.id];
    const first = indexCallsByTrace(ids, map);
    expect(callsOf(first, "a").map((c) => c.id)).toEqual([a1.id, a2.id]);
    expect(callsOf(first, "none")).toEqual([]);
    const updated = new Map(map).set(b1.id, { ...b1, completion: { text: "more" } });
    const second = indexCallsByTrace(ids, updated, first);
    expect(second.get("a")).toBe(first.get("a"));
    expect(second.get("b")).not.toBe(first.get("b"));
  });
});
