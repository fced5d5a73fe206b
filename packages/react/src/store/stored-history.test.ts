import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { createRecorder } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";
import { createCallStore, clearCalls, upsertCalls } from "./call-store.ts";
import { findQueryableSink, historyPageSize, loadHistoryPage } from "./stored-history.ts";
import { makeCall } from "../test-support/make-call.ts";

function storedSink(count: number) {
  const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false });
  const calls = Array.from({ length: count }, (_, i) => makeCall({ startedAt: 1_000 + i, sessionId: "earlier-page" }));
  for (const call of calls) sink.write(call);
  return { sink, calls };
}

describe("stored history", () => {
  it("finds the queryable sink among the recorder's sinks", () => {
    const { sink } = storedSink(0);
    expect(findQueryableSink(createRecorder({ sinks: [sink] }))).toBe(sink);
    expect(findQueryableSink(createRecorder({ sinks: [] }))).toBeUndefined();
  });

  it("loads stored calls page by page, newest first, until the oldest", async () => {
    const { sink, calls } = storedSink(historyPageSize + 50);
    await sink.flush();
    const store = createCallStore();
    const first = await loadHistoryPage(store, sink, 10_000);
    expect(first.loaded).toBe(historyPageSize);
    expect(first.cursor).toBeDefined();
    expect(store.getState().ids.at(-1)).toBe(calls.at(-1)!.id);
    const second = await loadHistoryPage(store, sink, 10_000, first.cursor);
    expect(second.loaded).toBe(50);
    expect(second.cursor).toBeUndefined();
    expect(store.getState().ids).toEqual(calls.map((c) => c.id));
  });

  it("keeps a live call over its stored copy, and skips calls from before a clear", async () => {
    const { sink, calls } = storedSink(3);
    await sink.flush();
    const store = createCallStore();
    const live = { ...calls[2]!, phase: "streaming" as const };
    upsertCalls(store, [live], 100);
    await loadHistoryPage(store, sink, 100);
    expect(store.getState().calls.get(live.id)?.phase).toBe("streaming");
    expect(store.getState().ids).toHaveLength(3);
    clearCalls(store, calls[1]!.startedAt);
    await loadHistoryPage(store, sink, 100);
    expect(store.getState().ids).toEqual([calls[1]!.id, calls[2]!.id]);
  });
});
