// @llmscope/core/indexeddb: calls kept in the browser and queried there.
// A separate entry so idb stays out of bundles that do not use it.
export { indexedDBSink, type IndexedDBSink, type IndexedDBSinkOptions } from "./indexeddb-sink.ts";
export type { StoreChange, StoreEvent } from "./store-events.ts";
export type { TraceQuery } from "./trace-store.ts";
export { SCHEMA_VERSION } from "./schema.ts";
