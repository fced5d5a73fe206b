// The IndexedDB sink's traces: each finished trace stored in the traces store
// as it comes (traces arrive at a request's pace, no batching needed), the
// oldest let go past maxTraces, and the reads the devtools make.
import type { SinkContext } from "../types.ts";
import type { Trace } from "../trace/types.ts";
import type { CallStore } from "./call-store.ts";
import type { StoreEvents } from "./store-events.ts";
import type { TraceQuery } from "./trace-store.ts";

export interface TraceSinkOptions {
  /** keep at most this many traces, the oldest go first; default 5,000 */
  maxTraces?: number;
}

export interface TraceQueries {
  /** stored traces, newest first */
  queryTraces(query?: TraceQuery): Promise<Trace[]>;
  getTrace(id: string): Promise<Trace | undefined>;
}

/** the count is checked against maxTraces on the first put and every this many after */
const PRUNE_EVERY = 50;

export function traceWrites(store: () => Promise<CallStore>, events: StoreEvents, context: () => SinkContext | undefined, { maxTraces = 5000 }: TraceSinkOptions) {
  let writing: Promise<void> = Promise.resolve();
  let puts = 0;
  const write = (trace: Trace) => {
    const ctx = context();
    if (typeof trace?.id != "string" || !Number.isFinite(trace.startedAt)) {
      ctx?.drop(1, "indexeddb-invalid-trace");
      return ctx?.error(new TypeError(`indexedDBSink: a trace needs a string id and a numeric startedAt, got id ${trace?.id}`));
    }
    writing = writing.then(async () => {
      try {
        const s = await store();
        await s.traces.put(trace);
        events.publish({ type: "trace", id: trace.id });
        if (puts++ % PRUNE_EVERY == 0) await s.traces.prune(maxTraces);
      } catch (err) {
        ctx?.drop(1, "indexeddb-trace-write-failed");
        ctx?.error(err);
      }
    });
  };
  const methods: TraceQueries & { writeTrace(trace: Trace): void } = {
    writeTrace: write,
    async queryTraces(query) {
      await writing;
      return (await store()).traces.list(query);
    },
    async getTrace(id) {
      await writing;
      return (await store()).traces.get(id);
    },
  };
  return { methods, flush: () => writing, clear: async () => (await store()).traces.clear() };
}
