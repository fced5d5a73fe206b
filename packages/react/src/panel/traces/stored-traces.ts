import type { Recorder, Trace } from "@llmscope/core";
import { upsertTraces, type TraceStore } from "../../store/trace-store.ts";

/** What the IndexedDB sink answers about the traces it keeps; found by its shape, like the call queries. */
export interface TraceQueries {
  queryTraces(query?: { before?: number; limit?: number }): Promise<Trace[]>;
}

export function findTraceSink(recorder: Recorder): TraceQueries | undefined {
  for (const sink of recorder.sinks ?? []) {
    if (typeof (sink as Partial<TraceQueries>).queryTraces === "function") return sink as unknown as TraceQueries;
  }
  return undefined;
}

export const storedTracesPage = 200;

/** The newest stored requests (earlier page loads, other tabs) into the store; a live trace is fresher than its stored copy. */
export async function loadStoredTraces(store: TraceStore, sink: TraceQueries, max: number): Promise<number> {
  const stored = await sink.queryTraces({ limit: storedTracesPage });
  const live = store.getState().traces;
  const fresh = stored.filter((t) => t && typeof t.id === "string" && !live.has(t.id));
  upsertTraces(store, fresh, max);
  return fresh.length;
}
