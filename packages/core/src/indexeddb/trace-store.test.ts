import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/types.ts";
import { idbStore, openIDB } from "./idb-store.ts";
import { currentIndexes, SCHEMA_VERSION, STORE, toStored } from "./schema.ts";
import { makeCall } from "./test-calls.ts";
import { idbTraceStore, memoryTraceStore, type TraceStore } from "./trace-store.ts";

const trace = (i: number): Trace => ({ id: `trace-${i}`, name: "GET /ask", sessionId: "s", tags: {}, startedAt: 1_000 + i, durationMs: 5, steps: [{ id: `s${i}`, traceId: `trace-${i}`, name: "search", kind: "retrieval", startedAt: 1_000 + i, durationMs: 2 }] });

const open = () => openIDB(new IDBFactory(), "llmscope", { timeoutMs: 5000, onClosed() {} });

it("upgrades a version 3 database: its calls stay, a traces store appears", async () => {
  globalThis.indexedDB = new IDBFactory();
  const v3 = await openDB("llmscope", 3, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: "id" });
      for (const [name, keyPath] of currentIndexes()) store.createIndex(name, keyPath);
    },
  });
  await v3.put(STORE, toStored(makeCall(7)));
  v3.close();
  const db = await openIDB(globalThis.indexedDB, "llmscope", { timeoutMs: 5000, onClosed() {} });
  expect(db.version).toBe(SCHEMA_VERSION);
  expect(await idbStore(db).get("call-000007")).toEqual(makeCall(7));
  const traces = idbTraceStore(db);
  await traces.put(trace(1));
  expect(await traces.get("trace-1")).toEqual(trace(1));
  db.close();
});

describe.each([
  ["IndexedDB", async () => idbTraceStore(await open())],
  ["memory", async () => memoryTraceStore()],
] as [string, () => Promise<TraceStore>][])("%s trace store", (_name, make) => {
  it("lists newest first in pages, gets by id, clears", async () => {
    const store = await make();
    for (const i of [3, 1, 4, 2]) await store.put(trace(i));
    expect((await store.list({ limit: 3 })).map((t) => t.id)).toEqual(["trace-4", "trace-3", "trace-2"]);
    expect((await store.list({ before: 1_002 })).map((t) => t.id)).toEqual(["trace-1"]);
    expect(await store.get("trace-3")).toEqual(trace(3));
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it("prune(max) lets the oldest go", async () => {
    const store = await make();
    for (const i of [2, 4, 1, 3]) await store.put(trace(i));
    expect(await store.prune(2)).toBe(2);
    expect(await store.prune(2)).toBe(0);
    expect((await store.list()).map((t) => t.id)).toEqual(["trace-4", "trace-3"]);
  });
});
