import { describe, expect, it } from "vitest";
import { clearTraces, createTraceStore, selectTrace, upsertTraces } from "./trace-store.ts";
import { makeTrace } from "../test-support/make-trace.ts";

describe("trace store", () => {
  it("keeps traces in start order and replaces a live trace when it updates", () => {
    const store = createTraceStore();
    const late = makeTrace({ startedAt: 3000 });
    const early = makeTrace({ startedAt: 1000 });
    upsertTraces(store, [late, early], 100);
    expect(store.getState().ids).toEqual([early.id, late.id]);
    const ids = store.getState().ids;
    upsertTraces(store, [{ ...late, durationMs: 900 }], 100);
    expect(store.getState().ids).toBe(ids);
    expect(store.getState().traces.get(late.id)?.durationMs).toBe(900);
  });

  it("gives a trace the recorder mutates in place a new identity, steps included", () => {
    const store = createTraceStore();
    const trace = makeTrace({ durationMs: undefined });
    upsertTraces(store, [trace], 100);
    const first = store.getState().traces.get(trace.id)!;
    trace.steps.push({ id: "s-new", traceId: trace.id, name: "late step", kind: "tool", startedAt: trace.startedAt + 5 });
    upsertTraces(store, [trace], 100);
    const second = store.getState().traces.get(trace.id)!;
    expect(second).not.toBe(first);
    expect(second.steps).not.toBe(first.steps);
    expect(second.steps.map((s) => s.name)).toContain("late step");
  });

  it("drops the oldest over the cap, counts them, and forgets a selection that left", () => {
    const store = createTraceStore();
    const traces = [1, 2, 3].map((i) => makeTrace({ startedAt: i * 1000 }));
    upsertTraces(store, [traces[0]!], 2);
    selectTrace(store, traces[0]!.id);
    upsertTraces(store, traces.slice(1), 2);
    const state = store.getState();
    expect(state.ids).toEqual([traces[1]!.id, traces[2]!.id]);
    expect(state.evicted).toBe(1);
    expect(state.selectedId).toBeNull();
  });

  it("ignores malformed traces and anything started before a clear", () => {
    const store = createTraceStore();
    const before = store.getState();
    upsertTraces(store, [null as never, { id: 7 } as never], 10);
    expect(store.getState()).toBe(before);
    clearTraces(store, 5000);
    upsertTraces(store, [makeTrace({ startedAt: 4000 }), makeTrace({ startedAt: 6000 })], 10);
    expect(store.getState().ids).toHaveLength(1);
  });
});
