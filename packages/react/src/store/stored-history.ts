import type { CallQuery, QueryableSink, Recorder } from "@llmscope/core";
import { upsertCalls, type CallStore } from "./call-store.ts";

/** The IndexedDB sink answers queries; any sink that does is found by its shape. */
export function findQueryableSink(recorder: Recorder): QueryableSink | undefined {
  for (const sink of recorder.sinks ?? []) {
    if (typeof (sink as Partial<QueryableSink>).queryCalls === "function") return sink as QueryableSink;
  }
  return undefined;
}

export interface HistoryPage {
  loaded: number;
  /** absent once the oldest stored call is loaded */
  cursor: string | undefined;
}

export const historyPageSize = 200;

/** Load one page of stored calls (newest first, as the sink pages) into the store. */
export async function loadHistoryPage(
  store: CallStore,
  sink: QueryableSink,
  maxCalls: number,
  cursor?: string,
): Promise<HistoryPage> {
  const query: CallQuery = { limit: historyPageSize };
  const clearedAt = store.getState().clearedAt;
  if (clearedAt > 0) query.from = clearedAt;
  if (cursor) query.cursor = cursor;
  const page = await sink.queryCalls(query);
  const live = store.getState().calls;
  // a live call is fresher than its stored copy (it may still be streaming)
  const fresh = page.calls.filter((c) => c && typeof c.id === "string" && !live.has(c.id));
  upsertCalls(store, fresh, maxCalls, "history");
  return { loaded: fresh.length, cursor: page.cursor };
}
