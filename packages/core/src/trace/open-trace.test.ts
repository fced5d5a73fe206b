import { afterEach, describe, expect, it, vi } from "vitest";
import type { LLMCall, RecorderEvent, RecorderStats } from "../types.ts";
import { CALLS_WAIT_MS, OpenTrace, type TraceHost } from "./open-trace.ts";

function host(listen = false) {
  const closed: OpenTrace[] = [];
  const events: RecorderEvent[] = [];
  const tracked: Promise<unknown>[] = [];
  const h: TraceHost = {
    sessionId: "s",
    stats: { traces: 0, openTraces: 0, tracesAbandoned: 0, stepsDropped: 0, attributesCut: 0 } as RecorderStats,
    listeners: { size: listen ? 1 : 0 },
    maxStepsPerTrace: 2,
    traceTimeoutMs: 60_000,
    activeTraces: 0,
    emit: (e) => void events.push(e),
    track: (w) => void tracked.push(w),
    close: (t) => void closed.push(t),
  };
  const open = () => new OpenTrace(h, { id: "t", name: "n", sessionId: "s", tags: {}, startedAt: 1000, steps: [] });
  return { h, closed, events, tracked, open };
}
const call = () => ({ timing: {} }) as LLMCall;

afterEach(() => void vi.useRealTimers());

describe("OpenTrace", () => {
  it("waits for its calls to settle before it is handed on, and flush() can wait too", async () => {
    const { h, closed, tracked, open } = host();
    const trace = open();
    const [a, b] = [call(), call()];
    trace.joinCall(a, performance.now(), undefined);
    trace.joinCall(b, performance.now(), "step-1");
    expect([a.traceId, a.parentId, b.parentId]).toEqual(["t", undefined, "step-1"]);
    trace.end();
    expect(closed).toEqual([]);
    expect(h.activeTraces).toBe(1);
    trace.settleCall(a, a);
    trace.dropCall(b);
    expect(closed).toEqual([trace]);
    expect(trace.calls.map((c) => c.call)).toEqual([a]);
    expect(h.activeTraces).toBe(0);
    await expect(Promise.all(tracked)).resolves.toBeDefined();
    // a call that comes after the hand-off is not the trace's
    expect(trace.joinCall(call(), 0, undefined)).toBe(false);
  });

  it("keeps at most maxStepsPerTrace calls; later ones carry its id and are counted as dropped steps", () => {
    const { h, open } = host();
    const trace = open();
    const calls = [call(), call(), call()];
    expect(calls.map((c) => trace.joinCall(c, 0, undefined))).toEqual([true, true, false]);
    expect(calls[2]!.traceId).toBe("t");
    expect([trace.calls.length, trace.record.droppedSteps, h.stats.stepsDropped]).toEqual([2, 1, 1]);
  });

  it("hands on without a call that never settles once the bounded wait is over", () => {
    vi.useFakeTimers();
    const { closed, open } = host();
    const trace = open();
    trace.joinCall(call(), performance.now(), undefined);
    trace.end();
    vi.advanceTimersByTime(CALLS_WAIT_MS - 1);
    expect(closed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(closed).toEqual([trace]);
  });

  it("keeps maxStepsPerTrace steps, counts the rest and steps begun after the end, and tells subscribers", () => {
    const { h, events, open } = host(true);
    const trace = open();
    for (const name of ["a", "b", "c"]) trace.startStep(name, "custom", undefined).end();
    trace.end();
    trace.startStep("late", "custom", undefined).end();
    expect(trace.record.steps.map((s) => s.name)).toEqual(["a", "b"]);
    expect(trace.record.droppedSteps).toBe(2);
    expect(h.stats.stepsDropped).toBe(2);
    // each kept step is told when it begins (still running) and when it ends
    expect(events.map((e) => e.type)).toEqual(["trace-start", "trace-update", "trace-update", "trace-update", "trace-update"]);
    // each event holds its own copy of the steps
    expect(events[0]!.type == "trace-start" && events[0]!.trace.steps).toEqual([]);
    const begun = events[1]!.type == "trace-update" ? events[1]!.trace.steps : [];
    expect(begun.map((s) => s.name)).toEqual(["a"]);
  });
});
