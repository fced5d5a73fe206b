import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { createRecorder } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";
import { createTraceStore, upsertTraces, clearTraces } from "../../store/trace-store.ts";
import { findTraceSink, loadStoredTraces } from "./stored-traces.ts";
import { makeTrace } from "../../test-support/make-trace.ts";

describe("stored traces", () => {
  it("loads the requests an IndexedDB sink kept, leaving live ones and cleared ones alone", async () => {
    const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
    const traces = [1, 2, 3].map((i) => makeTrace({ startedAt: 1_000 * i, name: `stored ${i}` }));
    for (const trace of traces) sink.writeTrace!(trace);
    await sink.flush();
    const found = findTraceSink(createRecorder({ sinks: [sink] }));
    expect(found).toBe(sink);
    expect(findTraceSink(createRecorder({ sinks: [] }))).toBeUndefined();

    const store = createTraceStore();
    upsertTraces(store, [{ ...traces[2]!, name: "live copy", durationMs: undefined }], 100);
    clearTraces(store, 1_500);
    upsertTraces(store, [{ ...traces[2]!, name: "live copy", durationMs: undefined }], 100);
    expect(await loadStoredTraces(store, found!, 100)).toBe(2);
    const state = store.getState();
    // the one started before the clear is dropped by the store; the live one keeps its live copy
    expect(state.ids).toEqual([traces[1]!.id, traces[2]!.id]);
    expect(state.traces.get(traces[2]!.id)?.name).toBe("live copy");
  });
});
