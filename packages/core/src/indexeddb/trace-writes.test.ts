import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/types.ts";
import { indexedDBSink } from "./indexeddb-sink.ts";
import type { StoreEvent } from "./store-events.ts";
import { makeCall, recordingContext } from "./test-calls.ts";

const trace = (i: number): Trace => ({ id: `trace-${i}`, name: "ask", sessionId: "s", tags: { userId: "u" }, startedAt: 5_000 + i, durationMs: 9, steps: [], callIds: [`call-00000${i}`] });

const fresh = (more: Parameters<typeof indexedDBSink>[0] = {}) => {
  const sink = indexedDBSink({ indexedDB: new IDBFactory(), channel: false, ...more });
  const ctx = recordingContext();
  sink.attach!(ctx);
  return { sink, ctx };
};

describe("indexedDBSink and traces", () => {
  it("stores each trace beside the calls, announces it, and answers queries newest first", async () => {
    const { sink } = fresh();
    const events: StoreEvent[] = [];
    sink.subscribe((e) => events.push(e));
    sink.write(makeCall(1));
    sink.writeTrace!(trace(1));
    sink.writeTrace!(trace(2));
    await sink.flush();
    expect((await sink.queryTraces()).map((t) => t.id)).toEqual(["trace-2", "trace-1"]);
    expect(await sink.getTrace("trace-1")).toEqual(trace(1));
    expect((await sink.queryCalls({})).calls).toHaveLength(1);
    expect(events.filter((e) => e.type == "trace").map((e) => e.type == "trace" && e.id)).toEqual(["trace-1", "trace-2"]);
    await sink.clear();
    expect(await sink.queryTraces()).toEqual([]);
  });

  it("keeps at most maxTraces (checked on the first put and every 50th after)", async () => {
    const { sink } = fresh({ maxTraces: 3 });
    for (let i = 1; i <= 51; i++) sink.writeTrace!(trace(i));
    await sink.flush();
    expect((await sink.queryTraces({ limit: 100 })).map((t) => t.id)).toEqual(["trace-51", "trace-50", "trace-49"]);
  });

  it("counts a trace it cannot store, and loses nothing else", async () => {
    const { sink, ctx } = fresh();
    sink.writeTrace!({ id: 7 } as unknown as Trace);
    sink.writeTrace!(trace(1));
    await sink.flush();
    expect(ctx.drops).toEqual({ "indexeddb-invalid-trace": 1 });
    expect((await sink.queryTraces()).map((t) => t.id)).toEqual(["trace-1"]);
  });
});
