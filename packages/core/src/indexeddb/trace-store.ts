// Traces beside the calls, in a store of their own (schema version 4): few
// per page, each read whole (its steps and summary), listed newest first.
// Bounded by count: prune(max) lets the oldest go.
import type { IDBPDatabase } from "idb";
import type { Trace } from "../trace/types.ts";
import { TRACE_STORE, TRACE_TIME_INDEX } from "./schema.ts";
import { WRITE } from "./sliced-writes.ts";

export interface TraceQuery {
  /** epoch ms, exclusive: traces begun before it (the next page after the last trace's startedAt) */
  before?: number;
  /** default 50 */
  limit?: number;
}

export interface TraceStore {
  put(trace: Trace): Promise<void>;
  /** delete the oldest beyond max; resolves with how many went */
  prune(max: number): Promise<number>;
  /** newest first */
  list(query?: TraceQuery): Promise<Trace[]>;
  get(id: string): Promise<Trace | undefined>;
  clear(): Promise<void>;
}

export function idbTraceStore(db: IDBPDatabase): TraceStore {
  return {
    async put(trace) {
      await db.put(TRACE_STORE, trace);
    },
    async prune(max) {
      const tx = db.transaction(TRACE_STORE, "readwrite", WRITE);
      let deleted = 0;
      let excess = (await tx.store.count()) - max;
      for (let cursor = await tx.store.index(TRACE_TIME_INDEX).openKeyCursor(); cursor && excess > 0; excess--, deleted++, cursor = await cursor.continue()) {
        void tx.store.delete(cursor.primaryKey);
      }
      await tx.done;
      return deleted;
    },
    async list({ before = Infinity, limit = 50 } = {}) {
      const range = before == Infinity ? null : IDBKeyRange.upperBound(before, true);
      const traces: Trace[] = [];
      const tx = db.transaction(TRACE_STORE);
      for (let cursor = await tx.store.index(TRACE_TIME_INDEX).openCursor(range, "prev"); cursor && traces.length < limit; cursor = await cursor.continue()) traces.push(cursor.value as Trace);
      return traces;
    },
    get: (id) => db.get(TRACE_STORE, id) as Promise<Trace | undefined>,
    clear: () => db.clear(TRACE_STORE),
  };
}

/** the same over memory, when IndexedDB cannot be used */
export function memoryTraceStore(): TraceStore {
  const kept = new Map<string, Trace>();
  return {
    async put(trace) {
      kept.delete(trace.id);
      kept.set(trace.id, trace);
    },
    async prune(max) {
      const oldestFirst = [...kept.values()].sort((a, b) => a.startedAt - b.startedAt);
      const gone = oldestFirst.slice(0, Math.max(0, kept.size - max));
      for (const t of gone) kept.delete(t.id);
      return gone.length;
    },
    async list({ before = Infinity, limit = 50 } = {}) {
      return [...kept.values()].filter((t) => t.startedAt < before).sort((a, b) => b.startedAt - a.startedAt).slice(0, limit);
    },
    get: async (id) => kept.get(id),
    clear: async () => kept.clear(),
  };
}
